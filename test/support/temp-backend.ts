// A back end on a fresh temporary data folder, for tests that cross layers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend';

export interface TempBackend extends Backend {
  dataDir: string;
  /** Closes the back end and deletes its folder. */
  dispose(): Promise<void>;
}

export async function tempBackend(opts: Partial<BackendOptions> = {}): Promise<TempBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fabkiosk-test-'));
  const backend = await createBackend({ dataDir, pollMs: 0, log: () => {}, ...opts });
  return Object.assign(backend, {
    dataDir,
    async dispose() {
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export const demo = {
  manager: { name: 'Camille Martin', pin: '2468' },
  trainer: { name: 'Yannick Le Goff', pin: '1357' },
  member: { name: 'Léa Dubois', pin: '1234' },
};

export const repoRoot = join(import.meta.dirname, '..', '..');
