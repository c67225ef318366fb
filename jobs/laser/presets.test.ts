// The lab's presets: valid, realistic, and the only source of a job's settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import bundled from '../../assets/laser/presets.json';
import { LaserError } from './errors';
import { defaultPresets, parsePresets, resolveParams } from './presets/presets';

const err = (f: () => unknown, code: string) => assert.throws(f, (e: unknown) => e instanceof LaserError && e.code === code);

describe('presets', () => {
  it('the bundled file validates: laser-co2 × plywood, MDF, acrylic 3 mm, defaults inside the limits', () => {
    const p = defaultPresets();
    assert.deepEqual(Object.keys(p.machines['laser-co2']!.materials).sort(), ['acrylic-3', 'mdf-3', 'plywood-3']);
    for (const m of Object.values(p.machines['laser-co2']!.materials)) {
      // Cutting is slow and strong, scoring fast and light: a CO2 tube under ~10 % does not fire.
      assert.ok(m.operations.cut.powerPct.default > m.operations.score.powerPct.default);
      assert.ok(m.operations.cut.speedMmMin.default < m.operations.score.speedMmMin.default);
      assert.ok(m.operations.score.powerPct.min >= 10);
      assert.ok(m.kerfMm.default > 0.1 && m.kerfMm.default < 0.3);
    }
  });
  it('defaults, adjustments within limits, errors outside', () => {
    const p = defaultPresets();
    const d = resolveParams(p, 'laser-co2', 'acrylic-3');
    assert.deepEqual(d.cut, { powerPct: 70, speedMmMin: 600, passes: 1 });
    assert.equal(d['engrave-fill'].lineIntervalMm, 0.08);
    const o = resolveParams(p, 'laser-co2', 'acrylic-3', { cut: { passes: 2 }, kerfMm: 0 });
    assert.equal(o.cut.passes, 2);
    assert.equal(o.kerfMm, 0);
    err(() => resolveParams(p, 'laser-co2', 'acrylic-3', { cut: { passes: 1.5 } }), 'param_out_of_limits');
    err(() => resolveParams(p, 'laser-co2', 'acrylic-3', { score: { speedMmMin: Number.NaN } }), 'param_out_of_limits');
    err(() => resolveParams(p, 'laser-co2', 'acrylic-3', { kerfMm: 1 }), 'param_out_of_limits');
    err(() => resolveParams(p, 'laser-co2', 'acrylic-3', { raster: { powerPct: 20, minPowerPct: 25 } }), 'param_out_of_limits');
    err(() => resolveParams(p, 'cnc-3040', 'mdf-3'), 'no_presets');
  });
  it('a lab file that breaks the schema is refused with its issues', () => {
    const broken = structuredClone(bundled) as typeof bundled;
    broken.machines['laser-co2'].materials['mdf-3'].operations.cut.powerPct.default = 99;
    assert.throws(
      () => parsePresets(broken),
      (e: unknown) => e instanceof LaserError && e.code === 'presets_invalid' && /mdf-3\.operations\.cut\.powerPct/.test(String(e.params.issues)),
    );
    err(() => parsePresets({ version: 2, machines: {} }), 'presets_invalid');
  });
});
