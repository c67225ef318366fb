// `fabkiosk serve`: the back end and the web host, on the loopback interface.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { join } from 'node:path';
import { preparePlannerThread } from '../../jobs/gcode/threads';
import { createBackend, type Backend } from '../backend';
import { startHost, type RunningHost } from '../host/server';
import { defaultDataDir, idleTimeoutFromEnv } from '../paths';

export class CliError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export interface Served {
  host: RunningHost;
  backend: Backend;
  dataDir: string;
  stop(): Promise<void>;
}

export async function serve(appRoot: string, port: number, env: NodeJS.ProcessEnv = process.env): Promise<Served> {
  const staticDir = join(appRoot, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) throw new CliError('noRenderer', { dir: staticDir });
  const dataDir = defaultDataDir(env);
  let backend: Backend;
  try {
    backend = await createBackend({ dataDir, idleTimeoutS: idleTimeoutFromEnv(env) });
  } catch (err) {
    if (err instanceof z.ZodError) throw new CliError('seedInvalid', { message: z.prettifyError(err) });
    throw err;
  }
  // A planner worker waits from the start: every G-code file from 4 MB on is analysed on two threads.
  void preparePlannerThread();
  let host: RunningHost;
  try {
    host = await startHost({ backend, staticDir, port });
  } catch (err) {
    await backend.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliError('portInUse', { port });
    throw err;
  }
  return {
    host,
    backend,
    dataDir,
    async stop() {
      await host.close();
      await backend.close();
    },
  };
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliError('badPort', { value });
  return n;
}
