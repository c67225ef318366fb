// The same outline drawn twice (a common slip in drawings) would be cut twice and, nested in itself,
// taken for a hole by the kerf offset: keep one.
import { boxOf } from '../geometry/types';
import { signedArea } from '../geometry/polygon';
import type { PathItem } from './operations';

const Q = 1e-3;

function sameClosed(a: Float64Array, b: Float64Array): boolean {
  const n = a.length / 2;
  // Same vertices, from any start, either way round.
  for (let s = 0; s < n; s++) {
    if (Math.abs(a[0]! - b[2 * s]!) > Q || Math.abs(a[1]! - b[2 * s + 1]!) > Q) continue;
    for (const dir of [1, -1]) {
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        const j = (((s + dir * i) % n) + n) % n;
        ok = Math.abs(a[2 * i]! - b[2 * j]!) <= Q && Math.abs(a[2 * i + 1]! - b[2 * j + 1]!) <= Q;
      }
      if (ok) return true;
    }
  }
  return false;
}

function sameOpen(a: Float64Array, b: Float64Array): boolean {
  const n = a.length;
  let fwd = true;
  let rev = true;
  for (let i = 0; i < n && (fwd || rev); i += 2) {
    fwd &&= Math.abs(a[i]! - b[i]!) <= Q && Math.abs(a[i + 1]! - b[i + 1]!) <= Q;
    rev &&= Math.abs(a[i]! - b[n - 2 - i]!) <= Q && Math.abs(a[i + 1]! - b[n - 1 - i]!) <= Q;
  }
  return fwd || rev;
}

export function dropDuplicates(items: PathItem[]): { items: PathItem[]; removed: number } {
  const seen = new Map<string, PathItem[]>();
  const out: PathItem[] = [];
  let removed = 0;
  for (const it of items) {
    const p = it.poly;
    const b = boxOf(p.pts);
    const r = (v: number) => Math.round(v / 0.01);
    const key = `${p.closed ? 1 : 0}:${p.pts.length}:${r(b.minX)}:${r(b.minY)}:${r(b.maxX)}:${r(b.maxY)}:${p.closed ? Math.round(Math.abs(signedArea(p.pts))) : 0}`;
    const same = seen.get(key);
    if (same?.some((o) => (p.closed ? sameClosed(o.poly.pts, p.pts) : sameOpen(o.poly.pts, p.pts)))) {
      removed++;
      continue;
    }
    if (same) same.push(it);
    else seen.set(key, [it]);
    out.push(it);
  }
  return { items: out, removed };
}
