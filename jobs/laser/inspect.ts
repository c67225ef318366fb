// What the laser screen shows before a job is prepared: the drawing's size, its colours (with what
// the lab's convention suggests for each), and a light outline for the 2D preview.
import { importDxf } from './dxf/import';
import { LaserError } from './errors';
import type { LaserFinding } from './findings';
import { polylineLength } from './geometry/polygon';
import { simplify } from './geometry/simplify';
import { type Box, emptyBox, growBox, type Hex, isEmptyBox } from './geometry/types';
import type { LaserLimits } from './limits';
import { DEFAULT_MAPPING, type ColorMapping, type MappingValue } from './plan/operations';
import type { OperationChoice } from './presets/schema';
import { detectFormat } from './source';
import { importSvg } from './svg/import';
import { normalizeColor } from './geometry/color';

export interface InspectedColor {
  paint: 'stroke' | 'fill';
  color: Hex;
  shapes: number;
  paths: number;
  /** Length of the outlines of that colour, mm. */
  lengthMm: number;
  /** Every path of that colour is closed. */
  closed: boolean;
  /** What the mapping (default: the lab's convention) does with it. */
  operation: OperationChoice;
}

export interface OutlinePath {
  stroke: Hex | null;
  fill: Hex | null;
  closed: boolean;
  /** x0, y0, x1, y1, … in mm (model coordinates, y up). */
  points: number[];
}

export interface DrawingInspection {
  format: 'svg' | 'dxf';
  page: { widthMm: number; heightMm: number } | null;
  /** Bounds of every shape with a colour, model coordinates; null for an empty drawing. */
  bounds: Box | null;
  widthMm: number;
  heightMm: number;
  colors: InspectedColor[];
  /** DXF layers that hold shapes. */
  layers: string[];
  outline: OutlinePath[];
  /** The outline was simplified within this distance, mm. */
  outlineToleranceMm: number;
  findings: LaserFinding[];
}

export interface InspectOptions {
  toleranceMm?: number;
  limits?: Partial<LaserLimits>;
  mapping?: ColorMapping;
  /** Most points in the outline (default 100,000): the simplification tolerance grows until it fits. */
  maxOutlinePoints?: number;
}

const opOf = (v: MappingValue | undefined): OperationChoice | undefined => (v === undefined ? undefined : typeof v === 'string' ? v : v.operation);

export function inspectDrawing(name: string, bytes: Uint8Array, opts: InspectOptions = {}): DrawingInspection {
  const format = detectFormat(name, bytes);
  if (format === 'image') throw new LaserError('unsupported_format', { name: name.slice(0, 120) });
  const imp = format === 'svg' ? importSvg(bytes, opts) : importDxf(bytes, opts);
  const d = imp.drawing;
  const mapping = opts.mapping ?? DEFAULT_MAPPING;
  const lookup = (table: Record<string, MappingValue> | undefined, color: Hex): OperationChoice => {
    for (const [k, v] of Object.entries(table ?? {})) if (normalizeColor(k) === color) return opOf(v) ?? 'ignore';
    return mapping.otherwise ?? 'ignore';
  };
  const colors = new Map<string, InspectedColor>();
  const box = emptyBox();
  const layers = new Set<string>();
  for (const s of d.shapes) {
    for (const p of s.paths) growBox(box, p.pts);
    if (s.layer !== null) layers.add(s.layer);
    for (const paint of ['stroke', 'fill'] as const) {
      const color = s[paint];
      if (color === null) continue;
      const k = `${paint}:${color}`;
      let c = colors.get(k);
      if (!c) {
        c = { paint, color, shapes: 0, paths: 0, lengthMm: 0, closed: true, operation: lookup(paint === 'stroke' ? mapping.stroke : mapping.fill, color) };
        colors.set(k, c);
      }
      c.shapes++;
      c.paths += s.paths.length;
      for (const p of s.paths) {
        c.lengthMm += polylineLength(p);
        if (!p.closed) c.closed = false;
      }
    }
  }
  for (const c of colors.values()) c.lengthMm = Math.round(c.lengthMm * 100) / 100;

  const max = opts.maxOutlinePoints ?? 100_000;
  let tol = 0.05;
  let outline: OutlinePath[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    outline = [];
    let count = 0;
    for (const s of d.shapes) {
      for (const p of s.paths) {
        const points = simplify(p.pts, p.closed, tol);
        count += points.length / 2;
        outline.push({ stroke: s.stroke, fill: s.fill, closed: p.closed, points });
      }
    }
    if (count <= max) break;
    tol *= 2;
  }
  const empty = isEmptyBox(box);
  return {
    format,
    page: d.page,
    bounds: empty ? null : box,
    widthMm: empty ? 0 : box.maxX - box.minX,
    heightMm: empty ? 0 : box.maxY - box.minY,
    colors: [...colors.values()].sort((a, b) => b.shapes - a.shapes),
    layers: [...layers].sort(),
    outline,
    outlineToleranceMm: tol,
    findings: imp.findings,
  };
}
