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
  /** Job seeker on the 20-days coworking plan; his laser certification has expired. */
  karim: { name: 'Karim Haddad', pin: '4321' },
};

type CallResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; params?: Record<string, string | number>; issues?: { field: string; rule: string }[] } };

/** A screen of its own on the back end, signed in as `who` if given. */
export async function screen(backend: Backend, who?: { name: string; pin: string }) {
  const session = backend.openSession();
  const call = async <T = unknown>(name: string, input: unknown = {}): Promise<CallResult<T>> =>
    (await backend.dispatch(session, name, input)) as CallResult<T>;
  /** The value of a call that must succeed; fails the test with the error otherwise. */
  const ok = async <T = unknown>(name: string, input: unknown = {}): Promise<T> => {
    const r = await call<T>(name, input);
    if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  if (who) await ok('session.signIn', who);
  return { session, call, ok };
}

export const repoRoot = join(import.meta.dirname, '..', '..');
