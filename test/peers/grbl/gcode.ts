// The simulated Grbl's G-code parser: the words, modal groups and checks that make Grbl answer `error:N`,
// with the codes Grbl 1.1 gives (a Marlin M104 is error:20, `X1.2.3` error:2...). It turns a line into
// moves in machine coordinates; the simulator times them. Arcs are one block (Grbl cuts them into
// segments, which only changes how many planner blocks they take).
import { f3 } from './defaults';
import type { Axes } from './motion';

export interface Move {
  target: Axes;
  lengthMm: number;
  /** Programmed speed capped by the axes' max rates, mm/min. */
  speedMmMin: number;
  rapid: boolean;
  jog: boolean;
}

export interface Plan {
  error?: number;
  moves: Move[];
  /** Wait for the planner to empty before answering. */
  sync?: boolean;
  dwellMs?: number;
  /** Writes EEPROM (after the sync): Grbl drops serial input meanwhile. */
  eeprom?: boolean;
  /** M0/M1: a feed hold once the planner is empty; the `ok` waits for the cycle start. */
  pause?: boolean;
  /** M2/M30. */
  programEnd?: boolean;
}

interface Word {
  letter: string;
  value: number;
}

/** `G1X10.5Y-2` → words; a number when Grbl would refuse it (1 letter expected, 2 bad number). */
export function parseWords(line: string): Word[] | number {
  const words: Word[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c < 65 || c > 90) return 1;
    const letter = line[i]!;
    i++;
    const start = i;
    if (line[i] === '+' || line[i] === '-') i++;
    let digits = 0;
    let dot = false;
    while (i < line.length) {
      const d = line.charCodeAt(i);
      if (d >= 48 && d <= 57) digits++;
      else if (d === 46 && !dot) dot = true;
      else break;
      i++;
    }
    if (digits === 0) return 2;
    words.push({ letter, value: Number(line.slice(start, i)) });
  }
  return words;
}

/** G codes ×10 (G28.1 → 281) and their modal group. */
const G_GROUPS: ReadonlyMap<number, string> = new Map([
  [0, 'motion'],
  [10, 'motion'],
  [20, 'motion'],
  [30, 'motion'],
  [382, 'motion'],
  [383, 'motion'],
  [384, 'motion'],
  [385, 'motion'],
  [800, 'motion'],
  [40, 'nonmodal'],
  [100, 'nonmodal'],
  [280, 'nonmodal'],
  [281, 'nonmodal'],
  [300, 'nonmodal'],
  [301, 'nonmodal'],
  [530, 'nonmodal'],
  [920, 'nonmodal'],
  [921, 'nonmodal'],
  [170, 'plane'],
  [180, 'plane'],
  [190, 'plane'],
  [200, 'units'],
  [210, 'units'],
  [400, 'cutter'],
  [431, 'tlo'],
  [490, 'tlo'],
  [540, 'wcs'],
  [550, 'wcs'],
  [560, 'wcs'],
  [570, 'wcs'],
  [580, 'wcs'],
  [590, 'wcs'],
  [610, 'path'],
  [900, 'distance'],
  [910, 'distance'],
  [911, 'arc'],
  [930, 'feedmode'],
  [940, 'feedmode'],
]);

const M_GROUPS: ReadonlyMap<number, string> = new Map([
  [0, 'stop'],
  [1, 'stop'],
  [2, 'stop'],
  [30, 'stop'],
  [3, 'spindle'],
  [4, 'spindle'],
  [5, 'spindle'],
  [7, 'coolant'],
  [8, 'coolant'],
  [9, 'coolant'],
  [56, 'override'],
]);

const VALUE_LETTERS = 'FIJKLNPRSTXYZ';
const AXIS = { X: 0, Y: 1, Z: 2 } as const;
const MAX_TOOL = 255;
const MAX_LINE_NUMBER = 10_000_000;

const fail = (error: number): Plan => ({ error, moves: [] });

export class GcodeState {
  motion = 0;
  wcs = 0;
  plane = 17;
  inches = false;
  relative = false;
  inverseTime = false;
  /** mm/min. */
  feed = 0;
  spindleSpeed = 0;
  spindle: 3 | 4 | 5 = 5;
  flood = false;
  mist = false;
  tool = 0;
  /** Where the last queued move ends, machine coordinates (Grbl's gc_state.position). */
  planned: Axes = [0, 0, 0];
  /** G54–G59, G28, G30 live in EEPROM and survive resets; G92 and the tool offset do not. */
  readonly wcsOffsets: Axes[] = Array.from({ length: 6 }, () => [0, 0, 0] as Axes);
  g28: Axes = [0, 0, 0];
  g30: Axes = [0, 0, 0];
  g92: Axes = [0, 0, 0];
  tlo = 0;

  constructor(private readonly maxRates: () => Axes) {}

  /** What a soft reset does to the parser (gc_init). */
  reset(position: Axes): void {
    this.motion = 0;
    this.wcs = 0;
    this.plane = 17;
    this.inches = false;
    this.relative = false;
    this.inverseTime = false;
    this.feed = 0;
    this.spindleSpeed = 0;
    this.spindle = 5;
    this.flood = false;
    this.mist = false;
    this.g92 = [0, 0, 0];
    this.tlo = 0;
    this.planned = [...position];
  }

  /** Work coordinate offset: machine = work + wco. */
  wco(): Axes {
    const w = this.wcsOffsets[this.wcs]!;
    return [w[0] + this.g92[0], w[1] + this.g92[1], w[2] + this.g92[2] + this.tlo];
  }

  /** `[GC:...]` for `$G`. */
  modes(): string {
    const motion = this.motion % 10 === 0 ? `G${this.motion / 10}` : `G${Math.floor(this.motion / 10)}.${this.motion % 10}`;
    return (
      `[GC:${motion} G${54 + this.wcs} G${this.plane} G${this.inches ? 20 : 21} G${this.relative ? 91 : 90} ` +
      `G${this.inverseTime ? 93 : 94} M${this.spindle} M${this.flood ? 8 : this.mist ? 7 : 9} T${this.tool} F${this.feed} S${this.spindleSpeed}]`
    );
  }

  /** `$#` lines. */
  parameters(): string[] {
    const v = (a: Axes): string => `${f3(a[0])},${f3(a[1])},${f3(a[2])}`;
    return [
      ...this.wcsOffsets.map((o, i) => `[G${54 + i}:${v(o)}]`),
      `[G28:${v(this.g28)}]`,
      `[G30:${v(this.g30)}]`,
      `[G92:${v(this.g92)}]`,
      `[TLO:${f3(this.tlo)}]`,
      `[PRB:0.000,0.000,0.000:0]`,
    ];
  }

  private move(target: Axes, feed: number, rapid: boolean, jog: boolean): Move | null {
    const d: Axes = [target[0] - this.planned[0], target[1] - this.planned[1], target[2] - this.planned[2]];
    const length = Math.hypot(d[0], d[1], d[2]);
    this.planned = target;
    if (length < 1e-6) return null;
    const rates = this.maxRates();
    let limit = Infinity;
    for (let i = 0; i < 3; i++) {
      const di = Math.abs(d[i]!);
      if (di > 1e-9) limit = Math.min(limit, (rates[i]! * length) / di);
    }
    return { target, lengthMm: length, speedMmMin: rapid ? limit : Math.min(feed, limit), rapid, jog };
  }

  /** Executes one G-code block (spaces removed, upper case). */
  execute(line: string): Plan {
    const parsed = parseWords(line);
    if (typeof parsed === 'number') return fail(parsed);
    const gs: number[] = [];
    const ms: number[] = [];
    const vals = new Map<string, number>();
    for (const w of parsed) {
      if (w.letter === 'G') gs.push(Math.round(w.value * 10));
      else if (w.letter === 'M') {
        if (!Number.isInteger(w.value)) return fail(20);
        ms.push(w.value);
      } else {
        if (!VALUE_LETTERS.includes(w.letter)) return fail(20);
        if (vals.has(w.letter)) return fail(25);
        if ('FNPST'.includes(w.letter) && w.value < 0) return fail(4);
        vals.set(w.letter, w.value);
      }
    }
    const seen = new Set<string>();
    let motionG: number | null = null;
    let nonmodal: number | null = null;
    for (const g of gs) {
      const group = G_GROUPS.get(g);
      if (group === undefined) return fail(20);
      if (seen.has(group)) return fail(21);
      seen.add(group);
      if (group === 'motion') motionG = g;
      if (group === 'nonmodal') nonmodal = g;
    }
    const mSeen = new Set<string>();
    for (const m of ms) {
      const group = M_GROUPS.get(m);
      if (group === undefined) return fail(20);
      if (mSeen.has(group)) return fail(21);
      mSeen.add(group);
    }
    const t = vals.get('T');
    if (t !== undefined && t > MAX_TOOL) return fail(38);
    const n = vals.get('N');
    if (n !== undefined && n > MAX_LINE_NUMBER - 1) return fail(27);
    const used = new Set(['F', 'N', 'S', 'T']);

    // Modal state first, in Grbl's order of execution.
    if (gs.includes(930)) this.inverseTime = true;
    if (gs.includes(940)) this.inverseTime = false;
    if (gs.includes(200)) this.inches = true;
    if (gs.includes(210)) this.inches = false;
    const unit = this.inches ? 25.4 : 1;
    const f = vals.get('F');
    if (f !== undefined && !this.inverseTime) this.feed = f * unit;
    const s = vals.get('S');
    if (s !== undefined) this.spindleSpeed = s;
    if (t !== undefined) this.tool = t;
    for (const m of ms) {
      if (m === 3 || m === 4 || m === 5) this.spindle = m;
      if (m === 7) this.mist = true;
      if (m === 8) this.flood = true;
      if (m === 9) this.flood = this.mist = false;
    }
    for (const g of gs) {
      if (g === 170 || g === 180 || g === 190) this.plane = g / 10;
      else if (g >= 540 && g <= 590) this.wcs = g / 10 - 54;
      else if (g === 900) this.relative = false;
      else if (g === 910) this.relative = true;
      else if (g === 490) this.tlo = 0;
    }
    if (motionG !== null) this.motion = motionG;

    const plan: Plan = { moves: [] };
    const axes: Array<[number, number]> = [];
    for (const [letter, i] of Object.entries(AXIS)) {
      const v = vals.get(letter);
      if (v !== undefined) axes.push([i, v * unit]);
    }
    const g53 = nonmodal === 530;
    const targetOf = (absoluteOnly = false): Axes => {
      const out: Axes = [...this.planned];
      const wco = this.wco();
      for (const [i, v] of axes) {
        if (g53) out[i] = v;
        else if (this.relative && !absoluteOnly) out[i] = this.planned[i]! + v;
        else out[i] = v + wco[i]!;
      }
      return out;
    };
    let axesUsed = false;

    if (gs.includes(431)) {
      const z = vals.get('Z');
      if (z === undefined) return fail(37);
      this.tlo = z * unit;
      axesUsed = true;
    }

    switch (nonmodal) {
      case 40: {
        const p = vals.get('P');
        if (p === undefined) return fail(28);
        used.add('P');
        plan.sync = true;
        plan.dwellMs = p * 1000;
        break;
      }
      case 100: {
        const l = vals.get('L');
        const p = vals.get('P');
        if (l === undefined || p === undefined) return fail(28);
        if (l !== 2 && l !== 20) return fail(20);
        if (!Number.isInteger(p) || p > 6) return fail(29);
        used.add('L').add('P');
        const index = p === 0 ? this.wcs : p - 1;
        const o = this.wcsOffsets[index]!;
        for (const [i, v] of axes) {
          // L20: the offset that makes the current position read `v`.
          o[i] = l === 2 ? v : this.planned[i]! - this.g92[i]! - (i === 2 ? this.tlo : 0) - v;
        }
        axesUsed = true;
        plan.sync = true;
        plan.eeprom = true;
        break;
      }
      case 280:
      case 300: {
        const stored = nonmodal === 280 ? this.g28 : this.g30;
        if (axes.length > 0) {
          const via = this.move(targetOf(), 0, true, false);
          if (via) plan.moves.push(via);
        }
        const home = this.move([...stored], 0, true, false);
        if (home) plan.moves.push(home);
        axesUsed = true;
        break;
      }
      case 281:
      case 301:
        if (nonmodal === 281) this.g28 = [...this.planned];
        else this.g30 = [...this.planned];
        plan.sync = true;
        plan.eeprom = true;
        break;
      case 920: {
        if (axes.length === 0) return fail(26);
        const w = this.wcsOffsets[this.wcs]!;
        for (const [i, v] of axes) this.g92[i] = this.planned[i]! - w[i]! - (i === 2 ? this.tlo : 0) - v;
        axesUsed = true;
        break;
      }
      case 921:
        this.g92 = [0, 0, 0];
        break;
      case 530:
        if (this.motion !== 0 && this.motion !== 10) return fail(30);
        break;
      default:
        break;
    }

    if (axes.length > 0 && !axesUsed) {
      const mode = this.motion;
      if (mode === 800) return fail(31);
      if (mode !== 0) {
        if (this.inverseTime ? f === undefined : this.feed <= 0) return fail(22);
      }
      const target = targetOf();
      if (mode === 20 || mode === 30) {
        const arc = this.arc(target, mode === 20, vals, unit, used);
        if (typeof arc === 'number') return fail(arc);
        if (arc) plan.moves.push(arc);
      } else {
        const speed = this.inverseTime && f !== undefined ? Infinity : this.feed;
        const m = this.move(target, speed, mode === 0, false);
        if (m) {
          // G93: F is the inverse of the block's time in minutes.
          if (this.inverseTime && f !== undefined && f > 0) m.speedMmMin = Math.min(m.speedMmMin, m.lengthMm * f);
          plan.moves.push(m);
        }
      }
    }
    for (const letter of 'IJKLPR') if (vals.has(letter) && !used.has(letter)) return fail(36);
    if (ms.includes(0) || ms.includes(1)) plan.pause = true;
    if (ms.includes(2) || ms.includes(30)) {
      plan.sync = true;
      plan.programEnd = true;
    }
    return plan;
  }

  /** One arc as one move; a number is Grbl's error code for a bad arc. */
  private arc(target: Axes, cw: boolean, vals: Map<string, number>, unit: number, used: Set<string>): Move | null | number {
    const [a0, a1, lin] = this.plane === 17 ? [0, 1, 2] : this.plane === 18 ? [2, 0, 1] : [1, 2, 0];
    const offLetters = this.plane === 17 ? ['I', 'J'] : this.plane === 18 ? ['K', 'I'] : ['J', 'K'];
    const start = this.planned;
    const letters = ['X', 'Y', 'Z'];
    if (!vals.has(letters[a0]!) && !vals.has(letters[a1]!)) return 32;
    const x = target[a0]! - start[a0]!;
    const y = target[a1]! - start[a1]!;
    let i: number;
    let j: number;
    let r: number;
    const rWord = vals.get('R');
    if (rWord !== undefined) {
      used.add('R');
      if (x === 0 && y === 0) return 33;
      r = rWord * unit;
      let h = 4 * r * r - x * x - y * y;
      if (h < 0) return 33;
      h = -Math.sqrt(h) / Math.hypot(x, y);
      if (!cw) h = -h;
      if (r < 0) {
        h = -h;
        r = -r;
      }
      i = 0.5 * (x - y * h);
      j = 0.5 * (y + x * h);
    } else {
      const o0 = vals.get(offLetters[0]!);
      const o1 = vals.get(offLetters[1]!);
      if (o0 === undefined && o1 === undefined) return 35;
      used.add(offLetters[0]!).add(offLetters[1]!);
      i = (o0 ?? 0) * unit;
      j = (o1 ?? 0) * unit;
      r = Math.hypot(i, j);
      const delta = Math.abs(Math.hypot(x - i, y - j) - r);
      if (delta > 0.005 && delta > 0.001 * r) return 33;
    }
    const s0 = -i;
    const s1 = -j;
    const e0 = x - i;
    const e1 = y - j;
    let angle = Math.atan2(s0 * e1 - s1 * e0, s0 * e0 + s1 * e1);
    if (cw) {
      if (angle >= -5e-7) angle -= 2 * Math.PI;
    } else if (angle <= 5e-7) angle += 2 * Math.PI;
    const length = Math.hypot(Math.abs(angle) * r, target[lin]! - start[lin]!);
    this.planned = target;
    if (length < 1e-6) return null;
    const rates = this.maxRates();
    return { target, lengthMm: length, speedMmMin: Math.min(this.feed, rates[a0]!, rates[a1]!), rapid: false, jog: false };
  }

  /** `$J=` body: only units, distance mode, G53, axes and a feed rate. */
  jog(line: string): Plan {
    const parsed = parseWords(line);
    if (typeof parsed === 'number') return fail(parsed);
    let inches = this.inches;
    let relative = this.relative;
    let g53 = false;
    let feed: number | undefined;
    const axes: Array<[number, number]> = [];
    for (const w of parsed) {
      if (w.letter === 'G') {
        const g = Math.round(w.value * 10);
        if (g === 200) inches = true;
        else if (g === 210) inches = false;
        else if (g === 900) relative = false;
        else if (g === 910) relative = true;
        else if (g === 530) g53 = true;
        else return fail(16);
      } else if (w.letter === 'F') feed = w.value;
      else if (w.letter in AXIS) axes.push([AXIS[w.letter as keyof typeof AXIS], w.value]);
      else if (w.letter !== 'N') return fail(16);
    }
    if (feed === undefined) return fail(22);
    if (feed < 0) return fail(4);
    if (axes.length === 0) return fail(26);
    const unit = inches ? 25.4 : 1;
    const target: Axes = [...this.planned];
    const wco = this.wco();
    for (const [i, v] of axes) {
      if (g53) target[i] = v * unit;
      else if (relative) target[i] = this.planned[i]! + v * unit;
      else target[i] = v * unit + wco[i]!;
    }
    const m = this.move(target, feed * unit, false, true);
    return { moves: m ? [m] : [] };
  }
}
