import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, frenchDate, parisDay, planPeriod } from './dates';

test('a Paris day starts at midnight in Paris, summer and winter', () => {
  assert.equal(parisDay(new Date('2026-11-23T22:59:00Z')), '2026-11-23');
  assert.equal(parisDay(new Date('2026-11-23T23:00:00Z')), '2026-11-24');
  assert.equal(parisDay(new Date('2026-07-01T21:59:00Z')), '2026-07-01');
  assert.equal(parisDay(new Date('2026-07-01T22:00:00Z')), '2026-07-02');
});

test('plan periods are calendar months, quarters and years', () => {
  assert.deepEqual(planPeriod('month', '2028-02-10', '2027-01-01'), { start: '2028-02-01', end: '2028-02-29' });
  assert.deepEqual(planPeriod('quarter', '2026-11-23', ''), { start: '2026-10-01', end: '2026-12-31' });
  assert.deepEqual(planPeriod('quarter', '2026-02-03', ''), { start: '2026-01-01', end: '2026-03-31' });
  assert.deepEqual(planPeriod('year', '2026-02-03', ''), { start: '2026-01-01', end: '2026-12-31' });
  assert.deepEqual(planPeriod('once', '2026-02-03', '2025-05-01'), { start: '2025-05-01', end: '9999-12-31' });
});

test('months of validity keep the day, or take the month end', () => {
  assert.equal(addMonths(new Date('2026-11-23T10:00:00Z'), 12).toISOString(), '2027-11-23T10:00:00.000Z');
  assert.equal(addMonths(new Date('2027-01-31T10:00:00Z'), 1).toISOString(), '2027-02-28T10:00:00.000Z');
  assert.equal(addMonths(new Date('2028-02-29T10:00:00Z'), 12).toISOString(), '2029-02-28T10:00:00.000Z');
});

test('French dates as documents print them', () => {
  assert.equal(frenchDate('2026-08-01T12:00:00Z'), '1 août 2026');
});
