// The drawer tag: its size, two screw holes on its axis, the label between them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLaserSvg } from './check.testutil';
import { drawerTag } from './drawer-tag';
import { TemplateError } from './errors';
import type { LaserResult } from './types';

const build = (params: Record<string, unknown>) => drawerTag.build(params) as LaserResult;

describe('drawer tag', () => {
  it('measures the asked size, with two holes of the asked diameter, inside it', () => {
    for (const [width, height, cornerRadius, holeDiameter] of [
      [70, 25, 3, 3.5],
      [40, 15, 0, 2],
      [150, 60, 10, 5],
    ] as const) {
      const r = build({ width, height, cornerRadius, holeDiameter, text: 'M4' });
      assert.ok(Math.abs(r.bounds.max.x - width) < 0.01 && Math.abs(r.bounds.max.y - height) < 0.01);
      const svg = parseLaserSvg(r.svg);
      const cuts = svg.paths.filter((p) => p.operation === 'cut');
      assert.equal(cuts.length, 3);
      const holes = cuts.slice(0, 2).map((c) => c.subpaths[0]!);
      for (const hole of holes) {
        const xs = hole.map((p) => p[0]);
        const ys = hole.map((p) => p[1]);
        assert.ok(Math.abs(Math.max(...xs) - Math.min(...xs) - holeDiameter) < 0.01, 'hole diameter');
        assert.ok(Math.abs((Math.max(...ys) + Math.min(...ys)) / 2 - height / 2) < 0.01, 'on the axis');
        assert.ok(Math.min(...xs) >= 3.5 - 1e-6 && Math.max(...xs) <= width - 3.5 + 1e-6, 'wood around it');
      }
      assert.ok(Math.abs(r.dimensions.holeSpacing! - (width - 7 - holeDiameter)) < 1e-9);
    }
  });

  it('keeps the label between the holes', () => {
    const r = build({ text: 'Tournevis', letterHeight: 6 });
    const svg = parseLaserSvg(r.svg);
    const holeRight = Math.max(...svg.paths[svg.paths.length - 3 + 0]!.subpaths[0]!.map((p) => p[0]));
    const letters = svg.paths.filter((p) => p.operation === 'engrave').flatMap((p) => p.subpaths.flat());
    assert.ok(Math.min(...letters.map((p) => p[0])) > holeRight + 1.9, 'clear of the left hole');
    assert.throws(() => build({ text: 'Tournevis cruciformes' }), (e) => e instanceof TemplateError && e.code === 'text_does_not_fit');
    assert.throws(() => build({ height: 15, letterHeight: 14 }), (e) => e instanceof TemplateError && e.code === 'text_too_tall');
    assert.throws(() => build({ width: 40, height: 15, cornerRadius: 8 }), (e) => e instanceof TemplateError && e.code === 'corner_radius_too_large' && e.params.maxMm === 7.5);
  });
});
