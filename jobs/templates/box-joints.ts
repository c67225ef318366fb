// Finger joints of a box cut from flat sheet. Each panel edge is a pattern of segments along it, "out"
// (material up to the edge) or "in" (set back by the thickness). Along every edge, the first and last
// thickness belong to the box's corner cubes, and the span between alternates in an odd number of fingers:
//   - the eight corner cubes belong to the front and back panels (their edges are out at the corners);
//   - left/right and bottom/lid are in at their corners;
//   - mating edges have complementary spans, and the corner owner's span starts with a finger, so each of
//     its corners hangs on a full finger (never by a point).
// A panel's outline is traced from the cells these patterns make, so coordinates stay exact.
import type { Outline } from './geometry';

export interface Segment {
  from: number;
  to: number;
  out: boolean;
}

/** Along the edge, in increasing panel coordinate (left to right for bottom/top, upwards for left/right). */
export type Pattern = Segment[];

export interface PanelEdges {
  bottom: Pattern;
  right: Pattern;
  top: Pattern;
  left: Pattern;
}

/** `n` equal segments over the whole length (n odd), out at both ends or in at both ends. */
export function alternate(length: number, n: number, outAtEnds: boolean): Pattern {
  return Array.from({ length: n }, (_, i) => ({ from: (i * length) / n, to: ((i + 1) * length) / n, out: i % 2 === 0 === outAtEnds }));
}

/**
 * The corner zones (the first and last `t`), out or in, and `n` alternating segments between them,
 * out or in at both ends of the span.
 */
export function edgePattern(length: number, t: number, n: number, cornersOut: boolean, spanOutAtEnds: boolean): Pattern {
  return [
    { from: 0, to: t, out: cornersOut },
    ...alternate(length - 2 * t, n, spanOutAtEnds).map((s) => ({ from: s.from + t, to: s.to + t, out: s.out })),
    { from: length - t, to: length, out: cornersOut },
  ];
}

export function plainPattern(length: number): Pattern {
  return [{ from: 0, to: length, out: true }];
}

/** The largest odd count of segments at least `finger` wide, never fewer than 3. */
export function fingerCount(span: number, finger: number): number {
  let n = Math.floor(span / finger + 1e-9);
  if (n % 2 === 0) n -= 1;
  return Math.max(3, n);
}

function outAt(p: Pattern, s: number): boolean {
  for (const seg of p) if (s >= seg.from && s <= seg.to) return seg.out;
  return false;
}

/** Is the panel point (x, y) material? Within `t` of an edge, that edge's pattern decides. */
export function panelHas(w: number, h: number, t: number, e: PanelEdges, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x > w || y > h) return false;
  if (y < t && !outAt(e.bottom, x)) return false;
  if (y > h - t && !outAt(e.top, x)) return false;
  if (x < t && !outAt(e.left, y)) return false;
  if (x > w - t && !outAt(e.right, y)) return false;
  return true;
}

function breaks(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** The panel's outline, counter-clockwise, traced along the boundary of its material cells. */
export function panelOutline(w: number, h: number, t: number, e: PanelEdges): Outline {
  const cuts = (p: Pattern) => p.flatMap((s) => [s.from, s.to]);
  const xs = breaks([0, t, w - t, w, ...cuts(e.bottom), ...cuts(e.top)]);
  const ys = breaks([0, t, h - t, h, ...cuts(e.left), ...cuts(e.right)]);
  const filled = (i: number, j: number) =>
    i >= 0 && j >= 0 && i < xs.length - 1 && j < ys.length - 1 && panelHas(w, h, t, e, (xs[i]! + xs[i + 1]!) / 2, (ys[j]! + ys[j + 1]!) / 2);
  // Directed boundary edges between grid nodes (i, j), material on their left.
  const next = new Map<string, [number, number]>();
  const link = (a: [number, number], b: [number, number]) => next.set(`${a[0]},${a[1]}`, b);
  for (let i = 0; i < xs.length - 1; i++) {
    for (let j = 0; j < ys.length - 1; j++) {
      if (!filled(i, j)) continue;
      if (!filled(i, j - 1)) link([i, j], [i + 1, j]);
      if (!filled(i + 1, j)) link([i + 1, j], [i + 1, j + 1]);
      if (!filled(i, j + 1)) link([i + 1, j + 1], [i, j + 1]);
      if (!filled(i - 1, j)) link([i, j + 1], [i, j]);
    }
  }
  const [startKey] = next.keys();
  if (startKey === undefined) return [];
  const nodes: [number, number][] = [];
  let key = startKey;
  do {
    const [i, j] = key.split(',').map(Number) as [number, number];
    nodes.push([i, j]);
    const to = next.get(key)!;
    key = `${to[0]},${to[1]}`;
  } while (key !== startKey && nodes.length <= next.size);
  if (nodes.length !== next.size) throw new Error('panelOutline: the panel is not one piece');
  // Keep corners only.
  const out: Outline = [];
  for (let k = 0; k < nodes.length; k++) {
    const a = nodes[(k + nodes.length - 1) % nodes.length]!;
    const b = nodes[k]!;
    const c = nodes[(k + 1) % nodes.length]!;
    const straight = (a[0] === b[0] && b[0] === c[0]) || (a[1] === b[1] && b[1] === c[1]);
    if (!straight) out.push([xs[b[0]]!, ys[b[1]]!]);
  }
  return out;
}
