// How much of a job's toolpath is done, for the 3D view. The toolpath does not know the file's line
// numbers, so the board reads the job's layer: every layer up to the one the firmware is working on
// is drawn in colour, the rest as a pale ghost. A job of one layer (a laser cut, an engraving) has no
// layers to count: there the share of the file that ran stands for the share of the path.
import type { JobView, MachineLive, MachineSummary } from '../../electron/api/types';

export interface PathLayers {
  segments: number;
  /** First segment of each layer (0-based; layer 0 holds the start G-code). */
  layerStarts: ArrayLike<number>;
}

export function doneSegments(path: PathLayers, job: Pick<JobView, 'state' | 'layer' | 'fraction'>): number {
  const n = path.segments;
  if (job.state === 'completed') return n;
  if (job.state === 'queued') return 0;
  const layers = path.layerStarts.length;
  if (layers > 1) {
    // The job counts layers from 1 at the first layer marker (0 while the start G-code runs); the
    // toolpath's layer index L − 1 is that layer, and it ends where layer L starts.
    const l = Math.round(job.layer);
    if (l <= 0) return 0;
    return l >= layers ? n : Math.min(n, path.layerStarts[l] ?? n);
  }
  return Math.round(Math.min(1, Math.max(0, job.fraction)) * n);
}

/**
 * Where the head is, in the job's coordinates: Grbl's work position when it reports one (a laser job
 * is drawn in work coordinates), else the machine position.
 */
export function headPosition(live: Pick<MachineLive, 'position' | 'workPosition'>, machine: Pick<MachineSummary, 'firmware'>): { x: number; y: number; z: number } | null {
  const p = machine.firmware === 'grbl' ? (live.workPosition ?? live.position) : live.position;
  if (!p || ![p.x, p.y, p.z].every(Number.isFinite)) return null;
  return p;
}
