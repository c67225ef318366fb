// OBJ: faces of any size triangulated (concave ones too), every corner syntax, negative indices,
// everything that is not geometry skipped, and broken files refused with their line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_MESH_LIMITS } from './limits';
import { loadMesh } from './load';
import { meshVolume } from './mesh';
import { assertBounds, rejects } from './mesh.testutil';
import { parseObj } from './obj';

const enc = new TextEncoder();
const obj = (text: string) => parseObj(enc.encode(text), DEFAULT_MESH_LIMITS);

const CUBE_QUADS = `# a 20 mm cube with quads, as Blender writes it
mtllib cube.mtl
o Cube
v 0 0 0
v 20 0 0
v 20 20 0
v 0 20 0
v 0 0 20
v 20 0 20
v 20 20 20
v 0 20 20
vt 0 0
vt 1 0
vt 1 1
vn 0 0 -1
usemtl Material
s off
f 1/1/1 4/2/1 3/3/1 2/1/1
f 5//1 6//1 7//1 8//1
f 1 2 6 5
f 2/1 3/2 7/3 6/1
f 3 4 8 7
f 4 1 5 8
l 1 2
`;

function area(p: Float32Array): number {
  let a = 0;
  for (let i = 0; i < p.length; i += 9) {
    const ux = p[i + 3]! - p[i]!, uy = p[i + 4]! - p[i + 1]!, uz = p[i + 5]! - p[i + 2]!;
    const vx = p[i + 6]! - p[i]!, vy = p[i + 7]! - p[i + 1]!, vz = p[i + 8]! - p[i + 2]!;
    a += Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx) / 2;
  }
  return a;
}

describe('OBJ', () => {
  it('a cube of quads (v, v/vt, v//vn, v/vt/vn corners): 12 triangles, 20 mm, outward (volume +8000 mm³)', () => {
    const m = obj(CUBE_QUADS);
    assert.equal(m.triangles, 12);
    assertBounds(m.bounds, [0, 0, 0], [20, 20, 20], 1e-9);
    assert.ok(Math.abs(meshVolume(m) - 8000) < 1e-6, String(meshVolume(m)));
  });

  it('negative indices count back from the last vertex read', () => {
    const text = `v 0 0 0\nv 10 0 0\nv 0 10 0\nf -3 -2 -1\nv 0 0 10\nf 1 -1 2\nf 1 3 -1\nf 2 -1 3\n`;
    const m = obj(text);
    assert.equal(m.triangles, 4);
    assert.deepEqual([...m.positions.subarray(0, 9)], [0, 0, 0, 10, 0, 0, 0, 10, 0]);
    assert.deepEqual([...m.positions.subarray(9, 18)], [0, 0, 0, 0, 0, 10, 10, 0, 0]);
  });

  it('a concave polygon (an L) is ear-clipped: its triangles cover exactly its area, none outside', () => {
    // L-shaped face: 30 × 10 plus 10 × 20 = 500 mm²; a fan from the first corner would cover 600.
    const text = `v 0 0 0\nv 30 0 0\nv 30 10 0\nv 10 10 0\nv 10 30 0\nv 0 30 0\nv 0 0 1\nf 4 5 6 1 2 3\nf 1 2 7\n`;
    const m = obj(text);
    assert.equal(m.triangles, 5);
    assert.ok(Math.abs(area(m.positions.subarray(0, 36)) - 500) < 1e-9, String(area(m.positions.subarray(0, 36))));
    // Every triangle of the L winds the same way as the polygon (counter-clockwise seen from +Z).
    for (let i = 0; i < 36; i += 9) {
      const p = m.positions;
      const z = (p[i + 3]! - p[i]!) * (p[i + 7]! - p[i + 1]!) - (p[i + 4]! - p[i + 1]!) * (p[i + 6]! - p[i]!);
      assert.ok(z > 0);
    }
  });

  it('CRLF line ends, tabs, comments after values, vertex colours, w', () => {
    const text = 'v\t0 0 0 1.0 0.5 0.5 0.5\r\nv 1e1 0 0 # x\r\nv 0 1.0E1 0\r\nv 0 0 10\r\nf 1 3 2\r\nf 1 2 4\r\nf 1 4 3\r\nf 2 3 4 # last\r\n';
    const m = obj(text);
    assert.equal(m.triangles, 4);
    assertBounds(m.bounds, [0, 0, 0], [10, 10, 10], 0);
  });

  it('found by content when the name says nothing', () => {
    const r = loadMesh(enc.encode(CUBE_QUADS), { fileName: 'model' });
    assert.equal(r.format, 'obj');
    assert.equal(r.mesh.triangles, 12);
  });

  it('refused: an index past the vertices, index 0, a vertex without z, a two-corner face, NaN, too many triangles', () => {
    rejects(() => obj('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 4\n'), 'obj_malformed', { line: 4, context: 'index', index: 4 });
    rejects(() => obj('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 0 1 2\n'), 'obj_malformed', { line: 4, context: 'index' });
    rejects(() => obj('v 0 0 0\nv 1 0\n'), 'obj_malformed', { line: 2, context: 'vertex' });
    rejects(() => obj('v 0 0 0\nv 1 0 0\nf 1 2\n'), 'obj_malformed', { line: 3, context: 'face_size' });
    rejects(() => obj('v 0 0 0\nv nan 0 0\nv 0 1 0\nv 0 0 1\nf 1 2 3\nf 1 3 4\n'), 'bad_coordinate', { value: 'NaN' });
    rejects(() => parseObj(enc.encode(CUBE_QUADS), { ...DEFAULT_MESH_LIMITS, maxTriangles: 5 }), 'too_many_triangles', { limit: 5 });
    rejects(() => obj('# nothing but a comment\nv 0 0 0\n'), 'empty_mesh');
  });
});
