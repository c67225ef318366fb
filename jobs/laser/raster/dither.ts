// From gray levels to what the laser does with each cell. Error diffusion by hand: image-q's
// ErrorDiffusionArray does the same arithmetic through a palette search and one object per pixel
// (≈10 s and 1.2 GB for a 2000 × 2000 image here, see scripts/bench/laser-raster.ts); these loops run
// on typed arrays with the error kept in rolling rows. Node-free.

export type DitherMethod = 'floyd-steinberg' | 'jarvis' | 'ordered' | 'threshold' | 'grayscale';

export const DITHER_METHODS: readonly DitherMethod[] = ['floyd-steinberg', 'jarvis', 'ordered', 'threshold', 'grayscale'];

export interface DitherOptions {
  /** Bayer matrix of 'ordered': 4 (coarser, 17 tones) or 8 (65 tones, default). */
  bayerSize?: 4 | 8;
  /** Levels kept by 'grayscale' (2–256, default 256): fewer levels, longer runs of one power, smaller G-code. */
  grayLevels?: number;
  /** Error diffusion alternates direction row by row (default true: no diagonal "worms"). */
  serpentine?: boolean;
  /** Level below which 'threshold' burns (default 128). */
  threshold?: number;
}

/**
 * 0 = burn, 255 = leave. Binary methods return only those two values; 'grayscale' returns the levels
 * (quantised to `grayLevels`), white staying exactly 255 (nothing to burn).
 */
export function dither(gray: Uint8Array, w: number, h: number, method: DitherMethod, opts: DitherOptions = {}): Uint8Array {
  switch (method) {
    case 'floyd-steinberg':
      return floydSteinberg(gray, w, h, opts.serpentine ?? true);
    case 'jarvis':
      return jarvis(gray, w, h, opts.serpentine ?? true);
    case 'ordered':
      return ordered(gray, w, h, opts.bayerSize ?? 8);
    case 'threshold':
      return threshold(gray, opts.threshold ?? 128);
    case 'grayscale':
      return grayscale(gray, opts.grayLevels ?? 256);
  }
}

function threshold(gray: Uint8Array, t: number): Uint8Array {
  const out = new Uint8Array(gray.length);
  for (let i = 0; i < gray.length; i++) out[i] = gray[i]! < t ? 0 : 255;
  return out;
}

function grayscale(gray: Uint8Array, levels: number): Uint8Array {
  if (levels >= 256) return gray.slice();
  const lut = new Uint8Array(256);
  const steps = Math.max(1, Math.round(levels) - 1);
  for (let v = 0; v < 256; v++) lut[v] = Math.round(Math.round((v * steps) / 255) * (255 / steps));
  const out = new Uint8Array(gray.length);
  for (let i = 0; i < gray.length; i++) out[i] = lut[gray[i]!]!;
  return out;
}

/** Bayer index matrix of size n (power of two), built by the usual recursion M(2n) = [4M, 4M+2; 4M+3, 4M+1]. */
export function bayerMatrix(n: number): Uint8Array {
  let m = Uint8Array.of(0);
  for (let s = 1; s < n; s *= 2) {
    const next = new Uint8Array(4 * s * s);
    for (let y = 0; y < s; y++) {
      for (let x = 0; x < s; x++) {
        const v = 4 * m[y * s + x]!;
        next[y * 2 * s + x] = v;
        next[y * 2 * s + x + s] = v + 2;
        next[(y + s) * 2 * s + x] = v + 3;
        next[(y + s) * 2 * s + x + s] = v + 1;
      }
    }
    m = next;
  }
  return m;
}

function ordered(gray: Uint8Array, w: number, h: number, n: 4 | 8): Uint8Array {
  const m = bayerMatrix(n);
  const cells = n * n;
  // A cell burns when its level is under the threshold (index + ½) × 256 / n²: a level v burns
  // (256 − v)·n²/256 cells of each tile, 50 % gray half of them.
  const t = new Float32Array(cells);
  for (let i = 0; i < cells; i++) t[i] = ((m[i]! + 0.5) * 256) / cells;
  const out = new Uint8Array(w * h);
  const mask = n - 1;
  for (let y = 0; y < h; y++) {
    const row = (y & mask) * n;
    const base = y * w;
    for (let x = 0; x < w; x++) out[base + x] = gray[base + x]! < t[row + (x & mask)]! ? 0 : 255;
  }
  return out;
}

/**
 * Floyd–Steinberg: the error of each cell goes 7/16 ahead, 3/16, 5/16 and 1/16 to the row below.
 * Two error rows with a one-cell margin on each side; on a reversed row the kernel is mirrored.
 */
function floydSteinberg(gray: Uint8Array, w: number, h: number, serpentine: boolean): Uint8Array {
  const out = new Uint8Array(w * h);
  let cur = new Float32Array(w + 2);
  let nxt = new Float32Array(w + 2);
  for (let y = 0; y < h; y++) {
    const base = y * w;
    const back = serpentine && (y & 1) === 1;
    const step = back ? -1 : 1;
    let x = back ? w - 1 : 0;
    for (let n = 0; n < w; n++, x += step) {
      const e = x + 1; // index in the error rows
      const v = gray[base + x]! + cur[e]!;
      let err: number;
      if (v < 128) {
        out[base + x] = 0;
        err = v;
      } else {
        out[base + x] = 255;
        err = v - 255;
      }
      cur[e + step]! += err * 0.4375;
      nxt[e - step]! += err * 0.1875;
      nxt[e]! += err * 0.3125;
      nxt[e + step]! += err * 0.0625;
    }
    const t = cur;
    cur = nxt;
    nxt = t;
    nxt.fill(0);
  }
  return out;
}

/**
 * Jarvis–Judice–Ninke: the error spread over 12 cells (weights /48) on this row and the two below:
 * smoother than Floyd–Steinberg on gradients, a little softer on edges. Three error rows, two-cell margins.
 */
function jarvis(gray: Uint8Array, w: number, h: number, serpentine: boolean): Uint8Array {
  const out = new Uint8Array(w * h);
  let r0 = new Float32Array(w + 4);
  let r1 = new Float32Array(w + 4);
  let r2 = new Float32Array(w + 4);
  const k7 = 7 / 48;
  const k5 = 5 / 48;
  const k3 = 3 / 48;
  const k1 = 1 / 48;
  for (let y = 0; y < h; y++) {
    const base = y * w;
    const back = serpentine && (y & 1) === 1;
    const s = back ? -1 : 1;
    const s2 = 2 * s;
    let x = back ? w - 1 : 0;
    for (let n = 0; n < w; n++, x += s) {
      const e = x + 2;
      const v = gray[base + x]! + r0[e]!;
      let err: number;
      if (v < 128) {
        out[base + x] = 0;
        err = v;
      } else {
        out[base + x] = 255;
        err = v - 255;
      }
      const e7 = err * k7;
      const e5 = err * k5;
      const e3 = err * k3;
      r0[e + s]! += e7;
      r0[e + s2]! += e5;
      r1[e - s2]! += e3;
      r1[e - s]! += e5;
      r1[e]! += e7;
      r1[e + s]! += e5;
      r1[e + s2]! += e3;
      r2[e - s2]! += err * k1;
      r2[e - s]! += e3;
      r2[e]! += e5;
      r2[e + s]! += e3;
      r2[e + s2]! += err * k1;
    }
    const t = r0;
    r0 = r1;
    r1 = r2;
    r2 = t;
    r2.fill(0);
  }
  return out;
}
