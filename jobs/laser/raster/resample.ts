// Resampling gray levels to the engraving grid by area averaging: each output cell is the mean of the
// source area it covers, counted by fractional overlap. Downscaling a photo by nearest neighbour would
// keep one pixel in N and throw the others' tone away (moiré, lost thin lines); the box filter keeps the
// mean gray of every cell, which is what dithering then renders. Upscaling with the same filter keeps
// pixel edges sharp (blending only the cells that straddle two pixels): the right thing for logos and
// pixel art, and dithering hides the steps of an upscaled photo. Node-free.

interface AxisWeights {
  start: Int32Array;
  count: Int32Array;
  /** Flattened weights, `offset[j]` … `offset[j] + count[j]`; each group sums to 1. */
  offset: Int32Array;
  weight: Float32Array;
}

/** For each of `m` output cells over `n` source pixels: the first pixel it covers and the overlaps. */
function axisWeights(n: number, m: number): AxisWeights {
  const start = new Int32Array(m);
  const count = new Int32Array(m);
  const offset = new Int32Array(m);
  const parts: number[] = [];
  const scale = n / m;
  for (let j = 0; j < m; j++) {
    const a = (j * n) / m;
    const b = ((j + 1) * n) / m;
    const first = Math.floor(a);
    const last = Math.min(n - 1, Math.ceil(b) - 1);
    start[j] = first;
    offset[j] = parts.length;
    for (let k = first; k <= last; k++) {
      const overlap = Math.min(b, k + 1) - Math.max(a, k);
      parts.push(overlap > 0 ? overlap / scale : 0);
    }
    count[j] = last - first + 1;
  }
  return { start, count, offset, weight: Float32Array.from(parts) };
}

/** Area-averaged resampling of a `w`×`h` gray image to `ow`×`oh`. */
export function resampleGray(src: Uint8Array, w: number, h: number, ow: number, oh: number): Uint8Array {
  if (w === ow && h === oh) return src.slice();
  const xs = axisWeights(w, ow);
  const ys = axisWeights(h, oh);
  const out = new Uint8Array(ow * oh);
  // Horizontally resampled source rows, two kept: consecutive output rows share at most their boundary rows.
  const rows = [new Float32Array(ow), new Float32Array(ow)];
  const rowOf = [-1, -1];
  let lru = 0;
  const horizontal = (y: number): Float32Array => {
    if (rowOf[0] === y) return rows[0]!;
    if (rowOf[1] === y) return rows[1]!;
    const slot = lru;
    lru ^= 1;
    const dst = rows[slot]!;
    rowOf[slot] = y;
    const base = y * w;
    for (let j = 0; j < ow; j++) {
      const s = base + xs.start[j]!;
      const o = xs.offset[j]!;
      const c = xs.count[j]!;
      let acc = 0;
      for (let k = 0; k < c; k++) acc += xs.weight[o + k]! * src[s + k]!;
      dst[j] = acc;
    }
    return dst;
  };
  const acc = new Float32Array(ow);
  for (let i = 0; i < oh; i++) {
    acc.fill(0);
    const y0 = ys.start[i]!;
    const o = ys.offset[i]!;
    const c = ys.count[i]!;
    for (let k = 0; k < c; k++) {
      const wy = ys.weight[o + k]!;
      if (wy === 0) continue;
      const row = horizontal(y0 + k);
      for (let j = 0; j < ow; j++) acc[j]! += wy * row[j]!;
    }
    const base = i * ow;
    for (let j = 0; j < ow; j++) {
      const v = (acc[j]! + 0.5) | 0;
      out[base + j] = v > 255 ? 255 : v;
    }
  }
  return out;
}
