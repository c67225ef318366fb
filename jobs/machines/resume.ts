// Resuming a print at a line after a crash, a reset or a pulled cable: what the printer must be told
// first, read from the part of the file that already ran. Only for FDM printers: a laser or a mill
// restarts from the beginning (a second pass burns or cuts twice; a half pass cannot be trusted).
import { readJobLines, type LineCursor } from './file-lines';

export interface PrintState {
  /** Absolute position at the resume point (mm). */
  x: number | null;
  y: number | null;
  z: number | null;
  e: number;
  feedMmMin: number | null;
  absolute: boolean;
  absoluteE: boolean;
  nozzleC: number;
  bedC: number;
  fan: number;
}

/** Reads the state a printer would be in after every line before `at`. */
export async function printStateAt(path: string, at: LineCursor): Promise<PrintState> {
  const s: PrintState = { x: null, y: null, z: null, e: 0, feedMmMin: null, absolute: true, absoluteE: true, nozzleC: 0, bedC: 0, fan: 0 };
  for await (const l of readJobLines(path)) {
    if (l.line >= at.line) break;
    if (l.text) apply(s, l.text);
  }
  return s;
}

function word(words: string[], letter: string): number | null {
  for (const w of words) if (w[0] === letter || w[0] === letter.toLowerCase()) {
    const v = Number(w.slice(1));
    return Number.isFinite(v) ? v : null;
  }
  return null;
}

function apply(s: PrintState, text: string): void {
  const words = text.toUpperCase().split(/\s+/);
  const cmd = words[0] ?? '';
  const args = words.slice(1);
  switch (cmd) {
    case 'G0':
    case 'G1':
    case 'G2':
    case 'G3': {
      for (const axis of ['X', 'Y', 'Z'] as const) {
        const v = word(args, axis);
        if (v === null) continue;
        const k = axis.toLowerCase() as 'x' | 'y' | 'z';
        s[k] = s.absolute ? v : (s[k] ?? 0) + v;
      }
      const e = word(args, 'E');
      if (e !== null) s.e = s.absoluteE ? e : s.e + e;
      const f = word(args, 'F');
      if (f !== null) s.feedMmMin = f;
      break;
    }
    case 'G28':
      // Homing puts the homed axes at their origin; which ones depends on the words.
      if (!args.some((a) => /^[XYZ]/.test(a))) s.x = s.y = s.z = 0;
      for (const a of args) if (a[0] === 'X') s.x = 0; else if (a[0] === 'Y') s.y = 0; else if (a[0] === 'Z') s.z = 0;
      break;
    case 'G90':
      s.absolute = true;
      s.absoluteE = true;
      break;
    case 'G91':
      s.absolute = false;
      s.absoluteE = false;
      break;
    case 'M82':
      s.absoluteE = true;
      break;
    case 'M83':
      s.absoluteE = false;
      break;
    case 'G92': {
      const e = word(args, 'E');
      if (e !== null) s.e = e;
      for (const axis of ['X', 'Y', 'Z'] as const) {
        const v = word(args, axis);
        if (v !== null) s[axis.toLowerCase() as 'x' | 'y' | 'z'] = v;
      }
      break;
    }
    case 'M104':
    case 'M109':
      s.nozzleC = word(args, 'S') ?? word(args, 'R') ?? s.nozzleC;
      break;
    case 'M140':
    case 'M190':
      s.bedC = word(args, 'S') ?? word(args, 'R') ?? s.bedC;
      break;
    case 'M106':
      s.fan = word(args, 'S') ?? 255;
      break;
    case 'M107':
      s.fan = 0;
      break;
  }
}

/**
 * The lines that bring a printer back to where the print stopped: heat, home X and Y only (homing Z
 * would drive the nozzle into the print), trust Z as it was, lift, go back over the part, lower, restore
 * extruder and modes. Null when the state is not known well enough to resume safely.
 */
export function printResumePreamble(s: PrintState, opts: { liftMm?: number } = {}): string[] | null {
  if (s.x === null || s.y === null || s.z === null || s.z <= 0 || s.nozzleC <= 0) return null;
  const lift = opts.liftMm ?? 2;
  const f = (v: number) => Number(v.toFixed(3)).toString();
  const lines = [
    'M140 S' + f(s.bedC),
    'M104 S' + f(s.nozzleC),
    'M190 S' + f(s.bedC),
    'M109 S' + f(s.nozzleC),
    'G90',
    `G92 Z${f(s.z)}`,
    `G1 Z${f(s.z + lift)} F600`,
    'G28 X Y',
    `G1 X${f(s.x)} Y${f(s.y)} F3000`,
    `G1 Z${f(s.z)} F600`,
    s.absoluteE ? 'M82' : 'M83',
    `G92 E${f(s.e)}`,
    s.fan > 0 ? `M106 S${Math.round(s.fan)}` : 'M107',
  ];
  if (!s.absolute) lines.push('G91');
  if (s.feedMmMin) lines.push(`G1 F${f(s.feedMmMin)}`);
  return lines;
}
