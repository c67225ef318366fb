import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, dayDate, formatDayShort, formatParisDateTime, isDay, monthDate, parisDate, parisDay, parisMidnight, periodDays, periodProblem, presetOf, presetPeriod } from './periods';

test('the Paris day, not the UTC one, around midnight', () => {
  // 23:30 UTC on 31 December is already New Year's Day in Paris (UTC+1).
  assert.equal(parisDay(new Date('2026-12-31T23:30:00Z')), '2027-01-01');
  assert.equal(parisDay(new Date('2026-12-31T22:30:00Z')), '2026-12-31');
  // Summer time: UTC+2.
  assert.equal(parisDay(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
});

test('presets are whole calendar months, quarters and years', () => {
  assert.deepEqual(presetPeriod('thisMonth', '2026-02-14'), { from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(presetPeriod('thisMonth', '2028-02-14'), { from: '2028-02-01', to: '2028-02-29' });
  assert.deepEqual(presetPeriod('lastMonth', '2027-01-10'), { from: '2026-12-01', to: '2026-12-31' });
  assert.deepEqual(presetPeriod('lastMonth', '2026-03-31'), { from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(presetPeriod('quarter', '2026-12-07'), { from: '2026-10-01', to: '2026-12-31' });
  assert.deepEqual(presetPeriod('quarter', '2026-01-01'), { from: '2026-01-01', to: '2026-03-31' });
  assert.deepEqual(presetPeriod('quarter', '2026-06-30'), { from: '2026-04-01', to: '2026-06-30' });
  assert.deepEqual(presetPeriod('year', '2026-12-07'), { from: '2026-01-01', to: '2026-12-31' });
  assert.deepEqual(presetPeriod('lastYear', '2026-12-07'), { from: '2025-01-01', to: '2025-12-31' });
  assert.throws(() => presetPeriod('year', '2026-13-01'));
});

test('a period is recognised as its preset', () => {
  assert.equal(presetOf({ from: '2026-12-01', to: '2026-12-31' }, '2026-12-07'), 'thisMonth');
  assert.equal(presetOf({ from: '2026-10-01', to: '2026-12-31' }, '2026-12-07'), 'quarter');
  assert.equal(presetOf({ from: '2026-12-02', to: '2026-12-31' }, '2026-12-07'), null);
});

test('periods typed by hand are checked: real days, in order, at most three years', () => {
  assert.equal(periodProblem({ from: '2026-01-01', to: '2026-01-01' }), null);
  assert.equal(periodDays({ from: '2026-01-01', to: '2026-12-31' }), 365);
  assert.equal(periodProblem({ from: '2026-02-30', to: '2026-03-01' }), 'bad_day');
  assert.equal(periodProblem({ from: '', to: '2026-03-01' }), 'bad_day');
  assert.equal(periodProblem({ from: '2026-03-02', to: '2026-03-01' }), 'reversed');
  assert.equal(periodProblem({ from: '2024-01-01', to: '2026-12-31' }), null);
  assert.equal(periodProblem({ from: '2023-01-01', to: '2026-12-31' }), 'too_long');
  assert.equal(isDay('2026-02-29'), false);
  assert.equal(isDay('2028-02-29'), true);
});

test('day arithmetic crosses months and years', () => {
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
});

test("a price change from a day starts at that day's midnight in Paris, winter or summer", () => {
  assert.equal(parisMidnight('2027-01-01'), '2027-01-01T00:00:00+01:00');
  assert.equal(parisMidnight('2026-07-01'), '2026-07-01T00:00:00+02:00');
  // The days the clocks change: midnight is still on the old time.
  assert.equal(parisMidnight('2026-03-29'), '2026-03-29T00:00:00+01:00');
  assert.equal(parisMidnight('2026-10-25'), '2026-10-25T00:00:00+02:00');
  assert.equal(new Date(parisMidnight('2026-07-01')).toISOString(), '2026-06-30T22:00:00.000Z');
});

test('days and months become dates that format to the same day anywhere', () => {
  assert.equal(dayDate('2026-12-31').toISOString(), '2026-12-31T12:00:00.000Z');
  assert.equal(monthDate('2026-02').toISOString(), '2026-02-01T12:00:00.000Z');
});

test('instants read as the lab sees them, in Paris', () => {
  assert.equal(parisDate('2026-12-31T23:00:00.000Z').toISOString(), '2027-01-01T12:00:00.000Z');
  assert.equal(formatParisDateTime('2026-12-31T23:00:00.000Z', 'fr-FR'), '01/01/2027 00:00');
});

test('short days for tables', () => {
  assert.equal(formatDayShort('2026-12-01', 'fr-FR'), '01/12/2026');
  assert.equal(formatDayShort('2026-12-01', 'en-GB'), '01/12/2026');
});
