import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Visits } from '../visits/visits';
import { listEntries } from './entries';
import { demoNames, testLedger } from './ledger.testutil';

test("coworking days: one entry per day, the plan's 20 days of the quarter first, then the day rate less the discount", async () => {
  const t = await testLedger('2026-04-01T08:00:00.000Z');
  const visits = new Visits(t.store, t.audit, t.now, (id) => t.ledger.coworking.onCheckIn(id));
  const karim = t.memberId(demoNames.karim);
  for (let day = 0; day < 21; day++) {
    visits.checkIn(karim, 'coworking');
    // Back after lunch: the same day, no second entry.
    t.advance(0, 5);
    visits.checkIn(karim, 'coworking');
    t.advance(0, 19);
  }
  const days = listEntries(t.store.db, { memberId: karim, kind: 'coworking_day', limit: 100, offset: 0 }).entries.reverse();
  assert.equal(days.length, 21);
  assert.equal(new Set(days.map((d) => d.day)).size, 21);
  for (const d of days.slice(0, 20)) {
    assert.equal(d.quotaQuantity, 1);
    assert.equal(d.amountCents, 0);
    assert.ok(d.lines[0]!.planTermsId);
  }
  // The 21st: 10 € a day, -50 % for a job seeker.
  assert.equal(days[20]!.quotaQuantity, 0);
  assert.equal(days[20]!.grossCents, 1000);
  assert.equal(days[20]!.amountCents, -500);
  assert.equal(t.balance(demoNames.karim), -500);
  // The unique index stands behind the check.
  assert.throws(() =>
    t.store.writer.insert('ledger_entries', {
      occurred_at: t.now().toISOString(),
      day: days[0]!.day,
      kind: 'coworking_day',
      source: 'visit',
      member_id: karim,
      quantity: 1,
      unit: 'day',
      amount_cents: 0,
    }),
  /UNIQUE/);
  t.close();
});

test('coworking without a plan that covers it: the first visit is free, the next days are charged', async () => {
  const t = await testLedger('2026-04-01T08:00:00.000Z');
  const visits = new Visits(t.store, t.audit, t.now, (id) => t.ledger.coworking.onCheckIn(id));
  const trainer = t.memberId(demoNames.trainer);
  visits.checkIn(trainer, 'coworking');
  t.advance(1);
  visits.checkIn(trainer, 'coworking');
  t.advance(1);
  visits.checkIn(trainer, 'fablab');
  const days = listEntries(t.store.db, { memberId: trainer, limit: 10, offset: 0 }).entries.reverse();
  assert.deepEqual(
    days.map((d) => [d.kind, d.freeCents, d.amountCents]),
    [
      ['coworking_day', 1000, 0],
      ['coworking_day', 0, -1000],
    ],
  );
  assert.equal(days[0]!.lines[0]!.freeReason, 'first_visit');
  t.close();
});

test('an unlimited coworking plan covers every day, still one entry a day for the funders', async () => {
  const t = await testLedger('2026-04-01T08:00:00.000Z');
  const visits = new Visits(t.store, t.audit, t.now, (id) => t.ledger.coworking.onCheckIn(id));
  const camille = t.memberId(demoNames.manager);
  for (let i = 0; i < 3; i++) {
    visits.checkIn(camille, 'coworking');
    t.advance(1);
  }
  const days = listEntries(t.store.db, { memberId: camille, kind: 'coworking_day', limit: 10, offset: 0 }).entries;
  assert.equal(days.length, 3);
  assert.ok(days.every((d) => d.amountCents === 0 && d.quotaQuantity === 1));
  t.close();
});

test('a check-in whose day was not charged (a failed write) is charged at the next start, once', async () => {
  const t = await testLedger('2026-04-01T08:00:00.000Z');
  const visits = new Visits(t.store, t.audit, t.now);
  visits.checkIn(t.memberId(demoNames.karim), 'coworking');
  assert.equal(t.ledger.coworking.catchUp('2000-01-01T00:00:00.000Z'), 1);
  assert.equal(t.ledger.coworking.catchUp('2000-01-01T00:00:00.000Z'), 0);
  assert.equal(listEntries(t.store.db, { memberId: t.memberId(demoNames.karim), limit: 10, offset: 0 }).total, 1);
  t.close();
});
