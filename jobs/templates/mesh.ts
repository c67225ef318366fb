// Closed triangle meshes built straight from 2D outlines, so that every edge is shared by exactly two
// triangles (jscad's 3D booleans leave T-junctions that slicers have to repair). A solid here is a stack
// of prisms ("terraces"), each standing inside the one below it: a plate with raised letters, a gear,
// a profile. Caps are triangulated by jscad's slice/earcut, which keeps the outline points as they are.
import { reverse, type Outline } from './geometry';
import { jscad } from './jscad';
import type { Bounds } from './types';

export interface Level {
  outlines: Outline[];
  z0: number;
  z1: number;
}

export interface Mesh {
  /** 9 floats per triangle, counter-clockwise seen from outside. */
  positions: Float32Array;
  normals: Float32Array;
  triangles: number;
}

type V3 = [number, number, number];

class Triangles {
  readonly values: number[] = [];
  add(a: V3, b: V3, c: V3): void {
    this.values.push(a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2]);
  }
}

function cap(out: Triangles, outlines: readonly Outline[], z: number, up: boolean): void {
  const sides = outlines.flatMap((o) => o.map((p, k) => [[p[0], p[1]], [o[(k + 1) % o.length]![0], o[(k + 1) % o.length]![1]]] as [[number, number], [number, number]]));
  const { slice } = jscad.extrusions;
  for (const poly of slice.toPolygons(slice.fromSides(sides))) {
    const [a, b, c] = poly.vertices as unknown as [V3, V3, V3];
    const cz = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    const pa: V3 = [a[0], a[1], z];
    const pb: V3 = [b[0], b[1], z];
    const pc: V3 = [c[0], c[1], z];
    if (cz >= 0 === up) out.add(pa, pb, pc);
    else out.add(pa, pc, pb);
  }
}

function walls(out: Triangles, outlines: readonly Outline[], z0: number, z1: number): void {
  for (const o of outlines) {
    for (let k = 0; k < o.length; k++) {
      const p = o[k]!;
      const q = o[(k + 1) % o.length]!;
      // Outward is to the right of p→q for a CCW solid and for a CW hole alike.
      out.add([p[0], p[1], z0], [q[0], q[1], z0], [q[0], q[1], z1]);
      out.add([p[0], p[1], z0], [q[0], q[1], z1], [p[0], p[1], z1]);
    }
  }
}

/**
 * A solid made of stacked prisms: level i spans z0..z1 over its outlines (solids CCW, holes CW), and
 * level i + 1 starts where it ends, strictly inside it (no shared or touching outline).
 */
export function terracedSolid(levels: readonly Level[]): Mesh {
  const t = new Triangles();
  levels.forEach((level, i) => {
    if (i === 0) cap(t, level.outlines, level.z0, false);
    walls(t, level.outlines, level.z0, level.z1);
    const above = levels[i + 1];
    if (above && above.z0 !== level.z1) throw new Error('terracedSolid: levels must stack');
    cap(t, above ? [...level.outlines, ...above.outlines.map(reverse)] : level.outlines, level.z1, true);
  });
  return toMesh(t.values);
}

export function prism(outlines: Outline[], height: number): Mesh {
  return terracedSolid([{ outlines, z0: 0, z1: height }]);
}

function toMesh(values: readonly number[]): Mesh {
  const positions = Float32Array.from(values);
  const normals = new Float32Array(positions.length);
  for (let i = 0; i < values.length; i += 9) {
    const ux = values[i + 3]! - values[i]!;
    const uy = values[i + 4]! - values[i + 1]!;
    const uz = values[i + 5]! - values[i + 2]!;
    const vx = values[i + 6]! - values[i]!;
    const vy = values[i + 7]! - values[i + 1]!;
    const vz = values[i + 8]! - values[i + 2]!;
    let nx = uy * vz - uz * vy;
    let ny = uz * vx - ux * vz;
    let nz = ux * vy - uy * vx;
    const len = Math.hypot(nx, ny, nz);
    if (len > 0) {
      nx /= len;
      ny /= len;
      nz /= len;
    }
    for (let k = 0; k < 3; k++) {
      normals[i + 3 * k] = nx;
      normals[i + 3 * k + 1] = ny;
      normals[i + 3 * k + 2] = nz;
    }
  }
  return { positions, normals, triangles: values.length / 9 };
}

/** Applies a rigid motion (x, y, z) → f(x, y, z) to every vertex; it must be a rotation + translation. */
export function moveMesh(m: Mesh, f: (x: number, y: number, z: number) => V3): Mesh {
  const values: number[] = new Array(m.positions.length);
  for (let i = 0; i < m.positions.length; i += 3) {
    const [x, y, z] = f(m.positions[i]!, m.positions[i + 1]!, m.positions[i + 2]!);
    values[i] = x;
    values[i + 1] = y;
    values[i + 2] = z;
  }
  return toMesh(values);
}

export function meshBounds(m: Mesh): Bounds {
  const min = { x: Infinity, y: Infinity, z: Infinity };
  const max = { x: -Infinity, y: -Infinity, z: -Infinity };
  const p = m.positions;
  for (let i = 0; i < p.length; i += 3) {
    min.x = Math.min(min.x, p[i]!);
    max.x = Math.max(max.x, p[i]!);
    min.y = Math.min(min.y, p[i + 1]!);
    max.y = Math.max(max.y, p[i + 1]!);
    min.z = Math.min(min.z, p[i + 2]!);
    max.z = Math.max(max.z, p[i + 2]!);
  }
  return { min, max };
}
