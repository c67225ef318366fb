// Toolpath in typed arrays for the 3D preview: 16 bytes per segment, transferable to/from a Web Worker.
//
// Layout (N segments):
//   positions  Float32Array, 3 × (N + 1): x, y, z of the start point of segment 0, then the end point of
//              each segment. Segment i runs from point i to point i + 1 (the path is continuous: a G92
//              or a homing shows as a segment, not a jump). 12 bytes per segment.
//   records    Uint32Array, N: one packed record per segment, 4 bytes:
//                bits  0–1   kind      0 travel, 1 work (extrusion / laser burning / cutting),
//                                      2 retracting move (wipe: XYZ motion while E goes back), 3 reserved
//                bits  2–6   feature   FEATURE ids below (slicer ;TYPE:, Simplify3D ; feature, LightBurn)
//                bits  7–14  bucket    0–255: on work segments of a laser job, the power (S ÷ max S × 255);
//                                      otherwise the commanded speed in mm/s (capped at 255)
//                bits 15–31  layer     layer index 0–131071 (clamped)
//   layerStarts Uint32Array, L: index of the first segment of each layer; layerStarts[0] = 0 (layer 0
//              includes the start G-code). Layers 0..k are segments 0 .. layerStarts[k + 1] − 1; the
//              last layer runs to N. A job without layers (no work move) has L = 0.
//   layerZ     Float32Array, L: Z of each layer (NaN when unknown).
// No Node API here: the builder runs in a browser Web Worker as well.

export const KIND_TRAVEL = 0;
export const KIND_WORK = 1;
export const KIND_RETRACT = 2;

export const MAX_LAYER = (1 << 17) - 1;

/** The first projection of the toolpath's size waits for this much input (headers are not representative). */
const PROJECT_AFTER_BYTES = 1 << 20;

/** Canonical features; the id fits in 5 bits. */
export const FEATURE_NAMES = [
  'none', // 0: no marker seen
  'outer_wall', // 1
  'inner_wall', // 2
  'overhang_wall', // 3
  'solid_infill', // 4
  'top_surface', // 5
  'bottom_surface', // 6
  'sparse_infill', // 7
  'bridge', // 8
  'gap_fill', // 9
  'skirt_brim', // 10
  'support', // 11
  'support_interface', // 12
  'prime_tower', // 13
  'ironing', // 14
  'custom', // 15: start/end G-code
  'raft', // 16
  'thin_wall', // 17
  'ooze_shield', // 18
  'travel', // 19
  'laser_cut', // 20: vector cut / line
  'laser_fill', // 21: scan / fill engraving
  'laser_image', // 22: bitmap engraving
  'laser_score', // 23
  'other', // 24: a marker we do not know
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export const FEATURE_NONE = 0;
export const FEATURE_OTHER = 24;

export interface Toolpath {
  /** Number of segments. */
  segments: number;
  positions: Float32Array;
  records: Uint32Array;
  layerStarts: Uint32Array;
  layerZ: Float32Array;
  /** Always 16 (12 bytes of end point + 4 bytes of record). */
  bytesPerSegment: number;
  /** Name of each feature id (index = id). */
  featureNames: readonly string[];
  /** What `bucket` holds on work segments: 'power' (laser jobs) or 'speed' (mm/s). Travel is always speed. */
  workBucket: 'speed' | 'power';
  /** True when the segment cap was reached and later moves were left out. */
  truncated: boolean;
}

export function recordKind(r: number): number {
  return r & 3;
}
export function recordFeature(r: number): number {
  return (r >>> 2) & 31;
}
export function recordBucket(r: number): number {
  return (r >>> 7) & 255;
}
export function recordLayer(r: number): number {
  return r >>> 15;
}
export function packRecord(kind: number, feature: number, bucket: number, layer: number): number {
  if (layer > MAX_LAYER) layer = MAX_LAYER;
  else if (layer < 0) layer = 0;
  return ((kind & 3) | ((feature & 31) << 2) | ((bucket & 255) << 7) | (layer << 15)) >>> 0;
}

/** The buffers to list in `postMessage(analysis, transfer)` so nothing is copied. */
export function toolpathTransferables(t: Toolpath): ArrayBuffer[] {
  return [t.positions.buffer, t.records.buffer, t.layerStarts.buffer, t.layerZ.buffer] as ArrayBuffer[];
}

export class ToolpathBuilder {
  declare private pos: Float32Array;
  declare private rec: Uint32Array;
  private n = 0;
  declare private ls: Uint32Array;
  declare private lz: Float32Array;
  private nl = 0;
  declare private readonly max: number;
  truncated = false;
  private powerSeen = false;

  /** `sizeHint`: expected segments, to allocate once (grows by half when exceeded). */
  constructor(maxSegments: number, x: number, y: number, z: number, sizeHint = 0) {
    this.max = Math.max(1, Math.floor(maxSegments));
    const cap = Math.min(this.max, Math.max(1 << 16, Math.floor(sizeHint) || 0));
    this.pos = new Float32Array((cap + 1) * 3);
    this.rec = new Uint32Array(cap);
    this.ls = new Uint32Array(256);
    this.lz = new Float32Array(256);
    this.pos[0] = x;
    this.pos[1] = y;
    this.pos[2] = z;
  }

  get segments(): number {
    return this.n;
  }

  /** End point of the next segment, written by the caller before `add()` (no boxed doubles). */
  readonly xyz = new Float64Array(3);

  /** Append a segment ending at `xyz`. Returns false once the cap is reached (the caller reports it). */
  add(record: number): boolean {
    const n = this.n;
    if (n >= this.rec.length) {
      if (n >= this.max) {
        this.truncated = true;
        return false;
      }
      this.grow();
    }
    this.rec[n] = record;
    const p = (n + 1) * 3;
    const pos = this.pos;
    const xyz = this.xyz;
    pos[p] = xyz[0]!;
    pos[p + 1] = xyz[1]!;
    pos[p + 2] = xyz[2]!;
    this.n = n + 1;
    return true;
  }

  /** Work segments carry laser power in their bucket. */
  notePower(): void {
    this.powerSeen = true;
  }

  /** A new layer starts with the next segment. */
  startLayer(z: number): void {
    if (this.nl >= MAX_LAYER + 1) return;
    if (this.nl === this.ls.length) {
      const ls = new Uint32Array(this.ls.length * 2);
      ls.set(this.ls);
      this.ls = ls;
      const lz = new Float32Array(this.lz.length * 2);
      lz.set(this.lz);
      this.lz = lz;
    }
    // Layer 0 also holds what came before it (start G-code moves carry layer 0 in their record).
    this.ls[this.nl] = this.nl === 0 ? 0 : this.n;
    this.lz[this.nl] = z;
    this.nl++;
  }

  /** The Z of the current layer, once known. */
  setLayerZ(z: number): void {
    if (this.nl > 0) this.lz[this.nl - 1] = z;
  }

  /**
   * Resize early to what the input read so far projects (segments per byte × total bytes, +10 %):
   * a raster of short lines holds 2–3 times the segments per byte of a sliced print, and growing
   * step by step would keep every intermediate copy until the next collection. Capacity past the
   * segments written is never touched, so it costs no resident memory.
   */
  project(bytesRead: number, totalBytes: number): void {
    if (bytesRead < PROJECT_AFTER_BYTES || this.n === 0) return;
    const cap = this.rec.length;
    const want = Math.ceil((this.n / bytesRead) * totalBytes * 1.1);
    if (want > cap && cap < this.max) this.resize(Math.max(want, Math.ceil(cap * 1.25)));
  }

  private grow(): void {
    this.resize(Math.ceil(this.rec.length * 1.5));
  }

  private resize(segments: number): void {
    const cap = Math.min(this.max, segments);
    const n = this.n;
    const rec = new Uint32Array(cap);
    rec.set(this.rec.subarray(0, n));
    this.rec = rec;
    const pos = new Float32Array((cap + 1) * 3);
    pos.set(this.pos.subarray(0, (n + 1) * 3));
    this.pos = pos;
  }

  finish(): Toolpath {
    const n = this.n;
    // Views when the arrays are mostly used (no copy; the spare end travels along in a transfer), else copies.
    const view = n >= this.rec.length * 0.75;
    return {
      segments: n,
      positions: view ? this.pos.subarray(0, (n + 1) * 3) : this.pos.slice(0, (n + 1) * 3),
      records: view ? this.rec.subarray(0, n) : this.rec.slice(0, n),
      layerStarts: this.ls.slice(0, this.nl),
      layerZ: this.lz.slice(0, this.nl),
      bytesPerSegment: 16,
      featureNames: FEATURE_NAMES,
      workBucket: this.powerSeen ? 'power' : 'speed',
      truncated: this.truncated,
    };
  }
}
