// What a pulled cable and a killed kiosk leave behind, across the real layers: the back end, the
// Marlin driver through `serialport`, a socat pseudo-terminal, and the firmware simulator on the other
// end. The job must stop at a known line, with what ran measured for the ledger, and go on from there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { createBackend } from '../../electron/backend';
import type { JobView, StoredFile } from '../../electron/api/models';
import { fixture } from '../support/fixtures';
import { plugMarlin, waitForStatus } from '../support/machines';
import { printThenKill } from '../support/killed-kiosk';
import { demo, tempBackend } from '../support/temp-backend';
import { waitFor } from '../support/wait';

const printPath = fixture('gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode');
const print = readFileSync(printPath);
/** The file's sendable lines by number, as the firmware should receive them. */
const fileLines = new Map(
  print
    .toString('latin1')
    .split('\n')
    .map((l, i) => [i + 1, l.replace(/;.*$/, '').trim()] as const)
    .filter(([, l]) => l.length > 0),
);

async function as(backend: Awaited<ReturnType<typeof tempBackend>>, who: { name: string; pin: string }) {
  const session = backend.openSession();
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = await backend.dispatch(session, name, input);
    assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
    return r.value as T;
  };
  await call('session.signIn', who);
  return call;
}

const cleanup: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const c of cleanup.reverse()) await c();
});

test('a pulled cable mid-print: interrupted at the last acknowledged line, every line before it received once and in order', async () => {
  const backend = await tempBackend({ machines: { checkpointMs: 50, liveEveryMs: 0 } });
  cleanup.push(() => backend.dispose());
  const printer = await plugMarlin(backend, 'prusa-mk4', { speed: 150 });
  const call = await as(backend, demo.member);
  const { uploadId } = await call<{ uploadId: string }>('files.uploadBegin', { name: 'angle.gcode', size: print.length });
  await call('files.uploadChunk', { uploadId, offset: 0, data: print.toString('base64') });
  const file = await call<StoredFile>('files.uploadFinish', { uploadId });
  const job = await call<JobView>('jobs.queue', { fileId: file.id, machineId: 'prusa-mk4', materialId: 'pla-175' });
  await call('jobs.start', { jobId: job.id });
  const row = () => backend.store.db.prepare('SELECT * FROM jobs WHERE id = ?').get(job.id) as { state: string; acked_line: number; end_reason: string; consumption_json: string };
  // Past the header (thumbnails) and the start G-code: into the print itself.
  await waitFor(() => row().acked_line > 2000, 60_000);
  await printer.unplug();
  await waitFor(() => row().state === 'interrupted', 10_000);
  await waitForStatus(backend, printer.machineId, ['offline'], 5000);

  const r = row();
  assert.equal(r.end_reason, 'link_lost');
  // What the firmware took in, job lines only (the driver's own M110/M115/M105 are not numbered job lines).
  const jobLines = [...fileLines.values()];
  const received = printer.sim.accepted.filter((l) => !/^M(110|115|105|155)\b/.test(l));
  const start = received.indexOf(jobLines[0]!);
  const got = received.slice(start);
  // In order and once: the firmware's log is exactly a prefix of the file.
  assert.deepEqual(got, jobLines.slice(0, got.length));
  // The durable line is no further than what the firmware took, and at most a few lines behind it.
  const ackedIndex = [...fileLines.keys()].indexOf(r.acked_line);
  assert.ok(ackedIndex + 1 <= got.length, `acked index ${ackedIndex}, received ${got.length}`);
  assert.ok(got.length - (ackedIndex + 1) <= 8, `${got.length - ackedIndex - 1} lines in flight`);
  const consumption = JSON.parse(r.consumption_json) as { filamentMm: number; fraction: number; linesRun: number };
  assert.ok(consumption.fraction > 0 && consumption.fraction < 1);
  assert.ok(consumption.filamentMm > 0);
});

test('a kiosk killed mid-print (SIGKILL): on restart the job is interrupted at its durable line, measured, and resumes over the part', async () => {
  const { dataDir, jobId, lastSeen, acceptedAtKill, board } = await printThenKill(printPath, 2000, cleanup);

  const backend = await createBackend({ dataDir, pollMs: 0, log: () => {}, machines: { checkpointMs: 50, liveEveryMs: 0 } });
  cleanup.push(() => backend.close());
  const call = await as(backend as Awaited<ReturnType<typeof tempBackend>>, demo.member);
  const jobs = await call<JobView[]>('jobs.list', { mine: true });
  const j = jobs.find((x) => x.id === jobId)!;
  assert.equal(j.state, 'interrupted');
  assert.equal(j.endReason, 'kiosk_stopped');
  assert.ok(j.ackedLine >= lastSeen, `durable ${j.ackedLine} < seen ${lastSeen}`);
  assert.ok(j.consumption && j.consumption.filamentMm > 0 && j.consumption.fraction < 1);
  assert.ok(j.resumable);

  // The same printer, found again; the print goes on from the line after the durable one.
  await backend.hub.refresh();
  await waitForStatus(backend, j.machineId, ['idle'], 10_000);
  const retry = await call<JobView>('jobs.retry', { jobId, from: 'interruption' });
  assert.equal(retry.fromLine, j.ackedLine + 1);
  await call('jobs.start', { jobId: retry.id });
  await waitFor(() => board.sim.accepted.length > acceptedAtKill + 30, 20_000);
  const resumed = board.sim.accepted.slice(acceptedAtKill);
  // Re-heat before anything moves, home X/Y only, then the file from the resume line.
  const heat = resumed.findIndex((l) => l.startsWith('M109'));
  const home = resumed.indexOf('G28 X Y');
  assert.ok(heat >= 0 && home > heat, resumed.slice(0, 20).join(' | '));
  assert.ok(!resumed.includes('G28'), 'never homes Z over the print');
  const firstFileLine = [...fileLines.entries()].find(([n]) => n > j.ackedLine)![1];
  assert.ok(resumed.includes(firstFileLine));
  await call('jobs.cancel', { jobId: retry.id });
});
