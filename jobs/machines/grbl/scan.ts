// What the driver must know about a line before it goes out, found in one pass over its characters
// (this runs for every streamed line, so no regular expression): its size on the wire for character
// counting, whether Grbl's 80-byte line buffer can hold it, bytes Grbl would misread, and whether it
// makes Grbl write EEPROM (during which the firmware drops incoming serial bytes, so it must travel alone).

/** Grbl's LINE_BUFFER_SIZE; it keeps at most one less (the terminating zero), after removing spaces and comments. */
export const LINE_BUFFER_SIZE = 80;
export const MAX_LINE_CHARS = LINE_BUFFER_SIZE - 1;

export interface ScannedLine {
  /** Bytes on the wire, `\n` included: what the line takes in Grbl's receive buffer. */
  bytes: number;
  /** Characters Grbl keeps in its line buffer (no whitespace, no comments). */
  kept: number;
  /**
   * Index of the first character Grbl would misread: `?`, `!`, `~` are real-time commands wherever they
   * appear (even inside a comment), control characters, anything outside ASCII. -1 when clean.
   */
  badAt: number;
  /** Must be sent alone, after everything before it is acknowledged, and acknowledged before anything else goes. */
  sync: boolean;
  /** Grbl writes EEPROM for it (and drops serial input meanwhile). */
  eeprom: boolean;
  /** Grbl resets itself after answering (`$RST=`): its greeting will follow the `ok`. */
  resets: boolean;
  /** A `$J=` jog. */
  jog: boolean;
  /** `G4 P…` dwell, in ms; 0 when none. Grbl is silent for that long, planner empty: not a lost `ok`. */
  dwellMs: number;
}

const isSpace = (c: number): boolean => c === 32 || c === 9;

/** Reads a G/P word value at `i` (spaces allowed, as Grbl allows them); NaN when there is no number. */
function numberAt(line: string, i: number): number {
  let j = i;
  while (j < line.length && isSpace(line.charCodeAt(j))) j++;
  let k = j;
  while (k < line.length) {
    const c = line.charCodeAt(k);
    if ((c >= 48 && c <= 57) || c === 46 || ((c === 45 || c === 43) && k === j) || isSpace(c)) k++;
    else break;
  }
  return k > j ? Number(line.slice(j, k).replace(/\s/g, '')) : NaN;
}

export function scanLine(line: string): ScannedLine {
  const n = line.length;
  let kept = 0;
  let badAt = -1;
  let comment = 0; // 1: inside ( ), 2: after ;
  let first = -1; // first kept character code
  let eeprom = false;
  let dwell = false;
  let p = NaN;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c < 32 || c > 126 || c === 63 /* ? */ || c === 33 /* ! */ || c === 126 /* ~ */) {
      if (c !== 9 && badAt < 0) badAt = i;
      continue;
    }
    if (comment === 1) {
      if (c === 41 /* ) */) comment = 0;
      continue;
    }
    if (comment === 2) continue;
    if (c === 40 /* ( */) {
      comment = 1;
      continue;
    }
    if (c === 59 /* ; */) {
      comment = 2;
      continue;
    }
    if (c === 32) continue;
    kept++;
    if (first < 0) first = c;
    if (first === 36 /* $ */) continue;
    if (c === 71 || c === 103 /* G g */) {
      const g = Math.round(numberAt(line, i + 1) * 10);
      if (g === 100 /* G10 L2/L20 */ || g === 281 /* G28.1 */ || g === 301 /* G30.1 */) eeprom = true;
      else if (g === 40) dwell = true;
    } else if (c === 80 || c === 112 /* P p */) {
      p = numberAt(line, i + 1);
    }
  }
  let sync = eeprom;
  let resets = false;
  let jog = false;
  if (first === 36) {
    // Every `$` system command but `$J=` runs alone: `$x=`, `$N`, `$I=`, `$RST=` write EEPROM, `$H`
    // blocks for the whole homing cycle, and the others print multi-line answers.
    const up = line.replace(/[\s]/g, '').toUpperCase();
    jog = up.startsWith('$J=');
    sync = !jog;
    resets = up.startsWith('$RST=');
    eeprom = resets || /^\$(\d+|N\d|I)=/.test(up);
  }
  return {
    bytes: n + 1,
    kept,
    badAt,
    sync,
    eeprom,
    resets,
    jog,
    dwellMs: dwell && Number.isFinite(p) && p > 0 ? p * 1000 : 0,
  };
}

/** The line without the whitespace Grbl throws away anyway: fewer bytes on a 11.5 kB/s link. */
export function compactLine(line: string): string {
  let hasSpace = false;
  for (let i = 0; i < line.length; i++) {
    if (isSpace(line.charCodeAt(i))) {
      hasSpace = true;
      break;
    }
  }
  return hasSpace ? line.replace(/[ \t]+/g, '') : line;
}
