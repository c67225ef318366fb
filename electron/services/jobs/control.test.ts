// The job procedures through the dispatcher, with a driver that has no firmware behind it: who may
// queue, start, pause and stop; what an unplugged cable and a killed kiosk leave behind.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FakeDriver } from '../../../jobs/machines/fake-driver.testutil';
import type { Link } from '../../../jobs/machines';
import type { JobView, MachineLive, StoredFile } from '../../api/models';
import { fixturesDir } from '../../../test/support/fixtures';
import { demo, tempBackend, type TempBackend } from '../../../test/support/temp-backend';
import { waitFor } from '../../../test/support/wait';
import type { MachineAccess } from './access';

const print = readFileSync(join(fixturesDir, 'gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode'));
const laser = readFileSync(join(fixturesDir, 'gcode/laser/t2laser-raster-snippet.nc'));

const nullLink: Link = { isOpen: true, write: async () => {}, onData: () => {}, onClose: () => {}, close: async () => {} };

describe('jobs on a connected printer', () => {
  let b: TempBackend;
  const drivers: FakeDriver[] = [];
  let refused = false;
  const access: MachineAccess = { check: () => (refused ? { ok: false, code: 'not_certified', params: { module: 'fdm' } } : { ok: true }) };
  const sessions: Record<string, string> = {};
  const call = async <T>(who: string, name: string, input: unknown = {}) => {
    const r = await b.dispatch(sessions[who]!, name, input);
    return r as { ok: true; value: T } | { ok: false; error: { code: string; params?: Record<string, unknown> } };
  };
  const ok = async <T>(who: string, name: string, input: unknown = {}): Promise<T> => {
    const r = await call<T>(who, name, input);
    assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
    return r.value;
  };
  let file: StoredFile;
  let machineId: string;

  before(async () => {
    b = await tempBackend({
      machines: {
        openLink: async () => nullLink,
        // Only the Prusa is plugged in.
        portExists: (p) => p === '/dev/ttyACM0',
        listPorts: async () => ({ ports: [], error: null }),
        driverFactory: () => {
          const d = new FakeDriver();
          drivers.push(d);
          return d;
        },
        access,
        checkpointMs: 20,
        liveEveryMs: 0,
      },
    });
    for (const [who, cred] of Object.entries({ member: demo.member, trainer: demo.trainer, other: { name: 'Karim Haddad', pin: '4321' } })) {
      sessions[who] = b.openSession();
      await ok(who, 'session.signIn', cred);
    }
    sessions.visitor = b.openSession();
    await b.hub.refresh();
    machineId = (b.store.db.prepare("SELECT id FROM machines WHERE code = 'prusa-mk4'").pluck().get() as string);
    const begin = await ok<{ uploadId: string }>('member', 'files.uploadBegin', { name: 'angle.gcode', size: print.length });
    for (let o = 0; o < print.length; o += 500_000) await ok('member', 'files.uploadChunk', { uploadId: begin.uploadId, offset: o, data: print.subarray(o, o + 500_000).toString('base64') });
    file = await ok<StoredFile>('member', 'files.uploadFinish', { uploadId: begin.uploadId });
  });
  after(() => b.dispose());

  const printer = () => drivers.at(-1)!;
  const job = (id: string) => b.store.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Record<string, unknown>;

  test('the board shows the printer idle once its firmware answered', async () => {
    const live = await ok<MachineLive[]>('visitor', 'machines.live');
    const p = live.find((m) => m.machineId === machineId)!;
    assert.equal(p.status, 'idle');
  });

  test('a visitor cannot queue; a laser file is refused for the printer with the finding that says why', async () => {
    const r = await call('visitor', 'jobs.queue', { fileId: file.id, machineId });
    assert.ok(!r.ok && r.error.code === 'unauthenticated');
    const begin = await ok<{ uploadId: string }>('member', 'files.uploadBegin', { name: 'laser.nc', size: laser.length });
    await ok('member', 'files.uploadChunk', { uploadId: begin.uploadId, offset: 0, data: laser.toString('base64') });
    const lf = await ok<StoredFile>('member', 'files.uploadFinish', { uploadId: begin.uploadId });
    const refusedJob = await call('member', 'jobs.queue', { fileId: lf.id, machineId });
    assert.ok(!refusedJob.ok && refusedJob.error.code === 'job_refused', JSON.stringify(refusedJob));
    assert.equal(b.store.db.prepare('SELECT count(*) FROM jobs').pluck().get(), 0);
  });

  test('a member without the certification is refused, in the back end', async () => {
    refused = true;
    const r = await call('member', 'jobs.queue', { fileId: file.id, machineId, materialId: 'pla-175' });
    refused = false;
    assert.ok(!r.ok && r.error.code === 'not_certified');
  });

  test('queue, start at the machine, run to the end: every line acknowledged, consumption of what ran recorded', async () => {
    const queued = await ok<JobView>('member', 'jobs.queue', { fileId: file.id, machineId, materialId: 'pla-175' });
    assert.equal(queued.state, 'queued');
    assert.ok(queued.estimateS > 0 && queued.linesTotal > 1000);
    const other = await call('other', 'jobs.start', { jobId: queued.id });
    assert.ok(!other.ok && other.error.code === 'forbidden', JSON.stringify(other));
    await ok('member', 'jobs.start', { jobId: queued.id });
    await waitFor(() => job(queued.id).state === 'completed', 20_000);
    const done = (await ok<JobView[]>('member', 'jobs.list', { mine: true })).find((j) => j.id === queued.id)!;
    assert.equal(done.fraction, 1);
    assert.ok(done.consumption);
    // The same engine measured the whole file and what ran: they agree.
    assert.ok(Math.abs(done.consumption.filamentMm - JSON.parse(job(queued.id).plan_json as string).filamentMm) < 1);
    assert.ok(done.consumption.filamentG > 0);
    assert.equal(printer().received.at(-1), 'M400');
  });

  test('pause, resume by its maker; a stranger cannot; a trainer may stop it', async () => {
    printer().ackDelayMs = 2;
    const q = await ok<JobView>('member', 'jobs.queue', { fileId: file.id, machineId, materialId: 'pla-175' });
    await ok('member', 'jobs.start', { jobId: q.id });
    await waitFor(() => (job(q.id).acked_line as number) > 50, 5000);
    const stranger = await call('other', 'jobs.pause', { jobId: q.id });
    assert.ok(!stranger.ok && stranger.error.code === 'forbidden');
    assert.equal((await ok<JobView>('member', 'jobs.pause', { jobId: q.id })).state, 'paused');
    const at = job(q.id).acked_line as number;
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(job(q.id).acked_line, at, 'nothing runs while paused');
    await ok('member', 'jobs.resume', { jobId: q.id });
    printer().ackDelayMs = 0;
    await waitFor(() => (job(q.id).acked_line as number) > 1000, 5000);
    await ok('trainer', 'jobs.cancel', { jobId: q.id });
    await waitFor(() => job(q.id).state === 'cancelled', 5000);
    assert.ok(JSON.parse(job(q.id).consumption_json as string).filamentMm > 0);
  });

  test('progress and ETA follow planned time: at layer 3 of 75 the board says a few percent, not the 45 % of the bytes', async () => {
    printer().ackDelayMs = 1;
    const q = await ok<JobView>('member', 'jobs.queue', { fileId: file.id, machineId, materialId: 'pla-175' });
    await ok('member', 'jobs.start', { jobId: q.id });
    await waitFor(() => (job(q.id).layer as number) >= 3, 10_000);
    await ok('member', 'jobs.pause', { jobId: q.id });
    const row = job(q.id);
    const view = (await ok<JobView[]>('member', 'jobs.list', { mine: true })).find((j) => j.id === q.id)!;
    assert.ok((row.acked_byte as number) / print.length > 0.4, 'the bytes say almost half');
    assert.ok(view.fraction > 0 && view.fraction < 0.1, `fraction ${view.fraction}`);
    assert.ok(view.etaS !== null && view.etaS > 0.9 * view.estimateS, `eta ${view.etaS} of ${view.estimateS}`);
    printer().ackDelayMs = 0;
    await ok('member', 'jobs.cancel', { jobId: q.id });
    await waitFor(() => job(q.id).state === 'cancelled', 5000);
  });

  test('a pulled cable leaves the job interrupted at its last acknowledged line; the print goes on from there', async () => {
    const q = await ok<JobView>('member', 'jobs.queue', { fileId: file.id, machineId, materialId: 'pla-175' });
    const ackedBefore = printer().ackedTags.length;
    await ok('member', 'jobs.start', { jobId: q.id });
    await waitFor(() => (job(q.id).acked_line as number) > 1500, 10_000);
    const d = printer();
    d.unplug();
    await waitFor(() => job(q.id).state === 'interrupted', 5000);
    const row = job(q.id);
    assert.equal(row.end_reason, 'link_lost');
    // The durable line is the last one the firmware acknowledged: not one more, not one less.
    assert.equal(row.acked_line, Math.max(...d.ackedTags.slice(ackedBefore)));
    const view = (await ok<JobView[]>('member', 'jobs.list', { mine: true })).find((j) => j.id === q.id)!;
    assert.ok(view.resumable);
    assert.ok(view.consumption && view.consumption.fraction > 0 && view.consumption.fraction < 1);
    const live = (await ok<MachineLive[]>('visitor', 'machines.live')).find((m) => m.machineId === machineId)!;
    assert.equal(live.status, 'offline');

    await b.hub.refresh();
    const retry = await ok<JobView>('member', 'jobs.retry', { jobId: q.id, from: 'interruption' });
    assert.equal(retry.fromLine, (row.acked_line as number) + 1);
    await ok('member', 'jobs.start', { jobId: retry.id });
    await waitFor(() => job(retry.id).state === 'completed', 20_000);
    const sent = printer().received;
    assert.ok(sent.includes('G28 X Y') && !sent.includes('G28'), 'homes X and Y only over the print');
    // Both attempts together used the whole file's filament, give or take the line in flight.
    const first = JSON.parse(row.consumption_json as string).filamentMm;
    const second = JSON.parse(job(retry.id).consumption_json as string).filamentMm;
    const whole = JSON.parse(row.plan_json as string).filamentMm;
    assert.ok(Math.abs(first + second - whole) < 1, `${first} + ${second} vs ${whole}`);
  });

  test('anyone, even a visitor, can hit the emergency stop', async () => {
    const q = await ok<JobView>('member', 'jobs.queue', { fileId: file.id, machineId });
    await ok('member', 'jobs.start', { jobId: q.id });
    await ok('visitor', 'machines.emergencyStop', { machineId });
    await waitFor(() => job(q.id).state === 'cancelled', 5000);
    assert.equal(job(q.id).end_reason, 'emergency_stop');
    assert.ok(printer().calls.includes('estop'));
  });

  test('jogging is for trainers', async () => {
    const r = await call('member', 'machines.jog', { machineId, x: 10, feedMmMin: 3000 });
    assert.ok(!r.ok && r.error.code === 'forbidden');
    assert.ok((await call('trainer', 'machines.jog', { machineId, x: 10, feedMmMin: 3000 })).ok);
  });
});
