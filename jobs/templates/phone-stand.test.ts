// The phone stand: the back rest leans at the asked angle, the slot takes the phone, it stands on its base.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMesh, parseBinaryStl } from './check.testutil';
import { phoneStand, standProfile, STAND } from './phone-stand';
import type { PrintResult } from './types';

describe('phone stand', () => {
  for (const angle of [50, 65, 80]) {
    it(`leans the phone at ${angle}° and is as wide as asked`, () => {
      const r = phoneStand.build({ angle, width: 75, phoneThickness: 9 }) as PrintResult;
      const stl = parseBinaryStl(r.stl);
      const m = checkMesh(stl.positions);
      assert.equal(m.badEdges, 0);
      assert.ok(Math.abs(m.max[1] - m.min[1] - 75) < 1e-4, 'width along y');
      assert.equal(m.min[2], 0);
      // The back rest's front face: its normal points forward and up, at the angle from the vertical.
      const a = (angle * Math.PI) / 180;
      let found = false;
      for (let t = 0; t < stl.triangles; t++) {
        const [nx, ny, nz] = [stl.normals[3 * t]!, stl.normals[3 * t + 1]!, stl.normals[3 * t + 2]!];
        if (Math.abs(nx + Math.sin(a)) < 1e-4 && Math.abs(ny) < 1e-4 && Math.abs(nz - Math.cos(a)) < 1e-4) found = true;
      }
      assert.ok(found, 'a face leaning at the angle');
    });
  }

  it('leaves the phone its thickness plus play, across the slope', () => {
    for (const [thickness, angle] of [
      [6, 50],
      [11, 65],
      [20, 80],
    ] as const) {
      const p = standProfile(thickness, angle);
      // Measured perpendicular to the back rest: slot × sin(angle) = thickness + clearance.
      assert.ok(Math.abs(p.slot * Math.sin((angle * Math.PI) / 180) - (thickness + STAND.clearance)) < 1e-9);
      // The lip in front, the floor at the wall height.
      assert.deepEqual(p.outer[5], [STAND.wall, STAND.wall]);
      assert.deepEqual(p.outer[6], [STAND.wall, STAND.lip]);
    }
  });

  it('saves plastic with a window under the back rest when there is room', () => {
    assert.ok(standProfile(11, 60).window);
    const solid = checkMesh(parseBinaryStl((phoneStand.build({ angle: 60 }) as PrintResult).stl).positions);
    const p = standProfile(11, 60);
    const area = (o: readonly (readonly [number, number])[]) => Math.abs(o.reduce((s, q, k) => s + q[0] * o[(k + 1) % o.length]![1] - o[(k + 1) % o.length]![0] * q[1], 0)) / 2;
    assert.ok(Math.abs(solid.volume - (area(p.outer) - area(p.window!)) * 70) < 1, 'volume = profile area × width');
  });
});
