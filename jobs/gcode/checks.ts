// The checks of a job against the machine it is meant for (work area, temperatures, firmware
// commands, kind of machine) and the findings they produce. Called only when something may be wrong
// (a bound grew, a temperature was set, a command is new…): never once per byte.

import { commandName, knownCommands, M_OFFSET } from './commands';
import type { FindingCode, FindingParams, FindingSink, Severity } from './findings';
import { dbl } from './doubles';
import * as machine from './machine';
import { isGrblish, kindCode } from './machine';
import { DEFAULT_MIN_NOZZLE_C, type MachineKind, type MachineProfile, type MaterialProfile } from './profile';

// A module-local copy: V8 folds a module's own `const` but reloads an imported binding on every use.
const { KC_CNC, KC_FDM, KC_LASER, KC_OTHER } = machine;

/** Work moves may touch the edge of the work area within this (rounding of slicer output). */
const AREA_EPS = 1e-3;

export function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Bounds of the job at the end, machine coordinates. */
export interface JobBounds {
  wMin: [number, number, number];
  wMax: [number, number, number];
  tMin: [number, number, number];
  tMax: [number, number, number];
}

export class MachineChecks {
  // Numbers `declare`d, objects not: see the configuration fields of motion.ts.
  readonly machine: MachineProfile | null;
  readonly kind: MachineKind | null;
  declare readonly kindCode: number;
  /** Work area corners (when `areaOn`). */
  declare readonly areaOn: boolean;
  private readonly lo: [number, number, number];
  private readonly hi: [number, number, number];
  declare private readonly margin: number;
  /** Per axis, work (0–2) then travel (3–5): points outside, and the line of the first. */
  private readonly areaHits = new Float64Array(6);
  private readonly areaLine = new Float64Array(6);
  private readonly known: Set<number> | null;
  private readonly firmwareName: string;
  declare private readonly grbl: boolean;
  declare readonly minNozzle: number;
  declare private readonly nozzleMachine: number;
  declare private readonly nozzleMaterial: number;
  declare private readonly bedMachine: number;
  declare private readonly bedMaterial: number;

  private readonly sink: FindingSink;

  constructor(m: MachineProfile | null, mat: MaterialProfile, sink: FindingSink) {
    this.sink = sink;
    this.machine = m;
    this.kind = m ? m.kind : null;
    this.kindCode = kindCode(m);
    this.known = m ? knownCommands(m.firmware, m.extraCommands) : null;
    this.firmwareName = m?.firmware ?? 'unknown';
    this.grbl = isGrblish(m);
    const wa = m?.workArea ?? null;
    const wo = m?.workOrigin ?? { x: 0, y: 0, z: 0 };
    this.areaOn = wa !== null;
    this.lo = [wo.x, wo.y, wo.z];
    this.hi = [wo.x + (wa?.x ?? 0), wo.y + (wa?.y ?? 0), wo.z + (wa?.z ?? 0)];
    this.margin = dbl(m?.travelMarginMm ?? 5);
    this.minNozzle = dbl(mat.minNozzleC ?? DEFAULT_MIN_NOZZLE_C);
    this.nozzleMachine = dbl(m?.maxNozzleC ?? Infinity);
    this.nozzleMaterial = dbl(mat.maxNozzleC ?? Infinity);
    this.bedMachine = dbl(m?.maxBedC ?? Infinity);
    this.bedMaterial = dbl(mat.maxBedC ?? Infinity);
  }

  /**
   * A point that grew the work or travel bounds. Bounds only grow, so checking only then still keeps
   * the first line outside, per axis.
   */
  area(work: boolean, x: number, y: number, z: number, line: number): void {
    const m = work ? AREA_EPS : this.margin;
    const o = work ? 0 : 3;
    const a = this.areaHits;
    const lo = this.lo;
    const hi = this.hi;
    if (x < lo[0] - m || x > hi[0] + m) {
      if (a[o] === 0) this.areaLine[o] = line;
      a[o] = a[o]! + 1;
    }
    if (y < lo[1] - m || y > hi[1] + m) {
      if (a[o + 1] === 0) this.areaLine[o + 1] = line;
      a[o + 1] = a[o + 1]! + 1;
    }
    if (z < lo[2] - m || z > hi[2] + m) {
      if (a[o + 2] === 0) this.areaLine[o + 2] = line;
      a[o + 2] = a[o + 2]! + 1;
    }
  }

  /**
   * The work area findings, once the bounds are final. On the axes of a job placed relative to the
   * head (`relAxes`, bit per axis), only its size can be checked: where it lands is the operator's.
   */
  reportArea(b: JobBounds, relAxes: number): void {
    if (!this.areaOn) return;
    for (let ax = 0; ax < 3; ax++) {
      if (!(relAxes & (1 << ax)) || !(b.wMin[ax]! <= b.wMax[ax]!)) continue;
      const size = b.wMax[ax]! - b.wMin[ax]!;
      const limit = this.hi[ax]! - this.lo[ax]!;
      const axis = 'xyz'[ax]!;
      if (size > limit + AREA_EPS) this.sink.add('job_larger_than_work_area', 'error', 0, { axis, size: round3(size), limit }, axis);
    }
    for (let k = 0; k < 6; k++) {
      if (relAxes & (1 << k % 3)) continue;
      const n = this.areaHits[k]!;
      // A work move outside already says it for its axis (travel bounds include work moves).
      if (n === 0 || (k >= 3 && this.areaHits[k - 3]! > 0)) continue;
      const line = this.areaLine[k]!;
      const ax = k % 3;
      const work = k < 3;
      const min = work ? b.wMin[ax]! : b.tMin[ax]!;
      const max = work ? b.wMax[ax]! : b.tMax[ax]!;
      // The side that overshoots more (the only one beyond the margin, or the worse of two).
      const m = work ? AREA_EPS : this.margin;
      const below = this.lo[ax]! - m - min;
      const above = max - this.hi[ax]! - m;
      const value = below > above ? min : max;
      const code: FindingCode = work ? 'outside_work_area' : 'travel_outside_work_area';
      const sev: Severity = work ? 'error' : 'warning';
      const axis = 'xyz'[ax]!;
      this.sink.add(code, sev, line, { axis, value: round3(value), min: this.lo[ax]!, max: this.hi[ax]! }, axis);
    }
  }

  /**
   * A G or M command (key from commands.ts) the firmware may not know. Grbl stops the job on one
   * (error:20, unsupported command): M6 above all, since Grbl 1.1 has no tool change. `context`
   * selects the translation that says so (an i18next context: `unknown_command_grbl`…).
   */
  command(key: number, line: number): void {
    const known = this.known;
    if (known !== null && !known.has(key)) {
      const name = commandName(key);
      const params: FindingParams = { command: name, firmware: this.firmwareName };
      if (this.firmwareName === 'grbl') params.context = key === M_OFFSET + 60 ? 'grbl_tool_change' : 'grbl';
      this.sink.add('unknown_command', this.grbl ? 'error' : 'warning', line, params, name);
    }
  }

  /** A job placed relative to the head: the operator must put the head on its origin (framing). */
  relativeOrigin(command: string, axes: string, line: number): void {
    this.sink.add('relative_origin', 'warning', line, { command, axes });
  }

  /** A `$` line on a firmware that has none. */
  systemCommand(line: number): void {
    this.sink.add('unknown_command', 'warning', line, { command: '$', firmware: this.firmwareName }, '$');
  }

  /** A nozzle target temperature. */
  nozzle(t: number, cmd: string, line: number): void {
    this.heater(t, cmd, line);
    if (t > this.nozzleMachine) this.sink.add('nozzle_temp_above_limit', 'error', line, { value: t, limit: this.nozzleMachine, source: 'machine' }, 'machine');
    else if (t > this.nozzleMaterial)
      this.sink.add('nozzle_temp_above_limit', 'warning', line, { value: t, limit: this.nozzleMaterial, source: 'material' }, 'material');
  }

  /** A bed target temperature. */
  bed(t: number, cmd: string, line: number): void {
    this.heater(t, cmd, line);
    if (t > this.bedMachine) this.sink.add('bed_temp_above_limit', 'error', line, { value: t, limit: this.bedMachine, source: 'machine' }, 'machine');
    else if (t > this.bedMaterial)
      this.sink.add('bed_temp_above_limit', 'warning', line, { value: t, limit: this.bedMaterial, source: 'material' }, 'material');
  }

  private heater(t: number, cmd: string, line: number): void {
    const k = this.kind;
    if (t > 0 && k !== null && k !== 'fdm' && k !== 'other') this.sink.add('heater_on_laser', 'error', line, { command: cmd, machineKind: k }, cmd);
  }

  /** A new highest spindle speed / laser power. */
  spindleS(s: number, line: number): void {
    const lim = this.machine?.maxSpindleS;
    if (lim !== undefined && s > lim) this.sink.add('spindle_above_limit', 'warning', line, { value: s, limit: lim });
  }

  /** M3/M4. */
  spindleOn(name: string, line: number): void {
    if (this.kind === 'fdm') this.sink.add('laser_on_printer', 'error', line, { command: name }, name);
  }

  /** An E word. */
  extrusion(line: number): void {
    if (this.kindCode === KC_LASER || this.kindCode === KC_CNC) this.sink.add('extrusion_on_laser', 'error', line, { machineKind: this.kind ?? 'other' });
  }

  /** The first extrusion, with the nozzle target at that moment (−1: never set). */
  firstExtrusion(nozzleTarget: number, line: number): void {
    if ((this.kindCode === KC_FDM || this.kindCode === KC_OTHER) && !(nozzleTarget >= this.minNozzle))
      this.sink.add('cold_extrusion', 'warning', line, { value: nozzleTarget < 0 ? 0 : nozzleTarget, limit: this.minNozzle });
  }

  /** Grbl refuses a feed move before any F (error:22). */
  noFeed(line: number): void {
    if (this.machine?.firmware === 'grbl') this.sink.add('undefined_feed_rate', 'error', line);
  }

  /** M0/M1/M25/M600/M601 (`key`: the M number × 10). */
  pause(key: number, line: number): void {
    this.sink.add('pause_in_job', 'warning', line, { command: commandName(M_OFFSET + key) }, String(key));
  }

  /** A move before homing (first such line), checked at the end. */
  noHoming(line: number): void {
    const m = this.machine;
    if (m !== null && line > 0) this.sink.add('no_homing', m.kind === 'fdm' ? 'error' : 'warning', line);
  }
}
