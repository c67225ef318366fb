import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../api/errors';
import { listEntries } from './entries';
import { demoNames, testLedger } from './ledger.testutil';
import { declareJobMaterial } from './sources/job-material';
import { logManual } from './sources/manual';
import { requireProduct, stockLevel } from './stock';

test('a job is charged once per kind, however many times its end is replayed', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const job = t.endedJob({ member: demoNames.karim, machine: 'prusa-mk4', material: 'petg-175', state: 'interrupted', consumption: { machineTimeS: 1200.4, filamentG: 12.345, fraction: 0.4 } });
  assert.equal(t.ledger.jobs.charge(job).length, 2);
  assert.deepEqual(t.ledger.jobs.charge(job), []);
  t.ledger.jobs.onJobEnded(job);
  assert.equal(t.ledger.jobs.catchUp('2000-01-01T00:00:00.000Z'), 0);
  const entries = listEntries(t.store.db, { jobId: job, limit: 10, offset: 0 }).entries;
  // 1200 s at 3 €/h = 100, -50 % (job seeker) = 50; 12.35 g of PETG at 30 €/kg = 37.05 → 37.
  assert.deepEqual(entries.map((e) => [e.kind, e.quantity, e.unit, e.amountCents]).sort(), [
    ['machine_time', 1200, 's', -50],
    ['material', 12.35, 'g', -37],
  ]);
  assert.equal(stockLevel(t.store.db, requireProduct(t.store.db, 'petg-175')), 5000 - 12.35);
  assert.throws(
    () => t.store.writer.insert('ledger_entries', { occurred_at: t.now().toISOString(), day: '2026-06-01', kind: 'material', source: 'job', job_id: job, member_id: t.memberId(demoNames.karim), quantity: 1, unit: 'g', amount_cents: 0 }),
    /UNIQUE/,
  );
  t.close();
});

test('a job that never ran is not charged; a queued job is not charged', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const never = t.endedJob({ member: demoNames.lea, machine: 'laser-co2', material: 'plywood-3', state: 'cancelled', consumption: { machineTimeS: 0, linesRun: 0, fraction: 0 } });
  assert.deepEqual(t.ledger.jobs.charge(never), []);
  const queued = t.endedJob({ member: demoNames.lea, machine: 'laser-co2', state: 'queued', consumption: { machineTimeS: 100 } });
  assert.deepEqual(t.ledger.jobs.charge(queued), []);
  t.close();
});

test('laser sheets: one by default, what the maker declared, none for a job carrying on an interrupted one', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const lea = t.caller(demoNames.lea);
  const sheets = (job: string) => listEntries(t.store.db, { jobId: job, kind: 'material', limit: 5, offset: 0 }).entries.map((e) => [e.material?.code, e.quantity, e.amountCents]);
  const first = t.endedJob({ member: demoNames.lea, machine: 'laser-co2', material: 'plywood-3', state: 'interrupted', consumption: { machineTimeS: 300 } });
  t.ledger.jobs.charge(first);
  assert.deepEqual(sheets(first), [['plywood-3', 1, -450]]);
  const retry = t.endedJob({ member: demoNames.lea, machine: 'laser-co2', material: 'plywood-3', consumption: { machineTimeS: 600 }, resumes: first });
  t.ledger.jobs.charge(retry);
  assert.deepEqual(sheets(retry), []);
  const boxes = t.endedJob({ member: demoNames.lea, machine: 'laser-co2', material: 'plywood-3', state: 'running', consumption: { machineTimeS: 900 } });
  assert.deepEqual(declareJobMaterial(t.store, { jobId: boxes, materialId: 'acrylic-3', sheets: 2 }, lea), { jobId: boxes, materialId: 'acrylic-3', sheets: 2 });
  assert.throws(() => declareJobMaterial(t.store, { jobId: boxes, materialId: 'pla-175', sheets: 1 }, lea), /ledger_refused/);
  assert.throws(() => declareJobMaterial(t.store, { jobId: boxes, sheets: 1 }, t.caller(demoNames.karim)), /forbidden/);
  t.store.writer.update('jobs', boxes, { state: 'completed' });
  t.ledger.jobs.charge(boxes);
  assert.deepEqual(sheets(boxes), [['acrylic-3', 2, -3600]]);
  assert.throws(() => declareJobMaterial(t.store, { jobId: boxes, sheets: 3 }, lea), (e) => e instanceof DomainError && e.params?.reason === 'job_charged');
  assert.equal(stockLevel(t.store.db, requireProduct(t.store.db, 'acrylic-3')), 10);
  assert.equal(stockLevel(t.store.db, requireProduct(t.store.db, 'plywood-3')), 39);
  t.close();
});

test('manual log: the thermoformer by the maker, for someone else by a trainer only, driven machines by trainers only', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const lea = t.caller(demoNames.lea);
  const trainer = t.caller(demoNames.trainer);
  // 30 min of thermoformer at 4 €/h = 200, -50 % (pupil) = 100; its plan's 60 min cover it all.
  const own = logManual(t.store, t.audit, { machineId: 'thermoformer', minutes: 30, materialId: 'thermo-petg-05' }, lea, t.now());
  assert.deepEqual(own.entries.map((e) => [e.kind, e.quantity, e.quotaQuantity, e.amountCents]), [
    ['machine_time', 1800, 1800, 0],
    ['material', 1, 0, -250],
  ]);
  assert.equal(own.entries[0]!.source, 'manual');
  assert.equal(stockLevel(t.store.db, requireProduct(t.store.db, 'thermo-petg-05')), 49);
  const refused = (code: string) => (e: unknown) => e instanceof DomainError && e.code === code;
  assert.throws(() => logManual(t.store, t.audit, { machineId: 'embroidery', minutes: 20, memberId: t.memberId(demoNames.karim) }, lea, t.now()), refused('forbidden'));
  assert.throws(() => logManual(t.store, t.audit, { machineId: 'prusa-mk4', minutes: 20 }, lea, t.now()), refused('ledger_refused'));
  assert.throws(() => logManual(t.store, t.audit, { machineId: 'sewing', minutes: 0 }, lea, t.now()), refused('ledger_refused'));
  assert.throws(() => logManual(t.store, t.audit, { machineId: 'sewing', minutes: 10, occurredAt: '2026-05-30T10:00:00.000Z' }, lea, t.now()), refused('forbidden'));
  // A trainer records Karim's embroidery of yesterday (5 €/h, 60 min, -50 %), and an SD-card print.
  const forKarim = logManual(t.store, t.audit, { machineId: 'embroidery', minutes: 60, memberId: t.memberId(demoNames.karim), occurredAt: '2026-05-31T15:00:00.000Z', note: 'Casquettes' }, trainer, t.now());
  assert.equal(forKarim.entries[0]!.amountCents, -250);
  assert.equal(forKarim.entries[0]!.day, '2026-05-31');
  assert.equal(forKarim.entries[0]!.recordedBy, demoNames.trainer);
  assert.equal(logManual(t.store, t.audit, { machineId: 'prusa-mk4', minutes: 20, memberId: t.memberId(demoNames.karim) }, trainer, t.now()).entries.length, 1);
  assert.throws(() => logManual(t.store, t.audit, { machineId: 'sewing', minutes: 10, occurredAt: '2026-06-02T10:00:00.000Z' }, trainer, t.now()), refused('ledger_refused'));
  t.close();
});
