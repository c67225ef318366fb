// Arc geometry in the arc's plane (G17 XY, G18 ZX, G19 YZ): centre from the R or the I/J/K form,
// signed sweep, chord count like the firmware, and the quadrant points that make the bounds exact.
// Pure functions over numbers; the results land in a reusable `ArcPlan` (no object per arc).

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
  c0 = 0;
  c1 = 0;
  r = 0;
  /** Signed sweep, radians: negative clockwise. */
  ang = 0;
  /** The R form's radius was shorter than half the chord (the arc was made a half circle). */
  radiusTooSmall = false;
  /** I/J/K form: |radius at start − radius at end|, mm. */
  mismatch = 0;

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
