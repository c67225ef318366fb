// Resizing the drawing to the size the maker asked for, about the lower-left corner of what burns.
import { LaserError } from '../errors';
import { type Box, emptyBox, growBox } from '../geometry/types';
import type { Assignment } from './operations';

export interface Size {
  widthMm?: number;
  heightMm?: number;
  /**
   * What the size measures: what burns (default), or the whole drawing as the screen shows it, of
   * which only some colours may burn.
   */
  of?: 'burned' | 'drawing';
}

/** The bounds of every path an operation burns, as drawn. */
export function drawnBounds(a: Assignment): Box {
  const b = emptyBox();
  for (const it of a.cut) growBox(b, it.poly.pts);
  for (const it of a.score) growBox(b, it.poly.pts);
  for (const it of a.fill) for (const p of it.paths) growBox(b, p.pts);
  return b;
}

/**
 * Scales the assigned paths in place so that their bounds measure widthMm × heightMm (one of them
 * given: in proportion). Returns the factors applied.
 */
export function scaleAssignment(a: Assignment, size: Size, drawing?: Box): { sx: number; sy: number } {
  const b = drawnBounds(a);
  const measured = size.of === 'drawing' && drawing ? drawing : b;
  const w = measured.maxX - measured.minX;
  const h = measured.maxY - measured.minY;
  const check = (v: number | undefined, name: string) => {
    if (v !== undefined && !(Number.isFinite(v) && v > 0 && v <= 100_000)) throw new LaserError('bad_option', { option: `scale.${name}`, value: String(v) });
  };
  check(size.widthMm, 'widthMm');
  check(size.heightMm, 'heightMm');
  let sx = size.widthMm !== undefined && w > 0 ? size.widthMm / w : NaN;
  let sy = size.heightMm !== undefined && h > 0 ? size.heightMm / h : NaN;
  if (Number.isNaN(sx)) sx = Number.isNaN(sy) ? 1 : sy;
  if (Number.isNaN(sy)) sy = sx;
  // Sizes typed or shown to 0.01 mm: the drawing's own size is no resize.
  if (Math.abs(sx - 1) < 1e-4 && Math.abs(sy - 1) < 1e-4) return { sx: 1, sy: 1 };
  const seen = new Set<Float64Array>();
  const apply = (pts: Float64Array) => {
    if (seen.has(pts)) return; // a shape cut and engraved shares its points
    seen.add(pts);
    for (let i = 0; i < pts.length; i += 2) {
      pts[i] = b.minX + (pts[i]! - b.minX) * sx;
      pts[i + 1] = b.minY + (pts[i + 1]! - b.minY) * sy;
    }
  };
  for (const it of a.cut) apply(it.poly.pts);
  for (const it of a.score) apply(it.poly.pts);
  for (const it of a.fill) for (const p of it.paths) apply(p.pts);
  return { sx, sy };
}
