import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LaserPreset } from '../../electron/api/types';
import {
  burnsSomething,
  clampSetting,
  clampTone,
  defaultChoices,
  defaultRaster,
  dpiOf,
  ignoredColours,
  isCustom,
  operationsPayload,
  rebase,
  rebaseRaster,
  withOperation,
  withValue,
} from './settings';

const s = (value: number, min: number, max: number, step: number) => ({ value, min, max, step });

const preset: LaserPreset = {
  machineId: 'm',
  materialId: 'plywood-3',
  kerfMm: 0.15,
  operations: {
    cut: { powerPct: s(80, 60, 100, 1), speedMmMin: s(600, 300, 900, 10), passes: s(1, 1, 3, 1) },
    score: { powerPct: s(30, 10, 50, 1), speedMmMin: s(2000, 1000, 4000, 50), passes: s(1, 1, 2, 1) },
    engrave: { powerPct: s(40, 10, 70, 0.5), speedMmMin: s(6000, 2000, 12000, 100), passes: s(1, 1, 1, 1) },
  },
  raster: { linesPerMm: s(10, 5, 20, 1), powerPct: s(45, 10, 80, 1), speedMmMin: s(8000, 2000, 12000, 100), overscanMm: 3 },
};

const layers = [
  { paint: 'stroke' as const, colour: '#ff0000', paths: 3, lengthMm: 400, filled: false, operation: 'cut' as const },
  { paint: 'stroke' as const, colour: '#0000ff', paths: 1, lengthMm: 40, filled: false, operation: 'score' as const },
  { paint: 'stroke' as const, colour: '#00ff00', paths: 1, lengthMm: 40, filled: false, operation: 'ignore' as const },
  { paint: 'fill' as const, colour: '#0000ff', paths: 1, lengthMm: 40, filled: true, operation: 'ignore' as const },
];

test('values are held inside the lab limits and on their steps', () => {
  const b = s(80, 60, 100, 1);
  assert.equal(clampSetting(120, b), 100);
  assert.equal(clampSetting(10, b), 60);
  assert.equal(clampSetting(72.4, b), 72);
  assert.equal(clampSetting(Number.NaN, b), 80);
  assert.equal(clampSetting(40.26, s(40, 10, 70, 0.5)), 40.5);
  assert.equal(clampSetting(615, s(600, 300, 900, 10)), 620);
});

test('each colour starts with what the kiosk suggests, at the lab values', () => {
  const c = defaultChoices(layers, preset);
  assert.deepEqual(c[0], { paint: 'stroke', colour: '#ff0000', operation: 'cut', powerPct: 80, speedMmMin: 600, passes: 1 });
  assert.deepEqual(c[2], { paint: 'stroke', colour: '#00ff00', operation: 'ignore' });
  assert.deepEqual(defaultChoices(layers, null)[0], { paint: 'stroke', colour: '#ff0000', operation: 'cut' }, 'no material yet: no values');
});

test('changing the operation starts again from that operation preset', () => {
  const c = withOperation({ paint: 'fill', colour: '#ff0000', operation: 'cut', powerPct: 95, speedMmMin: 300, passes: 2 }, 'score', preset);
  assert.deepEqual(c, { paint: 'fill', colour: '#ff0000', operation: 'score', powerPct: 30, speedMmMin: 2000, passes: 1 });
});

test('a moved slider stays inside the limits and marks the row as changed', () => {
  const [cut] = defaultChoices(layers, preset);
  assert.ok(!isCustom(cut!, preset));
  const more = withValue(cut!, 'powerPct', 150, preset);
  assert.equal(more.powerPct, 100);
  assert.ok(isCustom(more, preset));
  const ignored = withValue({ colour: '#00ff00', operation: 'ignore' }, 'powerPct', 50, preset);
  assert.deepEqual(ignored, { colour: '#00ff00', operation: 'ignore' });
});

test('another material resets the values, keeps the operations', () => {
  const other: LaserPreset = { ...preset, operations: { ...preset.operations, cut: { ...preset.operations.cut, powerPct: s(70, 50, 90, 1) } } };
  const c = rebase(defaultChoices(layers, preset), other);
  assert.equal(c[0]!.powerPct, 70);
  assert.equal(c[1]!.operation, 'score');
});

test('the payload carries values only for what burns; something must burn', () => {
  const c = defaultChoices(layers, preset);
  assert.deepEqual(operationsPayload(c)[2], { paint: 'stroke', colour: '#00ff00', operation: 'ignore' });
  assert.deepEqual(operationsPayload([{ colour: '#123456', operation: 'ignore' }]), [{ colour: '#123456', operation: 'ignore' }], 'no paint: both');
  assert.ok(burnsSomething(c));
  assert.ok(!burnsSomething(c.map((x) => ({ colour: x.colour, operation: 'ignore' as const }))));
});

test('a colour is drawn faint only when none of its layers burns', () => {
  const c = defaultChoices(layers, preset);
  assert.deepEqual([...ignoredColours(c)], ['#00ff00'], 'blue is scored as an outline though its areas are ignored');
});

test('a material the lab does not engrave images on keeps the tones and has no machine values', () => {
  const noRaster: LaserPreset = { ...preset, raster: null };
  assert.deepEqual(defaultRaster(noRaster), { linesPerMm: 10, dither: 'floyd-steinberg', brightness: 0, contrast: 0, invert: false });
  const r = { ...defaultRaster(preset), brightness: 30 };
  assert.equal(rebaseRaster(r, noRaster), r);
});

test('an image engraves at the lab values; tones stay when the material changes', () => {
  const r = defaultRaster(preset);
  assert.deepEqual(r, { linesPerMm: 10, dither: 'floyd-steinberg', brightness: 0, contrast: 0, invert: false, powerPct: 45, speedMmMin: 8000 });
  const toned = { ...r, brightness: 20, linesPerMm: 30 };
  const next = rebaseRaster(toned, preset);
  assert.equal(next.brightness, 20);
  assert.equal(next.linesPerMm, 20, 'held to the new limit');
  assert.equal(clampTone(250), 100);
  assert.equal(clampTone(-12.6), -13);
  assert.equal(dpiOf(10), 254);
});
