// The moves of one path and of engraving scanlines, in machine coordinates (model + dx, dy).
import type { Polyline } from '../geometry/types';
import type { HatchLine } from '../plan/hatch';
import type { WorkArea } from '../plan/place';
import type { GcodeWriter } from './writer';

/** A travel to the path's start, then around it (closed) or along it (open, either way). */
export function writePath(w: GcodeWriter, p: Polyline, start: number, reversed: boolean, s: number, f: number, dx: number, dy: number): void {
  const pts = p.pts;
  const n = pts.length / 2;
  w.rapid(pts[2 * start]! + dx, pts[2 * start + 1]! + dy);
  if (p.closed) {
    for (let k = 1; k <= n; k++) {
      const v = (start + k) % n;
      w.feed(pts[2 * v]! + dx, pts[2 * v + 1]! + dy, s, f);
    }
  } else if (reversed) {
    for (let v = n - 2; v >= 0; v--) w.feed(pts[2 * v]! + dx, pts[2 * v + 1]! + dy, s, f);
  } else {
    for (let v = 1; v < n; v++) w.feed(pts[2 * v]! + dx, pts[2 * v + 1]! + dy, s, f);
  }
}

/**
 * Bidirectional scanlines. Each line: a travel to its run-up point, the run-up at speed with the beam
 * off (the head reaches the feed before the first dot, so edges are not burnt lighter or darker), the
 * spans, and a run-out. Run-ups stop at the edge of the work area. Returns the length burnt.
 */
export function writeHatch(w: GcodeWriter, lines: readonly HatchLine[], firstDir: number, s: number, f: number, ov: number, dx: number, dy: number, area: WorkArea | null): number {
  const lo = area ? area.minX : -Infinity;
  const hi = area ? area.maxX : Infinity;
  const clamp = (x: number) => Math.max(lo, Math.min(hi, x));
  // A gap wider than two run-ups is crossed with G0 (run-out, rapid, run-up); a narrower one at speed, beam off.
  const rapidGap = 2 * ov + 2;
  let burn = 0;
  let dir = firstDir;
  for (const line of lines) {
    const sp = line.spans;
    const k = sp.length / 2;
    const y = line.y + dy;
    const at = (j: number) => (dir > 0 ? j : k - 1 - j);
    const entry = (j: number) => (dir > 0 ? sp[2 * at(j)]! : sp[2 * at(j) + 1]!) + dx;
    const exit = (j: number) => (dir > 0 ? sp[2 * at(j) + 1]! : sp[2 * at(j)]!) + dx;
    w.rapid(clamp(entry(0) - dir * ov), y);
    w.feed(entry(0), y, 0, f);
    for (let j = 0; j < k; j++) {
      if (j > 0) {
        const gap = Math.abs(entry(j) - exit(j - 1));
        if (gap > rapidGap) {
          w.feed(clamp(exit(j - 1) + dir * ov), y, 0, f);
          w.rapid(clamp(entry(j) - dir * ov), y);
        }
        w.feed(entry(j), y, 0, f);
      }
      w.feed(exit(j), y, s, f);
      burn += Math.abs(exit(j) - entry(j));
    }
    w.feed(clamp(exit(k - 1) + dir * ov), y, 0, f);
    dir = -dir;
  }
  return burn;
}

/** Where a set of scanlines ends when its first line runs in direction `firstDir`. */
export function hatchEnd(lines: readonly HatchLine[], firstDir: number): { x: number; y: number } {
  const last = lines[lines.length - 1]!;
  const dir = (lines.length - 1) % 2 === 0 ? firstDir : -firstDir;
  return { x: dir > 0 ? last.spans[last.spans.length - 1]! : last.spans[0]!, y: last.y };
}
