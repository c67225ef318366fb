// A laser job through the whole back end to the Grbl simulator over a pty: refused while the board is
// not in laser mode, then run to the end with the laser time it used measured for the ledger.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { JobView, MachineLive, StoredFile } from '../../electron/api/models';
import type { GrblSimulator } from '../peers/grbl/simulator';
import { fixture } from '../support/fixtures';
import { plugGrbl, type PluggedMachine } from '../support/machines';
import { demo, tempBackend, type TempBackend } from '../support/temp-backend';
import { waitFor } from '../support/wait';

// T2Laser's file starts with `M6 T1`, which Grbl refuses (the check says so): the maker's fixed copy.
const raster = Buffer.from(
  readFileSync(fixture('gcode/laser/t2laser-raster-snippet.nc'), 'latin1')
    .split('\n')
    .filter((l) => !l.startsWith('M6'))
    .join('\n'),
  'latin1',
);
let backend: TempBackend;
let laser: PluggedMachine<GrblSimulator>;
let call: <T>(name: string, input?: unknown) => Promise<{ ok: true; value: T } | { ok: false; error: { code: string; params?: Record<string, unknown> } }>;
let file: StoredFile;

before(async () => {
  backend = await tempBackend({ machines: { checkpointMs: 50, liveEveryMs: 0 } });
  const session = backend.openSession();
  call = (async (name: string, input: unknown = {}) => backend.dispatch(session, name, input)) as typeof call;
  assert.ok((await call('session.signIn', demo.member)).ok);
  const begin = await call<{ uploadId: string }>('files.uploadBegin', { name: 'raster.nc', size: raster.length });
  assert.ok(begin.ok);
  await call('files.uploadChunk', { uploadId: begin.value.uploadId, offset: 0, data: raster.toString('base64') });
  const done = await call<StoredFile>('files.uploadFinish', { uploadId: begin.value.uploadId });
  assert.ok(done.ok);
  file = done.value;
});
after(async () => {
  await laser?.unplug();
  await backend.dispose();
});

test('a board with laser mode off refuses the job at the start, and says why on the board', async () => {
  laser = await plugGrbl(backend, 'laser-co2', { settings: { 32: 0 } });
  const q = await call<JobView>('jobs.queue', { fileId: file.id, machineId: 'laser-co2', materialId: 'plywood-3' });
  assert.ok(q.ok, JSON.stringify(q));
  const start = await call('jobs.start', { jobId: q.value.id });
  assert.ok(!start.ok && start.error.code === 'machine_unavailable' && start.error.params?.reason === 'settings', JSON.stringify(start));
  const live = await call<MachineLive[]>('machines.live');
  assert.ok(live.ok);
  const board = live.value.find((m) => m.machineId === laser.machineId)!;
  assert.ok(board.messages.some((m) => m.code === 'grbl.settings_laser_mode_off'), JSON.stringify(board.messages));
  await call('jobs.cancel', { jobId: q.value.id });
  await laser.unplug();
});

test('in laser mode the engraving runs to the end; every line once, in order; laser time recorded', async () => {
  laser = await plugGrbl(backend, 'laser-co2', {});
  const q = await call<JobView>('jobs.queue', { fileId: file.id, machineId: 'laser-co2', materialId: 'plywood-3' });
  assert.ok(q.ok);
  assert.ok((await call('jobs.start', { jobId: q.value.id })).ok);
  const row = () => backend.store.db.prepare('SELECT state, consumption_json FROM jobs WHERE id = ?').get(q.value.id) as { state: string; consumption_json: string | null };
  await waitFor(() => row().state === 'completed', 30_000);
  const c = JSON.parse(row().consumption_json!) as { laserOnS: number; fraction: number };
  assert.equal(c.fraction, 1);
  assert.ok(c.laserOnS > 0);
  const lines = raster
    .toString('latin1')
    .split('\n')
    .map((l) => l.replace(/;.*$/, '').replace(/\([^)]*\)/g, '').trim())
    .filter(Boolean);
  const log = laser.sim.log.filter((l) => !l.startsWith('$'));
  assert.deepEqual(log.slice(-lines.length - 1, -1), lines);
});
