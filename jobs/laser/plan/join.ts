// Open pieces whose ends meet become one path (DXF drawings are often loose LINE and ARC entities;
// SVG exports split outlines too): a chain that comes back to its start is a closed contour, which
// can then be offset for the kerf and ordered inner before outer. Pass the items of one operation group.
import type { Polyline } from '../geometry/types';
import type { PathItem } from './operations';

export const JOIN_TOLERANCE_MM = 0.01;

export function joinOpenPaths(items: PathItem[], tol = JOIN_TOLERANCE_MM): PathItem[] {
  const open: number[] = [];
  const out: PathItem[] = [];
  items.forEach((it, i) => (it.poly.closed ? out.push(it) : open.push(i)));
  if (open.length < 2) return open.length === 1 ? [...out, items[open[0]!]!] : out;

  const cell = (v: number) => Math.floor(v / tol);
  const grid = new Map<string, number[]>(); // endpoint ids: 2·k (start) and 2·k + 1 (end) of open[k]
  const endX = (id: number) => {
    const p = items[open[id >> 1]!]!.poly.pts;
    return id & 1 ? p[p.length - 2]! : p[0]!;
  };
  const endY = (id: number) => {
    const p = items[open[id >> 1]!]!.poly.pts;
    return id & 1 ? p[p.length - 1]! : p[1]!;
  };
  for (let id = 0; id < open.length * 2; id++) {
    const key = `${cell(endX(id))},${cell(endY(id))}`;
    const list = grid.get(key);
    if (list) list.push(id);
    else grid.set(key, [id]);
  }
  const used = new Uint8Array(open.length);
  const near = (x: number, y: number): number => {
    const cx = cell(x);
    const cy = cell(y);
    let best = -1;
    let bestD = tol * tol;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const id of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (used[id >> 1]) continue;
          const d = (endX(id) - x) ** 2 + (endY(id) - y) ** 2;
          if (d <= bestD) {
            bestD = d;
            best = id;
          }
        }
      }
    }
    return best;
  };

  for (let k = 0; k < open.length; k++) {
    if (used[k]) continue;
    used[k] = 1;
    const first = items[open[k]!]!;
    let shape = first.shape;
    const parts: Float64Array[] = [first.poly.pts];
    // Forward from the end, then backward from the start.
    for (;;) {
      const last = parts[parts.length - 1]!;
      const id = near(last[last.length - 2]!, last[last.length - 1]!);
      if (id < 0) break;
      used[id >> 1] = 1;
      const it = items[open[id >> 1]!]!;
      shape = Math.min(shape, it.shape);
      parts.push(id & 1 ? reverse(it.poly.pts) : it.poly.pts);
    }
    for (;;) {
      const head = parts[0]!;
      const id = near(head[0]!, head[1]!);
      if (id < 0) break;
      used[id >> 1] = 1;
      const it = items[open[id >> 1]!]!;
      shape = Math.min(shape, it.shape);
      parts.unshift(id & 1 ? it.poly.pts : reverse(it.poly.pts));
    }
    out.push({ shape, group: first.group, poly: concat(parts, tol) });
  }
  return out;
}

function reverse(pts: Float64Array): Float64Array {
  const out = new Float64Array(pts.length);
  for (let i = 0, j = pts.length - 2; j >= 0; i += 2, j -= 2) {
    out[i] = pts[j]!;
    out[i + 1] = pts[j + 1]!;
  }
  return out;
}

/** Pieces end to end, the shared point once; closed when the chain ends where it began. */
function concat(parts: Float64Array[], tol: number): Polyline {
  if (parts.length === 1) {
    const p = parts[0]!;
    const m = p.length;
    const ends = m >= 8 && Math.hypot(p[0]! - p[m - 2]!, p[1]! - p[m - 1]!) <= tol;
    return ends ? { pts: p.slice(0, m - 2), closed: true } : { pts: p, closed: false };
  }
  let n = parts[0]!.length;
  for (let i = 1; i < parts.length; i++) n += parts[i]!.length - 2;
  const pts = new Float64Array(n);
  pts.set(parts[0]!, 0);
  let o = parts[0]!.length;
  for (let i = 1; i < parts.length; i++) {
    pts.set(parts[i]!.subarray(2), o);
    o += parts[i]!.length - 2;
  }
  const closed = n >= 8 && Math.hypot(pts[0]! - pts[n - 2]!, pts[1]! - pts[n - 1]!) <= tol;
  return closed ? { pts: pts.slice(0, n - 2), closed: true } : { pts, closed: false };
}
