// Measures and tests on polylines.
import type { Polyline } from './types';

/** Signed area (mm²): positive when counter-clockwise with y up. */
/** Math.hypot is several times slower, and these run per vertex. */
const dist = (dx: number, dy: number): number => Math.sqrt(dx * dx + dy * dy);

export function signedArea(pts: Float64Array): number {
  const n = pts.length;
  if (n < 6) return 0;
  let a = 0;
  let px = pts[n - 2]!;
  let py = pts[n - 1]!;
  for (let i = 0; i < n; i += 2) {
    const x = pts[i]!;
    const y = pts[i + 1]!;
    a += px * y - x * py;
    px = x;
    py = y;
  }
  return a / 2;
}

/** Even-odd point in polygon (a point on an edge may fall either way). */
export function pointInPolygon(pts: Float64Array, x: number, y: number): boolean {
  let inside = false;
  const n = pts.length;
  let px = pts[n - 2]!;
  let py = pts[n - 1]!;
  for (let i = 0; i < n; i += 2) {
    const qx = pts[i]!;
    const qy = pts[i + 1]!;
    if (qy > y !== py > y && x < ((px - qx) * (y - qy)) / (py - qy) + qx) inside = !inside;
    px = qx;
    py = qy;
  }
  return inside;
}

export function polylineLength(p: Polyline): number {
  const pts = p.pts;
  let len = 0;
  for (let i = 2; i < pts.length; i += 2) len += dist(pts[i]! - pts[i - 2]!, pts[i + 1]! - pts[i - 1]!);
  if (p.closed && pts.length >= 4) len += dist(pts[0]! - pts[pts.length - 2]!, pts[1]! - pts[pts.length - 1]!);
  return len;
}

export function reversedPts(pts: Float64Array): Float64Array {
  const out = new Float64Array(pts.length);
  for (let i = 0, j = pts.length - 2; j >= 0; i += 2, j -= 2) {
    out[i] = pts[j]!;
    out[i + 1] = pts[j + 1]!;
  }
  return out;
}
