// Colour to gray, the tone curve, transparency, and the area-averaging resampler.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resampleGray, toGray, toneCurve } from './index';
import { makeImage, solid } from './images.testutil';

const mean = (a: Uint8Array): number => a.reduce((s, v) => s + v, 0) / a.length;
/** A photo-like spread of levels: a ramp 0…255 over 256 × 4 pixels. */
const ramp = makeImage(256, 4, (x) => [x, x, x]);

describe('toGray', () => {
  it('luma: white 255, black 0, pure green darker than white but lighter than pure blue', () => {
    const g = toGray(makeImage(4, 1, (x) => [[255, 255, 255], [0, 0, 0], [0, 255, 0], [0, 0, 255]][x]!));
    assert.deepEqual(Array.from(g.subarray(0, 2)), [255, 0]);
    assert.ok(g[2]! > g[3]! && g[2]! < 255, `green ${g[2]} blue ${g[3]}`);
    assert.equal(g[2], 149); // 150/256 of 255
  });
  it('transparent pixels are white (nothing to burn), even inverted or darkened; half-transparent black is mid-gray', () => {
    const img = makeImage(3, 1, (x) => [[0, 0, 0, 0], [0, 0, 0, 128], [10, 10, 10, 0]][x]!);
    assert.deepEqual(Array.from(toGray(img)), [255, 127, 255]);
    assert.deepEqual(Array.from(toGray(img, { invert: true, brightness: -100 })).filter((_, i) => i !== 1), [255, 255]);
  });
  it('invert swaps what burns', () => {
    assert.deepEqual(Array.from(toGray(makeImage(2, 1, (x) => (x ? [255, 255, 255] : [0, 0, 0])), { invert: true })), [255, 0]);
  });
  it('brightness moves the mean up or down by its share of 255 (clamped)', () => {
    const base = mean(toGray(ramp));
    assert.ok(Math.abs(base - 127.5) < 0.01);
    const up = mean(toGray(ramp, { brightness: 20 }));
    const down = mean(toGray(ramp, { brightness: -20 }));
    assert.ok(up > base + 40 && up < base + 51, `+20 → ${up}`);
    assert.ok(down < base - 40 && down > base - 51, `−20 → ${down}`);
    assert.equal(mean(toGray(ramp, { brightness: 100 })), 255);
    assert.equal(mean(toGray(ramp, { brightness: -100 })), 0);
  });
  it('contrast spreads levels away from mid-gray (or squeezes them to it) and keeps a centred mean', () => {
    const sd = (a: Uint8Array): number => {
      const m = mean(a);
      return Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / a.length);
    };
    const base = toGray(ramp);
    const more = toGray(ramp, { contrast: 50 });
    const less = toGray(ramp, { contrast: -50 });
    assert.ok(sd(more) > sd(base) * 1.3 && sd(less) < sd(base) * 0.6, `sd ${sd(less)} < ${sd(base)} < ${sd(more)}`);
    assert.ok(Math.abs(mean(more) - 127.5) < 2 && Math.abs(mean(less) - 127.5) < 2);
    assert.deepEqual(new Set(toGray(ramp, { contrast: -100 })), new Set([128]));
    // On a light image, contrast makes it lighter still; on a dark one darker.
    const light = solid(4, 4, 180);
    const dark = solid(4, 4, 70);
    assert.ok(mean(toGray(light, { contrast: 40 })) > 200 && mean(toGray(dark, { contrast: 40 })) < 50);
  });
  it('gamma above 1 lightens the mid-tones, below 1 darkens them, ends fixed', () => {
    const up = toneCurve({ gamma: 2 });
    const down = toneCurve({ gamma: 0.5 });
    assert.deepEqual([up[0], up[255], down[0], down[255]], [0, 255, 0, 255]);
    assert.equal(up[64], Math.round(255 * Math.sqrt(64 / 255)));
    assert.ok(down[128]! < 70);
  });
});

describe('resampleGray', () => {
  it('same size: an untouched copy', () => {
    const src = Uint8Array.from({ length: 12 }, (_, i) => i * 20);
    const out = resampleGray(src, 4, 3, 4, 3);
    assert.deepEqual(out, src);
    assert.notEqual(out, src);
  });
  it('halving a one-pixel checkerboard gives mid-gray everywhere (area average, not nearest)', () => {
    const src = Uint8Array.from({ length: 64 * 64 }, (_, i) => (((i % 64) + Math.floor(i / 64)) % 2 ? 255 : 0));
    const out = resampleGray(src, 64, 64, 32, 32);
    assert.deepEqual(new Set(out), new Set([128]));
  });
  it('non-integer downscale keeps the mean tone of a noisy image', () => {
    let s = 7;
    const src = Uint8Array.from({ length: 300 * 200 }, () => ((s = (s * 1103515245 + 12345) >>> 0), s >>> 24));
    const out = resampleGray(src, 300, 200, 77, 51);
    assert.ok(Math.abs(mean(out) - mean(src)) < 0.6, `${mean(out)} vs ${mean(src)}`);
    // A thin black line, one pixel in four, stays visible as a gray band instead of vanishing.
    const lines = Uint8Array.from({ length: 40 * 40 }, (_, i) => (i % 40 === 2 ? 0 : 255));
    const small = resampleGray(lines, 40, 40, 10, 10);
    assert.equal(small[0], 191);
    assert.equal(small[1], 255);
  });
  it('upscaling keeps pixel blocks, blending only the cells that straddle two pixels', () => {
    const out = resampleGray(Uint8Array.of(0, 255), 2, 1, 5, 1);
    assert.deepEqual(Array.from(out), [0, 0, 128, 255, 255]);
  });
});
