import assert from 'node:assert/strict';
import { test } from 'node:test';
import { burnColour, grayToRgba, previewGrid } from './raster-preview';

test('a small engraving is previewed cell for cell, a large one shrunk with its aspect', () => {
  assert.deepEqual(previewGrid(20, 10, 5, 200), { cols: 100, rows: 50 });
  assert.deepEqual(previewGrid(200, 100, 10, 200), { cols: 200, rows: 100 });
  assert.deepEqual(previewGrid(0.01, 0.01, 1, 200), { cols: 1, rows: 1 });
});

test('black burns fully (opaque), white leaves the material as it is (transparent)', () => {
  const rgba = grayToRgba(Uint8Array.from([0, 255, 128]));
  assert.deepEqual([...rgba.slice(0, 4)], [burnColour.r, burnColour.g, burnColour.b, 255]);
  assert.equal(rgba[7], 0);
  assert.equal(rgba[11], 127);
});
