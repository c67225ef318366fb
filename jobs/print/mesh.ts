// The typed mesh every loader produces and every operation takes: a triangle soup in millimetres,
// nine Float32 per triangle (what the binary STL for the slicer and a three.js BufferGeometry hold),
// with its bounds. Operations return a new mesh; the arrays of the one given are never written.

import { PrintError } from './errors';
import type { MeshLimits } from './limits';

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface MeshBounds {
  min: Vec3;
  max: Vec3;
}

export interface Mesh {
  /** x, y, z of the three corners of each triangle, mm; length = 9 × triangles. */
  positions: Float32Array;
  triangles: number;
  bounds: MeshBounds;
}

/** Twice the area under which a triangle counts as degenerate, mm² (a micron-sized sliver is still real). */
const DEGENERATE_DOUBLE_AREA_MM2 = 1e-10;
/** A model thinner than this along an axis is a sheet, not a part. */
const FLAT_MM = 1e-3;

export function computeBounds(positions: Float32Array, triangles = positions.length / 9): MeshBounds {
  const n = triangles * 9;
  if (n === 0) return { min: { x: 0, y: 0, z: 0 }, max: { x: 0, y: 0, z: 0 } };
  let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
  for (let i = 0; i < n; i += 3) {
    const x = positions[i]!, y = positions[i + 1]!, z = positions[i + 2]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (z < z0) z0 = z;
    if (z > z1) z1 = z;
  }
  return { min: { x: x0, y: y0, z: z0 }, max: { x: x1, y: y1, z: z1 } };
}

export function boundsSize(b: MeshBounds): Vec3 {
  return { x: b.max.x - b.min.x, y: b.max.y - b.min.y, z: b.max.z - b.min.z };
}

export function boundsCentre(b: MeshBounds): Vec3 {
  return { x: (b.min.x + b.max.x) / 2, y: (b.min.y + b.max.y) / 2, z: (b.min.z + b.max.z) / 2 };
}

/** Number of triangles of (nearly) zero area. */
export function countDegenerate(positions: Float32Array, triangles = positions.length / 9): number {
  let bad = 0;
  for (let t = 0; t < triangles; t++) {
    const i = t * 9;
    const ax = positions[i]!, ay = positions[i + 1]!, az = positions[i + 2]!;
    const ux = positions[i + 3]! - ax, uy = positions[i + 4]! - ay, uz = positions[i + 5]! - az;
    const vx = positions[i + 6]! - ax, vy = positions[i + 7]! - ay, vz = positions[i + 8]! - az;
    const cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
    if (cx * cx + cy * cy + cz * cz < DEGENERATE_DOUBLE_AREA_MM2 * DEGENERATE_DOUBLE_AREA_MM2) bad++;
  }
  return bad;
}

/**
 * Checks what a loader produced and wraps it as a mesh, in one pass: every coordinate finite and within
 * the limit (NaN, ±Infinity and absurd values are refused, naming the first triangle at fault), at least
 * one triangle, not all of them degenerate, some thickness along every axis. Also counts the
 * degenerate triangles (harmless to the slicer, worth a word in the preview).
 */
export function inspectMesh(positions: Float32Array, limits: Pick<MeshLimits, 'maxAbsCoordinateMm' | 'maxTriangles'>): { mesh: Mesh; degenerate: number } {
  const triangles = positions.length / 9;
  if (!Number.isInteger(triangles)) throw new PrintError('stl_malformed', {});
  if (triangles === 0) throw new PrintError('empty_mesh');
  if (triangles > limits.maxTriangles) throw new PrintError('too_many_triangles', { count: triangles, limit: limits.maxTriangles });
  const lim = limits.maxAbsCoordinateMm;
  const tiny2 = DEGENERATE_DOUBLE_AREA_MM2 * DEGENERATE_DOUBLE_AREA_MM2;
  const p = positions;
  let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
  let degenerate = 0;
  for (let i = 0; i < p.length; i += 9) {
    const ax = p[i]!, ay = p[i + 1]!, az = p[i + 2]!, bx = p[i + 3]!, by = p[i + 4]!, bz = p[i + 5]!, cx = p[i + 6]!, cy = p[i + 7]!, cz = p[i + 8]!;
    // NaN fails every comparison: one test catches NaN, ±Infinity and the absurdly large.
    if (
      !(ax <= lim && ax >= -lim && ay <= lim && ay >= -lim && az <= lim && az >= -lim &&
        bx <= lim && bx >= -lim && by <= lim && by >= -lim && bz <= lim && bz >= -lim &&
        cx <= lim && cx >= -lim && cy <= lim && cy >= -lim && cz <= lim && cz >= -lim)
    ) {
      badCoordinate(p, i, lim);
    }
    if (ax < x0) x0 = ax;
    if (ax > x1) x1 = ax;
    if (bx < x0) x0 = bx;
    if (bx > x1) x1 = bx;
    if (cx < x0) x0 = cx;
    if (cx > x1) x1 = cx;
    if (ay < y0) y0 = ay;
    if (ay > y1) y1 = ay;
    if (by < y0) y0 = by;
    if (by > y1) y1 = by;
    if (cy < y0) y0 = cy;
    if (cy > y1) y1 = cy;
    if (az < z0) z0 = az;
    if (az > z1) z1 = az;
    if (bz < z0) z0 = bz;
    if (bz > z1) z1 = bz;
    if (cz < z0) z0 = cz;
    if (cz > z1) z1 = cz;
    const ux = bx - ax, uy = by - ay, uz = bz - az, vx = cx - ax, vy = cy - ay, vz = cz - az;
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    if (nx * nx + ny * ny + nz * nz < tiny2) degenerate++;
  }
  if (degenerate === triangles) throw new PrintError('degenerate_mesh', { context: 'zero_area', triangles });
  const bounds = { min: { x: x0, y: y0, z: z0 }, max: { x: x1, y: y1, z: z1 } };
  const size = boundsSize(bounds);
  for (const axis of ['x', 'y', 'z'] as const) {
    if (size[axis] < FLAT_MM) throw new PrintError('degenerate_mesh', { context: 'flat', axis: axis.toUpperCase() });
  }
  return { mesh: { positions, triangles, bounds }, degenerate };
}

function badCoordinate(p: Float32Array, i: number, lim: number): never {
  for (let k = i; k < i + 9; k++) {
    const v = p[k]!;
    if (!(v <= lim && v >= -lim)) {
      throw new PrintError('bad_coordinate', {
        triangle: i / 9 + 1,
        value: Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : String(v),
        limit: lim,
      });
    }
  }
  throw new PrintError('bad_coordinate', { triangle: i / 9 + 1, value: '?', limit: lim });
}

/** inspectMesh, for callers that only want the mesh. */
export function validateMesh(positions: Float32Array, limits: Pick<MeshLimits, 'maxAbsCoordinateMm' | 'maxTriangles'>): Mesh {
  return inspectMesh(positions, limits).mesh;
}

/**
 * A growable triangle buffer for the text formats, which do not say how many triangles follow. Refuses
 * the triangle past the limit as soon as it comes, not after the whole file was read.
 */
export class TriangleSink {
  private buf: Float32Array;
  private n = 0;

  constructor(
    private readonly maxTriangles: number,
    initialTriangles = 1024,
  ) {
    this.buf = new Float32Array(Math.max(1, Math.min(initialTriangles, maxTriangles)) * 9);
  }

  get triangles(): number {
    return this.n / 9;
  }

  /** Makes room for `count` more triangles (or throws too_many_triangles). */
  reserve(count: number): void {
    const need = this.n + count * 9;
    if (need / 9 > this.maxTriangles) throw new PrintError('too_many_triangles', { count: need / 9, limit: this.maxTriangles });
    if (need <= this.buf.length) return;
    let size = this.buf.length;
    while (size < need) size *= 2;
    const next = new Float32Array(Math.min(size, this.maxTriangles * 9));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  push(ax: number, ay: number, az: number, bx: number, by: number, bz: number, cx: number, cy: number, cz: number): void {
    if (this.n + 9 > this.buf.length) this.reserve(1);
    const b = this.buf;
    const i = this.n;
    b[i] = ax;
    b[i + 1] = ay;
    b[i + 2] = az;
    b[i + 3] = bx;
    b[i + 4] = by;
    b[i + 5] = bz;
    b[i + 6] = cx;
    b[i + 7] = cy;
    b[i + 8] = cz;
    this.n = i + 9;
  }

  /** The triangles, trimmed: a view when the buffer is mostly used, a copy otherwise (frees the slack). */
  finish(): Float32Array {
    return this.n >= this.buf.length * 0.75 ? this.buf.subarray(0, this.n) : this.buf.slice(0, this.n);
  }
}

/** Enclosed volume, mm³ (sum of signed tetrahedra; exact for a closed, consistently wound mesh). */
export function meshVolume(mesh: Mesh): number {
  const p = mesh.positions;
  let v = 0;
  for (let i = 0; i < mesh.triangles * 9; i += 9) {
    const ax = p[i]!, ay = p[i + 1]!, az = p[i + 2]!;
    const bx = p[i + 3]!, by = p[i + 4]!, bz = p[i + 5]!;
    const cx = p[i + 6]!, cy = p[i + 7]!, cz = p[i + 8]!;
    v += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  }
  return v / 6;
}
