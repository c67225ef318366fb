// Node only: workers that run the analyzer's motion planner on a second core (planner-pipe.ts).
// A few are kept between analyses (a worker takes tens of milliseconds to start); when none can be
// had — every one busy, or the worker script missing from a build — the analysis plans on its own
// thread, as it always could: the result is the same either way.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Planner, type PlannerLike, type PlannerSettings } from './planner';
import { abortPipe, pipeBuffer, PipedPlanner } from './planner-pipe';

export type PlannerFactory = (settings: PlannerSettings) => PlannerLike;

/** Analyses planned on other threads at once; more wait for nobody and plan on their own thread. */
const MAX_WORKERS = 2;
/**
 * Inputs from which a waiting worker takes the planner (below, the analysis is over in a few
 * milliseconds either way), and from which a worker is started for it: starting one takes ~45 ms
 * from the bundle, which the second thread wins back from about 25 MB on (it saves about a quarter of
 * the time at 130 MB/s). A kiosk, which keeps its workers, pays that once; a command line each time.
 */
export const PLANNER_THREAD_MIN_BYTES = 4 << 20;
export const PLANNER_THREAD_START_MIN_BYTES = 32 << 20;

const idle: Worker[] = [];
/** Workers running or starting; a worker that failed or exited is forgotten once. */
const workers = new Set<Worker>();
let starting = 0;
let served = 0;
let unavailable = false;

/** Shared memory and a blocking wait are what the pipe is made of (a host may leave them out). */
function canRun(): boolean {
  return !unavailable && typeof SharedArrayBuffer === 'function' && typeof Atomics?.wait === 'function';
}

/** An analyzer dropped before its results frees its worker. */
const dropped = new FinalizationRegistry<SharedArrayBuffer>((buffer) => abortPipe(buffer));

/**
 * The worker's script: beside this file when running from the sources (tsx), the bundle built from
 * it beside the bundle that holds this code otherwise (dist-electron/), outside the asar archive of
 * a packaged app.
 */
function workerScript(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = import.meta.url.endsWith('.ts') ? join(here, 'planner-thread.ts') : join(here, 'gcode-planner.cjs');
  const unpacked = file.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  if (existsSync(unpacked)) return unpacked;
  return existsSync(file) ? file : null;
}

/**
 * From the sources, the worker must load TypeScript: Node 20 does not pass the `--import tsx` hooks
 * on to workers, so the worker registers tsx itself before it imports its script.
 */
function spawn(script: string): Worker {
  if (!script.endsWith('.ts')) return new Worker(script);
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(script).href)}); });`;
  return new Worker(code, { eval: true });
}

function startWorker(): Promise<Worker | null> {
  const script = workerScript();
  if (script === null) {
    unavailable = true;
    return Promise.resolve(null);
  }
  starting++;
  return new Promise((resolve) => {
    const w = spawn(script);
    const fail = (): void => {
      starting--;
      unavailable = true;
      resolve(null);
    };
    w.once('error', fail);
    w.once('message', (m) => {
      w.off('error', fail);
      if (m !== 'ready') return fail();
      starting--;
      workers.add(w);
      w.on('message', (msg) => msg === 'aborted' && idle.push(w));
      w.on('error', () => forget(w));
      w.on('exit', () => forget(w));
      // Last: adding a 'message' listener refs the worker's port again. An idle worker must not keep
      // the process alive.
      w.unref();
      resolve(w);
    });
  });
}

function forget(w: Worker): void {
  const i = idle.indexOf(w);
  if (i >= 0) idle.splice(i, 1);
  workers.delete(w);
}

/**
 * Start a planner worker ahead of the first analysis (a kiosk at startup), so that every analysis
 * from 4 MB on finds one waiting. False when none can run here.
 */
export async function preparePlannerThread(): Promise<boolean> {
  if (!canRun()) return false;
  if (workers.size > 0) return true;
  const w = await startWorker();
  if (w === null) return false;
  idle.push(w);
  return true;
}

/** How many planner workers run, how many of them wait for an analysis, and how many analyses they took. */
export function plannerWorkers(): { live: number; idle: number; served: number } {
  return { live: workers.size, idle: idle.length, served };
}

/**
 * A planner factory whose planner runs on a worker, for one analysis of `inputBytes`; null when no
 * worker can be had or the input is too small to gain from one. Its planner gives the same results
 * as `new Planner(settings)`. The worker is the analysis's from now on: hand the factory to
 * `createAnalyzer`, which calls it at once.
 */
export async function plannerThread(inputBytes = Infinity): Promise<PlannerFactory | null> {
  if (!canRun() || inputBytes < PLANNER_THREAD_MIN_BYTES) return null;
  const start = workers.size + starting < MAX_WORKERS && inputBytes >= PLANNER_THREAD_START_MIN_BYTES;
  const w = idle.pop() ?? (start ? await startWorker() : null);
  if (w === null) return null;
  let leased = false;
  return (settings) => {
    if (leased) return new Planner(settings);
    leased = true;
    served++;
    const buffer = pipeBuffer();
    const planner = new PipedPlanner(buffer, () => {
      dropped.unregister(planner);
      idle.push(w);
    });
    w.postMessage({ buffer, settings });
    dropped.register(planner, buffer, planner);
    return planner;
  };
}
