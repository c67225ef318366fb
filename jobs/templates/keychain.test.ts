// The name keychain: raised letters on the plate, a ring hole, all one closed solid on the bed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMesh, parseBinaryStl } from './check.testutil';
import { keychain } from './keychain';
import type { PrintResult } from './types';

const build = (params: Record<string, unknown>) => keychain.build(params) as PrintResult;

/** Heights of the top faces (triangles facing straight up). */
function topHeights(r: PrintResult): Set<number> {
  const p = parseBinaryStl(r.stl);
  const tops = new Set<number>();
  for (let t = 0; t < p.triangles; t++) if (p.normals[3 * t + 2]! > 0.999) tops.add(Math.round(p.positions[9 * t + 2]! * 1000) / 1000);
  return tops;
}

describe('keychain', () => {
  it('has the plate and the letters at their heights, on the bed', () => {
    const r = build({ text: 'Maëlle', plateThickness: 2.5, reliefHeight: 1.5 });
    assert.deepEqual([...topHeights(r)].sort(), [2.5, 4]);
    assert.equal(r.bounds.min.z, 0);
    assert.ok(Math.abs(r.bounds.max.z - 4) < 1e-6);
    const m = checkMesh(parseBinaryStl(r.stl).positions);
    assert.equal(m.badEdges, 0);
    assert.equal(m.flippedEdges, 0);
  });

  it('grows with its text and its letters', () => {
    const short = build({ text: 'Li' });
    const long = build({ text: 'Lili-Rose' });
    const big = build({ text: 'Li', letterHeight: 16 });
    assert.ok(long.bounds.max.x > short.bounds.max.x + 30);
    assert.ok(big.bounds.max.y > short.bounds.max.y * 1.6);
    assert.ok(big.dimensions.strokeWidth! > short.dimensions.strokeWidth!);
  });

  it('has a hole for the ring, or not', () => {
    const withRing = checkMesh(parseBinaryStl(build({ text: 'Noé' }).stl).positions);
    const without = checkMesh(parseBinaryStl(build({ text: 'Noé', ring: false }).stl).positions);
    const bigHole = checkMesh(parseBinaryStl(build({ text: 'Noé', holeDiameter: 8 }).stl).positions);
    assert.ok(withRing.max[0] > without.max[0] + 5, 'the ring adds length');
    // Euler characteristic V − E + F = 2 − 2g: the ring hole makes a torus (genus 1) of an otherwise
    // simple plate; the o of Noé adds nothing (its counter is raised-letter only).
    const genus = (positions: Float32Array) => {
      const key = (i: number) => `${positions[i]},${positions[i + 1]},${positions[i + 2]}`;
      const v = new Set<string>();
      const e = new Set<string>();
      for (let t = 0; t < positions.length / 9; t++) {
        const k = [0, 1, 2].map((j) => key(9 * t + 3 * j));
        k.forEach((a, j) => {
          v.add(a);
          const b = k[(j + 1) % 3]!;
          e.add(a < b ? `${a}|${b}` : `${b}|${a}`);
        });
      }
      return (2 - (v.size - e.size + positions.length / 9)) / 2;
    };
    assert.equal(genus(parseBinaryStl(build({ text: 'Noé' }).stl).positions), 1);
    assert.equal(genus(parseBinaryStl(build({ text: 'Noé', ring: false }).stl).positions), 0);
    assert.ok(bigHole.volume < withRing.volume + 60, 'a bigger hole in a bigger ring');
  });
});
