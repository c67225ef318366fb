// Framing: a short program that runs the head around the job's bounding box so the maker sees where
// the job will land on the sheet. Like LaserGRBL's and LightBurn's frame, the beam stays off (M5, feed
// moves at S0), unless a low power is asked for, for a diode laser whose dot is visible at a few
// percent: then M3 (constant power, so the dot does not fade in the corners).
import { LaserError } from '../errors';
import { fmt, GcodeWriter } from './writer';

export interface FrameOptions {
  /** Feed around the frame, mm/min (default 3000). */
  feedMmMin?: number;
  /** Power while framing, % of $30 (default 0: beam off). At most 5 %. */
  powerPct?: number;
  /** Grbl $30 (default 1000). */
  maxS?: number;
}

export interface FrameBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function frameGcode(b: FrameBounds, opts: FrameOptions = {}): string {
  const feed = opts.feedMmMin ?? 3000;
  const pct = opts.powerPct ?? 0;
  const maxS = opts.maxS ?? 1000;
  if (!(feed > 0 && feed <= 60_000)) throw new LaserError('bad_option', { option: 'frame.feedMmMin', value: feed });
  if (!(pct >= 0 && pct <= 5)) throw new LaserError('bad_option', { option: 'frame.powerPct', value: pct });
  if (![b.minX, b.minY, b.maxX, b.maxY].every(Number.isFinite) || b.minX > b.maxX || b.minY > b.maxY) {
    throw new LaserError('bad_option', { option: 'frame.bounds', value: JSON.stringify(b) });
  }
  const s = Math.round((pct / 100) * maxS);
  const w = new GcodeWriter();
  w.comment(`FabKiosk frame: X${fmt(b.minX)} Y${fmt(b.minY)} to X${fmt(b.maxX)} Y${fmt(b.maxY)}, ${s > 0 ? `laser at ${pct} %` : 'laser off'}`);
  w.line('G21');
  w.line('G90');
  w.line('M5');
  w.knownS(0);
  w.rapid(b.minX, b.minY);
  if (s > 0) w.line(`M3 S${s}`);
  w.feed(b.maxX, b.minY, s, feed);
  w.feed(b.maxX, b.maxY, s, feed);
  w.feed(b.minX, b.maxY, s, feed);
  w.feed(b.minX, b.minY, s, feed);
  w.line('M5');
  return w.finish().join('');
}
