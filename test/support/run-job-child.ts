// Child process for the kill test: a kiosk back end that connects the Prusa on a given port, and
// streams a print for the demo member until it is killed. Prints "started <jobId>" once running.
import { readFileSync } from 'node:fs';
import { createBackend } from '../../electron/backend';
import type { JobView, StoredFile } from '../../electron/api/models';

const [dataDir, portPath, file] = process.argv.slice(2) as [string, string, string];
const backend = await createBackend({ dataDir, pollMs: 0, log: () => {}, machines: { checkpointMs: 100 } });
const session = backend.openSession();
async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(session, name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const row = backend.store.db.prepare("SELECT id FROM machines WHERE code = 'prusa-mk4'").pluck().get() as string;
backend.store.writer.update('machines', row, { port_path: portPath });
await backend.hub.refresh();
await call('session.signIn', { name: 'Léa Dubois', pin: '1234' });
const bytes = readFileSync(file);
const { uploadId } = await call<{ uploadId: string }>('files.uploadBegin', { name: 'print.gcode', size: bytes.length });
await call('files.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') });
const stored = await call<StoredFile>('files.uploadFinish', { uploadId });
const job = await call<JobView>('jobs.queue', { fileId: stored.id, machineId: 'prusa-mk4', materialId: 'pla-175' });
await call('jobs.start', { jobId: job.id });
process.stdout.write(`started ${job.id}\n`);
