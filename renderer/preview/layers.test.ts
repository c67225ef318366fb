import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drawRange, layerWindow } from './layers';

test('the slider gives one layer, or every layer up to it, within the job', () => {
  assert.deepEqual(layerWindow('single', 4, 10), { lo: 4, hi: 4 });
  assert.deepEqual(layerWindow('upTo', 4, 10), { lo: 0, hi: 4 });
  assert.deepEqual(layerWindow('upTo', 99, 10), { lo: 0, hi: 9 });
  assert.deepEqual(layerWindow('single', -3, 10), { lo: 0, hi: 0 });
  assert.deepEqual(layerWindow('single', 2, 0), { lo: 0, hi: 0 });
});

// 3 layers: moves 0–3 come before the first layer change, layer 0 starts at 4, layer 1 at 30, layer 2 at 52.
const starts = Uint32Array.from([4, 30, 52]);
const segments = 70;

test('layers to the points of the continuous path', () => {
  // Layer 0 takes the start G-code: segments 0..29 = points 0..30.
  assert.deepEqual(drawRange(starts, segments, 0, 0), { start: 0, count: 31 });
  // Layer 1 alone: segments 30..51 = points 30..52.
  assert.deepEqual(drawRange(starts, segments, 1, 1), { start: 30, count: 23 });
  // The last layer runs to the end (end G-code included): segments 52..69 = points 52..70.
  assert.deepEqual(drawRange(starts, segments, 2, 2), { start: 52, count: 19 });
  // Everything.
  assert.deepEqual(drawRange(starts, segments, 0, 2), { start: 0, count: 71 });
  assert.deepEqual(drawRange(starts, segments, 0, 1), { start: 0, count: 53 });
});

test('no layers, no segments, and an empty layer', () => {
  assert.deepEqual(drawRange(new Uint32Array(0), 31, 0, 0), { start: 0, count: 32 });
  assert.deepEqual(drawRange(starts, 0, 0, 2), { start: 0, count: 0 });
  assert.deepEqual(drawRange(Uint32Array.from([0, 10, 10, 20]), 25, 1, 1), { start: 10, count: 0 });
  assert.deepEqual(drawRange(Uint32Array.from([0, 10, 10, 20]), 25, 2, 2), { start: 10, count: 11 });
});
