// The lines sent and not yet proven done, by line number, for resends. Parallel typed arrays rather
// than an object per line: the hot path writes a few numbers and keeps the caller's string.

/** The line belongs to the job: its ack is an `acked` event with its tag. */
export const JOB = 1;
/** The firmware may legitimately sit on it for long (heating, homing, waiting for moves). */
export const LONG = 2;
/** M105: Marlin answers it with `ok T:...`, never a bare `ok`. */
export const M105 = 4;
/** A sync marker (`M118 fksync <n>`): its echo proves every earlier line was executed. */
export const MARKER = 8;
/** A driver command someone waits for (command(), pause, park...). */
export const CONTROL = 16;

export class SentRing {
  readonly size: number;
  private readonly mask: number;
  readonly text: string[];
  readonly tag: Float64Array;
  readonly flags: Uint8Array;
  /** Which line number a slot holds (-1: none), so a request for a line long gone is detected. */
  private readonly number: Float64Array;
  /** The write sequence of the last time the line was written: how many writes came after it. */
  readonly seq: Float64Array;

  constructor(size = 256) {
    let s = 1;
    while (s < size) s <<= 1;
    this.size = s;
    this.mask = s - 1;
    this.text = new Array<string>(s).fill('');
    this.tag = new Float64Array(s);
    this.flags = new Uint8Array(s);
    this.number = new Float64Array(s).fill(-1);
    this.seq = new Float64Array(s);
  }

  slot(n: number): number {
    return n & this.mask;
  }

  put(n: number, text: string, tag: number, flags: number): number {
    const i = n & this.mask;
    this.text[i] = text;
    this.tag[i] = tag;
    this.flags[i] = flags;
    this.number[i] = n;
    this.seq[i] = 0;
    return i;
  }

  has(n: number): boolean {
    return n >= 0 && this.number[n & this.mask] === n;
  }

  clear(): void {
    this.number.fill(-1);
    this.text.fill('');
  }
}

/** Commands during which the firmware may stay silent (but for keep-alives) for a long time. */
export function isLongCommand(line: string): boolean {
  const c0 = line.charCodeAt(0);
  if (c0 !== 71 /* G */ && c0 !== 77 /* M */) return false;
  let code = 0;
  let i = 1;
  for (; i < line.length; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    code = code * 10 + d;
  }
  if (i === 1) return false;
  if (c0 === 71) return code === 4 || code === 28 || code === 29 || (code >= 30 && code <= 39) || code === 80;
  return LONG_M.has(code);
}

// Heating waits, waits for moves or for the user, filament change, PID autotune, probing tests.
const LONG_M = new Set([0, 1, 109, 190, 191, 226, 303, 400, 48, 600, 1002]);

export function isM105(line: string): boolean {
  return line.charCodeAt(0) === 77 && line.startsWith('M105') && !(line.charCodeAt(4) >= 48 && line.charCodeAt(4) <= 57);
}
