// Wavefront OBJ: vertices (`v x y z [w]`) and faces (`f a b c …`, each corner `v`, `v/vt`, `v//vn` or
// `v/vt/vn`, indices from 1, negative ones counted back from the last vertex read). Polygons are
// triangulated by ear clipping in their own plane (concave ones too). Everything else — normals,
// texture coordinates, groups, materials, lines, curves — is not geometry to print and is skipped.
// OBJ has no unit: millimetres, as every slicer assumes.

import { PrintError } from './errors';
import type { MeshLimits } from './limits';
import { TriangleSink, validateMesh, type Mesh } from './mesh';
import { parseNumber } from './numbers';

/** Corners in one face beyond which it is garbage rather than a polygon. */
const MAX_FACE_CORNERS = 4096;

export function parseObj(bytes: Uint8Array, limits: MeshLimits): Mesh {
  return validateMesh(readObj(bytes, limits), limits);
}

/** The triangles of an OBJ, not yet checked (see inspectMesh). */
export function readObj(bytes: Uint8Array, limits: MeshLimits): Float32Array {
  let verts = new Float64Array(3 * 1024);
  let nv = 0;
  const sink = new TriangleSink(limits.maxTriangles, Math.ceil(bytes.length / 60) + 16);
  const face: number[] = [];
  const n = bytes.length;
  let i = 0;
  let line = 0;
  while (i < n) {
    line++;
    let end = i;
    while (end < n && bytes[end] !== 0x0a) end++;
    let e = end;
    if (e > i && bytes[e - 1] === 0x0d) e--;
    let p = skipSpace(bytes, i, e);
    const c0 = bytes[p];
    const c1 = p + 1 < e ? bytes[p + 1]! : 0x20;
    if (c0 === 0x76 && isSpace(c1)) {
      // v x y z [w] [r g b]
      p++;
      const xyz = [0, 0, 0];
      for (let k = 0; k < 3; k++) {
        p = skipSpace(bytes, p, e);
        const s = p;
        while (p < e && !isSpace(bytes[p]!) && bytes[p] !== 0x23) p++;
        if (s === p) throw new PrintError('obj_malformed', { line, context: 'vertex' });
        xyz[k] = parseNumber(bytes, s, p);
      }
      if (nv * 3 + 3 > verts.length) {
        const next = new Float64Array(verts.length * 2);
        next.set(verts);
        verts = next;
      }
      verts[nv * 3] = xyz[0]!;
      verts[nv * 3 + 1] = xyz[1]!;
      verts[nv * 3 + 2] = xyz[2]!;
      nv++;
    } else if (c0 === 0x66 && isSpace(c1)) {
      // f a b c …
      p++;
      face.length = 0;
      for (;;) {
        p = skipSpace(bytes, p, e);
        if (p >= e || bytes[p] === 0x23) break;
        const s = p;
        while (p < e && !isSpace(bytes[p]!) && bytes[p] !== 0x2f) p++;
        const raw = parseNumber(bytes, s, p);
        while (p < e && !isSpace(bytes[p]!)) p++; // the /vt/vn part
        if (!Number.isInteger(raw) || raw === 0) throw new PrintError('obj_malformed', { line, context: 'index' });
        const idx = raw > 0 ? raw - 1 : nv + raw;
        if (idx < 0 || idx >= nv) throw new PrintError('obj_malformed', { line, context: 'index', index: raw, vertices: nv });
        if (face.length >= MAX_FACE_CORNERS) throw new PrintError('obj_malformed', { line, context: 'face_size' });
        face.push(idx);
      }
      if (face.length < 3) throw new PrintError('obj_malformed', { line, context: 'face_size' });
      triangulate(face, verts, sink);
    }
    i = end + 1;
  }
  return sink.finish();
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c;
}

function skipSpace(b: Uint8Array, p: number, e: number): number {
  while (p < e && isSpace(b[p]!)) p++;
  return p;
}

function pushTri(sink: TriangleSink, v: Float64Array, a: number, b: number, c: number): void {
  sink.push(v[a * 3]!, v[a * 3 + 1]!, v[a * 3 + 2]!, v[b * 3]!, v[b * 3 + 1]!, v[b * 3 + 2]!, v[c * 3]!, v[c * 3 + 1]!, v[c * 3 + 2]!);
}

/**
 * A polygon's triangles, keeping its winding. Triangles and convex quads — nearly every face — are
 * fanned; other polygons are projected on the plane of their Newell normal and ear-clipped; a polygon
 * that defeats ear clipping (self-intersecting) falls back to a fan, as other readers do.
 */
export function triangulate(face: readonly number[], v: Float64Array, sink: TriangleSink): void {
  const k = face.length;
  if (k === 3) return pushTri(sink, v, face[0]!, face[1]!, face[2]!);
  // Newell normal: robust for any planar-ish polygon.
  let nx = 0, ny = 0, nz = 0;
  for (let i = 0; i < k; i++) {
    const a = face[i]! * 3, b = face[(i + 1) % k]! * 3;
    nx += (v[a + 1]! - v[b + 1]!) * (v[a + 2]! + v[b + 2]!);
    ny += (v[a + 2]! - v[b + 2]!) * (v[a]! + v[b]!);
    nz += (v[a]! - v[b]!) * (v[a + 1]! + v[b + 1]!);
  }
  // Drop the dominant axis of the normal: 2D coordinates with the polygon's winding counter-clockwise.
  const ax = Math.abs(nx), ay = Math.abs(ny), az = Math.abs(nz);
  const [u, w, sign] = az >= ax && az >= ay ? [0, 1, Math.sign(nz)] : ax >= ay ? [1, 2, Math.sign(nx)] : [2, 0, Math.sign(ny)];
  if (sign === 0) {
    for (let i = 1; i + 1 < k; i++) pushTri(sink, v, face[0]!, face[i]!, face[i + 1]!);
    return;
  }
  const px = new Float64Array(k), py = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    px[i] = v[face[i]! * 3 + u]!;
    py[i] = v[face[i]! * 3 + w]! * sign;
  }
  const cross = (a: number, b: number, c: number): number => (px[b]! - px[a]!) * (py[c]! - py[a]!) - (py[b]! - py[a]!) * (px[c]! - px[a]!);
  if (k === 4 && cross(0, 1, 2) > 0 && cross(0, 2, 3) > 0 && cross(1, 2, 3) > 0 && cross(1, 3, 0) > 0) {
    pushTri(sink, v, face[0]!, face[1]!, face[2]!);
    pushTri(sink, v, face[0]!, face[2]!, face[3]!);
    return;
  }
  const ring: number[] = [];
  for (let i = 0; i < k; i++) ring.push(i);
  const out: number[] = [];
  let guard = 0;
  let i = 0;
  while (ring.length > 3 && guard < ring.length) {
    const n = ring.length;
    const a = ring[(i + n - 1) % n]!, b = ring[i % n]!, c = ring[(i + 1) % n]!;
    let ear = cross(a, b, c) > 0;
    if (ear) {
      for (const p of ring) {
        if (p === a || p === b || p === c) continue;
        // A point inside the candidate ear, or on the diagonal it would cut, forbids it.
        if (cross(a, b, p) > 0 && cross(b, c, p) > 0 && cross(c, a, p) >= 0) {
          ear = false;
          break;
        }
      }
    }
    if (ear) {
      out.push(a, b, c);
      ring.splice(i % n, 1);
      guard = 0;
      i = i % ring.length;
    } else {
      i = (i + 1) % n;
      guard++;
    }
  }
  if (ring.length > 3) {
    for (let j = 1; j + 1 < k; j++) pushTri(sink, v, face[0]!, face[j]!, face[j + 1]!);
    return;
  }
  out.push(ring[0]!, ring[1]!, ring[2]!);
  for (let t = 0; t < out.length; t += 3) pushTri(sink, v, face[out[t]!]!, face[out[t + 1]!]!, face[out[t + 2]!]!);
}
