import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listEntries } from './entries';
import { demoNames, testLedger } from './ledger.testutil';
import { quoteJob } from './quote';
import { subscribe } from './sources/subscriptions';

test('a price change does not alter past entries; later charges use the new price; the machine row mirrors it', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const karim = t.memberId(demoNames.karim);
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.karim, machine: 'cnc-3040', consumption: { machineTimeS: 3600 } }));
  t.advance(0, 1);
  t.ledger.pricing.update({ kind: 'machine_time', machineId: 'cnc-3040', ratePerHourCents: 1000, reason: 'Nouvelle fraise' }, t.caller(demoNames.manager));
  assert.equal(t.store.db.prepare("SELECT rate_per_hour_cents FROM machines WHERE code = 'cnc-3040'").pluck().get(), 1000);
  t.advance(0, 1);
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.karim, machine: 'cnc-3040', consumption: { machineTimeS: 3600 } }));
  const entries = listEntries(t.store.db, { memberId: karim, limit: 10, offset: 0 }).entries.reverse();
  // 8 €/h then 10 €/h, both -50 % for a job seeker.
  assert.deepEqual(entries.map((e) => [e.priceCents, e.amountCents]), [[800, -400], [1000, -500]]);
  assert.notEqual(entries[0]!.priceRuleId, entries[1]!.priceRuleId);
  // Both versions are kept; the first one is still there, unchanged.
  const versions = t.store.db.prepare("SELECT price_cents FROM price_rules WHERE rule_key LIKE 'machine_time:%' AND machine_id = (SELECT id FROM machines WHERE code = 'cnc-3040') ORDER BY effective_from").pluck().all();
  assert.deepEqual(versions, [800, 1000]);
  const audited = t.store.db.prepare("SELECT details_json FROM audit_log WHERE action = 'pricing.update'").pluck().get() as string;
  assert.equal((JSON.parse(audited) as { before: { price_cents: number } }).before.price_cents, 800);
  t.close();
});

test('a change dated later waits for its date; a change dated in the past is refused', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const manager = t.caller(demoNames.manager);
  const grid = t.ledger.pricing.update({ kind: 'material', materialId: 'pla-175', priceCents: 2800, effectiveFrom: '2026-07-01T00:00:00.000Z' }, manager);
  assert.equal(grid.scheduled.length, 1);
  assert.equal(t.store.db.prepare("SELECT price_cents FROM materials WHERE code = 'pla-175'").pluck().get(), 2500);
  const q = () => quoteJob(t.store, t.memberId(demoNames.karim), { machineId: 'prusa-mk4', durationS: 0, materialId: 'pla-175', quantity: 100 }, t.now()).totalCents;
  assert.equal(q(), 250);
  t.advance(31);
  assert.equal(q(), 280);
  t.ledger.pricing.refreshMirrors(t.now());
  assert.equal(t.store.db.prepare("SELECT price_cents FROM materials WHERE code = 'pla-175'").pluck().get(), 2800);
  assert.throws(() => t.ledger.pricing.update({ kind: 'coworking_day', priceCents: 1, effectiveFrom: '2026-06-01T00:00:00.000Z' }, manager), /ledger_refused/);
  t.close();
});

test('first month free: machine time free, material charged; the rule can be switched off', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z', 10);
  const lea = t.memberId(demoNames.lea);
  t.store.writer.update('members', lea, { plan_id: null });
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.lea, machine: 'prusa-mk4', material: 'pla-175', consumption: { machineTimeS: 3600, filamentG: 40 } }));
  let entries = listEntries(t.store.db, { memberId: lea, limit: 10, offset: 0 }).entries;
  const time = entries.find((e) => e.kind === 'machine_time')!;
  assert.equal(time.grossCents, 300);
  assert.equal(time.freeCents, 300);
  assert.equal(time.amountCents, 0);
  assert.equal(time.lines[0]!.freeReason, 'first_month');
  // 40 g at 25 €/kg = 1 €, never free, never discounted (sold at cost).
  assert.equal(entries.find((e) => e.kind === 'material')!.amountCents, -100);
  // Joined 10 days ago: 21 days later, past the month, the hour costs 3 €, -50 % for a pupil.
  t.advance(21);
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.lea, machine: 'prusa-mk4', consumption: { machineTimeS: 3600 } }));
  entries = listEntries(t.store.db, { memberId: lea, kind: 'machine_time', limit: 10, offset: 0 }).entries;
  assert.equal(entries[0]!.amountCents, -150);
  // Switched off: a newcomer pays from the first day.
  const fresh = await testLedger('2026-06-01T09:00:00.000Z', 1);
  fresh.store.writer.update('members', fresh.memberId(demoNames.lea), { plan_id: null });
  fresh.ledger.pricing.update({ kind: 'first_month_free', active: false, months: 1 }, fresh.caller(demoNames.manager));
  fresh.advance(0, 1);
  fresh.ledger.jobs.charge(fresh.endedJob({ member: demoNames.lea, machine: 'prusa-mk4', consumption: { machineTimeS: 3600 } }));
  assert.equal(fresh.balance(demoNames.lea), -150);
  fresh.close();
  t.close();
});

test('category discount: -50 % on machine time for job seekers and pupils, none for an entrepreneur', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  for (const name of [demoNames.lea, demoNames.trainer, demoNames.karim]) t.store.writer.update('members', t.memberId(name), { plan_id: null });
  const quote = (name: string) => quoteJob(t.store, t.memberId(name), { machineId: 'laser-co2', durationS: 1800 }, t.now());
  // 30 min at 12 €/h = 600.
  assert.equal(quote(demoNames.trainer).totalCents, 600);
  assert.equal(quote(demoNames.lea).totalCents, 300);
  const k = quote(demoNames.karim);
  assert.equal(k.totalCents, 300);
  assert.equal(k.lines[0]!.discountPct, 50);
  assert.equal(k.lines[0]!.discountCents, 300);
  assert.ok(k.lines[0]!.discountRuleId);
  t.close();
});

test("a plan's machine minutes are spent month by month, then the rest is charged", async () => {
  const t = await testLedger('2026-06-10T09:00:00.000Z');
  const yannick = t.memberId(demoNames.trainer);
  // fablab-membership: 60 min a month. A 45-min print is covered.
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.trainer, machine: 'prusa-mk4', consumption: { machineTimeS: 2700 } }));
  const q = quoteJob(t.store, yannick, { machineId: 'prusa-mk4', durationS: 1800 }, t.now());
  assert.equal(q.machineQuotaLeftS, 900);
  assert.equal(q.lines[0]!.quotaQuantity, 900);
  assert.equal(q.totalCents, 75, '15 min of 30 covered, 15 min at 3 €/h');
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.trainer, machine: 'prusa-mk4', consumption: { machineTimeS: 1800 } }));
  assert.equal(t.balance(demoNames.trainer), -75);
  // Next month, the hour is there again.
  t.advance(25);
  assert.equal(quoteJob(t.store, yannick, { machineId: 'prusa-mk4', durationS: 1800 }, t.now()).totalCents, 0);
  t.close();
});

test('a subscription charges the plan once per period, less the category discount, and makes it the member\'s plan', async () => {
  const t = await testLedger('2026-05-20T09:00:00.000Z');
  const karim = t.caller(demoNames.karim);
  const s = subscribe(t.store, t.audit, { planId: 'fablab-membership' }, karim, t.now());
  assert.equal(s.periodStart, '2026-01-01');
  assert.equal(s.periodEnd, '2026-12-31');
  assert.equal(s.entry.amountCents, -1000, '20 € a year, -50 % for a job seeker');
  assert.equal(s.entry.kind, 'subscription');
  assert.equal(s.balanceCents, -1000);
  assert.equal(t.store.db.prepare('SELECT p.code FROM members m JOIN plans p ON p.id = m.plan_id WHERE m.id = ?').pluck().get(karim.memberId), 'fablab-membership');
  assert.throws(() => subscribe(t.store, t.audit, { planId: 'fablab-membership' }, karim, t.now()), /ledger_refused/);
  assert.throws(() => subscribe(t.store, t.audit, { planId: 'fablab-membership', memberId: t.memberId(demoNames.lea) }, karim, t.now()), /forbidden/);
  const q = subscribe(t.store, t.audit, { planId: 'coworking-20-days', memberId: t.memberId(demoNames.trainer) }, t.caller(demoNames.manager), t.now());
  assert.deepEqual([q.periodStart, q.periodEnd, q.entry.amountCents], ['2026-04-01', '2026-06-30', -10000]);
  t.close();
});
