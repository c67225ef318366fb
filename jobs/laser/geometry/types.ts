// The common geometry model every importer produces: polylines in millimetres, y up (the bed's
// orientation), grouped by the shape they come from with that shape's colours.

/** x0, y0, x1, y1, … in mm. A closed polyline does not repeat its first point at the end. */
export interface Polyline {
  pts: Float64Array;
  closed: boolean;
}

/** '#rrggbb', lower case. */
export type Hex = string;

export type FillRule = 'nonzero' | 'evenodd';

export interface Shape {
  /** Position in the file (document order), from 0. */
  index: number;
  stroke: Hex | null;
  fill: Hex | null;
  fillRule: FillRule;
  /** DXF layer name (SVG: null). */
  layer: string | null;
  paths: Polyline[];
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface Drawing {
  format: 'svg' | 'dxf';
  shapes: Shape[];
  /**
   * The document's page in model coordinates (SVG: width × height with its bottom-left corner at 0,0),
   * or null when the file has none (DXF, SVG without a size).
   */
  page: { widthMm: number; heightMm: number } | null;
  points: number;
}

export const emptyBox = (): Box => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });

export function isEmptyBox(b: Box): boolean {
  return !(b.minX <= b.maxX && b.minY <= b.maxY);
}

export function growBox(b: Box, pts: Float64Array): Box {
  for (let i = 0; i < pts.length; i += 2) {
    const x = pts[i]!;
    const y = pts[i + 1]!;
    if (x < b.minX) b.minX = x;
    if (x > b.maxX) b.maxX = x;
    if (y < b.minY) b.minY = y;
    if (y > b.maxY) b.maxY = y;
  }
  return b;
}

export function boxOf(pts: Float64Array): Box {
  return growBox(emptyBox(), pts);
}

/** Bounds of every path of the drawing, whatever its colour. */
export function drawingBox(d: Drawing): Box {
  const b = emptyBox();
  for (const s of d.shapes) for (const p of s.paths) growBox(b, p.pts);
  return b;
}
