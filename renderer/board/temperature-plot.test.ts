import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TemperatureSample } from '../../electron/api/types';
import { heatTrend, scaleTop, temperaturePlot, type PlotBox } from './temperature-plot';

const box: PlotBox = { width: 600, height: 260, left: 50, right: 10, top: 10, bottom: 30 };
const s = (t: number, tool: number | null, toolTarget: number | null, bed: number | null = null, bedTarget: number | null = null): TemperatureSample => ({
  t, tool, toolTarget, bed, bedTarget,
});

test('the scale goes over the hottest value, on round numbers, never under 100 °C', () => {
  assert.equal(scaleTop([]), 100);
  assert.equal(scaleTop([s(0, 25, 0, 24, 0)]), 100);
  assert.equal(scaleTop([s(0, 214, 215, 60, 60)]), 250);
  assert.equal(scaleTop([s(0, 241, 240)]), 300);
});

test('the last sample sits at the right edge, 15 minutes ago at the left edge', () => {
  const end = 1_000_000_000;
  const p = temperaturePlot([s(end - 15 * 60_000, 20, 0), s(end, 200, 215)], box);
  assert.equal(p.maxC, 250);
  // Two samples 15 min apart break the line (gap > 10 s): two moves.
  assert.equal(p.tool, `M50 ${10 + 220 - (20 / 250) * 220}M590 ${10 + 220 - (200 / 250) * 220}`);
  assert.deepEqual(p.xTicks.map((t) => t.minutesAgo), [0, 5, 10, 15]);
  assert.equal(p.xTicks[0]!.x, 590);
  assert.equal(p.xTicks[3]!.x, 50);
  assert.equal(p.yTicks[0]!.value, 0);
  assert.equal(p.yTicks[0]!.y, 230);
  assert.equal(p.yTicks.at(-1)!.value, 250);
  assert.equal(p.yTicks.at(-1)!.y, 10);
});

test('samples every 2 s make one line; targets are steps; missing readings break the line', () => {
  const t0 = 5_000_000;
  const samples = [s(t0, 20, 0, 20, 60), s(t0 + 2000, 30, 215, 25, 60), s(t0 + 4000, null, 215, 30, 60), s(t0 + 6000, 50, 215, 35, 60)];
  const p = temperaturePlot(samples, box);
  assert.equal((p.tool.match(/M/g) ?? []).length, 2, p.tool);
  assert.equal((p.tool.match(/L/g) ?? []).length, 1, p.tool);
  assert.match(p.toolTarget, /H[\d.]+V[\d.]+/);
  assert.equal((p.bed.match(/M/g) ?? []).length, 1);
  assert.equal((p.bedTarget.match(/[HV]/g) ?? []).length, 0, 'a flat target is a straight line');
});

test('older samples than the window are left out', () => {
  const end = 10_000_000;
  const p = temperaturePlot([s(end - 20 * 60_000, 500, 500), s(end, 20, 0)], box);
  assert.equal(p.maxC, 100);
});

test('heating, cooling, holding', () => {
  assert.equal(heatTrend(null), 'off');
  assert.equal(heatTrend({ actual: 120, target: 215 }), 'heating');
  assert.equal(heatTrend({ actual: 214, target: 215 }), 'holding');
  assert.equal(heatTrend({ actual: 150, target: 0 }), 'cooling');
  assert.equal(heatTrend({ actual: 24, target: 0 }), 'off');
});
