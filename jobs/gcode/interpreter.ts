// Commands: what each G, M, T and `$` line does to the modal state, the planner's limits, the
// temperatures and the spindle, before the moves of motion.ts. G0/G1 alone (nearly every line of a
// job) take a short path; everything else goes through one switch per code on integers (code × 10).

import { commandKey, M_OFFSET } from './commands';
import { ArcMotion } from './arcs';
import { dbl } from './doubles';
import * as motion from './motion';
import {
  P_JERK,
  P_JUNCTION_DEVIATION,
  P_MAX_ACCEL,
  P_MAX_FEED,
  P_MIN_FEED,
  P_MIN_TRAVEL_FEED,
  P_PRINT_ACCEL,
  P_RETRACT_ACCEL,
  P_SPEED_FACTOR,
  P_TRAVEL_ACCEL,
  P_USE_JERK,
} from './planner';
import type { AnalyzeOptions, RelativeOrigin } from './types';
import * as words from './words';
import { letterOf, parseNumber } from './words';

// Module-local copies of the shared constants: V8 folds a module's own `const` into the optimised code
// but reloads an imported binding on every use (Node 20: a tight loop ran 1.4× slower on imported ones).
const { B_ARC, B_AXES, B_E, B_F, B_J, B_L, B_P, B_R, B_S, B_T, B_X, B_XYZ, B_Y, B_Z, L_E, L_F, L_J, L_L, L_P, L_R, L_S, L_T, L_X, L_Y, L_Z } = words;

const { MOVE_HOMING, MOVE_MACHINE, MOVE_RAPID } = motion;

const AXIS_LETTERS = [L_X, L_Y, L_Z, L_E];

export class Interpreter extends ArcMotion {
  /** The current motion mode: 0–3 (G0–G3), −1 after G80. */
  protected motion = dbl(0);
  /** The first re-origin before homing, and the axes re-origined so (bit 0 x, 1 y, 2 z). */
  protected relOrigin: RelativeOrigin | null = null;
  protected relAxes = 0;
  private toolsSeen = 0;
  private maxNozzle = dbl(-1);
  private maxBed = dbl(-1);
  private maxSpindle = dbl(-1);
  /** The machine says junction deviation: M205 jerk values in the file must not switch the model. */
  declare private readonly jerkLocked: boolean;

  constructor(opts: AnalyzeOptions) {
    super(opts);
    const m = opts.machine;
    this.jerkLocked = m !== undefined && m.junctionDeviationMm !== undefined && m.jerkMmS === undefined;
  }

  protected badNumber(word: string, line: number): void {
    this.sink.add('bad_number', 'warning', line, { word }, word);
  }

  protected exec(mask: number, noNum: number, nG: number, nM: number, line: number): void {
    if (nM === 0 && nG === 1) {
      const g = this.gList[0]!;
      if (g === 1 || g === 0) {
        this.motion = g;
        if (mask & B_F) this.setFeed();
        if (mask & B_S) this.setSpindleS(line);
        if (mask & B_AXES) this.linear(mask, g === 0 ? MOVE_RAPID : 0, line);
        if (noNum & (B_AXES | B_F) & ~mask) this.badNumber(letterOf(noNum & (B_AXES | B_F) & ~mask), line);
        return;
      }
    }
    this.execGeneral(mask, noNum, nG, nM, line);
  }

  private execGeneral(mask: number, noNum: number, nG: number, nM: number, line: number): void {
    const vals = this.vals;
    const gl = this.gList;
    const ml = this.mList;
    // Units first: they apply to every value of the line.
    for (let k = 0; k < nG; k++) {
      const g = gl[k]!;
      if (g === 20) this.unit = 25.4;
      else if (g === 21) this.unit = 1;
    }
    if (mask & B_F) this.setFeed();

    let sIsParam = false;
    let tIsParam = false;
    // Axis words are a move only with spindle/coolant M codes (Grbl "X5 Y0 M3 S0"); M201 X… takes them as values.
    let consumesAxes = false;
    for (let k = 0; k < nM; k++) {
      const mv = ml[k]!;
      if (!(mv === 3 || mv === 4 || mv === 5 || mv === 7 || mv === 8 || mv === 9 || mv === 2 || mv === 30)) {
        sIsParam = true;
        consumesAxes = true;
      }
      if (mv !== 6) tIsParam = true;
    }
    for (let k = 0; k < nG; k++) if (gl[k] === 4) sIsParam = true;
    if (mask & B_T && !tIsParam) this.selectTool(vals[L_T]!);
    if (mask & B_S && !sIsParam) this.setSpindleS(line);
    for (let k = 0; k < nM; k++) this.mcode(ml[k]!, mask, line);

    let machineCoords = false;
    let motionNow = -2; // -2: none on this line
    for (let k = 0; k < nG; k++) {
      const g = gl[k]!;
      const key = Math.round(g * 10);
      switch (key) {
        case 0:
        case 10:
        case 20:
        case 30:
          this.motion = key / 10;
          motionNow = this.motion;
          break;
        case 382:
        case 383:
        case 384:
        case 385:
          motionNow = 1; // probing: a feed move towards the target
          break;
        case 800:
          this.motion = -1;
          break;
        case 40:
          this.dwell(mask);
          break;
        case 50:
          motionNow = 1; // G5 Bézier: approximated by its chord
          break;
        case 100:
          if (mask & B_L || this.grblish !== 0) {
            consumesAxes = true; // G10 L2/L20: coordinate offsets
            // L20 (P0 current system, P1 G54, the default): the current position takes the given
            // coordinates, as with G92. L2 (offsets from machine zero) is not applied.
            if (mask & B_L && vals[L_L] === 20 && !(mask & B_P && vals[L_P]! > 1)) this.setPosition(mask, line, 'G10 L20');
          }
          break;
        case 170:
        case 180:
        case 190:
          this.plane = key / 10;
          break;
        case 200:
        case 210:
        case 400:
        case 490:
        case 540:
        case 550:
        case 560:
        case 570:
        case 580:
        case 590:
        case 610:
          break;
        case 280:
          consumesAxes = true;
          this.home(mask, noNum, line);
          break;
        case 281:
        case 301:
          consumesAxes = true;
          break;
        case 300:
          consumesAxes = true;
          this.planner.flush();
          break;
        case 290:
          this.planner.flush();
          break;
        case 530:
          machineCoords = true;
          break;
        case 900:
          this.absXYZ = 1;
          if (this.grblish === 0) this.absE = 1;
          break;
        case 910:
          this.absXYZ = 0;
          if (this.grblish === 0) this.absE = 0;
          break;
        case 901:
          this.arcAbsIJ = true;
          break;
        case 911:
          this.arcAbsIJ = false;
          break;
        case 920:
          consumesAxes = true;
          this.setPosition(mask, line, 'G92');
          break;
        case 921:
          this.ox = this.oy = this.oz = 0;
          break;
        case 930:
          this.inverseTime = 1;
          break;
        case 940:
          this.inverseTime = 0;
          break;
        default:
          // Other commands (G29 X… leveling, G26, G12…) take axis words as parameters.
          consumesAxes = true;
          break;
      }
      this.checks.command(commandKey('G', g), line);
    }
    if (consumesAxes) return;
    const motion = motionNow === -2 ? this.motion : motionNow;
    if (mask & B_AXES || (motion >= 2 && mask & B_ARC)) {
      if (motion === 0 || motion === 1) this.linear(mask, (motion === 0 ? MOVE_RAPID : 0) | (machineCoords ? MOVE_MACHINE : 0), line);
      else if (motion === 2 || motion === 3) this.arc(mask, motion === 2, line);
    }
    if (motionNow >= 0 && noNum & (B_AXES | B_F) & ~mask) this.badNumber(letterOf(noNum & (B_AXES | B_F) & ~mask), line);
  }

  private mcode(mv: number, mask: number, line: number): void {
    const vals = this.vals;
    const key = Math.round(mv * 10);
    switch (key) {
      case 0:
      case 10:
      case 6000:
      case 6010:
      case 250:
        this.planner.flush();
        this.checks.pause(key, line);
        break;
      case 20:
      case 300:
        this.planner.flush();
        this.setSpindle(5, line);
        break;
      case 30:
      case 40:
        this.setSpindle(key / 10, line);
        break;
      case 50:
        this.setSpindle(5, line);
        break;
      case 60:
        this.planner.flush();
        if (mask & B_T) this.selectTool(vals[L_T]!);
        break;
      case 820:
        this.absE = 1;
        break;
      case 830:
        this.absE = 0;
        break;
      case 1040:
      case 1090: {
        const t = mask & B_S ? vals[L_S]! : mask & B_R ? vals[L_R]! : NaN;
        if (key === 1090) this.planner.flush();
        if (t === t) this.nozzle(t, mask & B_T ? vals[L_T]! : this.tool, key === 1040 ? 'M104' : 'M109', line);
        break;
      }
      case 1400:
      case 1900: {
        const t = mask & B_S ? vals[L_S]! : mask & B_R ? vals[L_R]! : NaN;
        if (key === 1900) this.planner.flush();
        if (t === t) this.bed(t, key === 1400 ? 'M140' : 'M190', line);
        break;
      }
      case 2010:
        if (this.grblish === 0) this.setAxes(P_MAX_ACCEL, mask, this.unit, 0);
        break;
      case 2030:
        if (this.grblish === 0) this.setAxes(P_MAX_FEED, mask, this.unit, 0);
        break;
      case 2040:
        if (this.grblish === 0) {
          const pl = this.planner;
          if (mask & B_S && vals[L_S]! > 0) {
            pl.set(P_PRINT_ACCEL, 0, vals[L_S]!);
            pl.set(P_TRAVEL_ACCEL, 0, vals[L_S]!);
          }
          if (mask & B_P && vals[L_P]! > 0) pl.set(P_PRINT_ACCEL, 0, vals[L_P]!);
          if (mask & B_T && vals[L_T]! > 0) pl.set(P_TRAVEL_ACCEL, 0, vals[L_T]!);
          if (mask & B_R && vals[L_R]! > 0) pl.set(P_RETRACT_ACCEL, 0, vals[L_R]!);
        }
        break;
      case 2050:
        if (this.grblish === 0) {
          const pl = this.planner;
          // Jerk in the file switches to the classic jerk model unless the machine says junction deviation.
          if (this.setAxes(P_JERK, mask, 1, -1) && !this.jerkLocked) pl.set(P_USE_JERK, 0, 1);
          if (mask & B_J && vals[L_J]! > 0) {
            pl.set(P_JUNCTION_DEVIATION, 0, vals[L_J]!);
            pl.set(P_USE_JERK, 0, 0);
          }
          if (mask & B_S && vals[L_S]! >= 0) pl.set(P_MIN_FEED, 0, vals[L_S]!);
          if (mask & B_T && vals[L_T]! >= 0) pl.set(P_MIN_TRAVEL_FEED, 0, vals[L_T]!);
        }
        break;
      case 2200:
        if (mask & B_S && vals[L_S]! > 0 && vals[L_S]! <= 1000) this.planner.set(P_SPEED_FACTOR, 0, vals[L_S]! / 100);
        break;
      case 2210:
        // Flow (extrude factor) of an extruder, T or the current one; it scales every E move after it.
        if (mask & B_S && vals[L_S]! >= 0) {
          const t = mask & B_T ? Math.round(vals[L_T]!) : this.tool;
          if (t >= 0 && t < 32) {
            this.flows[t] = vals[L_S]! / 100;
            if (t === this.tool) this.flow = this.flows[t]!;
          }
        }
        break;
      case 4000:
        this.planner.flush();
        break;
      default:
        break;
    }
    this.checks.command(M_OFFSET + key, line);
  }

  /** X/Y/Z/E words of the line (× scale, above `min`) into a per-axis planner parameter; true if any. */
  private setAxes(param: number, mask: number, scale: number, min: number): boolean {
    const vals = this.vals;
    let any = false;
    for (let i = 0; i < 4; i++) {
      const l = AXIS_LETTERS[i]!;
      if (mask & (1 << l) && vals[l]! > min) {
        this.planner.set(param, i, vals[l]! * scale);
        any = true;
      }
    }
    return any;
  }

  private setFeed(): void {
    const f = this.vals[L_F]!;
    if (this.inverseTime !== 0) {
      this.feed = f; // moves per minute, applied per move
      this.feedMmS = f / 60;
    } else if (f > 0) {
      this.feed = f * this.unit;
      this.feedMmS = this.feed / 60;
    }
    if (f > 0) this.feedSet = 1;
  }

  private setSpindleS(line: number): void {
    let s = this.vals[L_S]!;
    if (s < 0) s = 0;
    if (s !== this.spindleS) {
      // Grbl: an S change stops motion unless in laser mode.
      if (this.grblish !== 0 && this.laserMode === 0 && this.spindle !== 5) this.planner.flush();
      this.spindleS = s;
    }
    if (s > this.maxSpindle) {
      this.maxSpindle = s;
      this.checks.spindleS(s, line);
    }
  }

  private setSpindle(state: number, line: number): void {
    if (state !== 5) {
      this.checks.spindleOn(state === 3 ? 'M3' : 'M4', line);
      if (this.machine === null && this.extruded === 0) this.grblish = 1;
    }
    if (state !== this.spindle) {
      this.planner.flush(); // every spindle state change is synchronised, even in laser mode
      this.spindle = state;
    }
  }

  private selectTool(t: number): void {
    const n = Math.round(t);
    if (n >= 0 && n < 32) {
      this.tool = n;
      this.flow = this.flows[n]!;
      this.toolsSeen |= 1 << n;
    }
  }

  private nozzle(t: number, tool: number, cmd: string, line: number): void {
    const n = Math.round(tool);
    if (n >= 0 && n < 32) this.toolsSeen |= 1 << n;
    this.nozzleTarget = t;
    if (t > this.maxNozzle) this.maxNozzle = t;
    this.checks.nozzle(t, cmd, line);
  }

  private bed(t: number, cmd: string, line: number): void {
    if (t > this.maxBed) this.maxBed = t;
    this.checks.bed(t, cmd, line);
  }

  private dwell(mask: number): void {
    const vals = this.vals;
    let s = 0;
    if (this.grblish !== 0) s = mask & B_P ? vals[L_P]! : 0;
    else if (mask & B_S) s = vals[L_S]!;
    else if (mask & B_P) s = vals[L_P]! / 1000;
    this.planner.dwell(s);
  }

  private home(mask: number, noNum: number, line: number): void {
    this.planner.flush();
    if (this.grblish !== 0) {
      // Grbl G28: go to the stored position (the home position here), through the given point.
      if (mask & B_XYZ) this.linear(mask & B_XYZ, MOVE_RAPID, line);
      this.goHome(MOVE_RAPID, line);
      this.planner.flush();
      return;
    }
    let which = (mask | noNum) & B_XYZ;
    if (which === 0) which = B_XYZ;
    const tx = which & B_X ? this.homeX : this.px;
    const ty = which & B_Y ? this.homeY : this.py;
    const tz = which & B_Z ? this.homeZ : this.pz;
    if (which & B_X) this.ox = 0;
    if (which & B_Y) this.oy = 0;
    if (which & B_Z) this.oz = 0;
    this.homed = 1;
    this.mx = tx;
    this.my = ty;
    this.mz = tz;
    this.mde = 0;
    this.moveTo(MOVE_RAPID | MOVE_HOMING, line);
    this.planner.flush();
  }

  /** A rapid to the home position; `how`: MOVE_* bits. */
  private goHome(how: number, line: number): void {
    this.mx = this.homeX;
    this.my = this.homeY;
    this.mz = this.homeZ;
    this.mde = 0;
    this.moveTo(how, line);
  }

  /**
   * G92 (or G10 L20): the current position takes the given coordinates. Before any homing on a laser
   * or a router, that position is wherever the operator left the head: the job is placed relative to
   * it (T2Laser, LaserGRBL "start from current position"), and its absolute bounds mean nothing.
   */
  private setPosition(mask: number, line: number, command: string): void {
    const vals = this.vals;
    const u = this.unit;
    const axes = mask & B_XYZ;
    if (axes !== 0 && this.homed === 0 && this.machine !== null && this.machine.kind !== 'fdm') {
      if (this.relOrigin === null) this.relOrigin = { command, line, axes: '' };
      this.relAxes |= (axes & B_X ? 1 : 0) | (axes & B_Y ? 2 : 0) | (axes & B_Z ? 4 : 0);
    }
    if (mask & B_X) this.ox = this.px - vals[L_X]! * u;
    if (mask & B_Y) this.oy = this.py - vals[L_Y]! * u;
    if (mask & B_Z) this.oz = this.pz - vals[L_Z]! * u;
    if (mask & B_E) this.eLog = vals[L_E]! * u;
  }

  /** A Grbl `$` line: bytes buf[i, end) after the '$'. */
  protected system(buf: Uint8Array, i: number, end: number, line: number): void {
    if (this.grblish === 0 && this.machine !== null && this.machine.firmware) {
      this.checks.systemCommand(line);
      return;
    }
    const c = buf[i]! | 0x20;
    if (c === 104 /* h */) {
      this.planner.flush();
      this.homed = 1;
      this.goHome(MOVE_RAPID | MOVE_HOMING, line);
      this.planner.flush();
      return;
    }
    // $32=1 laser mode, $30=1000 max spindle speed
    if (buf[i] === 51 && buf[i + 2] === 61) {
      const n = parseNumber(buf, i + 3, end);
      if (n === n) {
        if (buf[i + 1] === 50) this.laserMode = n !== 0 ? 1 : 0;
        else if (buf[i + 1] === 48 && n > 0) this.maxS = n;
      }
    }
  }

  /** Statistics only the command side knows, for the result. */
  protected commandStats(): { toolMask: number; maxNozzle: number; maxBed: number; maxSpindle: number } {
    return { toolMask: this.toolMask | this.toolsSeen, maxNozzle: this.maxNozzle, maxBed: this.maxBed, maxSpindle: this.maxSpindle };
  }
}
