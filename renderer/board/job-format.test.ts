import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAxis, formatEndsAt, formatPercentDone, percentDone, spindleShare } from './job-format';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

test('percent done: rounded down, 100 only once completed', () => {
  assert.equal(percentDone(0), 0);
  assert.equal(percentDone(0.426), 42);
  assert.equal(percentDone(0.999), 99);
  assert.equal(percentDone(1), 99);
  assert.equal(percentDone(1, true), 100);
  assert.equal(percentDone(Number.NaN), 0);
  assert.equal(plain(formatPercentDone(0.426, 'fr')), '42 %');
  assert.equal(formatPercentDone(0.426, 'en'), '42%');
});

test('ends at: the clock time, with the day when it is tomorrow', () => {
  const now = new Date(2026, 2, 12, 14, 0);
  assert.equal(formatEndsAt(42 * 60, 'fr', now), '14:42');
  assert.equal(formatEndsAt(42 * 60, 'en', now), '14:42');
  assert.match(formatEndsAt(11 * 3600, 'fr', now), /^ven\.? 01:00$/);
  assert.match(formatEndsAt(11 * 3600, 'en', now), /^Fri 01:00$/);
});

test('positions to the hundredth, in the language', () => {
  assert.equal(formatAxis(12.5, 'fr'), '12,50');
  assert.equal(formatAxis(-0.1, 'en'), '-0.10');
  assert.equal(plain(formatAxis(1234.567, 'fr')), '1 234,57');
});

test('laser power as a share of $30', () => {
  assert.equal(spindleShare(500, 1000), 0.5);
  assert.equal(spindleShare(500, null), null);
  assert.equal(spindleShare(null, 1000), null);
  assert.equal(spindleShare(2000, 1000), 1);
});
