import assert from 'node:assert/strict';
import { test } from 'node:test';
import { offersFirstMonth } from './plans';

test('the first month is free on monthly and quarterly plans, when the site offers it', () => {
  assert.equal(offersFirstMonth({ firstMonthFree: true }, { period: 'month' }), true);
  assert.equal(offersFirstMonth({ firstMonthFree: true }, { period: 'quarter' }), true);
  assert.equal(offersFirstMonth({ firstMonthFree: true }, { period: 'year' }), false);
  assert.equal(offersFirstMonth({ firstMonthFree: true }, { period: 'once' }), false);
  assert.equal(offersFirstMonth({ firstMonthFree: false }, { period: 'month' }), false);
});
