// The worker's last step: the engine's toolpath turned into what the GPU draws (records moved onto
// the points that end their segment) and a few figures the preview needs (bounds to frame the camera,
// features present for the legend, speed range for the colour scale). One pass over the segments.
import {
  KIND_WORK,
  recordBucket,
  recordFeature,
  recordKind,
  type Box,
  type PreviewToolpath,
  type ToolpathStats,
} from './toolpath-data';

/** The fields of the engine's Toolpath this step reads. */
export interface EngineToolpath {
  segments: number;
  positions: Float32Array;
  records: Uint32Array;
  layerStarts: Uint32Array;
  layerZ: Float32Array;
  featureNames: readonly string[];
  workBucket: 'speed' | 'power';
  truncated: boolean;
}

function emptyBox(): Box {
  return { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity], empty: true };
}

function finishBox(b: Box): Box {
  if (b.min[0] === Infinity) return { min: [0, 0, 0], max: [0, 0, 0], empty: true };
  return { ...b, empty: false };
}

export function prepareToolpath(tp: EngineToolpath, parseMs: number): { toolpath: PreviewToolpath; stats: ToolpathStats } {
  const n = tp.segments;
  const pos = tp.positions;
  const rec = tp.records;
  const vertexRecords = new Uint32Array(n + 1);
  vertexRecords.set(rec.subarray(0, n), 1);

  const work = emptyBox();
  const part = emptyBox();
  const all = emptyBox();
  const wMin = work.min;
  const wMax = work.max;
  const pMin = part.min;
  const pMax = part.max;
  // Start and end G-code (a purge line at the edge of the bed) is work, but not the part.
  const custom = tp.featureNames.indexOf('custom');
  let featureMask = 0;
  let bucketMin = Infinity;
  let bucketMax = -Infinity;
  let workSegments = 0;
  // Every point counts for the overall bounds; both ends of a work segment for the work bounds.
  let ax0 = Infinity, ay0 = Infinity, az0 = Infinity, ax1 = -Infinity, ay1 = -Infinity, az1 = -Infinity;
  for (let v = 0; v <= n; v++) {
    const x = pos[v * 3]!;
    const y = pos[v * 3 + 1]!;
    const z = pos[v * 3 + 2]!;
    if (x < ax0) ax0 = x;
    if (x > ax1) ax1 = x;
    if (y < ay0) ay0 = y;
    if (y > ay1) ay1 = y;
    if (z < az0) az0 = z;
    if (z > az1) az1 = z;
    if (v === n) break;
    const r = rec[v]!;
    if (recordKind(r) !== KIND_WORK) continue;
    workSegments++;
    const feature = recordFeature(r);
    featureMask |= 1 << feature;
    const b = recordBucket(r);
    if (b < bucketMin) bucketMin = b;
    if (b > bucketMax) bucketMax = b;
    const inPart = feature !== custom;
    for (let k = 0; k < 6; k++) {
      const c = pos[v * 3 + k]!;
      const axis = k % 3;
      if (c < wMin[axis]!) wMin[axis] = c;
      if (c > wMax[axis]!) wMax[axis] = c;
      if (inPart) {
        if (c < pMin[axis]!) pMin[axis] = c;
        if (c > pMax[axis]!) pMax[axis] = c;
      }
    }
  }
  if (n > 0 || pos.length >= 3) {
    all.min = [ax0, ay0, az0];
    all.max = [ax1, ay1, az1];
  }

  return {
    toolpath: {
      segments: n,
      positions: pos,
      vertexRecords,
      layerStarts: tp.layerStarts,
      layerZ: tp.layerZ,
      featureNames: tp.featureNames,
      workBucket: tp.workBucket,
      truncated: tp.truncated,
    },
    stats: {
      work: finishBox(work),
      all: finishBox(all),
      part: finishBox(part),
      featureMask: featureMask >>> 0,
      bucketMin: workSegments > 0 ? bucketMin : Number.NaN,
      bucketMax: workSegments > 0 ? bucketMax : Number.NaN,
      workSegments,
      parseMs,
    },
  };
}
