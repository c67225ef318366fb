// Arcs (G2/G3): geometry in the arc's plane (G17 XY, G18 ZX, G19 YZ) — centre from the R or the
// I/J/K form, signed sweep, chord count like the firmware, the quadrant points that make the bounds
// exact — and the arc move itself, a layer of the engine's class over the straight moves of motion.ts.
// Geometry results land in a reusable `ArcPlan` (no object per arc).

import { round3 } from './checks';
import type { Severity } from './findings';
import { dbl } from './doubles';
import { Motion } from './motion';
import { DEFAULT_MACHINE } from './profile';
import type { AnalyzeOptions } from './types';
import * as words from './words';

// Module-local copies of the shared constants: V8 folds a module's own `const` into the optimised code
// but reloads an imported binding on every use (Node 20: a tight loop ran 1.4× slower on imported ones).
const { B_E, B_I, B_J, B_K, B_R, B_X, B_Y, B_Z, L_I, L_J, L_K, L_R, L_X, L_Y, L_Z } = words;

const TWO_PI = 2 * Math.PI;
/** Sweeps this close to zero are full circles (start = end), as in Grbl and Marlin. */
const ARC_EPS = 5e-7;
/** Past this many chords in a file, at most one per 10° instead of one per degree: bounded work on CAM files. */
const COARSE_AFTER_SEGMENTS = 20_000_000;

export const ARC_OK = 0;
/** R form with the end point on the start point: no arc is defined. */
export const ARC_SAME_ENDPOINTS = 1;
/** I/J/K form with no offset: no centre. */
export const ARC_NO_CENTRE = 2;

export class ArcPlan {
  c0 = dbl(0);
  c1 = dbl(0);
  r = dbl(0);
  /** Signed sweep, radians: negative clockwise. */
  ang = dbl(0);
  /** The R form's radius was shorter than half the chord (the arc was made a half circle). */
  radiusTooSmall = false;
  /** I/J/K form: |radius at start − radius at end|, mm. */
  mismatch = dbl(0);

  /** Centre from the R form (R < 0: the long way round). */
  fromRadius(s0: number, s1: number, t0: number, t1: number, r: number, cw: boolean): number {
    const x = t0 - s0;
    const y = t1 - s1;
    const d2 = x * x + y * y;
    this.radiusTooSmall = false;
    this.mismatch = 0;
    if (d2 === 0 || r === 0) return ARC_SAME_ENDPOINTS;
    let h4 = 4 * r * r - d2;
    if (h4 < 0) {
      if (h4 < -1e-6 * 4 * r * r) this.radiusTooSmall = true;
      h4 = 0;
    }
    let h = -Math.sqrt(h4) / Math.sqrt(d2);
    if (!cw) h = -h;
    if (r < 0) {
      h = -h;
      r = -r;
    }
    this.c0 = s0 + 0.5 * (x - y * h);
    this.c1 = s1 + 0.5 * (y + x * h);
    this.r = r;
    return ARC_OK;
  }

  /** Centre given (absolute, in the plane). */
  fromCentre(s0: number, s1: number, t0: number, t1: number, c0: number, c1: number): number {
    this.radiusTooSmall = false;
    this.c0 = c0;
    this.c1 = c1;
    const r = Math.hypot(s0 - c0, s1 - c1);
    this.r = r;
    this.mismatch = 0;
    if (r === 0) return ARC_NO_CENTRE;
    this.mismatch = Math.abs(r - Math.hypot(t0 - c0, t1 - c1));
    return ARC_OK;
  }

  /** The sweep from start to end around the centre; a full turn when they coincide. */
  sweep(s0: number, s1: number, t0: number, t1: number, cw: boolean): number {
    const rs0 = s0 - this.c0;
    const rs1 = s1 - this.c1;
    const rt0 = t0 - this.c0;
    const rt1 = t1 - this.c1;
    let ang = Math.atan2(rs0 * rt1 - rs1 * rt0, rs0 * rt0 + rs1 * rt1);
    if (cw) {
      if (ang >= -ARC_EPS) ang -= TWO_PI;
    } else if (ang <= ARC_EPS) ang += TWO_PI;
    this.ang = ang;
    return ang;
  }
}

/** A radius mismatch worth reporting (Marlin and Grbl accept small ones). */
export function badMismatch(diff: number, r: number): boolean {
  return diff > 0.005 && diff > 0.001 * r;
}

/**
 * Chords like the firmware: Grbl from its `$12` tolerance, Marlin at a fixed length; at most one per
 * degree (one per 10° once `segmentsSoFar` is past 20 M).
 */
export function chordCount(grbl: boolean, absAng: number, r: number, len: number, tol: number, segMm: number, segmentsSoFar: number): number {
  let n: number;
  if (grbl) n = r > tol ? Math.floor((0.5 * absAng * r) / Math.sqrt(tol * (2 * r - tol))) : 1;
  else n = Math.floor(len / segMm);
  const perDeg = Math.ceil((absAng * 180) / Math.PI / (segmentsSoFar > COARSE_AFTER_SEGMENTS ? 10 : 1));
  if (n > perDeg) n = perDeg;
  if (!(n >= 1)) n = 1;
  return n;
}

/**
 * The angle past the start at which the arc crosses each axis direction (0°, 90°, 180°, 270°): the
 * extreme points of the circle it passes. `out[q]` is that angle, or −1 when the sweep misses it.
 */
export function quadrantCrossings(th0: number, absAng: number, cw: boolean, out: Float64Array): void {
  for (let q = 0; q < 4; q++) {
    const phi = q * 0.5 * Math.PI;
    let dlt = cw ? th0 - phi : phi - th0;
    dlt -= Math.floor(dlt / TWO_PI) * TWO_PI;
    out[q] = dlt > 0 && dlt < absAng ? dlt : -1;
  }
}

/** G2/G3 moves, as chords like the firmware's, with exact bounds and statistics for the whole arc. */
export class ArcMotion extends Motion {
  /** Marlin MM_PER_ARC_SEGMENT, Grbl `$12` arc tolerance. */
  declare private readonly arcSegMm: number;
  declare private readonly arcTol: number;
  private readonly arcPlan = new ArcPlan();
  private readonly crossings = new Float64Array(4);
  private arcSegments = 0;

  constructor(opts: AnalyzeOptions) {
    super(opts);
    const p = opts.machine ?? DEFAULT_MACHINE;
    this.arcSegMm = dbl(p.arcSegmentMm && p.arcSegmentMm > 0 ? p.arcSegmentMm : 1);
    this.arcTol = dbl(p.arcToleranceMm && p.arcToleranceMm > 0 ? p.arcToleranceMm : 0.002);
  }

  protected arc(mask: number, cw: boolean, line: number): void {
    const vals = this.vals;
    const u = this.unit;
    this.unitsSeen |= u === 1 ? 1 : 2;
    // Target, as for a line.
    let tx = this.px;
    let ty = this.py;
    let tz = this.pz;
    if (this.absXYZ !== 0) {
      if (mask & B_X) tx = vals[L_X]! * u + this.ox;
      if (mask & B_Y) ty = vals[L_Y]! * u + this.oy;
      if (mask & B_Z) tz = vals[L_Z]! * u + this.oz;
    } else {
      if (mask & B_X) tx += vals[L_X]! * u;
      if (mask & B_Y) ty += vals[L_Y]! * u;
      if (mask & B_Z) tz += vals[L_Z]! * u;
    }
    this.mde = 0;
    if (mask & B_E) this.eDelta(line);
    if (this.feedSet === 0 && this.grblish !== 0) this.noFeed(line);
    const de = this.mde;
    // Plane axes: a0, a1 in the plane, al along the helix axis.
    const pl = this.plane;
    const s0 = pl === 17 ? this.px : pl === 18 ? this.pz : this.py;
    const s1 = pl === 17 ? this.py : pl === 18 ? this.px : this.pz;
    const sl = pl === 17 ? this.pz : pl === 18 ? this.py : this.px;
    const t0 = pl === 17 ? tx : pl === 18 ? tz : ty;
    const t1 = pl === 17 ? ty : pl === 18 ? tx : tz;
    const tl = pl === 17 ? tz : pl === 18 ? ty : tx;
    const o0Bit = pl === 17 ? B_I : pl === 18 ? B_K : B_J;
    const o1Bit = pl === 17 ? B_J : pl === 18 ? B_I : B_K;
    const o0L = pl === 17 ? L_I : pl === 18 ? L_K : L_J;
    const o1L = pl === 17 ? L_J : pl === 18 ? L_I : L_K;
    const oo0 = pl === 17 ? this.ox : pl === 18 ? this.oz : this.oy;
    const oo1 = pl === 17 ? this.oy : pl === 18 ? this.ox : this.oz;
    const grblSev: Severity = this.grblish !== 0 ? 'error' : 'warning';
    this.mx = tx;
    this.my = ty;
    this.mz = tz;
    const a = this.arcPlan;
    if (mask & B_R && !(mask & (o0Bit | o1Bit))) {
      if (a.fromRadius(s0, s1, t0, t1, vals[L_R]! * u, cw) === ARC_SAME_ENDPOINTS) {
        this.sink.add('bad_arc', grblSev, line, { reason: 'r_form_same_endpoints' }, 'r_same');
        this.moveTo(0, line);
        return;
      }
      if (a.radiusTooSmall) this.sink.add('bad_arc', grblSev, line, { reason: 'radius_too_small' }, 'r_small');
    } else {
      const i0 = mask & o0Bit ? vals[o0L]! * u : 0;
      const i1 = mask & o1Bit ? vals[o1L]! * u : 0;
      const c0 = this.arcAbsIJ ? i0 + oo0 : s0 + i0;
      const c1 = this.arcAbsIJ ? i1 + oo1 : s1 + i1;
      if (a.fromCentre(s0, s1, t0, t1, c0, c1) === ARC_NO_CENTRE) {
        this.sink.add('bad_arc', grblSev, line, { reason: 'no_center_offset' }, 'no_offset');
        this.moveTo(0, line);
        return;
      }
      if (badMismatch(a.mismatch, a.r)) this.sink.add('bad_arc', grblSev, line, { reason: 'radius_mismatch', delta: round3(a.mismatch) }, 'mismatch');
    }
    const c0 = a.c0;
    const c1 = a.c1;
    const r = a.r;
    const ang = a.sweep(s0, s1, t0, t1, cw);
    const absAng = ang < 0 ? -ang : ang;
    const dl = tl - sl;
    const arcLen = absAng * r;
    const len = Math.sqrt(arcLen * arcLen + dl * dl);
    if (!(len > 0) || len === Infinity) return;
    const n = chordCount(this.grblish !== 0, absAng, r, len, this.arcTol, this.arcSegMm, this.arcSegments);
    this.arcs++;
    this.arcSegments += n;

    // Bookkeeping once for the whole arc: bounds (exact, with the quadrant points), stats, layers.
    if (this.moved === 0) {
      this.moved = 1;
      if (this.homed === 0) this.noHomingLine = line;
    }
    const cls = this.classify(0, de > 0);
    const work = (cls & 1) !== 0;
    this.moves++;
    if (this.anyMove === 0) {
      this.anyMove = 1;
      this.tMinX = this.tMaxX = this.px;
      this.tMinY = this.tMaxY = this.py;
      this.tMinZ = this.tMaxZ = this.pz;
    }
    if (work && this.lastWork === 0) this.arcPoint(s0, s1, sl, true, false, line);
    this.arcPoint(t0, t1, tl, work, true, line);
    const th0 = Math.atan2(s1 - c1, s0 - c0);
    const q = this.crossings;
    quadrantCrossings(th0, absAng, cw, q);
    if (q[0]! > 0) this.arcPoint(c0 + r, c1, sl + (dl * q[0]!) / absAng, work, true, line);
    if (q[1]! > 0) this.arcPoint(c0, c1 + r, sl + (dl * q[1]!) / absAng, work, true, line);
    if (q[2]! > 0) this.arcPoint(c0 - r, c1, sl + (dl * q[2]!) / absAng, work, true, line);
    if (q[3]! > 0) this.arcPoint(c0, c1 - r, sl + (dl * q[3]!) / absAng, work, true, line);
    this.mx = tx;
    this.my = ty;
    this.mz = tz;
    this.mde = de;
    if (work) {
      this.mlen = len;
      this.workMove(cls, line);
    } else this.travelMm += len;
    this.lastWork = work ? 1 : 0;
    if (de !== 0) this.accountE();

    // Emit the chords (their lengths are the planner's to compute).
    this.mlen = 0;
    const step = ang / n;
    const den = de / n;
    for (let k = 1; k < n; k++) {
      const th = th0 + step * k;
      const ca = c0 + r * Math.cos(th);
      const cb = c1 + r * Math.sin(th);
      const l = sl + (dl * k) / n;
      if (pl === 17) {
        this.mx = ca;
        this.my = cb;
        this.mz = l;
      } else if (pl === 18) {
        this.mz = ca;
        this.mx = cb;
        this.my = l;
      } else {
        this.my = ca;
        this.mz = cb;
        this.mx = l;
      }
      this.mde = den;
      this.emit(0, cls);
    }
    this.mx = tx;
    this.my = ty;
    this.mz = tz;
    this.mde = den;
    this.emit(0, cls);
  }

  /** A point of an arc in plane coordinates into the bounds (and the work area check). */
  private arcPoint(q0: number, q1: number, ql: number, work: boolean, travel: boolean, line: number): void {
    const plane = this.plane;
    const x = plane === 17 ? q0 : plane === 18 ? q1 : ql;
    const y = plane === 17 ? q1 : plane === 18 ? ql : q0;
    const z = plane === 17 ? ql : plane === 18 ? q0 : q1;
    if (travel) {
      if (x < this.tMinX) this.tMinX = x;
      if (x > this.tMaxX) this.tMaxX = x;
      if (y < this.tMinY) this.tMinY = y;
      if (y > this.tMaxY) this.tMaxY = y;
      if (z < this.tMinZ) this.tMinZ = z;
      if (z > this.tMaxZ) this.tMaxZ = z;
    }
    if (work) {
      if (x < this.wMinX) this.wMinX = x;
      if (x > this.wMaxX) this.wMaxX = x;
      if (y < this.wMinY) this.wMinY = y;
      if (y > this.wMaxY) this.wMaxY = y;
      if (z < this.wMinZ) this.wMinZ = z;
      if (z > this.wMaxZ) this.wMaxZ = z;
    }
    if (this.areaOn !== 0) this.checks.area(work, x, y, z, line);
  }
}
