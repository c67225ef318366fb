// "Lay flat": turn the model so that its largest flat face rests on the bed.
//
// Choice: the largest cluster of coplanar triangles that lies on the model's outside (its plane
// touches the model, with the whole model on one side), not the largest face of the convex hull.
// What holds a print on the bed is the area actually in contact with it: a hull face spanning three
// feet of a stool (or the tips of a star) is large but touches the bed at three points, and the hull
// costs O(n log n) with a fragile 3D implementation, where this costs a few passes over the triangles.
// A contact face is always a subset of a hull face, so every face found here is a stable one too.
//
//  1. Every triangle's unit normal (from its winding) and area; normals are binned on a grid of
//     ~0.6° and the area of each bin summed.
//  2. The heaviest bins are candidates (at most 24); each one's direction is its area-weighted normal.
//  3. For a candidate direction n, the support plane is the farthest any vertex goes along n. The
//     contact area is the area of the triangles facing n (within 1°) whose three corners lie on that
//     plane (within a tolerance that scales with the model).
//  4. The candidate with the largest contact area wins; the face already on the bed keeps its place
//     unless another one is clearly (1 %) larger, so laying flat twice changes nothing.
//  5. The rotation that takes n onto −Z is applied about the model's centre, and the model dropped to z = 0.

import { PrintError } from './errors';
import { boundsCentre, boundsSize, type Mesh, type Vec3 } from './mesh';
import { applyLinear, dropToBed } from './transform';

const BIN = 100; // normal components rounded to 1/100: cells of ~0.6°
const MAX_CANDIDATES = 24;
const COS_1_DEG = Math.cos(Math.PI / 180);

export interface LayFlatResult {
  mesh: Mesh;
  /** Outward normal of the chosen face, before the rotation. */
  normal: Vec3;
  /** Area of the face now on the bed, mm². */
  contactAreaMm2: number;
  /** False when the model already rested on that face (only dropped to z = 0). */
  rotated: boolean;
}

interface Candidate {
  nx: number;
  ny: number;
  nz: number;
  area: number;
}

/** The face the model should rest on, as an outward unit normal, with its contact area. */
export function findLayFlatFace(mesh: Mesh): { normal: Vec3; contactAreaMm2: number } {
  const p = mesh.positions;
  const n = mesh.triangles;
  const bins = new Map<number, Candidate>();
  for (let t = 0; t < n; t++) {
    const i = t * 9;
    const ux = p[i + 3]! - p[i]!, uy = p[i + 4]! - p[i + 1]!, uz = p[i + 5]! - p[i + 2]!;
    const vx = p[i + 6]! - p[i]!, vy = p[i + 7]! - p[i + 1]!, vz = p[i + 8]! - p[i + 2]!;
    const cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
    const len = Math.sqrt(cx * cx + cy * cy + cz * cz);
    if (!(len > 0)) continue;
    const key = (Math.round((cx / len) * BIN) + BIN) * 40401 + (Math.round((cy / len) * BIN) + BIN) * 201 + (Math.round((cz / len) * BIN) + BIN);
    let b = bins.get(key);
    if (!b) bins.set(key, (b = { nx: 0, ny: 0, nz: 0, area: 0 }));
    // The cross product is the normal times twice the area: summing it weights by area.
    b.nx += cx / 2;
    b.ny += cy / 2;
    b.nz += cz / 2;
    b.area += len / 2;
  }
  if (bins.size === 0) throw new PrintError('degenerate_mesh', { context: 'zero_area', triangles: n });
  const candidates = [...bins.values()].sort((a, b) => b.area - a.area).slice(0, MAX_CANDIDATES);
  // Always weigh the face the model stands on now, so that a second lay-flat is a no-op.
  candidates.push({ nx: 0, ny: 0, nz: -1, area: 0 });

  const size = boundsSize(mesh.bounds);
  const tol = 1e-3 + 1e-5 * Math.max(size.x, size.y, size.z);
  let best: { normal: Vec3; contactAreaMm2: number } | null = null;
  let current = 0;
  for (const c of candidates) {
    const len = Math.hypot(c.nx, c.ny, c.nz);
    if (!(len > 0)) continue;
    const nx = c.nx / len, ny = c.ny / len, nz = c.nz / len;
    const contact = contactArea(p, n, nx, ny, nz, tol);
    if (nz < -1 + 1e-9) current = Math.max(current, contact);
    if (!best || contact > best.contactAreaMm2) best = { normal: { x: nx, y: ny, z: nz }, contactAreaMm2: contact };
  }
  if (!best) throw new PrintError('degenerate_mesh', { context: 'zero_area', triangles: n });
  if (current > 0 && current >= best.contactAreaMm2 * 0.99) return { normal: { x: 0, y: 0, z: -1 }, contactAreaMm2: current };
  return best;
}

function contactArea(p: Float32Array, n: number, nx: number, ny: number, nz: number, tol: number): number {
  let h = -Infinity;
  for (let i = 0; i < n * 9; i += 3) {
    const d = p[i]! * nx + p[i + 1]! * ny + p[i + 2]! * nz;
    if (d > h) h = d;
  }
  const floor = h - tol;
  let area = 0;
  for (let i = 0; i < n * 9; i += 9) {
    if (p[i]! * nx + p[i + 1]! * ny + p[i + 2]! * nz < floor) continue;
    if (p[i + 3]! * nx + p[i + 4]! * ny + p[i + 5]! * nz < floor) continue;
    if (p[i + 6]! * nx + p[i + 7]! * ny + p[i + 8]! * nz < floor) continue;
    const ux = p[i + 3]! - p[i]!, uy = p[i + 4]! - p[i + 1]!, uz = p[i + 5]! - p[i + 2]!;
    const vx = p[i + 6]! - p[i]!, vy = p[i + 7]! - p[i + 1]!, vz = p[i + 8]! - p[i + 2]!;
    const cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
    const len = Math.sqrt(cx * cx + cy * cy + cz * cz);
    // Facing the same way (a wall standing on the plane has its corners there too, but faces sideways).
    if (len > 0 && (cx * nx + cy * ny + cz * nz) / len >= COS_1_DEG) area += len / 2;
  }
  return area;
}

/** The rotation (row-major 3×3) taking the unit vector n onto −Z. */
export function rotationOntoDown(n: Vec3): number[] {
  // axis = n × (0,0,−1) = (−ny, nx, 0); cos = −nz
  const kx = -n.y, ky = n.x;
  const s = Math.hypot(kx, ky);
  const c = -n.z;
  if (s < 1e-12) return c > 0 ? [1, 0, 0, 0, 1, 0, 0, 0, 1] : [1, 0, 0, 0, -1, 0, 0, 0, -1]; // half turn about X
  const ux = kx / s, uy = ky / s;
  const t = 1 - c;
  // Rodrigues with a unit axis (ux, uy, 0).
  return [t * ux * ux + c, t * ux * uy, s * uy, t * ux * uy, t * uy * uy + c, -s * ux, -s * uy, s * ux, c];
}

export function layFlat(mesh: Mesh): LayFlatResult {
  const face = findLayFlatFace(mesh);
  const n = face.normal;
  const rotated = !(n.z < -1 + 1e-9);
  const turned = rotated ? applyLinear(mesh, rotationOntoDown(n), boundsCentre(mesh.bounds)) : mesh;
  return { mesh: dropToBed(turned), normal: n, contactAreaMm2: face.contactAreaMm2, rotated };
}
