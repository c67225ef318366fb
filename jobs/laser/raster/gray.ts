// Colour to the gray levels the laser burns: luma, then the tone curve the maker chose, then alpha.
// Node-free (the preview runs it in the page's worker too).

import type { RgbaImage } from './image';

export interface ToneOptions {
  /** −100 … 100: shifts every level by up to ±255 (positive = lighter = less burn). */
  brightness?: number;
  /** −100 … 100: stretches levels away from (positive) or towards (negative, −100 = flat gray) mid-gray. */
  contrast?: number;
  /** > 0, default 1: out = in^(1/gamma); above 1 lightens the mid-tones, below 1 darkens them. */
  gamma?: number;
  /** Burn the light parts instead of the dark ones (a photo on slate, anodised aluminium). */
  invert?: boolean;
}

/**
 * The 256-entry tone curve: invert, then brightness, then contrast (the usual factor
 * 259(C+255)/(255(259−C)) with C = contrast × 2.55), then gamma, each clamped to 0…255.
 */
export function toneCurve(opts: ToneOptions = {}): Uint8Array {
  const b = ((opts.brightness ?? 0) * 255) / 100;
  const c = ((opts.contrast ?? 0) * 255) / 100;
  const factor = (259 * (c + 255)) / (255 * (259 - c));
  const g = opts.gamma ?? 1;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    let x = opts.invert ? 255 - v : v;
    x = clamp(x + b);
    x = clamp(factor * (x - 128) + 128);
    if (g !== 1) x = 255 * Math.pow(x / 255, 1 / g);
    lut[v] = Math.round(clamp(x));
  }
  return lut;
}

function clamp(x: number): number {
  return x < 0 ? 0 : x > 255 ? 255 : x;
}

/**
 * Gray levels of an RGBA image (one byte per pixel, 0 = full burn, 255 = none). Luma is BT.601
 * (77R + 150G + 29B) / 256; the tone curve applies to it; transparency then blends towards white, so
 * a transparent pixel never burns, whatever the curve (an inverted logo on a transparent background
 * burns the logo, not the background).
 */
export function toGray(image: RgbaImage, opts: ToneOptions = {}): Uint8Array {
  const lut = toneCurve(opts);
  const src = image.data;
  const n = image.width * image.height;
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const v = lut[(src[j]! * 77 + src[j + 1]! * 150 + src[j + 2]! * 29 + 128) >> 8]!;
    const a = src[j + 3]!;
    out[i] = a === 255 ? v : 255 - ((((255 - v) * a + 127) / 255) | 0);
  }
  return out;
}
