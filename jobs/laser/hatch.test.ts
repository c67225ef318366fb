// Engrave-fill: scanlines at the preset's interval, filled by each shape's rule, merged across shapes,
// burnt both ways with laser-off run-ups.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hatchLines } from './plan/hatch';
import type { Polyline } from './geometry/types';
import { gcodeText, job, svg } from './testing.testutil';

const sq = (x: number, y: number, s: number, ccw = true): Polyline => ({
  pts: ccw ? Float64Array.of(x, y, x + s, y, x + s, y + s, x, y + s) : Float64Array.of(x, y, x, y + s, x + s, y + s, x + s, y),
  closed: true,
});
const burnt = (lines: ReturnType<typeof hatchLines>) => lines.reduce((a, l) => a + l.spans.reduce((b, v, i) => b + (i % 2 ? v : -v), 0), 0);

describe('scanlines', () => {
  it('a 10 mm square at 0.1 mm: 100 lines of 10 mm, centred in the square', () => {
    const lines = hatchLines([{ paths: [sq(0, 0, 10)], rule: 'nonzero' }], 0.1);
    assert.equal(lines.length, 100);
    assert.ok(Math.abs(lines[0]!.y - 9.95) < 1e-9 && Math.abs(lines[99]!.y - 0.05) < 1e-9, 'from the top down');
    assert.ok(Math.abs(burnt(lines) - 1000) < 1e-6);
  });
  it('even-odd and nonzero: a hole drawn the same way round is filled by nonzero, left by even-odd', () => {
    const same = [sq(0, 0, 20), sq(5, 5, 10)];
    const opposite = [sq(0, 0, 20), sq(5, 5, 10, false)];
    const area = (paths: Polyline[], rule: 'evenodd' | 'nonzero') => burnt(hatchLines([{ paths, rule }], 0.1)) * 0.1;
    assert.ok(Math.abs(area(same, 'evenodd') - 300) < 1e-6);
    assert.ok(Math.abs(area(same, 'nonzero') - 400) < 1e-6);
    assert.ok(Math.abs(area(opposite, 'nonzero') - 300) < 1e-6);
  });
  it('overlapping shapes are burnt once where they overlap (union)', () => {
    const lines = hatchLines(
      [
        { paths: [sq(0, 0, 10)], rule: 'nonzero' },
        { paths: [sq(5, 0, 10)], rule: 'nonzero' },
      ],
      0.5,
    );
    assert.ok(lines.every((l) => l.spans.length === 2 && l.spans[0] === 0 && l.spans[1] === 15));
  });
});

describe('engraving in the program', () => {
  const page = 'width="300mm" height="200mm" viewBox="0 0 300 200"';
  it('bidirectional lines with laser-off run-ups of the overscan, at the preset interval and power', async () => {
    const j = await job('fill.svg', svg(page, '<rect x="100" y="100" width="20" height="10" fill="black"/>'), { placement: { xMm: 100, yMm: 100 }, overscanMm: 5 });
    const op = j.operations.find((o) => o.operation === 'engrave-fill')!;
    assert.equal(op.paths, 100); // 10 mm at 0.1 mm (plywood preset)
    assert.equal(op.lineIntervalMm, 0.1);
    assert.equal(op.s, 300);
    assert.ok(Math.abs(j.analysis.laserOnMm - 2000) < 0.01, `${j.analysis.laserOnMm}`);
    // The placement puts the lower-left corner of what burns (the first line's centre) at 100, 100.
    assert.deepEqual(j.bounds, { minX: 100, minY: 100, maxX: 120, maxY: 109.9 });
    const lines = gcodeText(j).split('\n');
    const burns = lines.filter((l) => / S300/.test(l));
    // Alternating directions: X120, X100, X120…
    assert.deepEqual(burns.slice(0, 4).map((l) => /X([\d.]+)/.exec(l)![1]), ['120', '100', '120', '100']);
    // Each line: G0 to 5 mm before the span, G1 S0 to its start, burn, G1 S0 5 mm past it.
    const first = lines.findIndex((l) => / S300/.test(l));
    assert.deepEqual(lines.slice(first - 2, first + 2), ['G0 X95 Y109.9', 'G1 X100 F15000', 'G1 X120 S300', 'G1 X125 S0']);
    assert.equal(j.analysis.findings.filter((f) => f.severity === 'error').length, 0);
  });
  it('run-ups stop at the edge of the work area', async () => {
    const j = await job('edge.svg', svg(page, '<rect x="0" y="0" width="20" height="2" fill="black"/>'), { placement: { xMm: 2, yMm: 10 }, overscanMm: 10 });
    assert.equal(j.analysis.travelBounds.min.x, 0);
    assert.ok(!j.analysis.findings.some((f) => f.code === 'travel_outside_work_area'));
  });
  it('the default run-up is what the machine needs to reach the speed (v²/2a, +20 %)', async () => {
    const j = await job('fill.svg', svg(page, '<rect x="100" y="100" width="20" height="1" fill="black"/>'));
    // 15000 mm/min = 250 mm/s, X acceleration 3000 mm/s²: 10.4 mm, +20 % = 12.5 mm.
    assert.equal(j.operations[0]!.overscanMm, 12.5);
  });
});
