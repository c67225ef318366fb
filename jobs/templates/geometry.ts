// Small 2D helpers over outlines (closed polylines, first point not repeated; solids counter-clockwise,
// holes clockwise, as jscad's geom2 gives them).
import { jscad, type Geom2 } from './jscad';
import type { Vec2 } from './types';

export type Outline = Vec2[];

export function signedArea(o: readonly Vec2[]): number {
  let a = 0;
  for (let i = 0; i < o.length; i++) {
    const p = o[i]!;
    const q = o[(i + 1) % o.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

/** Drops repeated consecutive points (and a repeated first point at the end): no zero-length edge reaches a mesh. */
export function cleanOutline(o: readonly Vec2[], eps = 1e-9): Outline {
  const out: Vec2[] = [];
  for (const p of o) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last[0] - p[0]) > eps || Math.abs(last[1] - p[1]) > eps) out.push([p[0], p[1]]);
  }
  while (out.length > 1) {
    const first = out[0]!;
    const last = out[out.length - 1]!;
    if (Math.abs(last[0] - first[0]) > eps || Math.abs(last[1] - first[1]) > eps) break;
    out.pop();
  }
  return out;
}

export function outlinesOf(g: Geom2): Outline[] {
  return jscad.geometries.geom2
    .toOutlines(g)
    .map((o) => cleanOutline(o))
    .filter((o) => o.length >= 3 && Math.abs(signedArea(o)) > 1e-9);
}

export function reverse(o: readonly Vec2[]): Outline {
  return [...o].reverse();
}

/** Even-odd point-in-polygon over several outlines (a point inside a hole is outside). */
export function insideOutlines(p: Vec2, outlines: readonly (readonly Vec2[])[]): boolean {
  let inside = false;
  for (const o of outlines) {
    for (let i = 0, j = o.length - 1; i < o.length; j = i++) {
      const a = o[i]!;
      const b = o[j]!;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside;
}

export interface Box2 {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boxOf(polylines: readonly (readonly Vec2[])[]): Box2 {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const pl of polylines) {
    for (const [x, y] of pl) {
      if (x < b.minX) b.minX = x;
      if (x > b.maxX) b.maxX = x;
      if (y < b.minY) b.minY = y;
      if (y > b.maxY) b.maxY = y;
    }
  }
  return b;
}

/**
 * Segments for a full circle of radius r so that chords stay within `tolerance` mm of the arc; a multiple
 * of 4 so that points sit on the axes and the bounds are exact.
 */
export function circleSegments(r: number, tolerance = 0.01): number {
  if (r <= tolerance) return 8;
  const n = Math.ceil(Math.PI / Math.acos(1 - tolerance / r));
  return Math.max(16, Math.ceil(n / 4) * 4);
}

export function translateOutline(o: readonly Vec2[], dx: number, dy: number): Outline {
  return o.map(([x, y]) => [x + dx, y + dy] as const);
}

/** Moves outlines so that their bounds start at (0, 0): a part meshed from them sits at the bed's corner. */
export function toOrigin(groups: readonly (readonly Outline[])[]): Outline[][] {
  const b = boxOf(groups.flat());
  return groups.map((g) => g.map((o) => translateOutline(o, -b.minX, -b.minY)));
}

/**
 * A rectangle with rounded corners as jscad makes it, down to the limits jscad refuses: square corners
 * at radius 0, a stadium (or a disc) when the radius reaches half the short side.
 */
export function roundedBox(width: number, height: number, radius: number, centre: [number, number], tolerance = 0.01): Geom2 {
  const { primitives, hulls } = jscad;
  const half = Math.min(width, height) / 2;
  if (radius <= 0) return primitives.rectangle({ size: [width, height], center: centre });
  if (radius < half - 1e-3) return primitives.roundedRectangle({ size: [width, height], center: centre, roundRadius: radius, segments: circleSegments(radius, tolerance) });
  const segments = circleSegments(half, tolerance);
  if (Math.abs(width - height) < 1e-9) return primitives.circle({ radius: half, center: centre, segments });
  const d = Math.abs(width - height) / 2;
  const [dx, dy] = width > height ? [d, 0] : [0, d];
  return hulls.hull(
    primitives.circle({ radius: half, center: [centre[0] - dx, centre[1] - dy], segments }),
    primitives.circle({ radius: half, center: [centre[0] + dx, centre[1] + dy], segments }),
  );
}
