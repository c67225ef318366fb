// 2D affine matrices as SVG writes them: [a, b, c, d, e, f] maps (x, y) to (a·x + c·y + e, b·x + d·y + f).

export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m ∘ n: apply n first, then m (the order of nested SVG transforms, outer × inner). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export const translate = (tx: number, ty = 0): Matrix => [1, 0, 0, 1, tx, ty];
export const scale = (sx: number, sy = sx): Matrix => [sx, 0, 0, sy, 0, 0];

export function rotate(deg: number, cx = 0, cy = 0): Matrix {
  const r = (deg * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  const m: Matrix = [c, s, -s, c, 0, 0];
  return cx === 0 && cy === 0 ? m : multiply(translate(cx, cy), multiply(m, translate(-cx, -cy)));
}

export const skewX = (deg: number): Matrix => [1, 0, Math.tan((deg * Math.PI) / 180), 1, 0, 0];
export const skewY = (deg: number): Matrix => [1, Math.tan((deg * Math.PI) / 180), 0, 1, 0, 0];

/** Largest stretch the matrix applies to a length (the larger singular value). */
export function maxScale(m: Matrix): number {
  const [a, b, c, d] = m;
  const s1 = a * a + b * b + c * c + d * d;
  const det = a * d - b * c;
  const disc = Math.sqrt(Math.max(0, s1 * s1 - 4 * det * det));
  return Math.sqrt((s1 + disc) / 2);
}

export function isFiniteMatrix(m: Matrix): boolean {
  return m.every((v) => Number.isFinite(v));
}

export function applyInPlace(m: Matrix, pts: Float64Array): void {
  const [a, b, c, d, e, f] = m;
  for (let i = 0; i < pts.length; i += 2) {
    const x = pts[i]!;
    const y = pts[i + 1]!;
    pts[i] = a * x + c * y + e;
    pts[i + 1] = b * x + d * y + f;
  }
}
