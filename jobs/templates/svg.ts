// The SVG handed to jobs/laser, written by hand because it is a format contract (jscad's serializer
// writes filled paths): sizes in mm with a matching viewBox, cuts as red hairlines (#ff0000, no fill),
// scores as blue hairlines (#0000ff), engraving as black fills (#000000, even-odd, no stroke).
// Geometry comes in y-up millimetres (the machine's way) and is flipped into SVG's y-down frame.
import { boxOf, type Box2 } from './geometry';
import type { LaserOperation, PreviewPolyline, Vec2 } from './types';

export interface Contour {
  points: Vec2[];
  closed: boolean;
}

export interface Drawing {
  cut: Contour[];
  score: Contour[];
  /** Closed outlines of the regions to engrave; they never overlap (a union), holes included. */
  engrave: Vec2[][];
}

export const STROKE_WIDTH_MM = 0.1;
export const COLOURS: Record<LaserOperation, string> = { cut: '#ff0000', score: '#0000ff', engrave: '#000000' };

/** Bounds of everything drawn (outlines of engraved regions included). */
export function drawingBox(d: Drawing): Box2 {
  return boxOf([...d.cut.map((c) => c.points), ...d.score.map((c) => c.points), ...d.engrave]);
}

export function translateDrawing(d: Drawing, dx: number, dy: number): Drawing {
  const move = (pts: readonly Vec2[]) => pts.map(([x, y]) => [x + dx, y + dy] as const);
  return {
    cut: d.cut.map((c) => ({ closed: c.closed, points: move(c.points) })),
    score: d.score.map((c) => ({ closed: c.closed, points: move(c.points) })),
    engrave: d.engrave.map(move),
  };
}

/** Fixed-point number, at most 4 decimals (0.1 µm), never in exponent form, never "-0". */
export function fmt(v: number): string {
  const r = Math.round(v * 10000) / 10000;
  if (r === 0) return '0';
  return r.toFixed(4).replace(/\.?0+$/, '');
}

function pathData(points: readonly Vec2[], closed: boolean, height: number): string {
  const parts = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${fmt(x)} ${fmt(height - y)}`);
  return parts.join(' ') + (closed ? ' Z' : '');
}

const area = (c: Contour) => {
  const b = boxOf([c.points]);
  return (b.maxX - b.minX) * (b.maxY - b.minY);
};

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Writes a drawing whose bounds start at (0, 0). Cuts go smallest first, so that a hole is cut before
 * the part around it falls out (jobs/laser orders them again, but a file opened elsewhere stays safe).
 */
export function writeSvg(d: Drawing, title: string): string {
  const b = drawingBox(d);
  const width = b.maxX;
  const height = b.maxY;
  const stroke = (op: LaserOperation) => `fill="none" stroke="${COLOURS[op]}" stroke-width="${STROKE_WIDTH_MM}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${fmt(width)}mm" height="${fmt(height)}mm" viewBox="0 0 ${fmt(width)} ${fmt(height)}">`,
    `  <title>${escapeXml(title)}</title>`,
  ];
  if (d.engrave.length > 0) {
    const data = d.engrave.map((o) => pathData(o, true, height)).join(' ');
    lines.push(`  <g id="engrave">`, `    <path d="${data}" fill="${COLOURS.engrave}" fill-rule="evenodd" stroke="none"/>`, '  </g>');
  }
  if (d.score.length > 0) {
    lines.push('  <g id="score">');
    for (const c of d.score) lines.push(`    <path d="${pathData(c.points, c.closed, height)}" ${stroke('score')}/>`);
    lines.push('  </g>');
  }
  if (d.cut.length > 0) {
    lines.push('  <g id="cut">');
    for (const c of [...d.cut].sort((a, z) => area(a) - area(z))) lines.push(`    <path d="${pathData(c.points, c.closed, height)}" ${stroke('cut')}/>`);
    lines.push('  </g>');
  }
  lines.push('</svg>', '');
  return lines.join('\n');
}

/** The drawing as polylines for the 2D preview (y up, mm). */
export function previewPolylines(d: Drawing): PreviewPolyline[] {
  const flat = (pts: readonly Vec2[]) => Float32Array.from(pts.flatMap(([x, y]) => [x, y]));
  return [
    ...d.engrave.map((o) => ({ operation: 'engrave' as const, closed: true, points: flat(o) })),
    ...d.score.map((c) => ({ operation: 'score' as const, closed: c.closed, points: flat(c.points) })),
    ...d.cut.map((c) => ({ operation: 'cut' as const, closed: c.closed, points: flat(c.points) })),
  ];
}
