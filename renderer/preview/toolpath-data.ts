// What the toolpath worker and the 3D preview say to each other. The layout of the arrays is the
// G-code engine's (jobs/gcode/toolpath.ts), which the renderer may not import: the record decoding
// below mirrors it, and a unit test holds the two together.

/** The machine as the worker's analyzer needs it to read the file (laser power scale, Grbl rules). */
export interface PreviewMachine {
  id: string;
  kind: 'fdm' | 'laser' | 'cnc' | 'vinyl' | 'other';
  firmware: 'marlin' | 'grbl' | null;
  workArea: { x: number; y: number; z: number } | null;
  workOrigin: { x: number; y: number; z: number };
  /** Full laser power in S units: the power colours are relative to it. */
  maxSpindleS: number | null;
}

export interface PreviewToolpath {
  segments: number;
  /** x, y, z of 1 + segments points: the analyzer's own buffer, moved here without a copy. */
  positions: Float32Array;
  /**
   * 1 + segments records, one per point: point v carries the record of the segment that ends at it
   * (segment v − 1), so that a line drawn with `flat` varyings takes its colour from its own record
   * (the last vertex of a line is its provoking vertex). Point 0 carries 0.
   */
  vertexRecords: Uint32Array;
  /** Index of the first segment of each layer. */
  layerStarts: Uint32Array;
  /** Z of each layer (NaN when unknown). */
  layerZ: Float32Array;
  featureNames: readonly string[];
  /** What the bucket of work segments holds: laser power (0–255 of the maximum) or speed (mm/s). */
  workBucket: 'speed' | 'power';
  /** The engine's segment cap was reached: later moves are not drawn. */
  truncated: boolean;
}

export interface Box {
  min: [number, number, number];
  max: [number, number, number];
  empty: boolean;
}

export interface ToolpathStats {
  /** Bounds of the work segments (extrusion, burning, cutting), and of everything. */
  work: Box;
  all: Box;
  /** Bounds of the work without the start and end G-code (purge lines): the part itself. */
  part: Box;
  /** Bit `1 << id` for every feature id seen on a work segment. */
  featureMask: number;
  /** Smallest and largest bucket of the work segments (NaN without work). */
  bucketMin: number;
  bucketMax: number;
  workSegments: number;
  /** Time the worker took to read and parse the file, ms. */
  parseMs: number;
}

export type WorkerRequest = { type: 'load'; file: File; machine: PreviewMachine | null };

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; toolpath: PreviewToolpath; stats: ToolpathStats }
  | { type: 'error'; message: string };

// Record layout (jobs/gcode/toolpath.ts): bits 0–1 kind, 2–6 feature, 7–14 bucket, 15–31 layer.
export const KIND_TRAVEL = 0;
export const KIND_WORK = 1;
export const KIND_RETRACT = 2;

export const recordKind = (r: number): number => r & 3;
export const recordFeature = (r: number): number => (r >>> 2) & 31;
export const recordBucket = (r: number): number => (r >>> 7) & 255;
export const recordLayer = (r: number): number => r >>> 15;
