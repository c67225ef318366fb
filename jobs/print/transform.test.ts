// Placing a model: rotate, scale, centre on the bed, the fit check with its sizes, and lay flat.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labMachine } from '../../test/support/lab-profiles';
import { layFlat, rotationOntoDown } from './layflat';
import { DEFAULT_MESH_LIMITS } from './limits';
import { boundsCentre, boundsSize, meshVolume, type Mesh } from './mesh';
import { assertBounds, rejects } from './mesh.testutil';
import { parseObj } from './obj';
import { applyLinear, assertFits, checkFit, placeOnBed, rotate, scale, translate } from './transform';

/** An axis-aligned box from (0,0,0) to (x,y,z), outward faces. */
function box(x: number, y: number, z: number, at = { x: 0, y: 0, z: 0 }): Mesh {
  const v: string[] = [];
  for (let i = 0; i < 8; i++) v.push(`v ${at.x + ((i >> 2) & 1 ? x : 0)} ${at.y + ((i >> 1) & 1 ? y : 0)} ${at.z + (i & 1 ? z : 0)}`);
  const f = ['f 1 2 4 3', 'f 5 7 8 6', 'f 1 5 6 2', 'f 3 4 8 7', 'f 1 3 7 5', 'f 2 6 8 4'];
  return parseObj(new TextEncoder().encode([...v, ...f].join('\n')), DEFAULT_MESH_LIMITS);
}

function merge(...meshes: Mesh[]): Mesh {
  const n = meshes.reduce((s, m) => s + m.triangles, 0);
  const p = new Float32Array(n * 9);
  let o = 0;
  for (const m of meshes) {
    p.set(m.positions, o);
    o += m.positions.length;
  }
  return translate({ positions: p, triangles: n, bounds: meshes[0]!.bounds }, { x: 0, y: 0, z: 0 });
}

/** Area of the triangles lying on the bed (all three corners at z ≈ 0). */
function areaOnBed(m: Mesh, tol = 1e-3): number {
  const p = m.positions;
  let a = 0;
  for (let i = 0; i < p.length; i += 9) {
    if (Math.abs(p[i + 2]!) > tol || Math.abs(p[i + 5]!) > tol || Math.abs(p[i + 8]!) > tol) continue;
    const ux = p[i + 3]! - p[i]!, uy = p[i + 4]! - p[i + 1]!;
    const vx = p[i + 6]! - p[i]!, vy = p[i + 7]! - p[i + 1]!;
    a += Math.abs(ux * vy - uy * vx) / 2;
  }
  return a;
}

describe('rotate, scale, translate', () => {
  it('a quarter turn about Z swaps X and Y exactly, about the centre of the bounds', () => {
    const b = box(10, 20, 30, { x: 5, y: 5, z: 0 });
    const r = rotate(b, 'z', 90);
    assertBounds(r.bounds, [0, 10, 0], [20, 20, 30], 1e-6);
    assert.deepEqual(boundsCentre(r.bounds), boundsCentre(b.bounds));
    const back = rotate(rotate(r, 'x', 45), 'x', -45);
    assertBounds(back.bounds, [0, 10, 0], [20, 20, 30], 1e-4);
    assert.ok(Math.abs(meshVolume(rotate(b, 'y', 33)) - 6000) < 0.01);
  });

  it('uniform scale about the centre; absurd factors refused', () => {
    const s = scale(box(10, 20, 30), 2);
    assertBounds(s.bounds, [-5, -10, -15], [15, 30, 45], 1e-6);
    assert.ok(Math.abs(meshVolume(s) - 48000) < 1e-6);
    for (const f of [0, -1, NaN, Infinity, 1e6]) rejects(() => scale(box(1, 1, 1), f), 'bad_transform', { reason: 'scale' });
  });

  it('a mirroring matrix keeps the faces outward', () => {
    const m = applyLinear(box(10, 10, 10), [-1, 0, 0, 0, 1, 0, 0, 0, 1]);
    assert.ok(meshVolume(m) > 999.9);
  });

  it('the input mesh is never modified', () => {
    const b = box(10, 10, 10);
    const before = b.positions.slice();
    rotate(b, 'x', 30);
    scale(b, 3);
    placeOnBed(b, labMachine('prusa-mk4'));
    layFlat(rotate(b, 'y', 10));
    assert.deepEqual(b.positions, before);
  });
});

describe('on the bed', () => {
  it('centred on the Prusa MK4 bed (250 × 210 from Y = −4) and resting on it', () => {
    const m = placeOnBed(box(30, 30, 15, { x: -100, y: 7, z: 12 }), labMachine('prusa-mk4'));
    assertBounds(m.bounds, [110, 86, 0], [140, 116, 15], 1e-4);
  });

  it('too large: refused with the sizes of the model and the printer, and the axis at fault', () => {
    const e = rejects(() => assertFits(box(300, 30, 10), labMachine('ender-3')), 'model_too_large', { x: 300, y: 30, z: 10, maxX: 220, maxY: 220, maxZ: 250, axes: 'X' });
    assert.equal(e.params.context, undefined);
    rejects(() => assertFits(box(20, 20, 221), labMachine('prusa-mk4')), 'model_too_large', { axes: 'Z', maxZ: 220 });
    // 240 deep does not fit the MK4's 210, but turned a quarter turn it does: the sentence says so.
    rejects(() => assertFits(box(200, 240, 10), labMachine('prusa-mk4')), 'model_too_large', { axes: 'Y', context: 'rotate' });
    assert.ok(checkFit(box(220, 220, 250), labMachine('ender-3')).fits, 'exactly the bed fits');
  });
});

describe('lay flat', () => {
  it('a cube turned every which way lands one whole face on the bed', () => {
    const tilted = rotate(rotate(rotate(box(20, 20, 20), 'x', 30), 'y', 20), 'z', 10);
    assert.ok(areaOnBed(placeOnBed(tilted, labMachine('ender-3'))) < 1, 'tilted: only a corner touches');
    const r = layFlat(tilted);
    assert.equal(r.rotated, true);
    assert.ok(Math.abs(r.contactAreaMm2 - 400) < 0.01, String(r.contactAreaMm2));
    assert.ok(Math.abs(areaOnBed(r.mesh) - 400) < 0.01, String(areaOnBed(r.mesh)));
    // Standing straight: 20 mm high (its turn about Z is left as it was).
    assert.ok(Math.abs(boundsSize(r.mesh.bounds).z - 20) < 1e-3, JSON.stringify(boundsSize(r.mesh.bounds)));
    assert.ok(Math.abs(meshVolume(r.mesh) - 8000) < 0.1);
    assert.ok(Math.abs(r.mesh.bounds.min.z) < 1e-6);
  });

  it('a tall box standing on its small end is laid on its largest face', () => {
    const r = layFlat(box(10, 20, 40));
    assert.ok(Math.abs(boundsSize(r.mesh.bounds).z - 10) < 1e-4, JSON.stringify(boundsSize(r.mesh.bounds)));
    assert.ok(Math.abs(areaOnBed(r.mesh) - 800) < 0.01);
  });

  it('the contact area counts, not the hull: a table rests on its top rather than on its four legs', () => {
    const legs = [box(4, 4, 20), box(4, 4, 20, { x: 36, y: 0, z: 0 }), box(4, 4, 20, { x: 0, y: 36, z: 0 }), box(4, 4, 20, { x: 36, y: 36, z: 0 })];
    const table = merge(...legs, box(40, 40, 3, { x: 0, y: 0, z: 20 }));
    const r = layFlat(table);
    assert.equal(r.rotated, true);
    assert.ok(Math.abs(r.contactAreaMm2 - 1600) < 0.01, String(r.contactAreaMm2));
    assert.ok(Math.abs(r.normal.z - 1) < 1e-9, 'the top (+Z) goes down');
  });

  it('laying flat twice changes nothing the second time', () => {
    const once = layFlat(rotate(box(10, 20, 40), 'x', 17)).mesh;
    const twice = layFlat(once);
    assert.equal(twice.rotated, false);
    assert.deepEqual(twice.mesh.bounds, once.bounds);
  });

  it('the rotation takes the chosen normal onto −Z, including straight up', () => {
    for (const n of [{ x: 0, y: 0, z: 1 }, { x: 1, y: 0, z: 0 }, { x: 0.6, y: 0, z: 0.8 }, { x: -0.48, y: 0.6, z: 0.64 }]) {
      const m = rotationOntoDown(n);
      const v = [m[0]! * n.x + m[1]! * n.y + m[2]! * n.z, m[3]! * n.x + m[4]! * n.y + m[5]! * n.z, m[6]! * n.x + m[7]! * n.y + m[8]! * n.z];
      assert.ok(Math.abs(v[0]!) < 1e-12 && Math.abs(v[1]!) < 1e-12 && Math.abs(v[2]! + 1) < 1e-12, `${JSON.stringify(n)} → ${v}`);
    }
  });
});
