// Dithering: tone kept (a 50 % gray gives half the dots), only two levels out, and the patterns.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bayerMatrix, dither, type DitherMethod } from './index';

const blackShare = (a: Uint8Array): number => a.reduce((n, v) => n + (v === 0 ? 1 : 0), 0) / a.length;
const W = 200;
const H = 200;
const gray50 = new Uint8Array(W * H).fill(128);
/** Left to right 0…255: its mean level is 50 % gray. */
const ramp = Uint8Array.from({ length: W * H }, (_, i) => Math.round(((i % W) * 255) / (W - 1)));

describe('dither', () => {
  for (const method of ['floyd-steinberg', 'jarvis', 'ordered'] as DitherMethod[]) {
    it(`${method}: 50 % gray gives 50 ± 3 % black dots, and the ramp too`, () => {
      for (const src of [gray50, ramp]) {
        const out = dither(src, W, H, method);
        assert.deepEqual(new Set(out), new Set([0, 255]));
        const share = blackShare(out);
        assert.ok(Math.abs(share - 0.5) <= 0.03, `${method}: ${(share * 100).toFixed(1)} % black`);
      }
    });
  }
  it('ordered 4 × 4 too, and 25 % / 75 % gray give a quarter / three quarters of the dots', () => {
    assert.ok(Math.abs(blackShare(dither(gray50, W, H, 'ordered', { bayerSize: 4 })) - 0.5) <= 0.03);
    for (const method of ['floyd-steinberg', 'jarvis', 'ordered'] as DitherMethod[]) {
      assert.ok(Math.abs(blackShare(dither(new Uint8Array(W * H).fill(191), W, H, method)) - 0.25) <= 0.03, method);
      assert.ok(Math.abs(blackShare(dither(new Uint8Array(W * H).fill(64), W, H, method)) - 0.75) <= 0.03, method);
    }
  });
  it('error diffusion keeps the local tone: each 20 × 20 block of the ramp within 5 % of its level', () => {
    for (const method of ['floyd-steinberg', 'jarvis'] as DitherMethod[]) {
      const out = dither(ramp, W, H, method);
      for (let bx = 0; bx < W; bx += 20) {
        let black = 0;
        let level = 0;
        for (let y = 60; y < 80; y++) {
          for (let x = bx; x < bx + 20; x++) {
            if (out[y * W + x] === 0) black++;
            level += ramp[y * W + x]!;
          }
        }
        const expected = 1 - level / 400 / 255;
        assert.ok(Math.abs(black / 400 - expected) <= 0.05, `${method} block ${bx}: ${black / 400} vs ${expected}`);
      }
    }
  });
  it('threshold: black under 128 only; the ramp splits in half', () => {
    const out = dither(Uint8Array.of(0, 127, 128, 255), 4, 1, 'threshold');
    assert.deepEqual(Array.from(out), [0, 0, 255, 255]);
    assert.ok(Math.abs(blackShare(dither(ramp, W, H, 'threshold')) - 0.5) <= 0.03);
    assert.equal(blackShare(dither(gray50, W, H, 'threshold', { threshold: 129 })), 1);
  });
  it('pure black and pure white stay as they are with every method', () => {
    for (const method of ['floyd-steinberg', 'jarvis', 'ordered', 'threshold', 'grayscale'] as DitherMethod[]) {
      assert.equal(blackShare(dither(new Uint8Array(400).fill(0), 20, 20, method)), 1, method);
      assert.deepEqual(new Set(dither(new Uint8Array(400).fill(255), 20, 20, method)), new Set([255]), method);
    }
  });
  it('grayscale keeps the levels, or quantises them to grayLevels with white staying white', () => {
    assert.deepEqual(dither(ramp, W, H, 'grayscale'), ramp);
    const four = dither(ramp, W, H, 'grayscale', { grayLevels: 4 });
    assert.deepEqual([...new Set(four)].sort((a, b) => a - b), [0, 85, 170, 255]);
  });
  it('Bayer matrices hold every index once, and neighbouring cells are far apart', () => {
    for (const n of [4, 8]) {
      const m = bayerMatrix(n);
      assert.deepEqual([...m].sort((a, b) => a - b), Array.from({ length: n * n }, (_, i) => i));
    }
    assert.deepEqual(Array.from(bayerMatrix(4)), [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5]);
  });
  it('error diffusion is deterministic and serpentine by default (row 1 differs from a left-to-right pass)', () => {
    const a = dither(ramp, W, H, 'floyd-steinberg');
    assert.deepEqual(a, dither(ramp, W, H, 'floyd-steinberg'));
    const straight = dither(ramp, W, H, 'floyd-steinberg', { serpentine: false });
    assert.notDeepEqual(a, straight);
    assert.ok(Math.abs(blackShare(straight) - 0.5) <= 0.03);
  });
});
