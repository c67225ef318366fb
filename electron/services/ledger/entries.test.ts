import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listEntries } from './entries';
import { demoNames, testLedger } from './ledger.testutil';
import { correctEntry } from './sources/corrections';
import { recordPayment } from './sources/payments';

test('the ledger is append-only: SQLite refuses any UPDATE or DELETE of an entry, the grid and the stock', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.lea, machine: 'ender-3', consumption: { machineTimeS: 600 } }));
  const id = t.store.db.prepare('SELECT id FROM ledger_entries LIMIT 1').pluck().get() as string;
  assert.throws(() => t.store.db.prepare('UPDATE ledger_entries SET amount_cents = 0 WHERE id = ?').run(id), /append-only/);
  assert.throws(() => t.store.db.prepare('DELETE FROM ledger_entries WHERE id = ?').run(id), /append-only/);
  assert.throws(() => t.store.writer.update('ledger_entries', id, { reason: 'x' }), /append-only/);
  assert.throws(() => t.store.db.prepare('UPDATE price_rules SET price_cents = 1').run(), /append-only/);
  assert.throws(() => t.store.db.prepare('DELETE FROM plan_terms').run(), /append-only/);
  assert.throws(() => t.store.db.prepare('DELETE FROM stock_movements').run(), /append-only/);
  assert.equal(t.store.db.prepare('SELECT COUNT(*) FROM ledger_entries').pluck().get(), 1);
  t.close();
});

test('every entry is in the outbox, with the kiosk id, in the same transaction', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.lea, machine: 'prusa-mk4', material: 'pla-175', consumption: { machineTimeS: 600, filamentG: 10 } }));
  const rows = t.store.db.prepare('SELECT id, kiosk_id FROM ledger_entries').all() as { id: string; kiosk_id: string }[];
  assert.equal(rows.length, 2);
  for (const r of rows) {
    assert.equal(r.kiosk_id, t.store.kioskId);
    const out = t.store.db.prepare("SELECT payload_json FROM outbox WHERE table_name = 'ledger_entries' AND row_id = ? AND op = 'insert'").pluck().get(r.id) as string;
    assert.equal((JSON.parse(out) as { id: string }).id, r.id);
  }
  const movement = t.store.db.prepare("SELECT COUNT(*) FROM outbox WHERE table_name = 'stock_movements' AND op = 'insert'").pluck().get() as number;
  assert.ok(movement >= 8, 'seeded stock and the job movement');
  t.close();
});

test('a correction is a new entry with the difference; the original stays; only an original is corrected', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const manager = t.caller(demoNames.manager);
  // Karim (job seeker, -50 %), past his first month, no machine minutes in his plan.
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.karim, machine: 'cnc-3040', consumption: { machineTimeS: 3600 } }));
  const original = listEntries(t.store.db, { memberId: t.memberId(demoNames.karim), limit: 10, offset: 0 }).entries[0]!;
  assert.equal(original.amountCents, -400, '1 h of the mill at 8 €/h, -50 %');
  const fixed = correctEntry(t.store, t.audit, { entryId: original.id, amountCents: -100, quantity: 900, reason: 'Test de réglage, 15 min réelles' }, manager, t.now());
  const c = fixed.entries[0]!;
  assert.equal(c.amountCents, 300);
  assert.equal(c.quantity, 900 - 3600);
  assert.equal(c.correctsId, original.id);
  assert.equal(c.source, 'correction');
  assert.equal(c.kind, 'machine_time');
  assert.equal(fixed.balanceCents, -100);
  // Cancel it altogether: the difference from the net so far.
  const cancel = correctEntry(t.store, t.audit, { entryId: original.id, amountCents: 0, reason: 'Offert : atelier de démonstration' }, manager, t.now());
  assert.equal(cancel.entries[0]!.amountCents, 100);
  assert.equal(t.balance(demoNames.karim), 0);
  const again = listEntries(t.store.db, { memberId: t.memberId(demoNames.karim), limit: 10, offset: 0 });
  const kept = again.entries.find((e) => e.id === original.id)!;
  assert.equal(kept.amountCents, -400, 'the original is untouched');
  assert.equal(kept.correctedBy.length, 2);
  assert.throws(() => correctEntry(t.store, t.audit, { entryId: c.id, amountCents: 0, reason: 'encore' }, manager, t.now()), /ledger_refused/);
  assert.throws(() => correctEntry(t.store, t.audit, { entryId: original.id, amountCents: 0, reason: 'rien' }, manager, t.now()), /ledger_refused/);
  assert.throws(() => correctEntry(t.store, t.audit, { entryId: original.id, amountCents: 500, reason: 'crédit ?' }, manager, t.now()), /ledger_refused/);
  const audit = t.store.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'ledger.correct' AND target = ?").pluck().get(original.id);
  assert.equal(audit, 2);
  t.close();
});

test('a payment brings the balance back to zero', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.trainer, machine: 'laser-co2', consumption: { machineTimeS: 1800 } }));
  // Yannick: entrepreneur, no discount; his plan's 60 min of the month cover the 30 min at 12 €/h.
  assert.equal(t.balance(demoNames.trainer), 0);
  t.ledger.jobs.charge(t.endedJob({ member: demoNames.trainer, machine: 'laser-co2', consumption: { machineTimeS: 3600 } }));
  // 30 min left in the plan, 30 min at 12 €/h = 600 to pay.
  assert.equal(t.balance(demoNames.trainer), -600);
  const paid = recordPayment(t.store, t.audit, { memberId: t.memberId(demoNames.trainer), amountCents: 600, method: 'card' }, t.caller(demoNames.manager), t.now());
  assert.equal(paid.balanceCents, 0);
  assert.equal(paid.entries[0]!.kind, 'payment');
  assert.equal(paid.entries[0]!.amountCents, 600);
  t.close();
});
