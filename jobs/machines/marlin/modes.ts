// The few modal settings a host must put back after it moved the head itself (pause, jog): positioning
// (G90/G91), extruder mode (M82/M83), feed rate, heater targets. They are read from the job lines the
// driver sends, without a G-code parser: one glance at the first word, a scan for `F` or `S` only on
// the commands that carry them.

export class ModalState {
  /** G91: X, Y, Z (and E, as Marlin's G91 sets every axis) are relative. */
  relative = false;
  /** M83 or G91: E is relative. */
  relativeE = false;
  /** Last feed rate given to a move, mm/min; NaN until one is seen. */
  feed = Number.NaN;
  /** Last targets asked by the job (M104/M109, M140/M190), °C; NaN until one is seen. */
  toolTarget = Number.NaN;
  bedTarget = Number.NaN;

  observe(line: string): void {
    const letter = line.charCodeAt(0);
    if (letter !== 71 /* G */ && letter !== 77 /* M */) return;
    let code = 0;
    let i = 1;
    for (; i < line.length; i++) {
      const d = line.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      code = code * 10 + d;
    }
    if (i === 1) return;
    if (letter === 71) {
      if (code <= 3) {
        const f = wordValue(line, 70 /* F */, i);
        if (!Number.isNaN(f) && f > 0) this.feed = f;
      } else if (code === 90) {
        this.relative = false;
        this.relativeE = false;
      } else if (code === 91) {
        this.relative = true;
        this.relativeE = true;
      }
      return;
    }
    if (code === 82) this.relativeE = false;
    else if (code === 83) this.relativeE = true;
    else if (code === 104 || code === 109) this.toolTarget = targetOf(line, i, this.toolTarget);
    else if (code === 140 || code === 190) this.bedTarget = targetOf(line, i, this.bedTarget);
  }

  reset(): void {
    this.relative = false;
    this.relativeE = false;
    this.feed = Number.NaN;
    this.toolTarget = Number.NaN;
    this.bedTarget = Number.NaN;
  }
}

function targetOf(line: string, from: number, previous: number): number {
  // M104 T1 S200 sets another tool: the pause only reheats the first one, so ignore the others.
  const tool = wordValue(line, 84 /* T */, from);
  if (!Number.isNaN(tool) && tool !== 0) return previous;
  const s = wordValue(line, 83 /* S */, from);
  if (!Number.isNaN(s)) return s;
  const r = wordValue(line, 82 /* R */, from);
  return Number.isNaN(r) ? previous : r;
}

/** The number after the first `letter` word at or after `from`, NaN when absent. */
export function wordValue(line: string, letter: number, from = 0): number {
  for (let i = from; i < line.length; i++) {
    if (line.charCodeAt(i) !== letter) continue;
    const prev = line.charCodeAt(i - 1);
    if (i > 0 && prev !== 32 && prev !== 9 && !(prev >= 48 && prev <= 57)) continue;
    return readNumber(line, i + 1);
  }
  return Number.NaN;
}

function readNumber(s: string, at: number): number {
  let i = at;
  let sign = 1;
  const c0 = s.charCodeAt(i);
  if (c0 === 45) {
    sign = -1;
    i++;
  } else if (c0 === 43) i++;
  let v = 0;
  let digits = 0;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    digits++;
  }
  if (s.charCodeAt(i) === 46) {
    let scale = 0.1;
    for (i++; i < s.length; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      v += d * scale;
      scale /= 10;
      digits++;
    }
  }
  return digits === 0 ? Number.NaN : sign * v;
}
