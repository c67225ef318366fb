// Jobs charged for what actually ran, across the real layers: the back end, the drivers through
// `serialport`, socat pseudo-terminals and the firmware simulators. A finished print, a laser job, a
// pulled cable and a killed kiosk each leave exactly one entry per kind, whatever recovery does after.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, test } from 'node:test';
import { createBackend, type Backend } from '../../electron/backend';
import { AuditLog } from '../../electron/services/audit';
import { Ledger } from '../../electron/services/ledger/ledger';
import type { JobConsumption, JobView, LedgerEntryView, LedgerPage, MemberProfile, StoredFile } from '../../electron/api/models';
import { fixture } from '../support/fixtures';
import { plugGrbl, plugMarlin } from '../support/machines';
import { printThenKill } from '../support/killed-kiosk';
import { demo, screen, tempBackend } from '../support/temp-backend';
import { waitFor } from '../support/wait';

const printPath = fixture('gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode');
const print = readFileSync(printPath);

// Each test unplugs and closes what it opened when it ends: a simulator left chatting to a kiosk while
// the next test runs only wastes the two cores.
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function upload(s: Awaited<ReturnType<typeof screen>>, name: string, bytes: Buffer): Promise<StoredFile> {
  const { uploadId } = await s.ok<{ uploadId: string }>('files.uploadBegin', { name, size: bytes.length });
  await s.ok('files.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') });
  return s.ok<StoredFile>('files.uploadFinish', { uploadId });
}

function jobEntries(backend: Backend, jobId: string): LedgerEntryView[] {
  return (backend.store.db.prepare('SELECT kind, quantity, unit, amount_cents AS amountCents, gross_cents AS grossCents, free_cents AS freeCents, discount_cents AS discountCents FROM ledger_entries WHERE job_id = ? ORDER BY kind').all(jobId) as unknown) as LedgerEntryView[];
}

/** Léa, a pupil (-50 % on machine time), past her first month and without a plan's minutes. */
function leaPastFirstMonth(backend: Backend): string {
  const id = backend.store.db.prepare("SELECT id FROM members WHERE display_name = 'Léa Dubois'").pluck().get() as string;
  backend.store.writer.update('members', id, { created_at: new Date(Date.now() - 60 * 86_400_000).toISOString(), plan_id: null });
  return id;
}

test('a print run to the end through the Marlin simulator: one machine-time entry and one filament entry, priced by hand', async () => {
  const backend = await tempBackend({ machines: { checkpointMs: 50, liveEveryMs: 0 } });
  cleanup.push(() => backend.dispose());
  const printer = await plugMarlin(backend, 'prusa-mk4', { speed: 200 });
  cleanup.unshift(() => printer.unplug());
  leaPastFirstMonth(backend);
  const lea = await screen(backend, demo.member);
  const file = await upload(lea, 'angle.gcode', print);
  const job = await lea.ok<JobView>('jobs.queue', { fileId: file.id, machineId: 'prusa-mk4', materialId: 'pla-175' });
  await lea.ok('jobs.start', { jobId: job.id });
  const state = () => backend.store.db.prepare('SELECT state FROM jobs WHERE id = ?').pluck().get(job.id);
  await waitFor(() => state() === 'completed', 120_000);
  const c = JSON.parse(backend.store.db.prepare('SELECT consumption_json FROM jobs WHERE id = ?').pluck().get(job.id) as string) as JobConsumption;
  assert.ok(c.filamentG > 0 && c.machineTimeS > 0);

  const entries = jobEntries(backend, job.id);
  assert.deepEqual(entries.map((e) => e.kind), ['machine_time', 'material']);
  // By hand: 3 €/h pro rata of whole seconds, half off for a pupil; PLA at 25 €/kg to the centigram.
  const seconds = Math.round(c.machineTimeS);
  const gross = Math.round((seconds * 300) / 3600);
  const timeCost = gross - Math.round(gross / 2);
  const grams = Math.round(c.filamentG * 100) / 100;
  const filamentCost = Math.round((grams * 2500) / 1000);
  const [time, filament] = entries;
  assert.deepEqual([time!.quantity, time!.unit, time!.grossCents, time!.discountCents, time!.amountCents], [seconds, 's', gross, Math.round(gross / 2), 0 - timeCost || 0]);
  assert.deepEqual([filament!.quantity, filament!.unit, filament!.amountCents], [grams, 'g', -filamentCost]);
  const me = await lea.ok<MemberProfile>('members.me');
  assert.equal(me.balanceCents, -(timeCost + filamentCost));
  const pla = backend.store.db.prepare("SELECT SUM(quantity) FROM stock_movements WHERE material_id = (SELECT id FROM materials WHERE code = 'pla-175')").pluck().get() as number;
  assert.ok(Math.abs(pla - (8000 - grams)) < 1e-6, `${pla}`);
});

test('a laser job: machine time and one sheet of plywood by default', async () => {
  const raster = Buffer.from(
    readFileSync(fixture('gcode/laser/t2laser-raster-snippet.nc'), 'latin1')
      .split('\n')
      .filter((l) => !l.startsWith('M6'))
      .join('\n'),
    'latin1',
  );
  const backend = await tempBackend({ machines: { checkpointMs: 50, liveEveryMs: 0 } });
  cleanup.push(() => backend.dispose());
  const laser = await plugGrbl(backend, 'laser-co2', {});
  cleanup.unshift(() => laser.unplug());
  leaPastFirstMonth(backend);
  const lea = await screen(backend, demo.member);
  const file = await upload(lea, 'raster.nc', raster);
  const job = await lea.ok<JobView>('jobs.queue', { fileId: file.id, machineId: 'laser-co2', materialId: 'plywood-3' });
  await lea.ok('jobs.start', { jobId: job.id });
  await waitFor(() => backend.store.db.prepare('SELECT state FROM jobs WHERE id = ?').pluck().get(job.id) === 'completed', 60_000);
  const entries = jobEntries(backend, job.id);
  assert.deepEqual(entries.map((e) => [e.kind, e.unit]), [['machine_time', 's'], ['material', 'sheet']]);
  assert.deepEqual([entries[1]!.quantity, entries[1]!.amountCents], [1, -450]);
  const seconds = entries[0]!.quantity;
  const gross = Math.round((seconds * 1200) / 3600);
  assert.equal(entries[0]!.amountCents, 0 - (gross - Math.round(gross / 2)) || 0);
  const page = await lea.ok<LedgerPage>('ledger.mine', {});
  assert.equal(page.total, 2);
});

test('a pulled cable mid-print: the interrupted job is charged once for what ran', async () => {
  const backend = await tempBackend({ machines: { checkpointMs: 50, liveEveryMs: 0 } });
  cleanup.push(() => backend.dispose());
  const printer = await plugMarlin(backend, 'prusa-mk4', { speed: 150 });
  leaPastFirstMonth(backend);
  const lea = await screen(backend, demo.member);
  const file = await upload(lea, 'angle.gcode', print);
  const job = await lea.ok<JobView>('jobs.queue', { fileId: file.id, machineId: 'prusa-mk4', materialId: 'pla-175' });
  await lea.ok('jobs.start', { jobId: job.id });
  const row = () => backend.store.db.prepare('SELECT state, acked_line, consumption_json FROM jobs WHERE id = ?').get(job.id) as { state: string; acked_line: number; consumption_json: string | null };
  await waitFor(() => row().acked_line > 2000, 60_000);
  await printer.unplug();
  await waitFor(() => row().state === 'interrupted', 10_000);
  const c = JSON.parse(row().consumption_json!) as JobConsumption;
  assert.ok(c.fraction > 0 && c.fraction < 1);
  const entries = jobEntries(backend, job.id);
  assert.deepEqual(entries.map((e) => e.kind), ['machine_time', 'material']);
  assert.equal(entries[1]!.quantity, Math.round(c.filamentG * 100) / 100);
  assert.equal(entries[1]!.amountCents, -Math.round((entries[1]!.quantity * 2500) / 1000));
  // The job's end replayed, and the start-up sweep run again: nothing more.
  const ledger = new Ledger({ store: backend.store, audit: new AuditLog(backend.store), now: () => new Date(), log: () => {} });
  assert.deepEqual(ledger.jobs.charge(job.id), []);
  assert.deepEqual(ledger.start(), { jobs: 0, days: 0 });
  assert.equal(backend.store.db.prepare('SELECT COUNT(*) FROM ledger_entries WHERE job_id = ?').pluck().get(job.id), 2);
});

test('a kiosk killed mid-print (SIGKILL): the restart charges what ran, once; a second restart adds nothing', async () => {
  const { dataDir, jobId, chargedAtKill } = await printThenKill(printPath, 2000, cleanup);
  assert.equal(chargedAtKill, 0, 'nothing charged while it ran');

  const open = () => createBackend({ dataDir, pollMs: 0, log: () => {}, machines: { checkpointMs: 50, liveEveryMs: 0 } });
  const first = await open();
  const job = first.store.db.prepare('SELECT state, consumption_json FROM jobs WHERE id = ?').get(jobId) as { state: string; consumption_json: string };
  assert.equal(job.state, 'interrupted');
  const c = JSON.parse(job.consumption_json) as JobConsumption;
  const charged = jobEntries(first, jobId);
  assert.deepEqual(charged.map((e) => e.kind), ['machine_time', 'material']);
  // The child's store is new: Léa is in her first month, so the machine time is free; the filament is not.
  assert.equal(charged[0]!.amountCents, 0);
  assert.equal(charged[0]!.freeCents, charged[0]!.grossCents);
  const grams = Math.round(c.filamentG * 100) / 100;
  assert.deepEqual([charged[1]!.quantity, charged[1]!.amountCents], [grams, -Math.round((grams * 2500) / 1000)]);
  const movements = () => first.store.db.prepare('SELECT COUNT(*) FROM stock_movements WHERE job_id = ?').pluck().get(jobId);
  assert.equal(movements(), 1);
  await first.close();

  // Recovery again (another restart): nothing more.
  const second = await open();
  assert.deepEqual(jobEntries(second, jobId), charged);
  assert.equal(second.store.db.prepare('SELECT COUNT(*) FROM stock_movements WHERE job_id = ?').pluck().get(jobId), 1);
  await second.close();
});
