// Non-uniform rational B-splines (DXF SPLINE): de Boor's algorithm on homogeneous points, flattened
// span by span with bisection until the curve's midpoint lies within the tolerance of each chord.
import type { PolylineBuilder } from '../geometry/flatten';

export interface Nurbs {
  degree: number;
  knots: number[];
  /** x0, y0, x1, y1, … */
  ctrl: number[];
  /** One per control point; null = all 1 (a polynomial B-spline). */
  weights: number[] | null;
}

/** Why a spline cannot be evaluated, or null when it can. */
export function nurbsProblem(s: Nurbs): string | null {
  const n = s.ctrl.length / 2;
  const p = s.degree;
  if (!Number.isInteger(p) || p < 1 || p > 25) return 'degree';
  if (n < p + 1) return 'control_points';
  if (s.knots.length !== n + p + 1) return 'knots';
  for (let i = 1; i < s.knots.length; i++) if (!(s.knots[i]! >= s.knots[i - 1]!)) return 'knots';
  if (!(s.knots[n]! > s.knots[p]!)) return 'knots';
  if (s.weights && (s.weights.length !== n || s.weights.some((w) => !(w > 0)))) return 'weights';
  if (s.ctrl.some((v) => !Number.isFinite(v)) || s.knots.some((v) => !Number.isFinite(v))) return 'values';
  return null;
}

/** Point at parameter u in knot span k (knots[k] ≤ u ≤ knots[k+1]). */
function pointAt(s: Nurbs, k: number, u: number, out: Float64Array, work: Float64Array): void {
  const p = s.degree;
  const U = s.knots;
  for (let j = 0; j <= p; j++) {
    const i = k - p + j;
    const w = s.weights ? s.weights[i]! : 1;
    work[3 * j] = s.ctrl[2 * i]! * w;
    work[3 * j + 1] = s.ctrl[2 * i + 1]! * w;
    work[3 * j + 2] = w;
  }
  for (let r = 1; r <= p; r++) {
    for (let j = p; j >= r; j--) {
      const i = k - p + j;
      const den = U[i + p - r + 1]! - U[i]!;
      const a = den === 0 ? 0 : (u - U[i]!) / den;
      for (let c = 0; c < 3; c++) work[3 * j + c] = (1 - a) * work[3 * (j - 1) + c]! + a * work[3 * j + c]!;
    }
  }
  out[0] = work[3 * p]! / work[3 * p + 2]!;
  out[1] = work[3 * p + 1]! / work[3 * p + 2]!;
}

/** Appends the spline (after the builder's current point, which must be its start) within `tol`. */
export function flattenNurbs(s: Nurbs, tol: number, b: PolylineBuilder, map: (x: number, y: number) => [number, number]): void {
  const p = s.degree;
  const n = s.ctrl.length / 2;
  const work = new Float64Array(3 * (p + 1));
  const a = new Float64Array(2);
  const m = new Float64Array(2);
  const e = new Float64Array(2);
  const firstSplit = Math.max(4, 2 * p);
  for (let k = p; k < n; k++) {
    const u0 = s.knots[k]!;
    const u1 = s.knots[k + 1]!;
    if (!(u1 > u0)) continue;
    pointAt(s, k, u0, a, work);
    let [ax, ay] = map(a[0]!, a[1]!);
    for (let i = 1; i <= firstSplit; i++) {
      const ub = u0 + ((u1 - u0) * i) / firstSplit;
      const ua = u0 + ((u1 - u0) * (i - 1)) / firstSplit;
      pointAt(s, k, ub, e, work);
      const [ex, ey] = map(e[0]!, e[1]!);
      const rec = (ua: number, ax: number, ay: number, ub: number, ex: number, ey: number, depth: number): void => {
        const um = (ua + ub) / 2;
        pointAt(s, k, um, m, work);
        const [mx, my] = map(m[0]!, m[1]!);
        if (depth < 18 && distToChord(mx, my, ax, ay, ex, ey) > tol) {
          rec(ua, ax, ay, um, mx, my, depth + 1);
          rec(um, mx, my, ub, ex, ey, depth + 1);
        } else {
          b.lineTo(ex, ey);
        }
      };
      rec(ua, ax, ay, ub, ex, ey, 0);
      ax = ex;
      ay = ey;
    }
  }
}

export function nurbsStart(s: Nurbs): [number, number] {
  const out = new Float64Array(2);
  pointAt(s, s.degree, s.knots[s.degree]!, out, new Float64Array(3 * (s.degree + 1)));
  return [out[0]!, out[1]!];
}

function distToChord(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(px - ax, py - ay);
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
