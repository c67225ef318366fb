// Where in time each part of a file falls, so that progress and ETA follow the machine, not the bytes:
// a PrusaSlicer file spends 40 % of its bytes on thumbnails before the first move, and a raster's
// bytes are worth far fewer seconds than a print's.
import type { Analyzer } from '../../../jobs/gcode';

/** Byte offsets and the planned seconds at which the machine reaches them, both increasing. */
export interface Timeline {
  bytes: number[];
  seconds: number[];
}

const POINTS = 200;
const MIN_STEP = 512;

/** Feeds an analyzer in slices of about 1/200 of the file and notes the planned time after each. */
export class TimelineRecorder {
  private readonly step: number;
  private readonly bytes: number[] = [0];
  private readonly seconds: number[] = [0];

  constructor(totalBytes: number) {
    this.step = Math.max(MIN_STEP, Math.ceil(totalBytes / POINTS));
  }

  push(analyzer: Analyzer, chunk: Uint8Array): boolean {
    for (let at = 0; at < chunk.length; at += this.step) {
      if (!analyzer.push(chunk.subarray(at, Math.min(chunk.length, at + this.step)))) return false;
      this.note(analyzer.bytes, analyzer.plannedS);
    }
    return true;
  }

  /** The end of the file at the analysis's full duration (the look-ahead ring flushed). */
  finish(totalBytes: number, durationS: number): Timeline {
    this.note(totalBytes, durationS);
    return { bytes: this.bytes, seconds: this.seconds };
  }

  private note(byte: number, s: number): void {
    const last = this.bytes.length - 1;
    const seconds = Math.round(Math.max(s, this.seconds[last]!) * 100) / 100;
    if (byte <= this.bytes[last]!) {
      this.seconds[last] = seconds;
      return;
    }
    this.bytes.push(byte);
    this.seconds.push(seconds);
  }
}

/** Planned seconds at a byte offset, interpolated between the recorded points. */
export function secondsAt(t: Timeline, byte: number): number {
  const { bytes, seconds } = t;
  const n = bytes.length;
  if (n === 0) return 0;
  if (byte <= bytes[0]!) return seconds[0]!;
  if (byte >= bytes[n - 1]!) return seconds[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (bytes[mid]! <= byte) lo = mid;
    else hi = mid;
  }
  const b0 = bytes[lo]!;
  const span = bytes[hi]! - b0;
  return seconds[lo]! + (span > 0 ? ((byte - b0) / span) * (seconds[hi]! - seconds[lo]!) : 0);
}

export function isTimeline(v: unknown): v is Timeline {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Partial<Timeline>;
  return Array.isArray(t.bytes) && Array.isArray(t.seconds) && t.bytes.length === t.seconds.length && t.bytes.length > 1;
}
