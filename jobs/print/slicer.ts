// PrusaSlicer's command line as a child process: found (or `slicer_missing`), run with a timeout and
// an AbortSignal, its "NN => Stage" lines turned into progress, its failures into error codes.

import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { PrintError } from './errors';

export const DEFAULT_SLICER = 'prusa-slicer';
export const DEFAULT_SLICE_TIMEOUT_MS = 10 * 60_000;
/** After SIGTERM, how long the slicer has to go before SIGKILL. */
const KILL_GRACE_MS = 2_000;
/** What is kept of its output for error messages: the last lines, each cut short. */
const LOG_LINES = 200;
const LOG_LINE_CHARS = 500;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The slicer's path: the one given (absolute, or a name looked up on PATH), else `prusa-slicer` on
 * PATH, else /usr/bin/prusa-slicer (Debian's package). `slicer_missing` names what was looked for.
 */
export function findSlicer(given?: string, pathEnv: string = process.env.PATH ?? ''): string {
  const name = given ?? DEFAULT_SLICER;
  if (isAbsolute(name) || name.includes('/')) {
    if (executable(name)) return name;
    throw new PrintError('slicer_missing', { path: name });
  }
  for (const dir of pathEnv.split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  if (!given && executable('/usr/bin/prusa-slicer')) return '/usr/bin/prusa-slicer';
  throw new PrintError('slicer_missing', { path: name });
}

/**
 * PrusaSlicer writes its progress to stdout through C stdio, which a pipe makes block-buffered: every
 * line would arrive at the end. coreutils' `stdbuf -oL` (exec'd in place: same process, same pid)
 * makes them line-buffered, so progress is live. Without stdbuf the slicing still works, with the
 * progress all at the end.
 */
export function lineBuffered(slicer: string, args: string[], pathEnv: string = process.env.PATH ?? ''): { command: string; args: string[] } {
  for (const dir of [...pathEnv.split(delimiter), '/usr/bin', '/bin']) {
    if (dir && executable(join(dir, 'stdbuf'))) return { command: join(dir, 'stdbuf'), args: ['-oL', '-eL', slicer, ...args] };
  }
  return { command: slicer, args };
}

export interface ProgressLine {
  percent: number;
  stage: string;
}

/** "70 => Infilling layers" → { percent: 70, stage: "Infilling layers" }. */
export function parseProgressLine(line: string): ProgressLine | null {
  const m = /^\s*(\d{1,3}) => (.+?)\s*$/.exec(line);
  if (!m) return null;
  const percent = Number(m[1]);
  return percent <= 100 ? { percent, stage: m[2]! } : null;
}

export interface RunSlicerOptions {
  slicer: string;
  args: string[];
  cwd?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Each progress line, in the order printed (PrusaSlicer's stages run in parallel: not monotonic). */
  onProgress?: (p: ProgressLine) => void;
}

export interface RunSlicerResult {
  elapsedMs: number;
  /** The last lines it printed (stdout and stderr, in arrival order). */
  log: string[];
}

/** Runs the slicer to the end; rejects with a PrintError (timeout, cancelled, crashed, failed…). */
export function runSlicer(opts: RunSlicerOptions): Promise<RunSlicerResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_SLICE_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new PrintError('slicer_cancelled'));
    const started = performance.now();
    const log: string[] = [];
    const cmd = lineBuffered(opts.slicer, opts.args);
    const child = spawn(cmd.command, cmd.args, {
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // No display needed; a stable locale keeps its messages in English and its numbers with dots.
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    let stopped: 'timeout' | 'cancelled' | null = null;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (why: 'timeout' | 'cancelled'): void => {
      if (stopped || child.exitCode !== null || child.signalCode !== null) return;
      stopped = why;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    const onAbort = (): void => stop('cancelled');
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const lines = (stream: NodeJS.ReadableStream): void => {
      let carry = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (carry + chunk).split(/\r?\n|\r/);
        carry = parts.pop() ?? '';
        if (carry.length > 64 * 1024) carry = carry.slice(-LOG_LINE_CHARS);
        for (const l of parts) take(l);
      });
      stream.on('end', () => {
        if (carry) take(carry);
      });
    };
    const take = (line: string): void => {
      if (!line.trim()) return;
      const p = parseProgressLine(line);
      if (p && opts.onProgress) {
        try {
          opts.onProgress(p);
        } catch {
          // A failing progress display must not break the slicing.
        }
      }
      log.push(line.length > LOG_LINE_CHARS ? line.slice(0, LOG_LINE_CHARS) + '…' : line);
      if (log.length > LOG_LINES) log.shift();
    };
    lines(child.stdout);
    lines(child.stderr);

    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      reject(err.code === 'ENOENT' || err.code === 'EACCES' ? new PrintError('slicer_missing', { path: opts.slicer }) : new PrintError('slicer_crashed', { message: err.message }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      const elapsedMs = performance.now() - started;
      if (stopped === 'cancelled') return reject(new PrintError('slicer_cancelled'));
      if (stopped === 'timeout') return reject(new PrintError('slicer_timeout', { seconds: Math.round(timeoutMs / 1000) }));
      if (code === 0) return resolve({ elapsedMs, log });
      // stdbuf could not start it (126: not executable, 127: not found).
      if ((code === 126 || code === 127) && !executable(opts.slicer)) return reject(new PrintError('slicer_missing', { path: opts.slicer }));
      reject(classifyFailure(code, signal, log));
    });
  });
}

/** What a failed run means, from its exit and its last words. */
export function classifyFailure(code: number | null, signal: string | null, log: readonly string[]): PrintError {
  const text = log.join('\n');
  const said = lastMessage(log);
  if (/could not fit on the bed|outside (of )?the print(able)? (volume|area)|exceeds? the maximum build volume/i.test(text)) {
    return new PrintError('outside_print_volume', { message: said });
  }
  if (/No layers were detected|Nothing to print|empty layers? detected|no extrusions? in the first layer/i.test(text)) {
    return new PrintError('empty_slice', { message: said });
  }
  if (signal || (code !== null && code >= 128)) {
    return new PrintError('slicer_crashed', { signal: signal ?? `exit ${code}`, message: said });
  }
  return new PrintError('slicer_failed', { code: code ?? -1, message: said });
}

/** The line that explains a failure: an `error:` or a `what():`, else the last one that is not progress or a trace. */
function lastMessage(log: readonly string[]): string {
  const meaningful = log.filter((l) => !parseProgressLine(l) && !/\[(trace|debug|info)\]/.test(l));
  const err = [...meaningful].reverse().find((l) => /error|what\(\)|failed|cannot|could not/i.test(l));
  const line = err ?? meaningful[meaningful.length - 1] ?? '';
  return line.replace(/^\s*(what\(\):|error:)\s*/i, '').replace(/^\[[^\]]*\]\s*\[[^\]]*\]\s*\[\w+\]\s*/, '').trim().slice(0, 300);
}
