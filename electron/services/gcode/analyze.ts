// A stored G-code file analysed for a machine of the lab (and a material), streamed from disk so
// memory stays flat and the event loop keeps serving other screens between chunks.
import { createReadStream, statSync } from 'node:fs';
import { createAnalyzer, type AnalyzeOptions } from '../../../jobs/gcode';
import { READ_CHUNK_BYTES, withPlannerThread } from '../../../jobs/gcode/file';
import { DomainError } from '../../api/errors';
import type { GcodeAnalysis } from '../../api/models';
import type { Store } from '../../store';
import type { Uploads } from '../files/uploads';
import { findMachine, machineProfile, materialProfile } from '../machines/profile';
import { TimelineRecorder, type Timeline } from './timeline';

type Input = { fileId: string; machineId: string; materialId?: string | undefined };

export async function analyzeStoredGcode(store: Store, uploads: Uploads, input: Input, onProgress: (fraction: number) => void): Promise<GcodeAnalysis> {
  return (await analyzeWithTimeline(store, uploads, input, onProgress)).analysis;
}

/** The analysis and, for a job about to be queued, where in time each part of the file falls. */
export async function analyzeWithTimeline(
  store: Store,
  uploads: Uploads,
  input: Input,
  onProgress: (fraction: number) => void,
): Promise<{ analysis: GcodeAnalysis; timeline: Timeline }> {
  const { row, path } = uploads.file(input.fileId);
  if (row.kind !== 'gcode') throw new DomainError('unsupported_file', { name: row.name, extension: row.kind });
  const machine = findMachine(store, input.machineId);
  if (!machine) throw new DomainError('not_found', { what: 'machine' });
  const opts: AnalyzeOptions = { machine: machineProfile(machine) };
  if (input.materialId) {
    const material = materialProfile(store, input.materialId);
    if (!material) throw new DomainError('not_found', { what: 'material' });
    opts.material = material;
  }
  const size = statSync(path).size;
  const analyzer = createAnalyzer(await withPlannerThread(opts, size));
  const recorder = new TimelineRecorder(size);
  for await (const chunk of progressStream(path, size, onProgress)) if (!recorder.push(analyzer, chunk)) break;
  const { toolpath: _toolpath, ...json } = analyzer.finish();
  return { analysis: { ...json, file: row, machineId: machine.id }, timeline: recorder.finish(json.bytes, json.durationS) };
}

async function* progressStream(path: string, size: number, onProgress: (fraction: number) => void): AsyncGenerator<Uint8Array> {
  let read = 0;
  let reported = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
    read += (chunk as Buffer).length;
    if (read / size - reported >= 0.05) {
      reported = read / size;
      onProgress(Math.min(1, reported));
    }
    yield chunk as Buffer;
  }
}
