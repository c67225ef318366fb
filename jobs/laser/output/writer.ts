// Grbl G-code text, written once: modal words (S, F, and X/Y that did not change) are left out, numbers
// carry three decimals at most, and lines are gathered into chunks of about 64 KiB for streaming.

const CHUNK_CHARS = 64 * 1024;

/** Millimetres with at most three decimals, no trailing zeros ("12.5", "-0.125", "3"). */
export function fmt(v: number): string {
  let k = Math.round(v * 1000);
  if (k === 0) return '0';
  let sign = '';
  if (k < 0) {
    sign = '-';
    k = -k;
  }
  const int = Math.floor(k / 1000);
  const frac = k - int * 1000;
  if (frac === 0) return sign + int;
  if (frac % 100 === 0) return sign + int + '.' + frac / 100;
  if (frac % 10 === 0) return sign + int + (frac < 100 ? '.0' : '.') + frac / 10;
  return sign + int + (frac < 10 ? '.00' : frac < 100 ? '.0' : '.') + frac;
}

export class GcodeWriter {
  private readonly chunks: string[] = [];
  private buf = '';
  private lines = 0;
  x = NaN;
  y = NaN;
  /** The position as last written, to leave out the words that do not change. */
  private xs = '';
  private ys = '';
  private s = NaN;
  private f = NaN;

  line(text: string): void {
    this.buf += text + '\n';
    this.lines++;
    if (this.buf.length >= CHUNK_CHARS) {
      this.chunks.push(this.buf);
      this.buf = '';
    }
  }

  comment(text: string): void {
    // Grbl ends a comment at the line's end; keep it on one line.
    this.line('; ' + text.replace(/[\r\n]+/g, ' '));
  }

  /**
   * A travel, beam off. Grbl in laser mode never fires on G0; the S0 also keeps it off on a board
   * whose laser mode ($32) was switched off, where M4 would burn along every travel.
   */
  rapid(x: number, y: number): void {
    const xs = fmt(x);
    const ys = fmt(y);
    const dx = xs !== this.xs;
    const dy = ys !== this.ys;
    if (!dx && !dy) return;
    let t = dx ? (dy ? 'G0 X' + xs + ' Y' + ys : 'G0 X' + xs) : 'G0 Y' + ys;
    if (this.s !== 0) {
      t += ' S0';
      this.s = 0;
    }
    this.line(t);
    this.x = x;
    this.y = y;
    this.xs = xs;
    this.ys = ys;
  }

  /** A feed move at power S (S0 = moving at speed with the beam off, as in overscan). */
  feed(x: number, y: number, s: number, f: number): void {
    const xs = fmt(x);
    const ys = fmt(y);
    const dx = xs !== this.xs;
    const dy = ys !== this.ys;
    if (!dx && !dy) return;
    let t = dx ? (dy ? 'G1 X' + xs + ' Y' + ys : 'G1 X' + xs) : 'G1 Y' + ys;
    if (s !== this.s) t += ' S' + s;
    if (f !== this.f) t += ' F' + fmt(f);
    this.line(t);
    this.x = x;
    this.y = y;
    this.xs = xs;
    this.ys = ys;
    this.s = s;
    this.f = f;
  }

  /** S set by a line written with `line()` (e.g. `M4 S0`). */
  knownS(s: number): void {
    this.s = s;
  }

  /** Modal state is unknown again (after M5, a program end, raw lines). */
  forget(): void {
    this.s = NaN;
    this.f = NaN;
  }

  get lineCount(): number {
    return this.lines;
  }

  finish(): string[] {
    if (this.buf) this.chunks.push(this.buf);
    this.buf = '';
    return this.chunks;
  }
}
