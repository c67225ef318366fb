// Node-only: analyse a G-code file from disk with a large-buffer read stream.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { AnalyzeOptions, Analysis } from './analyzer';
import { analyzeGcode } from './index';

/** 1 MiB reads: few enough chunks that per-chunk overhead vanishes, small enough to stay cache-friendly. */
export const READ_CHUNK_BYTES = 1 << 20;
/** Bytes of G-code per toolpath segment in typical sliced files, to size the toolpath arrays once. */
const BYTES_PER_SEGMENT_HINT = 26;

export async function analyzeFile(path: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`not a file: ${path}`);
  const o: AnalyzeOptions = { ...opts };
  const size = Math.min(info.size, o.maxBytes ?? Infinity);
  if (o.toolpath && o.toolpathSizeHint === undefined) o.toolpathSizeHint = Math.ceil(size / BYTES_PER_SEGMENT_HINT);
  if (o.inputBytes === undefined) o.inputBytes = size;
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    return await analyzeGcode(stream as AsyncIterable<Uint8Array>, o);
  } finally {
    stream.destroy();
  }
}
