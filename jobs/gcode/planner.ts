// Motion planner for the duration estimate: the same model as the firmware's own planner.
//
// Each linear move becomes a block with a trapezoidal speed profile (accelerate, cruise, decelerate).
// The speed at the junction of two blocks is limited either by Grbl/Marlin junction deviation
// (centripetal acceleration on a virtual circle tangent to both moves) or by Marlin/Prusa classic jerk
// (the largest instantaneous per-axis speed change). Blocks wait in a bounded look-ahead ring like the
// firmware's block buffer; a reverse pass raises entry speeds to what the blocks ahead allow (the last
// queued block must be able to stop) and a forward pass caps them by what the acceleration from behind
// allows. When the ring is full, the oldest block is executed: its time is computed with its entry
// speed and the entry speed of its successor, and it leaves the ring. A "planned" index (as in Grbl)
// marks the last block whose entry can no longer change, so the passes touch only the blocks after it.
//
// The firmware re-plans on every new block; here the passes run only when their result is read (the
// oldest block executes and its successor is not planned yet, or the ring is flushed), once for all
// the blocks that came in since: on a raster's short moves, 4 or 5 blocks stay unplanned and were
// walked twice on every move. This gives the firmware's entries exactly, bit for bit: while each new
// block leaves the entry of the block before it at least where it was (always with junction
// deviation, where a block ends at rest), entry speeds only grow from one pass to the next, and one
// pass at the end reaches what the passes in between would have. A new block that lowers its
// predecessor's exit below the speed that block could stop from at once (classic jerk: a sharp
// corner after a jerk-safe end) can freeze entries on the way, so the pending blocks are planned
// first, then the new one, as the firmware would.
//
// Speeds are in mm/s, squared speeds in (mm/s)², accelerations in mm/s², distances in mm.

import { dbl } from './doubles';

export const ACCEL_PRINT = 0;
export const ACCEL_TRAVEL = 1;
export const ACCEL_RETRACT = 2;

/** Block flags, carried so that the time of each block is attributed when it executes. */
export const BLOCK_WORK = 1;
export const BLOCK_LASER = 2;
export const BLOCK_FEATURE_SHIFT = 2; // 5 bits of feature id

// Private copies of the above for this module's hot paths: an exported `const` is a module cell that V8
// reloads (and checks for its temporal dead zone) on every use; a private one is folded.
const PRINT = 0;
const TRAVEL = 1;
const WORK = 1;
const LASER = 2;
const FEATURE_SHIFT = 2;

const MIN_JUNCTION_COS = -0.999999;
const MAX_JUNCTION_COS = 0.999999;
/** sin(θ/2) / (1 − sin(θ/2)) at the clamped cosine of a straight junction. */
const STRAIGHT_JD_FACTOR = Math.sqrt(0.5 * (1 - MIN_JUNCTION_COS)) / (1 - Math.sqrt(0.5 * (1 - MIN_JUNCTION_COS)));

/** Parameters the G-code can change while it runs (M201, M203, M204, M205, M220), for `set()`. */
export const P_MAX_ACCEL = 0; // index: axis 0–3 (XYZE)
export const P_MAX_FEED = 1; // index: axis
export const P_PRINT_ACCEL = 2;
export const P_TRAVEL_ACCEL = 3;
export const P_RETRACT_ACCEL = 4;
export const P_JERK = 5; // index: axis
export const P_USE_JERK = 6; // value 1 or 0
export const P_JUNCTION_DEVIATION = 7;
export const P_MIN_FEED = 8;
export const P_MIN_TRAVEL_FEED = 9;
export const P_SPEED_FACTOR = 10;

export interface PlannerResults {
  timeS: number;
  workTimeS: number;
  laserTimeS: number;
  blocks: number;
  featureTimeS: Float64Array;
}

/** What the analyzer needs from a planner. */
export interface PlannerLike {
  /** The next move (dx, dy, dz, de, feed, XYZ length or 0), written before `add()`. */
  readonly in: Float64Array;
  add(accelKind: number, flags: number): void;
  flush(): void;
  dwell(seconds: number): void;
  set(param: number, index: number, value: number): void;
  /** Seconds of the blocks executed so far (the look-ahead ring's blocks are not in it yet). */
  readonly timeS: number;
  /** Execute everything queued and return the totals. */
  results(): PlannerResults;
}

export interface PlannerSettings {
  maxFeed: [number, number, number, number];
  maxAccel: [number, number, number, number];
  printAccel: number;
  travelAccel: number;
  retractAccel: number;
  /** Junction deviation (mm); used when `useJerk` is false. */
  junctionDeviation: number;
  useJerk: boolean;
  jerk: [number, number, number, number];
  minFeed: number;
  minTravelFeed: number;
  /** Power of two. */
  blocks: number;
  /** Marlin's JD_HANDLE_SMALL_SEGMENTS: cap the junction speed of short, gently turning segments (arcs). */
  smallSegments: boolean;
}

export class Planner implements PlannerLike {
  // Limits; the analyzer updates them from M201/M203/M204/M205 in the file.
  readonly maxFeed = new Float64Array(4);
  readonly maxAccel = new Float64Array(4);
  readonly jerk = new Float64Array(4);
  /** 1 / jerk per axis; refreshed by `limitsChanged()`. */
  private readonly invJerk = new Float64Array(4);
  private minXYAccel = dbl(Infinity);
  // Set by the constructor, `declare`d so they are never `undefined` first (see motion.ts).
  declare printAccel: number;
  declare travelAccel: number;
  declare retractAccel: number;
  declare junctionDeviation: number;
  // Flags as numbers 0/1: V8 tests a boolean field with a generic truthiness check, a number with one
  // comparison.
  /** Classic jerk (1) or junction deviation (0). */
  declare useJerk: number;
  declare minFeed: number;
  declare minTravelFeed: number;
  declare smallSegments: number;
  speedFactor = dbl(1);

  // The look-ahead ring: one typed array per quantity, indexed by sequence number & mask. (One array
  // with a stride per block costs an addition, an overflow check and a bounds check per access.)
  declare private readonly mask: number;
  declare private readonly size: number;
  /** Length, mm. */
  declare private readonly rMm: Float64Array;
  /** Nominal (cruise) speed, its square and its reciprocal. */
  declare private readonly rNom: Float64Array;
  declare private readonly rNomSq: Float64Array;
  declare private readonly rInvNom: Float64Array;
  /** 1 / acceleration (0: unlimited). */
  declare private readonly rInvAcc: Float64Array;
  /** 2 · a · d: speed² gained or lost over the block. */
  declare private readonly rTwoAD: Float64Array;
  /** Speed² limit at the junction with the previous block. */
  declare private readonly rMaxEntry: Float64Array;
  /** Planned entry speed². */
  declare private readonly rEntry: Float64Array;
  /** Speed² from/to which the block can start/stop at once (jerk), else 0. */
  declare private readonly rStop: Float64Array;
  declare private readonly rFlags: Int32Array;
  private tail = 0; // sequence number of the oldest block (executing)
  private head = 0; // sequence number of the next block
  private planned = 0; // blocks up to this one have their final entry speed
  /** 1 when blocks came in since the last recalculate() (a number: V8 tests it in one instruction). */
  private dirty = 0;
  // sqrt of the last exit speed², reused as the next block's entry speed
  private cacheSq = dbl(-1);
  private cacheV = dbl(0);
  private lastV = dbl(-1);
  private lastInvV = dbl(0);
  private lastAcc = dbl(-1);
  private lastInvAcc = dbl(0);

  // The previous block, for the junction.
  private hasPrev = 0;
  private pu0 = dbl(0); // unit vector (XYZE, normalised in 4D) for junction deviation
  private pu1 = dbl(0);
  private pu2 = dbl(0);
  private pu3 = dbl(0);
  private pv0 = dbl(0); // per-axis direction cosines (relative to the path length) for classic jerk
  private pv1 = dbl(0);
  private pv2 = dbl(0);
  private pv3 = dbl(0);
  private pNom = dbl(0);
  private pSafe = dbl(0);

  // Results.
  timeS = dbl(0);
  workTimeS = dbl(0);
  laserTimeS = dbl(0);
  blocksDone = 0;
  readonly featureTimeS = new Float64Array(32);

  constructor(s: PlannerSettings) {
    let size = 4;
    while (size < s.blocks && size < 1024) size <<= 1;
    this.size = size;
    this.mask = size - 1;
    this.rMm = new Float64Array(size);
    this.rNom = new Float64Array(size);
    this.rNomSq = new Float64Array(size);
    this.rInvNom = new Float64Array(size);
    this.rInvAcc = new Float64Array(size);
    this.rTwoAD = new Float64Array(size);
    this.rMaxEntry = new Float64Array(size);
    this.rEntry = new Float64Array(size);
    this.rStop = new Float64Array(size);
    this.rFlags = new Int32Array(size);
    for (let i = 0; i < 4; i++) {
      this.maxFeed[i] = positiveOr(s.maxFeed[i], Infinity);
      this.maxAccel[i] = positiveOr(s.maxAccel[i], Infinity);
      const j = s.jerk[i];
      this.jerk[i] = j !== undefined && j >= 0 && Number.isFinite(j) ? j : 0;
    }
    this.limitsChanged();
    this.printAccel = dbl(positiveOr(s.printAccel, Infinity));
    this.travelAccel = dbl(positiveOr(s.travelAccel, Infinity));
    this.retractAccel = dbl(positiveOr(s.retractAccel, Infinity));
    this.junctionDeviation = dbl(s.junctionDeviation >= 0 ? s.junctionDeviation : 0.013);
    this.useJerk = s.useJerk ? 1 : 0;
    this.minFeed = dbl(s.minFeed > 0 ? s.minFeed : 0);
    this.minTravelFeed = dbl(s.minTravelFeed > 0 ? s.minTravelFeed : 0);
    this.smallSegments = s.smallSegments ? 1 : 0;
  }

  /**
   * The next move, written by the caller before `add()`: dx, dy, dz, de (mm), the requested feed
   * along the path (mm/s, Infinity for a rapid) and, when the caller has it, the XYZ length
   * √(dx² + dy² + dz²) computed the same way (else 0): one square root per move instead of two.
   * Passing doubles in a typed array rather than as arguments keeps V8 from boxing them on every call.
   */
  readonly in = new Float64Array(6);

  /** Queue the move in `in`. `accelKind` selects the M204 acceleration; `flags` are attributed to its time. */
  add(accelKind: number, flags: number): void {
    const input = this.in;
    let dx = input[0]!;
    let dy = input[1]!;
    let dz = input[2]!;
    const de = input[3]!;
    const feed = input[4]!;
    const xyz2 = dx * dx + dy * dy + dz * dz;
    let mm: number;
    if (xyz2 > 1e-18) {
      mm = input[5]!;
      if (!(mm > 0)) mm = Math.sqrt(xyz2);
    } else {
      mm = Math.abs(de);
      if (mm < 1e-9) return;
      dx = dy = dz = 0;
    }
    const inv = 1 / mm;
    // Direction cosines, signed (s) and absolute (a): |d| · inv and |d · inv| are the same double.
    // Math.abs clears the sign bit, with no branch to mispredict (x < 0 ? −x : x is a branch).
    const s0 = dx * inv;
    const s1 = dy * inv;
    const s2 = dz * inv;
    const s3 = de * inv;
    const a0 = Math.abs(s0);
    const a1 = Math.abs(s1);
    const a2 = Math.abs(s2);
    const a3 = Math.abs(s3);

    // Nominal speed: requested feed (with M220), floored by M205 S/T, capped per axis (M203).
    let v = feed * this.speedFactor;
    const vmin = accelKind === TRAVEL ? this.minTravelFeed : this.minFeed;
    if (!(v >= vmin)) v = vmin > 0 ? vmin : 1; // NaN or zero feed: crawl rather than divide by zero
    const mf = this.maxFeed;
    if (a0 * v > mf[0]!) v = mf[0]! / a0;
    if (a1 * v > mf[1]!) v = mf[1]! / a1;
    if (a2 * v > mf[2]!) v = mf[2]! / a2;
    if (a3 * v > mf[3]!) v = mf[3]! / a3;
    if (!(v > 0) || v === Infinity) v = v === Infinity ? 1e4 : 1e-3;

    // Acceleration: M204 by kind, capped per axis by the move's direction cosines (M201).
    let acc = accelKind === PRINT ? this.printAccel : accelKind === TRAVEL ? this.travelAccel : this.retractAccel;
    const ma = this.maxAccel;
    if (a0 * acc > ma[0]!) acc = ma[0]! / a0;
    if (a1 * acc > ma[1]!) acc = ma[1]! / a1;
    if (a2 * acc > ma[2]!) acc = ma[2]! / a2;
    if (a3 * acc > ma[3]!) acc = ma[3]! / a3;
    if (!(acc > 0)) acc = Infinity;

    const nomSqr = v * v;
    let maxEntry: number;
    let stop: number;
    if (this.useJerk !== 0) {
      // Classic jerk. The safe speed is the one at which the block may start from or stop to a halt:
      // the largest axis share over its jerk decides (one division, only when it limits). Maxima by
      // comparisons: every term is a finite non-negative number, and Math.max tests for NaN and −0.
      const ij = this.invJerk;
      const ij0 = ij[0]!;
      const ij1 = ij[1]!;
      const ij2 = ij[2]!;
      const ij3 = ij[3]!;
      let q = a0 * ij0;
      let t = a1 * ij1;
      if (t > q) q = t;
      t = a2 * ij2;
      if (t > q) q = t;
      t = a3 * ij3;
      if (t > q) q = t;
      const safe = q * v > 1 ? 1 / q : v;
      stop = safe * safe;
      const pNom = this.pNom;
      if (this.hasPrev === 0 || pNom < 1e-4) maxEntry = stop;
      else {
        // Both moves at the shared junction speed vj; the axis needing the largest share of its jerk
        // sets the factor. Same direction: the speed difference counts; reversal or start from zero:
        // the larger speed must be jerk-safe.
        const vj = v < pNom ? v : pNom;
        let r = axisJerk(this.pv0, s0) * ij0;
        t = axisJerk(this.pv1, s1) * ij1;
        if (t > r) r = t;
        t = axisJerk(this.pv2, s2) * ij2;
        if (t > r) r = t;
        t = axisJerk(this.pv3, s3) * ij3;
        if (t > r) r = t;
        let vmax = r * vj > 1 ? 1 / r : vj;
        // Not coasting: the machine would stop and restart anyway; start this block at its safe speed.
        if (this.pSafe > vmax * 0.99 && safe > vmax * 0.99) vmax = safe;
        maxEntry = vmax * vmax;
      }
      this.pv0 = s0;
      this.pv1 = s1;
      this.pv2 = s2;
      this.pv3 = s3;
      this.pSafe = safe;
    } else {
      // Junction deviation on the XYZ unit vectors (E only for a move of the extruder alone).
      stop = 0;
      const u3 = xyz2 > 1e-18 ? 0 : de < 0 ? -1 : 1;
      if (this.hasPrev === 0 || this.pNom < 1e-4) maxEntry = 0;
      else {
        const cos = -(this.pu0 * s0 + this.pu1 * s1 + this.pu2 * s2 + this.pu3 * u3);
        const pn2 = this.pNom * this.pNom;
        if (cos > MAX_JUNCTION_COS) maxEntry = 0;
        else if (cos <= MIN_JUNCTION_COS) {
          // Straight on (raster lines, subdivided lines): the clamped formula is a constant, no sqrt.
          let vj2 = acc * this.junctionDeviation * STRAIGHT_JD_FACTOR;
          if (vj2 > nomSqr) vj2 = nomSqr;
          maxEntry = vj2 < pn2 ? vj2 : pn2;
        } else {
          // Acceleration along the junction vector, capped per axis (skipped when no cap can bind).
          let ja = acc;
          if (!(s2 === 0 && this.pu2 === 0 && u3 === 0 && this.pu3 === 0 && acc <= this.minXYAccel)) {
            let j0 = s0 - this.pu0;
            let j1 = s1 - this.pu1;
            let j2 = s2 - this.pu2;
            let j3 = u3 - this.pu3;
            const jn = Math.sqrt(j0 * j0 + j1 * j1 + j2 * j2 + j3 * j3);
            if (jn > 0) {
              const ijn = 1 / jn;
              j0 = Math.abs(j0) * ijn;
              j1 = Math.abs(j1) * ijn;
              j2 = Math.abs(j2) * ijn;
              j3 = Math.abs(j3) * ijn;
              if (j0 * ja > ma[0]!) ja = ma[0]! / j0;
              if (j1 * ja > ma[1]!) ja = ma[1]! / j1;
              if (j2 * ja > ma[2]!) ja = ma[2]! / j2;
              if (j3 * ja > ma[3]!) ja = ma[3]! / j3;
            }
          }
          const sinHalf = Math.sqrt(0.5 * (1 - cos));
          let vj2 = (ja * this.junctionDeviation * sinHalf) / (1 - sinHalf);
          if (this.smallSegments !== 0 && mm < 1 && cos < -0.7071067812) {
            // Short, gently turning segments (an arc): v² = a · R with R = length / turn angle.
            // Turn angle θ = acos(−cos) by its series in x = 1 + cos (x < 0.3): error < 2e-4.
            const x = 1 + cos;
            const theta = Math.sqrt(2 * x) * (1 + x * (1 / 12 + x * 0.01875));
            if (theta > 1e-3) {
              const lim = (mm * ja) / theta;
              if (lim < vj2) vj2 = lim;
            }
          }
          if (vj2 > nomSqr) vj2 = nomSqr;
          if (vj2 > pn2) vj2 = pn2;
          maxEntry = vj2 === vj2 ? vj2 : 0;
        }
      }
      this.pu0 = s0;
      this.pu1 = s1;
      this.pu2 = s2;
      this.pu3 = u3;
    }
    if (maxEntry > nomSqr) maxEntry = nomSqr;
    this.pNom = v;
    this.hasPrev = 1;

    const twoAD = 2 * acc * mm;
    if (stop > nomSqr) stop = nomSqr;
    const mask = this.mask;
    let exitCut = false;
    if (this.head > this.tail) {
      // Does this block lower its predecessor's exit below what that block could stop from at once?
      let ex = stop + twoAD;
      if (ex > maxEntry) ex = maxEntry;
      exitCut = ex < this.rStop[(this.head - 1) & mask]!;
      if (exitCut && this.dirty !== 0) this.recalculate();
      if (this.head - this.tail === this.size) this.retireOldest();
    }
    const i = this.head & mask;
    this.rMm[i] = mm;
    this.rNom[i] = v;
    this.rNomSq[i] = nomSqr;
    // Feeds and accelerations repeat (slicer speeds, M204): reuse the last reciprocals.
    if (v !== this.lastV) {
      this.lastV = v;
      this.lastInvV = 1 / v;
    }
    if (acc !== this.lastAcc) {
      this.lastAcc = acc;
      this.lastInvAcc = acc === Infinity ? 0 : 1 / acc;
    }
    this.rInvNom[i] = this.lastInvV;
    this.rInvAcc[i] = this.lastInvAcc;
    this.rTwoAD[i] = twoAD;
    this.rMaxEntry[i] = maxEntry;
    this.rStop[i] = stop;
    this.rFlags[i] = flags;
    this.head++;
    if (this.head - this.tail === 1) {
      // Alone in the ring: it starts executing right away, from its entry speed.
      this.rEntry[i] = maxEntry;
      this.planned = this.tail;
      return;
    }
    this.rEntry[i] = 0;
    if (exitCut) this.recalculate();
    else this.dirty = 1;
  }

  set(param: number, index: number, value: number): void {
    const i = index & 3;
    switch (param) {
      case P_MAX_ACCEL:
        this.maxAccel[i] = value;
        break;
      case P_MAX_FEED:
        this.maxFeed[i] = value;
        break;
      case P_PRINT_ACCEL:
        this.printAccel = value;
        break;
      case P_TRAVEL_ACCEL:
        this.travelAccel = value;
        break;
      case P_RETRACT_ACCEL:
        this.retractAccel = value;
        break;
      case P_JERK:
        this.jerk[i] = value;
        break;
      case P_USE_JERK:
        this.useJerk = value !== 0 ? 1 : 0;
        break;
      case P_JUNCTION_DEVIATION:
        this.junctionDeviation = value;
        break;
      case P_MIN_FEED:
        this.minFeed = value;
        break;
      case P_MIN_TRAVEL_FEED:
        this.minTravelFeed = value;
        break;
      case P_SPEED_FACTOR:
        this.speedFactor = value;
        break;
      default:
        return;
    }
    this.limitsChanged();
  }

  results(): PlannerResults {
    this.flush();
    return { timeS: this.timeS, workTimeS: this.workTimeS, laserTimeS: this.laserTimeS, blocks: this.blocksDone, featureTimeS: this.featureTimeS };
  }

  /** Call after changing `jerk` or `maxAccel` (M205, M201). */
  limitsChanged(): void {
    for (let i = 0; i < 4; i++) {
      const j = this.jerk[i]!;
      this.invJerk[i] = j > 0 ? 1 / j : 1e12; // finite: 0 × 1e12 = 0 where the axis does not move
    }
    const ma = this.maxAccel;
    this.minXYAccel = ma[0]! < ma[1]! ? ma[0]! : ma[1]!;
  }

  /** Wait for all queued moves to finish (M400, G4, M109…): the machine comes to a halt. */
  flush(): void {
    if (this.dirty !== 0) this.recalculate();
    while (this.tail < this.head) this.retireOldest();
    this.hasPrev = 0;
    this.pNom = 0;
  }

  /** Time during which the machine stands still (dwell). */
  dwell(seconds: number): void {
    this.flush();
    if (seconds > 0 && seconds < 1e7) this.timeS += seconds;
  }

  /** The reverse and forward passes over the blocks after `planned`, for the newest block's entry. */
  private recalculate(): void {
    const m = this.mask;
    const entry = this.rEntry;
    const maxEntry = this.rMaxEntry;
    const twoAD = this.rTwoAD;
    const head = this.head;
    const planned = this.planned;
    // Reverse pass: the newest block must be able to stop; each earlier block may enter as fast as
    // it can still decelerate to the entry speed of the block after it.
    let s = head - 1;
    let i = s & m;
    let e = this.rStop[i]! + twoAD[i]!;
    let me = maxEntry[i]!;
    let next = e < me ? e : me;
    entry[i] = next;
    for (s = head - 2; s > planned; s--) {
      i = s & m;
      me = maxEntry[i]!;
      if (entry[i] !== me) {
        e = next + twoAD[i]!;
        entry[i] = e < me ? e : me;
      }
      next = entry[i]!;
    }
    // Forward pass: an entry cannot exceed what accelerating through the previous block gives.
    let c = planned & m;
    let newPlanned = planned;
    for (s = planned + 1; s < head; s++) {
      const j = s & m;
      const en = entry[j]!;
      const ce = entry[c]!;
      if (ce < en) {
        e = ce + twoAD[c]!;
        if (e < en) {
          entry[j] = e;
          newPlanned = s;
        }
      }
      if (entry[j] === maxEntry[j]) newPlanned = s;
      c = j;
    }
    this.planned = newPlanned;
    this.dirty = 0;
  }

  /** Execute the oldest block: its time from its trapezoid, inline (a call returning a double would box it). */
  private retireOldest(): void {
    const s = this.tail;
    // Its exit is its successor's entry: plan first if that one is not final yet.
    if (this.dirty !== 0 && s + 1 > this.planned && s + 1 < this.head) this.recalculate();
    const m = this.mask;
    const i = s & m;
    const d = this.rMm[i]!;
    const ia = this.rInvAcc[i]!;
    let t: number;
    if (ia === 0) t = d * this.rInvNom[i]!;
    else {
      const vnSq = this.rNomSq[i]!;
      const vn = this.rNom[i]!;
      let v0s = this.rEntry[i]!;
      let v1s = s + 1 < this.head ? this.rEntry[(s + 1) & m]! : this.rStop[i]!;
      if (v0s > vnSq) v0s = vnSq;
      if (v1s > vnSq) v1s = vnSq;
      const v0 = v0s === this.cacheSq ? this.cacheV : Math.sqrt(v0s);
      // √(v²) is exactly v in binary floating point: a block that leaves at its cruise speed needs no root.
      const v1 = v1s === vnSq ? vn : Math.sqrt(v1s);
      this.cacheSq = v1s;
      this.cacheV = v1;
      const ramps = (2 * vnSq - v0s - v1s) * 0.5 * ia; // accelerate + decelerate distances
      if (ramps <= d) t = (2 * vn - v0 - v1) * ia + (d - ramps) * this.rInvNom[i]!;
      else {
        // Triangle: the cruise speed is never reached.
        const peakSq = 0.5 * (this.rTwoAD[i]! + v0s + v1s);
        if (peakSq < v0s || peakSq < v1s) t = (2 * d) / (v0 + v1 || 1);
        else t = (2 * Math.sqrt(peakSq) - v0 - v1) * ia;
      }
    }
    this.timeS += t;
    const f = this.rFlags[i]!;
    if (f & WORK) this.workTimeS += t;
    if (f & LASER) this.laserTimeS += t;
    const fi = (f >> FEATURE_SHIFT) & 31;
    this.featureTimeS[fi] = this.featureTimeS[fi]! + t;
    this.blocksDone++;
    this.tail = s + 1;
    if (this.planned < this.tail) this.planned = this.tail;
  }
}

function positiveOr(v: number | undefined, fallback: number): number {
  return v !== undefined && v > 0 ? v : fallback;
}

/**
 * Speed change of one axis at a junction, per unit of junction speed: the difference when the axis
 * keeps its direction, the larger speed when it reverses or starts from (or stops to) zero.
 */
function axisJerk(vExit: number, vEntry: number): number {
  // Same sign: |a − b| ≤ max(|a|, |b|); opposite signs: max(|a|, |b|) ≤ |a| + |b| = |a − b|.
  // So the rule is min(|a − b|, max(|a|, |b|)); the extremes by comparisons (Math.min and Math.max
  // test for NaN and −0, which cannot occur here).
  const ad = Math.abs(vExit - vEntry);
  const ax = Math.abs(vExit);
  const an = Math.abs(vEntry);
  const hi = ax > an ? ax : an;
  return ad < hi ? ad : hi;
}

/**
 * Time to travel `d` mm with acceleration `a`, cruise speed² `vnSq`, entry speed² `v0Sq` and exit
 * speed² `v1Sq`: a trapezoid, or a triangle when the cruise speed is never reached.
 */
export function trapezoidTime(d: number, a: number, vnSq: number, v0Sq: number, v1Sq: number): number {
  const vn = Math.sqrt(vnSq);
  if (a === Infinity) return d / vn;
  if (v0Sq > vnSq) v0Sq = vnSq;
  if (v1Sq > vnSq) v1Sq = vnSq;
  const v0 = Math.sqrt(v0Sq);
  const v1 = Math.sqrt(v1Sq);
  const inv2a = 0.5 / a;
  const accD = (vnSq - v0Sq) * inv2a;
  const decD = (vnSq - v1Sq) * inv2a;
  if (accD + decD <= d) return (vn - v0) / a + (vn - v1) / a + (d - accD - decD) / vn;
  let peakSq = a * d + 0.5 * (v0Sq + v1Sq);
  const hi = v0Sq > v1Sq ? v0Sq : v1Sq;
  if (peakSq < hi) {
    // Inconsistent ends (cannot happen after both passes): constant acceleration between them.
    return (2 * d) / (v0 + v1 || 1);
  }
  if (peakSq > vnSq) peakSq = vnSq;
  const vp = Math.sqrt(peakSq);
  return (vp - v0) / a + (vp - v1) / a;
}
