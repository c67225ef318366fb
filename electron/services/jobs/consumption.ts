// What a job actually used, read from the part of its file the firmware acknowledged: the same engine
// that estimated the whole file measures the part that ran, so estimate and ledger agree by construction.
import { createReadStream } from 'node:fs';
import { analyzeGcode, type AnalyzeOptions } from '../../../jobs/gcode';
import { withPlannerThread } from '../../../jobs/gcode/file';
import type { JobConsumption } from '../../api/models';
import type { JobRow } from './rows';

async function prefix(path: string, bytes: number, opts: AnalyzeOptions) {
  if (bytes <= 0) return null;
  return analyzeGcode(createReadStream(path, { start: 0, end: bytes - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>, await withPlannerThread(opts, bytes));
}

export async function consumptionOf(path: string, job: JobRow, opts: AnalyzeOptions): Promise<JobConsumption> {
  const [upTo, before] = await Promise.all([prefix(path, job.acked_byte, opts), prefix(path, job.from_byte, opts)]);
  const diff = (f: (a: NonNullable<typeof upTo>) => number) => Math.max(0, (upTo ? f(upTo) : 0) - (before ? f(before) : 0));
  const span = Math.max(1, job.bytes_total - job.from_byte);
  return {
    fraction: Math.min(1, Math.max(0, (job.acked_byte - job.from_byte) / span)),
    linesRun: Math.max(0, job.acked_line - job.from_line + 1),
    machineTimeS: Math.round(job.elapsed_s * 10) / 10,
    estimatedS: Math.round(diff((a) => a.durationS) * 10) / 10,
    filamentMm: Math.round(diff((a) => a.filamentMm) * 10) / 10,
    filamentG: Math.round(diff((a) => a.filamentG) * 100) / 100,
    laserOnS: Math.round(diff((a) => a.laserOnS) * 10) / 10,
  };
}
