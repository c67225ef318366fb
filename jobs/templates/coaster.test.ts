// The coaster: its size is the asked diameter or side, the text engraved filled or scored in the middle.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLaserSvg } from './check.testutil';
import { coaster } from './coaster';
import { TemplateError } from './errors';
import type { LaserResult } from './types';

const build = (params: Record<string, unknown>) => coaster.build(params) as LaserResult;

describe('coaster', () => {
  for (const shape of ['round', 'square']) {
    for (const size of [60, 95, 150]) {
      it(`a ${shape} coaster measures ${size} mm`, () => {
        const r = build({ shape, size, letterHeight: 8 });
        assert.ok(Math.abs(r.bounds.max.x - size) < 0.01 && Math.abs(r.bounds.max.y - size) < 0.01);
        const svg = parseLaserSvg(r.svg);
        assert.ok(Math.abs(svg.widthMm - size) < 0.01);
        const cut = svg.paths.filter((p) => p.operation === 'cut');
        assert.equal(cut.length, 1);
        if (shape === 'round') {
          // Every point of the outline on the circle (chords within 0.01 mm of it).
          for (const [x, y] of cut[0]!.subpaths[0]!) assert.ok(Math.abs(Math.hypot(x - size / 2, y - size / 2) - size / 2) < 0.001);
        }
      });
    }
  }

  it('engraves the text as black filled letters, or as blue lines, centred', () => {
    const filled = parseLaserSvg(build({ text: 'Café' }).svg);
    const engraved = filled.paths.filter((p) => p.operation === 'engrave');
    assert.equal(engraved.length, 1);
    assert.equal(engraved[0]!.attributes['fill-rule'], 'evenodd');
    const pts = engraved[0]!.subpaths.flat();
    const cx = (Math.min(...pts.map((p) => p[0])) + Math.max(...pts.map((p) => p[0]))) / 2;
    const cy = (Math.min(...pts.map((p) => p[1])) + Math.max(...pts.map((p) => p[1]))) / 2;
    assert.ok(Math.abs(cx - 47.5) < 0.01 && Math.abs(cy - 47.5) < 0.01, 'centred');
    const scored = parseLaserSvg(build({ text: 'Café', textStyle: 'score' }).svg);
    assert.equal(scored.paths.filter((p) => p.operation === 'engrave').length, 0);
    assert.ok(scored.paths.filter((p) => p.operation === 'score').length >= 5, 'C, a (2), f (2), e, accent');
    assert.equal(parseLaserSvg(build({ text: '' }).svg).paths.length, 1, 'no text: the outline alone');
  });

  it('refuses a text that does not fit, or a corner larger than the coaster', () => {
    assert.throws(
      () => build({ size: 60, text: 'Bonjour à tous', letterHeight: 10 }),
      (e) => e instanceof TemplateError && e.code === 'text_does_not_fit' && (e.params.availableMm as number) < 48,
    );
    assert.throws(() => build({ size: 60, text: 'Ég', letterHeight: 30 }), (e) => e instanceof TemplateError && e.code === 'text_too_tall');
    assert.throws(() => build({ shape: 'square', size: 60, cornerRadius: 30.5 }), (e) => e instanceof TemplateError && e.code === 'out_of_range');
    assert.doesNotThrow(() => build({ shape: 'square', size: 60, cornerRadius: 30, text: '' }), 'radius = half the side: a disc');
  });
});
