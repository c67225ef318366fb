// Moves: where the machine goes, and everything a move changes — bounds, statistics, layers, filament,
// the planner's queue and the toolpath. The base of the engine's one class (arcs.ts, interpreter.ts
// and analyzer.ts extend it in turn): a single concrete class keeps every property access monomorphic.
//
// No double crosses a call that V8 may not inline (it would be boxed in a fresh heap number): the
// current move lives in fields (mx, my, mz target in machine coordinates, mde E delta, mlen its XYZ
// length), and the planner and the toolpath read their inputs from Float64Arrays.

import { MachineChecks } from './checks';
import { FindingSink } from './findings';
import * as machine from './machine';
import { isGrblish, plannerSettings } from './machine';
import * as planner from './planner';
import { Planner, type PlannerLike } from './planner';
import { DEFAULT_FILAMENT_DENSITY_G_CM3, DEFAULT_FILAMENT_DIAMETER_MM, type MachineProfile } from './profile';
import * as toolpath from './toolpath';
import { ToolpathBuilder } from './toolpath';
import type { AnalyzeOptions } from './types';
import * as words from './words';

// Module-local copies of the shared constants: V8 folds a module's own `const` into the optimised code
// but reloads an imported binding on every use (Node 20: a tight loop ran 1.4× slower on imported ones).
const { KC_CNC, KC_FDM, KC_LASER } = machine;
const { ACCEL_PRINT, ACCEL_RETRACT, ACCEL_TRAVEL, BLOCK_FEATURE_SHIFT } = planner;
const { FEATURE_NONE, KIND_RETRACT, KIND_TRAVEL, KIND_WORK, MAX_LAYER } = toolpath;
const { B_E, B_X, B_Y, B_Z, L_E, L_X, L_Y, L_Z } = words;

/** Z changes smaller than this do not start a new layer (files without layer markers). */
const LAYER_Z_EPS = 1e-3;
const DEFAULT_MAX_SEGMENTS = 16 * 1024 * 1024;

export class Motion {
  // --- configuration
  // Numbers and booleans the constructor sets are `declare`d: a class field without initializer would
  // hold `undefined` first, and V8 would then keep its doubles boxed (tagged) and recheck them on every
  // read. Objects are not: their maps vary per machine, and a field typed by one map deoptimises the
  // engine when the next analysis stores another.
  protected readonly machine: MachineProfile | null;
  declare protected readonly kindCode: number;
  /** Grbl semantics; may switch on for an unknown machine when the file looks like a laser job. */
  declare protected grblish: boolean;
  declare protected readonly filamentArea: number;
  declare protected readonly density: number;
  declare protected laserMode: boolean;
  /** S for full power (Grbl `$30`), for the toolpath's power buckets. */
  declare protected maxS: number;
  declare protected readonly areaOn: boolean;
  declare protected readonly homeX: number;
  declare protected readonly homeY: number;
  declare protected readonly homeZ: number;
  protected readonly planner: PlannerLike;
  protected readonly tp: ToolpathBuilder | null;
  protected readonly sink = new FindingSink();
  protected readonly checks: MachineChecks;

  protected lineNo = 0;

  // --- the words of the current line: one slot per letter, G and M codes in order
  protected readonly vals = new Float64Array(26);
  protected readonly gList = new Float64Array(8);
  protected readonly mList = new Float64Array(4);

  // --- modal state
  protected unit = 1;
  protected unitsSeen = 0; // 1 mm, 2 inch
  protected absXYZ = true;
  protected absE = true;
  protected arcAbsIJ = false;
  protected plane = 17;
  protected inverseTime = false;
  protected feed = 1500; // mm/min (moves per minute in G93 inverse time mode)
  protected feedMmS = 25;
  protected feedSet = false;
  protected spindle = 5; // 3, 4 or 5
  protected spindleS = 0;
  protected tool = 0;
  protected toolMask = 0;
  /** M221 flow of the current tool, and per tool: the extruder pushes E × flow. */
  protected flow = 1;
  protected readonly flows = new Float64Array(32).fill(1);

  // --- position (machine coordinates) and offsets (logical = machine − offset)
  protected px = 0;
  protected py = 0;
  protected pz = 0;
  protected ox = 0;
  protected oy = 0;
  protected oz = 0;
  protected eLog = 0;
  // the current move
  protected mx = 0;
  protected my = 0;
  protected mz = 0;
  protected mde = 0;
  protected mlen = 0;
  declare private readonly pin: Float64Array;

  protected nozzleTarget = -1;

  // --- homing
  protected homed = false;
  protected moved = false;
  protected noHomingLine = 0;

  // --- filament (mm of filament)
  protected eUsed = 0;
  private eDebt = 0;
  protected extruded = false;

  // --- layers
  protected layerIndex = -1;
  private markerMode = false;
  private layerZ = NaN;
  private layerZSet = false;
  private prevLayerZ = NaN;
  protected pendingZ = NaN;
  protected pendingHeight = NaN;
  protected firstH = NaN;
  protected minH = Infinity;
  protected maxH = -Infinity;

  protected feature = FEATURE_NONE;

  // --- bounds: work, travel
  protected wMinX = Infinity;
  protected wMinY = Infinity;
  protected wMinZ = Infinity;
  protected wMaxX = -Infinity;
  protected wMaxY = -Infinity;
  protected wMaxZ = -Infinity;
  protected tMinX = Infinity;
  protected tMinY = Infinity;
  protected tMinZ = Infinity;
  protected tMaxX = -Infinity;
  protected tMaxY = -Infinity;
  protected tMaxZ = -Infinity;
  protected lastWork = false;
  protected anyMove = false;

  // --- statistics
  protected moves = 0;
  protected arcs = 0;
  protected workMm = 0;
  protected travelMm = 0;
  protected laserOnMm = 0;
  protected readonly featMm = new Float64Array(32);
  protected readonly featMoves = new Float64Array(32);
  protected sawSpindleWork = false;
  protected sawZWork = false;
  private workZ = NaN;

  constructor(opts: AnalyzeOptions) {
    const m = opts.machine ?? null;
    this.machine = m;
    const mat = opts.material ?? {};
    this.checks = new MachineChecks(m, mat, this.sink);
    this.kindCode = this.checks.kindCode;
    this.grblish = isGrblish(m);
    const d = mat.diameterMm && mat.diameterMm > 0 ? mat.diameterMm : DEFAULT_FILAMENT_DIAMETER_MM;
    this.filamentArea = Math.PI * (d / 2) * (d / 2);
    this.density = mat.densityGCm3 && mat.densityGCm3 > 0 ? mat.densityGCm3 : DEFAULT_FILAMENT_DENSITY_G_CM3;
    this.laserMode = m?.laserMode ?? m?.kind === 'laser';
    this.maxS = m?.maxSpindleS ?? (this.grblish ? 1000 : 255);
    this.areaOn = this.checks.areaOn;
    const home = m?.homeMm ?? m?.workOrigin ?? { x: 0, y: 0, z: 0 };
    this.homeX = home.x;
    this.homeY = home.y;
    this.homeZ = home.z;
    this.planner = new Planner(plannerSettings(opts));
    this.pin = this.planner.in;
    this.tp = opts.toolpath ? new ToolpathBuilder(opts.maxToolpathSegments ?? DEFAULT_MAX_SEGMENTS, 0, 0, 0, opts.toolpathSizeHint) : null;
  }

  // ------------------------------------------------------------------ lines

  protected linear(mask: number, rapid: boolean, machineCoords: boolean, line: number): void {
    const vals = this.vals;
    const u = this.unit;
    this.unitsSeen |= u === 1 ? 1 : 2;
    let tx = this.px;
    let ty = this.py;
    let tz = this.pz;
    if (machineCoords) {
      if (mask & B_X) tx = vals[L_X]! * u;
      if (mask & B_Y) ty = vals[L_Y]! * u;
      if (mask & B_Z) tz = vals[L_Z]! * u;
    } else if (this.absXYZ) {
      if (mask & B_X) tx = vals[L_X]! * u + this.ox;
      if (mask & B_Y) ty = vals[L_Y]! * u + this.oy;
      if (mask & B_Z) tz = vals[L_Z]! * u + this.oz;
    } else {
      if (mask & B_X) tx += vals[L_X]! * u;
      if (mask & B_Y) ty += vals[L_Y]! * u;
      if (mask & B_Z) tz += vals[L_Z]! * u;
    }
    this.mx = tx;
    this.my = ty;
    this.mz = tz;
    this.mde = 0;
    if (mask & B_E) this.eDelta(line);
    if (!rapid && !this.feedSet && this.grblish) this.noFeed(line);
    this.moveTo(rapid, line, false);
  }

  /** Grbl refuses a feed move before any F (error:22); the planner goes on with the default feed. */
  protected noFeed(line: number): void {
    this.feedSet = true; // report once
    this.checks.noFeed(line);
  }

  /** The line's E word → this.mde, the filament the extruder pushes (M221 flow applied), mm. */
  protected eDelta(line: number): void {
    this.checks.extrusion(line);
    const ev = this.vals[L_E]! * this.unit;
    if (this.absE) {
      this.mde = (ev - this.eLog) * this.flow;
      this.eLog = ev;
    } else {
      this.mde = ev * this.flow;
      this.eLog += ev;
    }
  }

  /** Classify a move with XYZ motion: bit 0 work, bit 1 laser beam on. */
  protected classify(rapid: boolean, extruding: boolean): number {
    const k = this.kindCode;
    if (k === KC_FDM) return extruding ? 1 : 0;
    const beam = !rapid && this.spindle !== 5 && this.spindleS > 0;
    if (k === KC_LASER) return beam ? 3 : 0;
    if (k === KC_CNC) return rapid ? 0 : 1;
    if (extruding) return 1; // unknown machine: extrusion, or a beam
    return beam ? 3 : 0;
  }

  /** Move to (mx, my, mz) with mde of filament. */
  protected moveTo(rapid: boolean, line: number, homing: boolean): void {
    const tx = this.mx;
    const ty = this.my;
    const tz = this.mz;
    const px = this.px;
    const py = this.py;
    const pz = this.pz;
    const dx = tx - px;
    const dy = ty - py;
    const dz = tz - pz;
    if (dx === 0 && dy === 0 && dz === 0) {
      if (this.mde !== 0) this.eOnly();
      return;
    }
    if (!(dx === dx && dy === dy && dz === dz)) return;
    const len = Math.sqrt(dx * dx + dy * dy + dz * dz);
    this.mlen = len;
    if (!this.moved) {
      this.moved = true;
      if (!this.homed && !homing) this.noHomingLine = line;
    }
    const de = this.mde;
    const cls = this.classify(rapid, de > 0);
    const work = (cls & 1) !== 0;
    this.moves++;
    if (!this.anyMove) {
      this.anyMove = true;
      this.tMinX = this.tMaxX = px;
      this.tMinY = this.tMaxY = py;
      this.tMinZ = this.tMaxZ = pz;
    }
    // Bounds only grow, so the work area is checked only when one grows: the first line outside is
    // still the one reported.
    if (this.growTravel() && this.areaOn) this.areaAt(false, false, line);
    if (work) {
      if (!this.lastWork && this.growWork(true) && this.areaOn) this.areaAt(true, true, line);
      if (this.growWork(false) && this.areaOn) this.areaAt(true, false, line);
      this.workMove(cls, line);
    } else this.travelMm += len;
    this.lastWork = work;
    if (de !== 0) this.accountE();
    this.emit(rapid, cls);
  }

  /**
   * The work area check of the start (px, py, pz) or the target (mx, my, mz). A call without doubles
   * in its arguments: passing them from moveTo kept them alive across it and cost 3 % on every move.
   */
  private areaAt(work: boolean, start: boolean, line: number): void {
    if (start) this.checks.area(work, this.px, this.py, this.pz, line);
    else this.checks.area(work, this.mx, this.my, this.mz, line);
  }

  /** Extend the travel bounds to the target (mx, my, mz); true when they grew. */
  private growTravel(): boolean {
    const x = this.mx;
    const y = this.my;
    const z = this.mz;
    let grew = false;
    if (x < this.tMinX) {
      this.tMinX = x;
      grew = true;
    } else if (x > this.tMaxX) {
      this.tMaxX = x;
      grew = true;
    }
    if (y < this.tMinY) {
      this.tMinY = y;
      grew = true;
    } else if (y > this.tMaxY) {
      this.tMaxY = y;
      grew = true;
    }
    if (z < this.tMinZ) {
      this.tMinZ = z;
      grew = true;
    } else if (z > this.tMaxZ) {
      this.tMaxZ = z;
      grew = true;
    }
    return grew;
  }

  /** Extend the work bounds to the start (px, py, pz) or the target; true when they grew. */
  private growWork(start: boolean): boolean {
    const x = start ? this.px : this.mx;
    const y = start ? this.py : this.my;
    const z = start ? this.pz : this.mz;
    let grew = false;
    if (x < this.wMinX) {
      this.wMinX = x;
      grew = true;
    }
    if (x > this.wMaxX) {
      this.wMaxX = x;
      grew = true;
    }
    if (y < this.wMinY) {
      this.wMinY = y;
      grew = true;
    }
    if (y > this.wMaxY) {
      this.wMaxY = y;
      grew = true;
    }
    if (z < this.wMinZ) {
      this.wMinZ = z;
      grew = true;
    }
    if (z > this.wMaxZ) {
      this.wMaxZ = z;
      grew = true;
    }
    return grew;
  }

  /** Statistics and layers of a work move of length mlen ending at height mz. */
  protected workMove(cls: number, line: number): void {
    const len = this.mlen;
    const tz = this.mz;
    this.workMm += len;
    const f = this.feature;
    this.featMm[f] = this.featMm[f]! + len;
    this.featMoves[f] = this.featMoves[f]! + 1;
    this.toolMask |= 1 << this.tool;
    if (cls & 2) {
      this.laserOnMm += len;
      this.sawSpindleWork = true;
    }
    if (tz !== this.workZ) {
      if (this.workZ === this.workZ) this.sawZWork = true;
      this.workZ = tz;
    }
    if (this.mde > 0 && !this.extruded) {
      this.extruded = true;
      this.checks.firstExtrusion(this.nozzleTarget, line);
    }
    // Layers: without markers, a work move at a new height starts a layer.
    if (!this.markerMode) {
      if (this.layerIndex < 0 || !(Math.abs(tz - this.layerZ) <= LAYER_Z_EPS)) {
        this.startLayer();
        this.resolveLayerZ(tz);
      }
    } else if (!this.layerZSet) this.resolveLayerZ(this.pendingZ === this.pendingZ ? this.pendingZ : tz);
  }

  /** Queue the segment to (mx, my, mz) with mde to the planner and the toolpath; it becomes the position. */
  protected emit(rapid: boolean, cls: number): void {
    const tx = this.mx;
    const ty = this.my;
    const tz = this.mz;
    const dx = tx - this.px;
    const dy = ty - this.py;
    const dz = tz - this.pz;
    const de = this.mde;
    let feed: number;
    if (rapid && this.grblish) feed = Infinity;
    else if (this.inverseTime) feed = (Math.sqrt(dx * dx + dy * dy + dz * dz) * this.feed) / 60;
    else feed = this.feedMmS;
    const pin = this.pin;
    pin[0] = dx;
    pin[1] = dy;
    pin[2] = dz;
    pin[3] = de;
    pin[4] = feed;
    pin[5] = this.mlen;
    this.planner.add(de !== 0 ? ACCEL_PRINT : ACCEL_TRAVEL, (cls & 3) | (this.feature << BLOCK_FEATURE_SHIFT));
    this.px = tx;
    this.py = ty;
    this.pz = tz;
    if (this.tp !== null) this.toolpathSegment(cls, de, feed);
  }

  private toolpathSegment(cls: number, de: number, feed: number): void {
    const tp = this.tp!;
    let kind: number;
    let bucket: number;
    if (cls & 1) {
      kind = KIND_WORK;
      if (cls & 2) {
        bucket = (this.spindleS / this.maxS) * 255 + 0.5;
        tp.notePower();
      } else bucket = feed + 0.5;
    } else {
      kind = de < 0 ? KIND_RETRACT : KIND_TRAVEL;
      bucket = feed + 0.5;
    }
    let b = bucket >= 255 ? 255 : bucket >= 0 ? bucket | 0 : 0;
    if (b > 255) b = 255;
    let layer = this.layerIndex < 0 ? 0 : this.layerIndex;
    if (layer > MAX_LAYER) layer = MAX_LAYER;
    const xyz = tp.xyz;
    xyz[0] = this.px;
    xyz[1] = this.py;
    xyz[2] = this.pz;
    if (!tp.add((kind | (this.feature << 2) | (b << 7) | (layer << 15)) >>> 0) && !this.sink.has('toolpath_truncated'))
      this.sink.add('toolpath_truncated', 'warning', this.lineNo, { segments: tp.segments });
  }

  /** A move of the extruder alone (retraction, priming). */
  private eOnly(): void {
    this.accountE();
    const pin = this.pin;
    pin[0] = 0;
    pin[1] = 0;
    pin[2] = 0;
    pin[3] = this.mde;
    pin[4] = this.feedMmS;
    pin[5] = 0;
    this.planner.add(ACCEL_RETRACT, this.feature << BLOCK_FEATURE_SHIFT);
  }

  /** Filament used: extrusion, not counting the re-priming of what an earlier retraction pulled back. */
  protected accountE(): void {
    const de = this.mde;
    if (de < 0) this.eDebt -= de;
    else if (this.eDebt > 0) {
      if (de <= this.eDebt) this.eDebt -= de;
      else {
        this.eUsed += de - this.eDebt;
        this.eDebt = 0;
      }
    } else this.eUsed += de;
  }

  // ------------------------------------------------------------------ layers

  private startLayer(): void {
    this.layerIndex++;
    this.layerZSet = false;
    if (this.tp !== null) this.tp.startLayer(NaN);
  }

  private resolveLayerZ(z: number): void {
    this.layerZ = z;
    this.layerZSet = true;
    let h = this.pendingHeight;
    this.pendingHeight = NaN;
    this.pendingZ = NaN;
    if (!(h > 0)) h = this.layerIndex === 0 || this.prevLayerZ !== this.prevLayerZ ? z : z - this.prevLayerZ;
    if (this.layerIndex === 0) this.firstH = h;
    else if (h > 0) {
      if (h < this.minH) this.minH = h;
      if (h > this.maxH) this.maxH = h;
    }
    this.prevLayerZ = z;
    if (this.tp !== null) this.tp.setLayerZ(z);
  }

  protected layerMarker(): void {
    if (!this.markerMode) {
      this.markerMode = true;
      if (this.layerIndex < 0) this.startLayer();
      else {
        // What ran before the first marker (start G-code, purge line) joins layer 0.
        this.layerZSet = false;
        this.prevLayerZ = NaN;
      }
    } else this.startLayer();
  }
}
