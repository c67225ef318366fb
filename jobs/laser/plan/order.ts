// The order of the paths of an operation and where each starts, to cut travel: nearest neighbour from
// wherever the head is (any vertex of a closed path may be its start; an open path may run either
// way), under the rule that a contour waits for everything inside it. Then a windowed 2-opt pass
// reverses runs of paths when that shortens the route and breaks no inside-before-outside rule.
// Nearest-point queries go through a uniform grid, so that thousands of paths stay fast.

/** Math.hypot is several times slower, and these run per vertex. */
const dist = (dx: number, dy: number): number => Math.sqrt(dx * dx + dy * dy);

export interface RouteInput {
  pts: Float64Array;
  closed: boolean;
}

export interface Route {
  /** Path indices in burning order. */
  order: number[];
  /** Start vertex of each path (closed: where the loop starts and ends; open: 0, or its last when reversed). */
  start: Int32Array;
  /** Open paths run from their last point to their first. */
  reversed: Uint8Array;
  endX: number;
  endY: number;
  travelMm: number;
}

export interface Precedence {
  /** The group of each path (paths from one contour after the kerf offset share one). */
  group: Int32Array;
  /** For each group, the group that must wait for it (its parent in the containment tree), or -1. */
  parentGroup: Int32Array;
}

export interface RouteOptions {
  twoOpt?: boolean;
  /** Paths a reversal may span (default 24). */
  window?: number;
}

export function planRoute(paths: readonly RouteInput[], fromX: number, fromY: number, prec?: Precedence, opts: RouteOptions = {}): Route {
  const n = paths.length;
  const start = new Int32Array(n);
  const reversed = new Uint8Array(n);
  const order: number[] = [];
  if (n === 0) return { order, start, reversed, endX: fromX, endY: fromY, travelMm: 0 };
  const group = prec?.group ?? Int32Array.from({ length: n }, (_, i) => i);
  const groups = prec ? prec.parentGroup.length : n;
  const parentGroup = prec?.parentGroup ?? new Int32Array(n).fill(-1);

  // Candidate entry points: every vertex of a closed path, both ends of an open one.
  let total = 0;
  for (const p of paths) total += p.closed ? p.pts.length / 2 : Math.min(2, p.pts.length / 2);
  const ptPath = new Int32Array(total);
  const ptVert = new Int32Array(total);
  const firstPt = new Int32Array(n + 1);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  {
    let k = 0;
    for (let i = 0; i < n; i++) {
      firstPt[i] = k;
      const p = paths[i]!;
      const nv = p.pts.length / 2;
      const verts = p.closed ? nv : Math.min(2, nv);
      for (let v = 0; v < verts; v++) {
        const vi = p.closed || v === 0 ? v : nv - 1;
        ptPath[k] = i;
        ptVert[k] = vi;
        const x = p.pts[2 * vi]!;
        const y = p.pts[2 * vi + 1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
        k++;
      }
    }
    firstPt[n] = k;
  }
  // Cells in compressed rows: the points of cell c are cellPts[cellStart[c] … cellStart[c + 1]).
  // `avail` counts the points of each cell whose path may be burnt now, so that empty cells cost one
  // read; points of finished paths stay in their cell and are skipped.
  const g = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(total / 2))));
  const cw = Math.max((maxX - minX) / g, 1e-6);
  const ch = Math.max((maxY - minY) / g, 1e-6);
  const cell = Math.min(cw, ch);
  const ptCell = new Int32Array(total);
  const cellStart = new Int32Array(g * g + 1);
  for (let k = 0; k < total; k++) {
    const p = paths[ptPath[k]!]!.pts;
    const v = ptVert[k]!;
    const cx = Math.max(0, Math.min(g - 1, Math.floor((p[2 * v]! - minX) / cw)));
    const cy = Math.max(0, Math.min(g - 1, Math.floor((p[2 * v + 1]! - minY) / ch)));
    const c = cy * g + cx;
    ptCell[k] = c;
    cellStart[c + 1] = cellStart[c + 1]! + 1;
  }
  for (let c = 0; c < g * g; c++) cellStart[c + 1] = cellStart[c + 1]! + cellStart[c]!;
  const cellPts = new Int32Array(total);
  {
    const fill = cellStart.slice(0, g * g);
    for (let k = 0; k < total; k++) cellPts[fill[ptCell[k]!]!++] = k;
  }
  const ptX = new Float64Array(total);
  const ptY = new Float64Array(total);
  for (let k = 0; k < total; k++) {
    const p = paths[ptPath[k]!]!.pts;
    ptX[k] = p[2 * ptVert[k]!]!;
    ptY[k] = p[2 * ptVert[k]! + 1]!;
  }
  const avail = new Int32Array(g * g);
  /** 0 waiting for what is inside it, 1 available, 2 done. */
  const state = new Uint8Array(n);
  let live = 0;
  const setAvailable = (i: number, on: boolean) => {
    const d = on ? 1 : -1;
    for (let k = firstPt[i]!; k < firstPt[i + 1]!; k++) avail[ptCell[k]!] = avail[ptCell[k]!]! + d;
    live += d * (firstPt[i + 1]! - firstPt[i]!);
    state[i] = on ? 1 : 2;
  };

  // Paths of a group become available once every path of its child groups is done.
  const pending = new Int32Array(groups);
  for (let i = 0; i < n; i++) {
    const pg = parentGroup[group[i]!]!;
    if (pg >= 0) pending[pg] = pending[pg]! + 1;
  }
  const membersOf: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < n; i++) membersOf[group[i]!]!.push(i);
  for (let i = 0; i < n; i++) if (pending[group[i]!] === 0) setAvailable(i, true);

  let x = fromX;
  let y = fromY;
  let travel = 0;
  let best = -1;
  let bestD = Infinity;
  const scanCell = (c: number) => {
    if (avail[c] === 0) return;
    for (let t = cellStart[c]!, e = cellStart[c + 1]!; t < e; t++) {
      const k = cellPts[t]!;
      if (state[ptPath[k]!] !== 1) continue;
      const ddx = ptX[k]! - x;
      const ddy = ptY[k]! - y;
      const d = ddx * ddx + ddy * ddy;
      if (d < bestD || (d === bestD && k < best)) {
        bestD = d;
        best = k;
      }
    }
  };
  for (let step = 0; step < n; step++) {
    // Nearest available point: rings of cells around the head until no closer point can remain.
    const qx = Math.max(0, Math.min(g - 1, Math.floor((x - minX) / cw)));
    const qy = Math.max(0, Math.min(g - 1, Math.floor((y - minY) / ch)));
    best = -1;
    bestD = Infinity;
    for (let r = 0; r <= g && live > 0; r++) {
      if (r === 0) scanCell(qy * g + qx);
      else {
        const y0 = qy - r;
        const y1 = qy + r;
        const xa = Math.max(0, qx - r);
        const xb = Math.min(g - 1, qx + r);
        if (y0 >= 0) for (let cx = xa; cx <= xb; cx++) scanCell(y0 * g + cx);
        if (y1 < g) for (let cx = xa; cx <= xb; cx++) scanCell(y1 * g + cx);
        const ya = Math.max(0, y0 + 1);
        const yb = Math.min(g - 1, y1 - 1);
        if (qx - r >= 0) for (let cy = ya; cy <= yb; cy++) scanCell(cy * g + qx - r);
        if (qx + r < g) for (let cy = ya; cy <= yb; cy++) scanCell(cy * g + qx + r);
      }
      if (best >= 0 && Math.sqrt(bestD) <= r * cell) break;
    }
    if (best < 0) throw new Error('route: no path available (cyclic precedence)');
    const i = ptPath[best]!;
    const p = paths[i]!;
    const v = ptVert[best]!;
    travel += Math.sqrt(bestD);
    order.push(i);
    setAvailable(i, false);
    if (p.closed) {
      start[i] = v;
      x = p.pts[2 * v]!;
      y = p.pts[2 * v + 1]!;
    } else {
      const last = p.pts.length / 2 - 1;
      reversed[i] = v === last && last > 0 ? 1 : 0;
      start[i] = v;
      const e = reversed[i] ? 0 : last;
      x = p.pts[2 * e]!;
      y = p.pts[2 * e + 1]!;
    }
    const pg = parentGroup[group[i]!]!;
    if (pg >= 0) {
      pending[pg] = pending[pg]! - 1;
      if (pending[pg] === 0) for (const m of membersOf[pg]!) setAvailable(m, true);
    }
  }

  const route: Route = { order, start, reversed, endX: x, endY: y, travelMm: travel };
  if (opts.twoOpt !== false && n > 2) twoOpt(paths, route, fromX, fromY, group, parentGroup, opts.window ?? 24);
  return route;
}

function entryX(paths: readonly RouteInput[], r: Route, i: number): number {
  return paths[i]!.pts[2 * r.start[i]!]!;
}
function entryY(paths: readonly RouteInput[], r: Route, i: number): number {
  return paths[i]!.pts[2 * r.start[i]! + 1]!;
}
function exitIndex(paths: readonly RouteInput[], r: Route, i: number): number {
  const p = paths[i]!;
  if (p.closed) return r.start[i]!;
  return r.reversed[i] ? 0 : p.pts.length / 2 - 1;
}

/** Reverse runs order[a..b] when it shortens the two travels around them. */
function twoOpt(paths: readonly RouteInput[], r: Route, fromX: number, fromY: number, group: Int32Array, parentGroup: Int32Array, window: number): void {
  const n = r.order.length;
  const stamp = new Int32Array(parentGroup.length).fill(-1);
  let stampId = 0;
  const ex = (i: number) => paths[i]!.pts[2 * exitIndex(paths, r, i)]!;
  const ey = (i: number) => paths[i]!.pts[2 * exitIndex(paths, r, i) + 1]!;
  for (let pass = 0; pass < 3; pass++) {
    let improved = false;
    for (let a = 0; a < n - 1; a++) {
      const pa = r.order[a]!;
      const px = a === 0 ? fromX : ex(r.order[a - 1]!);
      const py = a === 0 ? fromY : ey(r.order[a - 1]!);
      const sax = entryX(paths, r, pa);
      const say = entryY(paths, r, pa);
      const dIn = dist(sax - px, say - py);
      stampId++;
      const pgA = parentGroup[group[pa]!]!;
      if (pgA >= 0) stamp[pgA] = stampId;
      for (let b = a + 1; b < Math.min(n, a + window); b++) {
        const pb = r.order[b]!;
        // pb holds one of the paths before it in the run: reversing would cut it first.
        if (stamp[group[pb]!] === stampId) break;
        const pgB = parentGroup[group[pb]!]!;
        if (pgB >= 0) stamp[pgB] = stampId;
        const bx = ex(pb);
        const by = ey(pb);
        let before = dIn;
        let after = dist(bx - px, by - py);
        if (b + 1 < n) {
          const pn = r.order[b + 1]!;
          const nx = entryX(paths, r, pn);
          const ny = entryY(paths, r, pn);
          before += dist(nx - bx, ny - by);
          after += dist(nx - sax, ny - say);
        }
        if (after < before - 1e-9) {
          for (let lo = a, hi = b; lo < hi; lo++, hi--) {
            const t = r.order[lo]!;
            r.order[lo] = r.order[hi]!;
            r.order[hi] = t;
          }
          for (let k = a; k <= b; k++) {
            const i = r.order[k]!;
            const p = paths[i]!;
            if (!p.closed) {
              r.reversed[i] = r.reversed[i] ? 0 : 1;
              r.start[i] = r.reversed[i] ? p.pts.length / 2 - 1 : 0;
            }
          }
          improved = true;
          break;
        }
      }
    }
    if (!improved) break;
  }
  // Travel and end point of the final order.
  let x = fromX;
  let y = fromY;
  let travel = 0;
  for (const i of r.order) {
    travel += dist(entryX(paths, r, i) - x, entryY(paths, r, i) - y);
    x = ex(i);
    y = ey(i);
  }
  r.travelMm = travel;
  r.endX = x;
  r.endY = y;
}

/** Travel when the paths are burnt as listed, each from its first point. */
export function listedTravel(paths: readonly RouteInput[], fromX: number, fromY: number): { travelMm: number; endX: number; endY: number } {
  let x = fromX;
  let y = fromY;
  let travel = 0;
  for (const p of paths) {
    travel += dist(p.pts[0]! - x, p.pts[1]! - y);
    const e = p.closed ? 0 : p.pts.length / 2 - 1;
    x = p.pts[2 * e]!;
    y = p.pts[2 * e + 1]!;
  }
  return { travelMm: travel, endX: x, endY: y };
}
