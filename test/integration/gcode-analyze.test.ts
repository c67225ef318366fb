// A maker's file through the API: uploaded in chunks, stored once by its hash, checked against a machine.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { GcodeAnalysis, StoredFile } from '../../electron/api/types';
import { fixturesDir } from '../support/fixtures';
import { demo, tempBackend, type TempBackend } from '../support/temp-backend';
import { ipcTransport, webTransport, type TestClient, type TestTransport } from '../support/transports';

const fixtures = fixturesDir;
const prusa = readFileSync(join(fixtures, 'gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode'));
const laser = readFileSync(join(fixtures, 'gcode/laser/t2laser-raster-snippet.nc'));

async function upload(c: TestClient, name: string, bytes: Buffer): Promise<StoredFile> {
  const begin = await c.call('files.uploadBegin', { name, size: bytes.length });
  assert.ok(begin.ok, JSON.stringify(begin));
  const { uploadId, chunkBytes } = begin.value as { uploadId: string; chunkBytes: number };
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const data = bytes.subarray(offset, offset + chunkBytes).toString('base64');
    const r = await c.call('files.uploadChunk', { uploadId, offset, data });
    assert.ok(r.ok, JSON.stringify(r));
  }
  const done = await c.call('files.uploadFinish', { uploadId });
  assert.ok(done.ok, JSON.stringify(done));
  return done.value as StoredFile;
}

for (const make of [ipcTransport, webTransport]) {
  describe(`G-code upload and analysis over ${make === ipcTransport ? 'Electron IPC' : 'the web host'}`, () => {
    let backend: TempBackend;
    let transport: TestTransport;
    let c: TestClient;
    before(async () => {
      backend = await tempBackend({ maxUploadBytes: 2 * 1024 * 1024 });
      transport = await make(backend);
      c = await transport.connect();
      assert.ok((await c.call('session.signIn', demo.member)).ok);
    });
    after(async () => {
      await c.close();
      await transport.close();
      backend.dispose();
    });

    test('a visitor may not upload', async () => {
      const anon = await transport.connect();
      const r = await anon.call('files.uploadBegin', { name: 'a.gcode', size: 10 });
      assert.ok(!r.ok && r.error.code === 'unauthenticated');
      await anon.close();
    });

    test('a PrusaSlicer print is stored by its sha256 and checked against the Prusa MK4 with PLA', async () => {
      const file = await upload(c, 'changing_angle.gcode', prusa);
      assert.equal(file.sha256, createHash('sha256').update(prusa).digest('hex'));
      assert.equal(file.kind, 'gcode');
      assert.ok(existsSync(join(backend.dataDir, 'files', file.sha256.slice(0, 2), file.sha256)));
      const r = await c.call('gcode.analyze', { fileId: file.id, machineId: 'prusa-mk4', materialId: 'pla-175' });
      assert.ok(r.ok, JSON.stringify(r));
      const a = r.value as GcodeAnalysis;
      assert.equal(a.layers, 75);
      // The footer says 509.48 mm; the start G-code sets `M221 S95` after its intro line, so the printer
      // really pushes a little over 95 % of that, which is what the member is charged for.
      assert.equal(a.slicer.filamentMm, 509.48);
      assert.ok(a.filamentMm > 509.48 * 0.95 && a.filamentMm < 509.48 * 0.955, `filament ${a.filamentMm}`);
      assert.ok(Math.abs(a.durationS - 771) / 771 < 0.1, `duration ${a.durationS}`);
      assert.deepEqual(a.findings.filter((f) => f.severity === 'error'), []);
      assert.ok(c.events.some((e) => e.type === 'analysis.progress' && e.fileId === file.id));
      // The same bytes under another name are the same stored file.
      const again = await upload(c, 'copie.gcode', prusa);
      assert.equal(again.id, file.id);
    });

    test('a laser file sent to a printer is refused with the reason', async () => {
      const file = await upload(c, 'raster.nc', laser);
      const r = await c.call('gcode.analyze', { fileId: file.id, machineId: 'prusa-mk4' });
      assert.ok(r.ok);
      const errors = (r.value as GcodeAnalysis).findings.filter((f) => f.severity === 'error').map((f) => f.code);
      assert.ok(errors.includes('laser_on_printer'), errors.join());
    });

    test('bad uploads get clear errors and leave nothing behind', async () => {
      const stl = await c.call('files.uploadBegin', { name: 'piece.exe', size: 10 });
      assert.ok(!stl.ok && stl.error.code === 'unsupported_file');
      const big = await c.call('files.uploadBegin', { name: 'big.gcode', size: 3 * 1024 * 1024 });
      assert.ok(!big.ok && big.error.code === 'file_too_large');
      const path = await c.call('files.uploadBegin', { name: '../../etc/passwd.gcode', size: 10 });
      assert.ok(!path.ok && path.error.code === 'invalid_input' && path.error.params?.field === 'name');
      const begin = await c.call('files.uploadBegin', { name: 'x.gcode', size: 8 });
      assert.ok(begin.ok);
      const { uploadId } = begin.value as { uploadId: string };
      const skip = await c.call('files.uploadChunk', { uploadId, offset: 4, data: Buffer.from('G1 X').toString('base64') });
      assert.ok(!skip.ok && skip.error.code === 'conflict');
      const notB64 = await c.call('files.uploadChunk', { uploadId, offset: 0, data: '!!!' });
      assert.ok(!notB64.ok && notB64.error.params?.field === 'data');
      const early = await c.call('files.uploadFinish', { uploadId });
      assert.ok(!early.ok && early.error.code === 'conflict');
      assert.ok((await c.call('files.uploadAbort', { uploadId })).ok);
      assert.deepEqual(readdirSync(join(backend.dataDir, 'files', '.uploads')), []);
      const unknown = await c.call('gcode.analyze', { fileId: 'nope', machineId: 'prusa-mk4' });
      assert.ok(!unknown.ok && unknown.error.code === 'not_found');
    });

    test('another screen cannot touch an upload it did not begin', async () => {
      const begin = await c.call('files.uploadBegin', { name: 'mine.gcode', size: 4 });
      const { uploadId } = (begin as { value: { uploadId: string } }).value;
      const other = await transport.connect();
      assert.ok((await other.call('session.signIn', demo.manager)).ok);
      const r = await other.call('files.uploadChunk', { uploadId, offset: 0, data: Buffer.from('G28\n').toString('base64') });
      assert.ok(!r.ok && r.error.code === 'not_found');
      await other.close();
      await c.call('files.uploadAbort', { uploadId });
    });
  });
}
