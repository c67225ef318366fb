import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CoworkingDay } from '../../electron/api/types';
import { coworkingLine, daysUsedFraction } from './coworking';

const base: CoworkingDay = {
  plan: 'coworking-20-days',
  counted: true,
  extra: false,
  daysIncluded: 20,
  daysUsed: 1,
  daysLeft: 19,
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
};

test('days left in the period, or unlimited', () => {
  assert.deepEqual(coworkingLine(base), { key: 'visits.daysLeft', count: 19, end: '2026-03-31' });
  assert.deepEqual(coworkingLine({ ...base, plan: 'coworking-permanent', daysIncluded: null, daysLeft: null }), { key: 'visits.unlimited' });
  assert.equal(daysUsedFraction(base), 0.05);
  assert.equal(daysUsedFraction({ ...base, daysIncluded: null }), null);
});

test('a day beyond the plan, or without one, is said to be charged', () => {
  assert.deepEqual(coworkingLine({ ...base, extra: true, daysUsed: 21, daysLeft: 0 }), { key: 'visits.extraDay' });
  assert.deepEqual(coworkingLine({ ...base, extra: true, plan: null, daysIncluded: null, daysLeft: null }), { key: 'visits.noPlanDay' });
  assert.equal(daysUsedFraction({ ...base, daysUsed: 25 }), 1);
});
