// Closed meshes from outlines: stacked prisms share their edges exactly, faces point outwards.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMesh, parseBinaryStl } from './check.testutil';
import { reverse, type Outline } from './geometry';
import { moveMesh, prism, terracedSolid } from './mesh';
import { writeStl } from './stl';

const square = (x: number, y: number, s: number): Outline => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];

describe('meshes', () => {
  it('a prism with a hole: closed, outward, its volume exact', () => {
    const m = checkMesh(prism([square(0, 0, 10), reverse(square(3, 3, 4))], 2).positions);
    assert.deepEqual([m.badEdges, m.flippedEdges], [0, 0]);
    assert.ok(Math.abs(m.volume - (100 - 16) * 2) < 1e-6);
  });

  it('a plate with raised islands (one with its own hole): one closed solid', () => {
    const islands = [square(1, 1, 3), square(5, 1, 4), reverse(square(6, 2, 2))];
    const mesh = terracedSolid([
      { outlines: [square(0, 0, 10)], z0: 0, z1: 1 },
      { outlines: islands, z0: 1, z1: 1.5 },
    ]);
    const m = checkMesh(mesh.positions);
    assert.deepEqual([m.badEdges, m.flippedEdges], [0, 0]);
    assert.ok(Math.abs(m.volume - (100 + 0.5 * (9 + 16 - 4))) < 1e-6);
    assert.throws(() => terracedSolid([{ outlines: [square(0, 0, 10)], z0: 0, z1: 1 }, { outlines: islands, z0: 2, z1: 3 }]), /stack/);
  });

  it('turning a mesh keeps it closed and outward; the STL holds it as is', () => {
    const turned = moveMesh(prism([square(0, 0, 10)], 3), (x, y, z) => [x, 3 - z, y]);
    const stl = writeStl(turned, 'FabKiosk test');
    const back = parseBinaryStl(stl);
    assert.equal(back.header, 'FabKiosk test');
    assert.equal(back.triangles, turned.triangles);
    const m = checkMesh(back.positions);
    assert.deepEqual([m.badEdges, m.flippedEdges], [0, 0]);
    assert.ok(Math.abs(m.volume - 300) < 1e-4);
    assert.deepEqual([m.min, m.max], [[0, 0, 0], [10, 3, 10]]);
    // Stored normals agree with the winding.
    for (let t = 0; t < back.triangles; t++) {
      const n = [back.normals[3 * t]!, back.normals[3 * t + 1]!, back.normals[3 * t + 2]!];
      assert.ok(Math.abs(Math.hypot(...n) - 1) < 1e-5);
    }
  });
});
