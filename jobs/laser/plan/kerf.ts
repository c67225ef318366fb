// Kerf compensation for cuts, with Clipper (js-angusj-clipper, WebAssembly, loaded once): the beam
// removes kerf/2 of material on each side of its path, so a part's outline (even depth) moves out by
// kerf/2 and a hole (odd depth) moves in. Mitred joins keep corners sharp. Each contour is offset on
// its own, so that overlapping parts are not merged into one.
import * as clipperLib from 'js-angusj-clipper';
import type { Polyline } from '../geometry/types';

/** Clipper works on integers: 10 nm steps. */
const SCALE = 1e5;

let loading: Promise<clipperLib.ClipperLibWrapper> | null = null;

export function loadClipper(): Promise<clipperLib.ClipperLibWrapper> {
  loading ??= clipperLib.loadNativeClipperLibInstanceAsync(clipperLib.NativeClipperLibRequestedFormat.WasmWithAsmJsFallback);
  return loading;
}

export interface KerfResult {
  polys: Polyline[];
  /** For each output, the index of the input contour it comes from. */
  from: number[];
  /** Holes that vanished when shrunk: cut as drawn. */
  tooSmall: number;
}

/** Offsets the closed contours by ±kerf/2 (open paths pass through unchanged). */
export async function offsetForKerf(polys: readonly Polyline[], depth: Int32Array, kerfMm: number): Promise<KerfResult> {
  const out: KerfResult = { polys: [], from: [], tooSmall: 0 };
  if (!(kerfMm > 0)) {
    polys.forEach((p, i) => {
      out.polys.push(p);
      out.from.push(i);
    });
    return out;
  }
  const lib = await loadClipper();
  const half = (kerfMm / 2) * SCALE;
  for (let i = 0; i < polys.length; i++) {
    const p = polys[i]!;
    if (!p.closed) {
      out.polys.push(p);
      out.from.push(i);
      continue;
    }
    const path: clipperLib.IntPoint[] = [];
    for (let k = 0; k < p.pts.length; k += 2) path.push({ x: Math.round(p.pts[k]! * SCALE), y: Math.round(p.pts[k + 1]! * SCALE) });
    const hole = depth[i]! % 2 === 1;
    const res = lib.offsetToPaths({
      delta: hole ? -half : half,
      miterLimit: 3,
      offsetInputs: [{ data: path, joinType: clipperLib.JoinType.Miter, endType: clipperLib.EndType.ClosedPolygon }],
    });
    if (!res || res.length === 0) {
      out.tooSmall++;
      out.polys.push(p);
      out.from.push(i);
      continue;
    }
    for (const r of res) {
      if (r.length < 3) continue;
      const pts = new Float64Array(r.length * 2);
      r.forEach((q, k) => {
        pts[2 * k] = q.x / SCALE;
        pts[2 * k + 1] = q.y / SCALE;
      });
      out.polys.push({ pts, closed: true });
      out.from.push(i);
    }
  }
  return out;
}
