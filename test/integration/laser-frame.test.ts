// Framing a prepared laser job on the Grbl simulator over a pty: the head runs around the job's outline
// with the beam off, and only for a member allowed on the laser while it is idle.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PreparedJob, StoredFile } from '../../electron/api/models';
import type { GrblSimulator } from '../peers/grbl/simulator';
import { plugGrbl, type PluggedMachine } from '../support/machines';
import { demo, screen, tempBackend, type TempBackend } from '../support/temp-backend';

let backend: TempBackend;
let laser: PluggedMachine<GrblSimulator>;

const svg = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" width="40mm" height="30mm" viewBox="0 0 40 30"><rect x="0" y="0" width="40" height="30" fill="none" stroke="#ff0000"/></svg>',
);

before(async () => {
  backend = await tempBackend({ machines: { checkpointMs: 50, liveEveryMs: 0 } });
  laser = await plugGrbl(backend, 'laser-co2', {});
});
after(async () => {
  await laser?.unplug();
  await backend.dispose();
});

async function prepared(who: { name: string; pin: string }) {
  const s = await screen(backend, who);
  const begin = await s.ok<{ uploadId: string }>('files.uploadBegin', { name: 'frame.svg', size: svg.length });
  await s.ok('files.uploadChunk', { uploadId: begin.uploadId, offset: 0, data: Buffer.from(svg).toString('base64') });
  const file = await s.ok<StoredFile>('files.uploadFinish', { uploadId: begin.uploadId });
  const job = await s.ok<PreparedJob>('laser.prepare', {
    fileId: file.id,
    machineId: 'laser-co2',
    materialId: 'plywood-3',
    operations: [{ colour: '#ff0000', operation: 'cut' }],
    placement: { xMm: 100, yMm: 50, widthMm: 40, heightMm: 30 },
  });
  return { s, job };
}

test('the frame goes round the job at its place on the bed, the beam off all the way', async () => {
  const { s, job } = await prepared(demo.member);
  const before = laser.sim.log.length;
  await s.ok('laser.frame', { machineId: 'laser-co2', fileId: job.gcode.id });
  const sent = laser.sim.log.slice(before);
  // Beam off: M5 before the first move, never M3/M4, no S above 0.
  assert.ok(sent.indexOf('M5') >= 0 && sent.indexOf('M5') < sent.findIndex((l) => /^G[01]/.test(l)), JSON.stringify(sent));
  assert.ok(!sent.some((l) => /M[34]|S[1-9]/.test(l)), JSON.stringify(sent));
  // The corners visited (X and Y are modal): the job's bounds.
  let x = NaN;
  let y = NaN;
  const corners = new Set<string>();
  for (const l of sent) {
    if (!/^G[01]/.test(l)) continue;
    x = Number(/X(-?[\d.]+)/.exec(l)?.[1] ?? x);
    y = Number(/Y(-?[\d.]+)/.exec(l)?.[1] ?? y);
    corners.add(`${x},${y}`);
  }
  const { min, max } = job.analysis.bounds;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  assert.deepEqual(
    [...corners].sort(),
    [`${r(min.x)},${r(min.y)}`, `${r(max.x)},${r(min.y)}`, `${r(max.x)},${r(max.y)}`, `${r(min.x)},${r(max.y)}`].sort(),
  );
});

test('a member whose laser certification expired may not frame', async () => {
  const { s, job } = await prepared(demo.karim);
  const r = await s.call('laser.frame', { machineId: 'laser-co2', fileId: job.gcode.id });
  assert.ok(!r.ok && r.error.code === 'not_certified', JSON.stringify(r));
});
