import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../api/errors';
import { checkPeriod, instantBounds, isCalendarDay, monthsOf, parisDayIn } from './period';

test('only real calendar days make a period, the end not before the start, three years at most', () => {
  assert.equal(isCalendarDay('2028-02-29'), true);
  assert.equal(isCalendarDay('2026-02-29'), false);
  assert.equal(isCalendarDay('2026-13-01'), false);
  assert.deepEqual(checkPeriod('2026-01-01', '2026-01-01'), { from: '2026-01-01', to: '2026-01-01' });
  const reason = (from: string, to: string) => {
    try {
      checkPeriod(from, to);
      return null;
    } catch (err) {
      assert.ok(err instanceof DomainError);
      assert.equal(err.code, 'invalid_input');
      return `${err.params?.field}:${err.params?.reason}`;
    }
  };
  assert.equal(reason('2026-02-30', '2026-03-01'), 'from:not_a_day');
  assert.equal(reason('2026-03-01', '2026-02-01'), 'to:before_from');
  assert.equal(reason('2020-01-01', '2026-01-01'), 'to:too_long');
  assert.equal(reason('2024-01-01', '2026-12-31'), null);
});

test('months of a period, across a new year', () => {
  assert.deepEqual(monthsOf({ from: '2025-11-15', to: '2026-02-01' }), ['2025-11', '2025-12', '2026-01', '2026-02']);
  assert.deepEqual(monthsOf({ from: '2026-03-01', to: '2026-03-31' }), ['2026-03']);
});

test('an instant belongs to the period by its Paris day', () => {
  const p = { from: '2026-03-01', to: '2026-03-31' };
  // 23:30 UTC on 28 February is already 1 March in Paris (UTC+1).
  assert.equal(parisDayIn('2026-02-28T23:30:00Z', p), '2026-03-01');
  // 22:30 UTC on 31 March is 00:30 on 1 April in Paris (UTC+2, summer time).
  assert.equal(parisDayIn('2026-03-31T22:30:00Z', p), null);
  assert.equal(parisDayIn(null, p), null);
  const b = instantBounds(p);
  assert.ok(b.after < '2026-02-28T23:30:00Z' && b.before > '2026-03-31T22:30:00Z');
});
