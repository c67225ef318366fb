import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FEATURE_NAMES } from '../../jobs/gcode';
import {
  availableColorModes,
  bucketScale,
  featureColors,
  featureNames,
  featurePalette,
  hexToRgb,
  paletteSize,
  rampColor,
  rampPosition,
  rampStops,
  sceneColors,
} from './palette';

test('the renderer knows every feature of the engine, in the same order', () => {
  assert.deepEqual([...featureNames], [...FEATURE_NAMES]);
  assert.ok(FEATURE_NAMES.length <= paletteSize);
});

test('colours parse, and the palette follows the toolpath feature ids', () => {
  assert.deepEqual(hexToRgb('#ff8000'), [1, 128 / 255, 0]);
  assert.throws(() => hexToRgb('orange'));
  const palette = featurePalette(FEATURE_NAMES);
  assert.equal(palette.length, paletteSize);
  assert.deepEqual(palette[1], hexToRgb(featureColors.outer_wall));
  assert.deepEqual(palette[20], hexToRgb(featureColors.laser_cut));
  // Ids beyond the known names get the "other" colour.
  assert.deepEqual(palette[31], hexToRgb(featureColors.other));
});

test('toolpath colours stand out from the scene (the e2e test counts saturated pixels)', () => {
  const chroma = (hex: string) => {
    const [r, g, b] = hexToRgb(hex);
    return Math.max(r, g, b) - Math.min(r, g, b);
  };
  for (const c of Object.values(sceneColors).filter((c) => c !== sceneColors.outline && c !== sceneColors.volume)) {
    assert.ok(chroma(c) < 0.2, `scene colour ${c} is low-saturation`);
  }
  for (const name of ['outer_wall', 'inner_wall', 'sparse_infill', 'support', 'laser_cut', 'custom'] as const) {
    assert.ok(chroma(featureColors[name]) > 0.3, `${name} is saturated`);
  }
});

test('the ramp goes from its first to its last stop, linearly in between', () => {
  const close = (a: number[], b: number[]) => a.every((v, k) => Math.abs(v - b[k]!) < 1e-9);
  assert.ok(close(rampColor(0), hexToRgb(rampStops[0])));
  assert.ok(close(rampColor(1), hexToRgb(rampStops[4])));
  assert.ok(close(rampColor(-1), hexToRgb(rampStops[0])));
  assert.ok(close(rampColor(2), hexToRgb(rampStops[4])));
  const mid = rampColor(0.125);
  const a = hexToRgb(rampStops[0]);
  const b = hexToRgb(rampStops[1]);
  for (let k = 0; k < 3; k++) assert.ok(Math.abs(mid[k]! - (a[k]! + b[k]!) / 2) < 1e-9);
});

test('buckets on the scale: speed over the job range, power over 0–255', () => {
  assert.equal(rampPosition(12, 12, 21), 0);
  assert.equal(rampPosition(21, 12, 21), 1);
  assert.equal(rampPosition(300, 0, 255), 1);
  assert.equal(rampPosition(5, 5, 5), 0);
  assert.deepEqual(bucketScale('speed', 12, 21), { min: 12, max: 21 });
  assert.deepEqual(bucketScale('speed', 40, 40), { min: 40, max: 41 });
  assert.deepEqual(bucketScale('power', 12, 21), { min: 0, max: 255 });
  assert.deepEqual(bucketScale('speed', Number.NaN, Number.NaN), { min: 0, max: 255 });
  assert.deepEqual(availableColorModes('speed'), ['feature', 'speed']);
  assert.deepEqual(availableColorModes('power'), ['feature', 'power']);
});
