// The real drawings in shared/fixtures through the whole pipeline: every stroke colour cut, so that
// ordering has paths to work on. Travel after ordering against the file's own order.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixture } from '../../test/support/fixtures';
import { job } from './testing.testutil';

const files = [
  'svg/svgpathtools-negative-scale-arcs.svg',
  'svg/svgpathtools-groups-transforms.svg',
  'svg/svgpathtools-transforms-live-text.svg',
  'svg/meerk40t-crossover-multicolor.svg',
  'dxf/openscad-example009-lines-arcs-circles.dxf',
];

describe('fixtures: travel after ordering vs file order', () => {
  for (const f of files) {
    it(f, async (t) => {
      const j = await job(f, readFileSync(fixture(f)), { mapping: { otherwise: 'cut', fill: {} }, placement: { xMm: 20, yMm: 20 } });
      t.diagnostic(`travel ${j.travel.listedMm} mm → ${j.travel.optimisedMm} mm, ratio ${j.travel.ratio}; ${j.operations.map((o) => `${o.operation} ${o.paths} paths ${o.lengthMm} mm`).join(', ')}; ${Math.round(j.analysis.durationS)} s`);
      assert.ok(j.travel.optimisedMm <= j.travel.listedMm + 1e-9, JSON.stringify(j.travel));
      const paths = j.operations.reduce((a, o) => a + o.paths, 0);
      if (paths >= 5) assert.ok(j.travel.ratio < 0.75, `ratio ${j.travel.ratio} on ${paths} paths`);
      assert.ok(j.analysis.durationS > 0);
      assert.deepEqual(j.analysis.findings.filter((x) => x.severity === 'error'), []);
      // The engine's travel counts every move of the program, ordering included.
      assert.ok(j.analysis.travelMm >= j.travel.optimisedMm);
    });
  }

  it('the slot (negative scale, arcs): one closed contour, 100 mm page kept, arcs exact', async () => {
    const j = await job('slot.svg', readFileSync(fixture('svg/svgpathtools-negative-scale-arcs.svg')), { mapping: { stroke: { red: 'cut' } }, kerf: false });
    // viewBox -100 -200 500 500 in 100 mm: 0.2 mm per unit. The outline spans x −30…130, y 0…140 units.
    assert.deepEqual(
      [j.bounds.minX, j.bounds.maxX, j.bounds.minY, j.bounds.maxY].map((v) => Math.round(v * 100) / 100),
      [14, 46, 60, 88],
    );
    assert.equal(j.operations[0]!.paths, 1);
    assert.ok(!j.findings.some((f) => f.code === 'open_cut_path'));
  });
});
