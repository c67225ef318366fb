// Moves: where the machine goes, and everything a move changes — bounds, statistics, layers, filament,
// the planner's queue and the toolpath. The base of the engine's one class (arcs.ts, interpreter.ts
// and analyzer.ts extend it in turn): a single concrete class keeps every property access monomorphic.
//
// No double crosses a call that V8 may not inline (it would be boxed in a fresh heap number): the
// current move lives in fields (mx, my, mz target in machine coordinates, mde E delta, mlen its XYZ
// length), and the planner and the toolpath read their inputs from Float64Arrays.
//
// Flags read on every move are numbers, 0 or 1, not booleans: V8 tests a boolean field or argument
// with a generic truthiness check (false, "", undetectable, 0, NaN, 0n: a dozen instructions and
// branches), a number against 0 with one comparison. A move's kind travels as bits (MOVE_*).

import { MachineChecks } from './checks';
import { dbl } from './doubles';
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

/** How a move is made: bits of `linear()`'s and `moveTo()`'s `how`. */
export const MOVE_RAPID = 1; // G0 (or a homing or parking move)
export const MOVE_HOMING = 2; // the move of G28 / $H itself: not a move before homing
export const MOVE_MACHINE = 4; // G53: machine coordinates
// Module-local copies (see above).
const RAPID = 1;
const HOMING = 2;
const MACHINE = 4;

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
  /** Grbl semantics (1); may switch on for an unknown machine when the file looks like a laser job. */
  declare protected grblish: number;
  declare protected readonly filamentArea: number;
  declare protected readonly density: number;
  /** Grbl `$32` laser mode (1). */
  declare protected laserMode: number;
  /** S for full power (Grbl `$30`), for the toolpath's power buckets. */
  declare protected maxS: number;
  /** The machine has a work area to check (1). */
  declare protected readonly areaOn: number;
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
  protected unit = dbl(1);
  protected unitsSeen = 0; // 1 mm, 2 inch
  protected absXYZ = 1; // G90 (1) or G91 (0)
  protected absE = 1; // M82 (1) or M83 (0)
  protected arcAbsIJ = false;
  protected plane = dbl(17);
  protected inverseTime = 0; // G93 (1)
  protected feed = dbl(1500); // mm/min (moves per minute in G93 inverse time mode)
  protected feedMmS = dbl(25);
  protected feedSet = 0; // an F came (1)
  protected spindle = dbl(5); // 3, 4 or 5
  protected spindleS = dbl(0);
  protected tool = 0;
  protected toolMask = 0;
  /** M221 flow of the current tool, and per tool: the extruder pushes E × flow. */
  protected flow = dbl(1);
  protected readonly flows = new Float64Array(32).fill(1);

  // --- position (machine coordinates) and offsets (logical = machine − offset)
  protected px = dbl(0);
  protected py = dbl(0);
  protected pz = dbl(0);
  protected ox = dbl(0);
  protected oy = dbl(0);
  protected oz = dbl(0);
  protected eLog = dbl(0);
  // the current move
  protected mx = dbl(0);
  protected my = dbl(0);
  protected mz = dbl(0);
  protected mde = dbl(0);
  protected mlen = dbl(0);
  /** The feed of the segment to the toolpath (mm/s), for its bucket. */
  private mfeed = dbl(0);
  declare private readonly pin: Float64Array;

  protected nozzleTarget = dbl(-1);

  // --- homing
  protected homed = 0;
  protected moved = 0;
  protected noHomingLine = 0;

  // --- filament (mm of filament)
  protected eUsed = dbl(0);
  private eDebt = dbl(0);
  protected extruded = 0;

  // --- layers
  protected layerIndex = -1;
  private markerMode = 0;
  private layerZ = NaN;
  private layerZSet = 0;
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
  protected lastWork = 0;
  protected anyMove = 0;

  // --- statistics
  protected moves = 0;
  protected arcs = 0;
  protected workMm = dbl(0);
  protected travelMm = dbl(0);
  protected laserOnMm = dbl(0);
  protected readonly featMm = new Float64Array(32);
  protected readonly featMoves = new Float64Array(32);
  protected sawSpindleWork = 0;
  protected sawZWork = 0;
  private workZ = NaN;

  constructor(opts: AnalyzeOptions) {
    const m = opts.machine ?? null;
    this.machine = m;
    const mat = opts.material ?? {};
    this.checks = new MachineChecks(m, mat, this.sink);
    this.kindCode = this.checks.kindCode;
    this.grblish = isGrblish(m) ? 1 : 0;
    const d = mat.diameterMm && mat.diameterMm > 0 ? mat.diameterMm : DEFAULT_FILAMENT_DIAMETER_MM;
    this.filamentArea = dbl(Math.PI * (d / 2) * (d / 2));
    this.density = dbl(mat.densityGCm3 && mat.densityGCm3 > 0 ? mat.densityGCm3 : DEFAULT_FILAMENT_DENSITY_G_CM3);
    this.laserMode = (m?.laserMode ?? m?.kind === 'laser') ? 1 : 0;
    this.maxS = dbl(m?.maxSpindleS ?? (this.grblish ? 1000 : 255));
    this.areaOn = this.checks.areaOn ? 1 : 0;
    const home = m?.homeMm ?? m?.workOrigin ?? { x: 0, y: 0, z: 0 };
    this.homeX = dbl(home.x);
    this.homeY = dbl(home.y);
    this.homeZ = dbl(home.z);
    const settings = plannerSettings(opts);
    this.planner = opts.planner ? opts.planner(settings) : new Planner(settings);
    this.pin = this.planner.in;
    this.tp = opts.toolpath ? new ToolpathBuilder(opts.maxToolpathSegments ?? DEFAULT_MAX_SEGMENTS, 0, 0, 0, opts.toolpathSizeHint) : null;
  }

  // ------------------------------------------------------------------ lines

  /** A straight move to the line's axis words; `how`: MOVE_* bits. */
  protected linear(mask: number, how: number, line: number): void {
    const vals = this.vals;
    const u = this.unit;
    this.unitsSeen |= u === 1 ? 1 : 2;
    let tx = this.px;
    let ty = this.py;
    let tz = this.pz;
    if (how & MACHINE) {
      if (mask & B_X) tx = vals[L_X]! * u;
      if (mask & B_Y) ty = vals[L_Y]! * u;
      if (mask & B_Z) tz = vals[L_Z]! * u;
    } else if (this.absXYZ !== 0) {
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
    if (this.feedSet === 0 && !(how & RAPID) && this.grblish !== 0) this.noFeed(line);
    this.moveTo(how, line);
  }

  /** Grbl refuses a feed move before any F (error:22); the planner goes on with the default feed. */
  protected noFeed(line: number): void {
    this.feedSet = 1; // report once
    this.checks.noFeed(line);
  }

  /** The line's E word → this.mde, the filament the extruder pushes (M221 flow applied), mm. */
  protected eDelta(line: number): void {
    this.checks.extrusion(line);
    const ev = this.vals[L_E]! * this.unit;
    if (this.absE !== 0) {
      this.mde = (ev - this.eLog) * this.flow;
      this.eLog = ev;
    } else {
      this.mde = ev * this.flow;
      this.eLog += ev;
    }
  }

  /** Classify a move with XYZ motion (`how`: MOVE_* bits): bit 0 work, bit 1 laser beam on. */
  protected classify(how: number, extruding: boolean): number {
    const k = this.kindCode;
    if (k === KC_FDM) return extruding ? 1 : 0;
    const beam = !(how & RAPID) && this.spindle !== 5 && this.spindleS > 0;
    if (k === KC_LASER) return beam ? 3 : 0;
    if (k === KC_CNC) return how & RAPID ? 0 : 1;
    if (extruding) return 1; // unknown machine: extrusion, or a beam
    return beam ? 3 : 0;
  }

  /** Move to (mx, my, mz) with mde of filament; `how`: MOVE_* bits. */
  protected moveTo(how: number, line: number): void {
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
    if (this.moved === 0) {
      this.moved = 1;
      if (this.homed === 0 && !(how & HOMING)) this.noHomingLine = line;
    }
    const de = this.mde;
    const cls = this.classify(how, de > 0);
    this.moves++;
    if (this.anyMove === 0) {
      this.anyMove = 1;
      this.tMinX = this.tMaxX = px;
      this.tMinY = this.tMaxY = py;
      this.tMinZ = this.tMaxZ = pz;
    }
    // Bounds only grow, so the work area is checked only when one grows: the first line outside is
    // still the one reported. On the hot path only the axes the move changes are tested, and only
    // against one box: the others cannot grow (the start point is in the travel bounds, and in the
    // work bounds after a work move), and the work bounds lie within the travel bounds, so a work
    // move that stays inside the work bounds stays inside the travel bounds. Growing is out of line.
    const work = cls & 1;
    if (work !== 0) {
      if (this.lastWork === 0) this.workFrom(line);
      if (
        (dx !== 0 && !(tx >= this.wMinX && tx <= this.wMaxX)) ||
        (dy !== 0 && !(ty >= this.wMinY && ty <= this.wMaxY)) ||
        (dz !== 0 && !(tz >= this.wMinZ && tz <= this.wMaxZ))
      )
        this.workTo(line);
      this.workMove(cls, line);
    } else {
      if (
        (dx !== 0 && !(tx >= this.tMinX && tx <= this.tMaxX)) ||
        (dy !== 0 && !(ty >= this.tMinY && ty <= this.tMaxY)) ||
        (dz !== 0 && !(tz >= this.tMinZ && tz <= this.tMaxZ))
      )
        this.travelTo(line);
      this.travelMm += len;
    }
    this.lastWork = work;
    if (de !== 0) this.accountE();
    this.emit(how, cls);
  }

  /**
   * The work area check of the start (px, py, pz) or the target (mx, my, mz). A call without doubles
   * in its arguments: passing them from moveTo kept them alive across it and cost 3 % on every move.
   */
  private areaAt(work: boolean, start: boolean, line: number): void {
    if (start) this.checks.area(work, this.px, this.py, this.pz, line);
    else this.checks.area(work, this.mx, this.my, this.mz, line);
  }

  /** A work move starts at the position (px, py, pz): it joins the work bounds. */
  private workFrom(line: number): void {
    if (this.growWork(this.px, this.py, this.pz) && this.areaOn !== 0) this.areaAt(true, true, line);
  }

  /** A work move's target (mx, my, mz) left the work bounds: they grow, and maybe the travel bounds. */
  private workTo(line: number): void {
    if (this.growWork(this.mx, this.my, this.mz) && this.areaOn !== 0) this.areaAt(true, false, line);
    this.travelTo(line);
  }

  /** The target (mx, my, mz) may leave the travel bounds: they grow. */
  private travelTo(line: number): void {
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
    if (grew && this.areaOn !== 0) this.areaAt(false, false, line);
  }

  /** Extend the work bounds to a point; true when they grew. For the paths out of line only (doubles as arguments). */
  private growWork(x: number, y: number, z: number): boolean {
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
      this.sawSpindleWork = 1;
    }
    if (tz !== this.workZ) {
      if (this.workZ === this.workZ) this.sawZWork = 1;
      this.workZ = tz;
    }
    if (this.extruded === 0 && this.mde > 0) {
      this.extruded = 1;
      this.checks.firstExtrusion(this.nozzleTarget, line);
    }
    // Layers: without markers, a work move at a new height starts a layer.
    if (this.markerMode === 0) {
      if (this.layerIndex < 0 || !(Math.abs(tz - this.layerZ) <= LAYER_Z_EPS)) {
        this.startLayer();
        this.resolveLayerZ(tz);
      }
    } else if (this.layerZSet === 0) this.resolveLayerZ(this.pendingZ === this.pendingZ ? this.pendingZ : tz);
  }

  /**
   * Queue the segment to (mx, my, mz) with mde to the planner and the toolpath; it becomes the
   * position. `how`: MOVE_* bits.
   */
  protected emit(how: number, cls: number): void {
    const tx = this.mx;
    const ty = this.my;
    const tz = this.mz;
    const dx = tx - this.px;
    const dy = ty - this.py;
    const dz = tz - this.pz;
    const de = this.mde;
    let feed: number;
    if (how & RAPID && this.grblish !== 0) feed = Infinity;
    else if (this.inverseTime !== 0) feed = (Math.sqrt(dx * dx + dy * dy + dz * dz) * this.feed) / 60;
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
    if (this.tp !== null) {
      this.mfeed = feed;
      this.toolpathSegment(cls);
    }
  }

  /** The toolpath's segment to the position, of kind `cls`, with mde and the feed in mfeed. */
  private toolpathSegment(cls: number): void {
    const tp = this.tp!;
    const de = this.mde;
    const feed = this.mfeed;
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
    this.layerZSet = 0;
    if (this.tp !== null) this.tp.startLayer(NaN);
  }

  private resolveLayerZ(z: number): void {
    this.layerZ = z;
    this.layerZSet = 1;
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
    if (this.markerMode === 0) {
      this.markerMode = 1;
      if (this.layerIndex < 0) this.startLayer();
      else {
        // What ran before the first marker (start G-code, purge line) joins layer 0.
        this.layerZSet = 0;
        this.prevLayerZ = NaN;
      }
    } else this.startLayer();
  }
}
