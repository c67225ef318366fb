// Which contour lies inside which: the containment tree of a cut. A part's holes (and anything inside
// them) must be cut while the part still holds in the sheet, so children come before their parent;
// the parity of a contour's depth tells a part's outline (even) from a hole (odd) for the kerf.
import { pointInPolygon, signedArea } from '../geometry/polygon';
import { type Box, boxOf, type Polyline } from '../geometry/types';

export interface Containment {
  /** Index of the smallest closed contour containing each path, or -1. */
  parent: Int32Array;
  /** Number of closed contours around each path (0 = outermost). */
  depth: Int32Array;
}

const contains = (a: Box, b: Box) => a.minX <= b.minX && a.minY <= b.minY && a.maxX >= b.maxX && a.maxY >= b.maxY;

/** Two of three sample vertices inside: a contour touching its parent's edge still counts as inside. */
function inside(outer: Polyline, inner: Polyline): boolean {
  const p = inner.pts;
  const n = p.length / 2;
  const idx = n < 3 ? [0, n - 1] : [0, Math.floor(n / 3), Math.floor((2 * n) / 3)];
  let hits = 0;
  for (const i of idx) if (pointInPolygon(outer.pts, p[2 * i]!, p[2 * i + 1]!)) hits++;
  return hits * 2 > idx.length;
}

export function buildContainment(polys: readonly Polyline[]): Containment {
  const n = polys.length;
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  const boxes = polys.map((p) => boxOf(p.pts));
  const area = polys.map((p) => (p.closed ? Math.abs(signedArea(p.pts)) : 0));
  const closed: number[] = [];
  for (let i = 0; i < n; i++) if (polys[i]!.closed && area[i]! > 0) closed.push(i);
  if (closed.length === 0) return { parent, depth };

  // A uniform grid over the closed contours' boxes; contours covering a quarter of it or more are
  // checked for every query instead of filling every cell.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const i of closed) {
    const b = boxes[i]!;
    minX = Math.min(minX, b.minX);
    minY = Math.min(minY, b.minY);
    maxX = Math.max(maxX, b.maxX);
    maxY = Math.max(maxY, b.maxY);
  }
  const g = Math.max(1, Math.min(256, Math.ceil(Math.sqrt(closed.length))));
  const cw = Math.max((maxX - minX) / g, 1e-9);
  const ch = Math.max((maxY - minY) / g, 1e-9);
  const cx = (x: number) => Math.max(0, Math.min(g - 1, Math.floor((x - minX) / cw)));
  const cy = (y: number) => Math.max(0, Math.min(g - 1, Math.floor((y - minY) / ch)));
  const cells: number[][] = Array.from({ length: g * g }, () => []);
  const big: number[] = [];
  for (const i of closed) {
    const b = boxes[i]!;
    const x0 = cx(b.minX);
    const x1 = cx(b.maxX);
    const y0 = cy(b.minY);
    const y1 = cy(b.maxY);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) * 4 >= g * g && g > 1) {
      big.push(i);
      continue;
    }
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) cells[y * g + x]!.push(i);
  }

  for (let i = 0; i < n; i++) {
    const b = boxes[i]!;
    if (!(b.minX <= b.maxX)) continue;
    const px = polys[i]!.pts[0]!;
    const py = polys[i]!.pts[1]!;
    let best = -1;
    let bestArea = Infinity;
    const test = (j: number) => {
      if (j === i) return;
      const aj = area[j]!;
      // Equal areas: the earlier contour holds the later one (two identical contours are not nested twice).
      if (!(aj > area[i]! || (aj === area[i]! && j < i)) || aj >= bestArea) return;
      if (!contains(boxes[j]!, b)) return;
      if (inside(polys[j]!, polys[i]!)) {
        best = j;
        bestArea = aj;
      }
    };
    if (px >= minX && px <= maxX && py >= minY && py <= maxY) for (const j of cells[cy(py) * g + cx(px)]!) test(j);
    for (const j of big) test(j);
    parent[i] = best;
  }

  // Depth from the outside in: parents have the larger area, so visit by decreasing area.
  const order = [...Array(n).keys()].sort((a, b) => area[b]! - area[a]!);
  for (const i of order) depth[i] = parent[i]! >= 0 ? depth[parent[i]!]! + 1 : 0;
  return { parent, depth };
}
