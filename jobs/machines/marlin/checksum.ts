// Marlin's line protocol: `N<n> <command>*<cs>` where cs is the XOR of every byte before the `*`.
// The firmware checks the number (must be last+1) before the checksum, so a line carries both its
// place in the stream and its integrity; together they let the host resend exactly what was lost.

/** XOR of the latin1 bytes of `text`, the way Marlin sums what precedes the `*`. */
export function xorChecksum(text: string, start = 0, end = text.length): number {
  let cs = 0;
  for (let i = start; i < end; i++) cs ^= text.charCodeAt(i) & 0xff;
  return cs;
}

/** The checksummed line without its newline, for logs, tests and cold paths. */
export function frameLine(n: number, command: string): string {
  const body = `N${n} ${command}`;
  return `${body}*${xorChecksum(body)}`;
}

/**
 * A line given by a job may already carry a number and checksum (files saved by some hosts do):
 * keep only the command, since ours replace them.
 */
export function stripNumbering(line: string): string {
  if (line.charCodeAt(0) !== 78 /* N */) return line;
  const m = /^N-?\d+\s*(.*?)(?:\*\d+)?\s*$/.exec(line);
  return m ? (m[1] ?? '') : line;
}

const SLAB = 64 * 1024;

/**
 * Writes framed lines into a shared slab and hands out views of it, so the hot path makes neither a
 * framed string nor a fresh buffer per line. A filled slab is dropped, never reused: the port may
 * still hold views of it until the OS has taken the bytes.
 */
export class LineFramer {
  private slab = Buffer.allocUnsafe(SLAB);
  private used = 0;

  /** Bytes of `N<n> <command>*<cs>\n`; `command` must be latin1 and free of newlines. */
  frame(n: number, command: string): Uint8Array {
    const need = command.length + 24;
    if (this.used + need > SLAB) {
      this.slab = Buffer.allocUnsafe(Math.max(SLAB, need));
      this.used = 0;
    }
    const buf = this.slab;
    const start = this.used;
    let p = start;
    buf[p++] = 78; // N
    p = writeInt(buf, p, n);
    buf[p++] = 32;
    p += buf.write(command, p, 'latin1');
    let cs = 0;
    for (let i = start; i < p; i++) cs ^= buf[i] as number;
    buf[p++] = 42; // *
    p = writeInt(buf, p, cs);
    buf[p++] = 10;
    this.used = p;
    return buf.subarray(start, p);
  }
}

function writeInt(buf: Buffer, at: number, value: number): number {
  let p = at;
  let v = value;
  if (v < 0) {
    buf[p++] = 45;
    v = -v;
  }
  if (v < 10) {
    buf[p++] = 48 + v;
    return p;
  }
  let digits = 0;
  for (let t = v; t > 0; t = Math.floor(t / 10)) digits++;
  let end = p + digits;
  for (let t = v; t > 0; t = Math.floor(t / 10)) buf[--end] = 48 + (t % 10);
  return p + digits;
}
