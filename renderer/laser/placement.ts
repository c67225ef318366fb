// Where a drawing sits on the laser's bed, in machine millimetres with Y up (the lower-left corner and
// the size, as laser.prepare takes it). Pure arithmetic for the bed editor: first placement, resizing
// with the aspect ratio kept, centring, dragging, and keeping the drawing on the bed.
import type { Placement } from '../../electron/api/types';

export interface Size {
  w: number;
  h: number;
}

/** Room left between the drawing and the edge of the bed when the kiosk places it. */
export const edgeMarginMm = 5;
/** Smallest size the maker may type: below it the beam's width is the drawing. */
export const minSizeMm = 1;

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** Width over height of the drawing (1 for a degenerate one). */
export function aspectOf(size: Size): number {
  return size.w > 0 && size.h > 0 ? size.w / size.h : 1;
}

/** Whether the placed drawing lies on the bed. */
export function fitsBed(p: Placement, bed: Size): boolean {
  const eps = 1e-6;
  return p.xMm >= -eps && p.yMm >= -eps && p.xMm + p.widthMm <= bed.w + eps && p.yMm + p.heightMm <= bed.h + eps;
}

/** Whether a drawing of that size can go on the bed at all. */
export function sizeFits(size: Size, bed: Size): boolean {
  return size.w <= bed.w + 1e-6 && size.h <= bed.h + 1e-6;
}

/** Moves the drawing the least so that it lies on the bed (to the origin side when it is too big). */
export function clampToBed(p: Placement, bed: Size): Placement {
  const x = Math.max(0, Math.min(p.xMm, bed.w - p.widthMm));
  const y = Math.max(0, Math.min(p.yMm, bed.h - p.heightMm));
  return { ...p, xMm: round2(x), yMm: round2(y) };
}

/**
 * The first placement: the drawing at its own size, in the corner of the bed by the origin with a
 * small margin (a sheet goes against the stops there); shrunk, aspect kept, when it is larger than the bed.
 */
export function initialPlacement(size: Size, bed: Size): Placement {
  let w = size.w > 0 ? size.w : minSizeMm;
  let h = size.h > 0 ? size.h : minSizeMm;
  if (!sizeFits({ w, h }, bed)) {
    const k = Math.min(bed.w / w, bed.h / h);
    w *= k;
    h *= k;
  }
  const margin = (room: number) => Math.min(edgeMarginMm, Math.max(0, room / 2));
  return { xMm: round2(margin(bed.w - w)), yMm: round2(margin(bed.h - h)), widthMm: round2(w), heightMm: round2(h) };
}

/** The drawing in the middle of the bed. */
export function centred(p: Placement, bed: Size): Placement {
  return clampToBed({ ...p, xMm: (bed.w - p.widthMm) / 2, yMm: (bed.h - p.heightMm) / 2 }, bed);
}

/** The largest width the drawing may take on this bed, aspect kept. */
export function maxWidth(aspect: number, bed: Size): number {
  return Math.min(bed.w, bed.h * aspect);
}

/**
 * A new width (or height, with `axis` 'h') typed by the maker: the other side follows the aspect
 * ratio, the drawing keeps its centre, never gets smaller than `minSizeMm` nor larger than the bed,
 * and stays on the bed.
 */
export function resized(p: Placement, value: number, axis: 'w' | 'h', aspect: number, bed: Size): Placement {
  if (!Number.isFinite(value) || aspect <= 0) return p;
  let w = axis === 'w' ? value : value * aspect;
  const lo = Math.max(minSizeMm, minSizeMm * aspect);
  w = Math.min(Math.max(w, lo), maxWidth(aspect, bed));
  const h = w / aspect;
  const cx = p.xMm + p.widthMm / 2;
  const cy = p.yMm + p.heightMm / 2;
  return clampToBed({ xMm: cx - w / 2, yMm: cy - h / 2, widthMm: round2(w), heightMm: round2(h) }, bed);
}

/** The drawing dragged by (dx, dy) mm from where the drag began, kept on the bed. */
export function dragged(start: Placement, dxMm: number, dyMm: number, bed: Size): Placement {
  return clampToBed({ ...start, xMm: start.xMm + dxMm, yMm: start.yMm + dyMm }, bed);
}

/** A drag on screen (SVG user units are mm, screen Y grows downwards) as a move in machine mm. */
export function screenDeltaToMm(dxUnits: number, dyUnits: number): { dx: number; dy: number } {
  return { dx: dxUnits, dy: -dyUnits };
}

export interface Box2 {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Bounds of flat [x0, y0, x1, y1, …] polylines; null without a point. */
export function outlineBounds(polylines: readonly { points: readonly number[] }[]): Box2 | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const pl of polylines) {
    const pts = pl.points;
    for (let i = 0; i + 1 < pts.length; i += 2) {
      const x = pts[i]!;
      const y = pts[i + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return minX <= maxX ? { minX, minY, maxX, maxY } : null;
}

/**
 * How the drawing's own coordinates (mm, Y up) land on the bed once placed: bed = origin + scale ×
 * (point − from). The drawing's size is its `source` size (the back end's), measured from the lower
 * left of its outline.
 */
export function drawingToBed(source: Size, from: Box2 | null, p: Placement): { sx: number; sy: number; tx: number; ty: number } {
  const sx = source.w > 0 ? p.widthMm / source.w : 1;
  const sy = source.h > 0 ? p.heightMm / source.h : 1;
  const ox = from ? from.minX : 0;
  const oy = from ? from.minY : 0;
  return { sx, sy, tx: p.xMm - ox * sx, ty: p.yMm - oy * sy };
}

/** Flat polyline points (Y up) as an SVG `points` attribute on a bed drawn Y down (height `bedH`). */
export function svgPoints(points: readonly number[], m: { sx: number; sy: number; tx: number; ty: number }, bedH: number): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = m.tx + points[i]! * m.sx;
    const y = bedH - (m.ty + points[i + 1]! * m.sy);
    parts.push(`${Math.round(x * 100) / 100},${Math.round(y * 100) / 100}`);
  }
  return parts.join(' ');
}
