// Public API of the G-code engine. Node-free: usable from the CLI, the back end and a browser Web Worker.
// (analyzeFile, which reads from disk, is in ./file.ts.)

import { createAnalyzer, type AnalyzeOptions, type Analysis } from './analyzer';

export { createAnalyzer, parseDuration } from './analyzer';
export type { AnalyzeOptions, Analysis, Analyzer, Bounds, FeatureStats, RelativeOrigin, SlicerInfo, Vec3 } from './analyzer';
export type { Finding, FindingCode, FindingParams, Severity } from './findings';
export { findingMessage } from './findings';
export * from './profile';
export {
  FEATURE_NAMES,
  KIND_RETRACT,
  KIND_TRAVEL,
  KIND_WORK,
  packRecord,
  recordBucket,
  recordFeature,
  recordKind,
  recordLayer,
  toolpathTransferables,
  type Toolpath,
} from './toolpath';

export type ChunkSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * Analyse G-code streamed as chunks of bytes (any async or sync iterable: a Node stream, a
 * ReadableStream of a File, an array of Uint8Array…). With `maxBytes`, reading stops at the limit
 * (the iterator is closed) and the analysis carries a `file_too_large` error.
 */
export async function analyzeGcode(chunks: ChunkSource, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const analyzer = createAnalyzer(opts);
  if (Symbol.asyncIterator in chunks) {
    for await (const chunk of chunks as AsyncIterable<Uint8Array>) if (!analyzer.push(chunk)) break;
  } else {
    for (const chunk of chunks as Iterable<Uint8Array>) if (!analyzer.push(chunk)) break;
  }
  return analyzer.finish();
}

/** Analyse G-code already in memory (a string or bytes). */
export function analyzeText(text: string | Uint8Array, opts: AnalyzeOptions = {}): Analysis {
  const a = createAnalyzer(opts);
  a.push(typeof text === 'string' ? new TextEncoder().encode(text) : text);
  return a.finish();
}
