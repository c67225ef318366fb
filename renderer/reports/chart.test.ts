import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { allZero, axisTicks, niceCeiling, scaleBars } from './chart';

test('the axis tops at a round number just above the largest value', () => {
  assert.equal(niceCeiling(0), 1);
  assert.equal(niceCeiling(-5), 1);
  assert.equal(niceCeiling(1), 1);
  assert.equal(niceCeiling(1.2), 2);
  assert.equal(niceCeiling(17), 20);
  assert.equal(niceCeiling(21), 25);
  assert.equal(niceCeiling(26), 50);
  assert.equal(niceCeiling(51), 100);
  assert.equal(niceCeiling(100), 100);
  assert.equal(niceCeiling(0.3), 0.5);
  assert.equal(niceCeiling(123_456), 200_000);
});

test('marks divide the axis evenly', () => {
  assert.deepEqual(axisTicks(20), [0, 5, 10, 15, 20]);
  assert.deepEqual(axisTicks(2.5, 5), [0, 0.5, 1, 1.5, 2, 2.5]);
});

test('bars are proportional, the largest fills most of the track, nothing is hidden', () => {
  const s = scaleBars([10, 5, 0, -3, 0.01], 200);
  assert.equal(s.top, 10);
  assert.deepEqual(
    s.bars.map((b) => b.length),
    [200, 100, 0, 0, 2],
  );
  assert.equal(allZero([0, -1]), true);
  assert.equal(allZero([0, 1]), false);
});

test('any values: bars stay on the track and keep their order', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 10, max: 2000 }), (values, track) => {
      const s = scaleBars(values, track);
      assert.ok(s.top >= Math.max(...values));
      for (const b of s.bars) assert.ok(b.length >= 0 && b.length <= track);
      for (let i = 0; i < values.length; i++) {
        for (let j = 0; j < values.length; j++) {
          if (values[i]! > values[j]! && values[j]! > 0 && (values[i]! / s.top) * track > 2) assert.ok(s.bars[i]!.length >= s.bars[j]!.length);
        }
      }
    }),
  );
});
