import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identity, isIdentity, largestScalePct, scaledTo, timeFactor, transformKey, turned } from './choices';

test('quarter turns go round and stay within 0–359°', () => {
  let t = identity;
  for (let i = 0; i < 4; i++) t = turned(t, 'x');
  assert.equal(t.rotateDeg.x, 0);
  assert.equal(turned(identity, 'z', -90).rotateDeg.z, 270);
  assert.deepEqual(turned(identity, 'y').rotateDeg, { x: 0, y: 90, z: 0 });
});

test('the scale is whole percent within 10–1000 %', () => {
  assert.equal(scaledTo(identity, 150.4).scalePct, 150);
  assert.equal(scaledTo(identity, 0).scalePct, 10);
  assert.equal(scaledTo(identity, 5000).scalePct, 1000);
  assert.equal(scaledTo(identity, Number.NaN), identity);
});

test('reset means the file as it is', () => {
  assert.ok(isIdentity(identity));
  assert.ok(!isIdentity({ ...identity, layFlat: true }));
  assert.notEqual(transformKey(identity), transformKey(turned(identity, 'x')));
});

test('a draft takes less time than a fine print', () => {
  assert.ok(timeFactor('draft') < 1 && timeFactor('fine') > 1);
  assert.equal(timeFactor('normal'), 1);
});

test('the largest scale that fits the printer', () => {
  assert.equal(largestScalePct({ x: 30, y: 30, z: 15 }, { x: 250, y: 210, z: 220 }), 700);
  assert.equal(largestScalePct({ x: 500, y: 10, z: 10 }, { x: 250, y: 210, z: 220 }), 50);
});
