// Douglas–Peucker: fewer points for a preview, every dropped point within `tol` of what is kept.

export function simplify(pts: Float64Array, closed: boolean, tol: number): number[] {
  const n = pts.length / 2;
  if (n <= 2) return Array.from(pts);
  // A closed path is split at its first point and at the point farthest from it.
  const last = closed ? n : n - 1;
  const x = (i: number) => pts[2 * (i % n)]!;
  const y = (i: number) => pts[2 * (i % n) + 1]!;
  const keep = new Uint8Array(last + 1);
  keep[0] = 1;
  keep[last] = 1;
  const stack: [number, number][] = [];
  if (closed) {
    let far = 1;
    let best = -1;
    for (let i = 1; i < n; i++) {
      const d = (x(i) - x(0)) ** 2 + (y(i) - y(0)) ** 2;
      if (d > best) {
        best = d;
        far = i;
      }
    }
    keep[far] = 1;
    stack.push([0, far], [far, last]);
  } else stack.push([0, last]);
  const tol2 = tol * tol;
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    if (b - a < 2) continue;
    const ax = x(a);
    const ay = y(a);
    const dx = x(b) - ax;
    const dy = y(b) - ay;
    const len2 = dx * dx + dy * dy;
    let far = -1;
    let best = tol2;
    for (let i = a + 1; i < b; i++) {
      const px = x(i) - ax;
      const py = y(i) - ay;
      let d: number;
      if (len2 === 0) d = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        d = (px - t * dx) ** 2 + (py - t * dy) ** 2;
      }
      if (d > best) {
        best = d;
        far = i;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(x(i), y(i));
  return out;
}
