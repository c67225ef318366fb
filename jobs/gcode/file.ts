// Node-only: analyse a G-code file from disk.
//
// Two reusable buffers, read in turn: the next chunk is read by libuv's thread pool while the analyzer
// works on this one (a read stream allocates a fresh 1 MiB Buffer per chunk: page faults and zeroing
// on every chunk, and garbage). The analyzer never keeps a chunk past `push()` (it copies the partial
// line at the end), so a buffer can be read into again as soon as `push()` returns.

import { open, stat } from 'node:fs/promises';
import type { AnalyzeOptions, Analysis } from './analyzer';
import { createAnalyzer } from './analyzer';
import { plannerThread } from './threads';

export { PLANNER_THREAD_MIN_BYTES } from './threads';

/** 1 MiB reads: few enough chunks that per-chunk overhead vanishes, small enough to stay cache-friendly. */
export const READ_CHUNK_BYTES = 1 << 20;
/** Bytes of G-code per toolpath segment in typical sliced files, to size the toolpath arrays once. */
const BYTES_PER_SEGMENT_HINT = 26;
/** The options with the planner on a worker thread when the input is large enough and a worker free (threads.ts). */
export async function withPlannerThread(opts: AnalyzeOptions, inputBytes: number): Promise<AnalyzeOptions> {
  if (opts.planner !== undefined) return opts;
  const planner = await plannerThread(inputBytes);
  return planner === null ? opts : { ...opts, planner };
}

export async function analyzeFile(path: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`not a file: ${path}`);
  const o: AnalyzeOptions = { ...opts };
  const size = Math.min(info.size, o.maxBytes ?? Infinity);
  if (o.toolpath && o.toolpathSizeHint === undefined) o.toolpathSizeHint = Math.ceil(size / BYTES_PER_SEGMENT_HINT);
  if (o.inputBytes === undefined) o.inputBytes = size;
  const analyzer = createAnalyzer(await withPlannerThread(o, size));
  const file = await open(path, 'r');
  let current = new Uint8Array(READ_CHUNK_BYTES);
  let spare = new Uint8Array(READ_CHUNK_BYTES);
  let next = file.read(current, 0, READ_CHUNK_BYTES, 0);
  try {
    let position = 0;
    for (;;) {
      const { bytesRead } = await next;
      if (bytesRead === 0) break;
      position += bytesRead;
      next = file.read(spare, 0, READ_CHUNK_BYTES, position);
      if (!analyzer.push(current.subarray(0, bytesRead))) break;
      [current, spare] = [spare, current];
    }
  } finally {
    // The read in flight must land before its file closes (and before its buffer may be reused).
    await next.catch(() => undefined);
    await file.close();
  }
  return analyzer.finish();
}
