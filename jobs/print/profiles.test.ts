// The locked profiles agree with the lab's own description of its printers and materials
// (assets/fablab.json), the maker's choices are the only way in, and every error has its sentences.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fablab from '../../assets/fablab.json';
import en from '../../assets/i18n/print/en.json';
import fr from '../../assets/i18n/print/fr.json';
import { PRINT_ERROR_CODES } from './errors';
import { profilesDir } from '../../test/support/lab-profiles';
import { rejects } from './mesh.testutil';
import { choiceArgs, DEFAULT_CHOICES, LAYER_HEIGHT_MM, profileFiles, QUALITIES, sliceChoices } from './profiles';

function ini(path: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (line.startsWith('#') || i < 0) continue;
    m.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return m;
}

const printers = fablab.machines.filter((m) => m.kind === 'fdm');
const filaments = fablab.materials.filter((m) => m.kind === 'filament');

describe('locked profiles', () => {
  it('one printer profile per printer of the lab, with its bed, height and machine limits', () => {
    assert.deepEqual(printers.map((p) => p.code).sort(), ['ender-3', 'prusa-mk4']);
    for (const p of printers) {
      const c = ini(join(profilesDir, 'printer', `${p.code}.ini`));
      const corners = c.get('bed_shape')!.split(',').map((xy) => xy.split('x').map(Number));
      const xs = corners.map((k) => k[0]!), ys = corners.map((k) => k[1]!);
      const origin = (p.limits as { workOriginMm?: { x: number; y: number } }).workOriginMm ?? { x: 0, y: 0 };
      assert.deepEqual([Math.min(...xs), Math.min(...ys)], [origin.x, origin.y], p.code);
      assert.deepEqual([Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)], [p.workArea!.x, p.workArea!.y], p.code);
      assert.equal(Number(c.get('max_print_height')), p.workArea!.z, p.code);
      assert.equal(c.get('nozzle_diameter'), '0.4');
      assert.equal(c.get('machine_limits_usage'), 'emit_to_gcode');
      const l = p.limits as { maxFeedMmS: Record<string, number>; maxAccelMmS2: Record<string, number>; jerkMmS: Record<string, number>; printAccelMmS2: number; travelAccelMmS2: number };
      for (const axis of ['x', 'y', 'z', 'e']) {
        assert.equal(Number(c.get(`machine_max_feedrate_${axis}`)), l.maxFeedMmS[axis], `${p.code} feed ${axis}`);
        assert.equal(Number(c.get(`machine_max_acceleration_${axis}`)), l.maxAccelMmS2[axis], `${p.code} accel ${axis}`);
        assert.equal(Number(c.get(`machine_max_jerk_${axis}`)), l.jerkMmS[axis], `${p.code} jerk ${axis}`);
      }
      assert.equal(Number(c.get('machine_max_acceleration_extruding')), l.printAccelMmS2);
      assert.equal(Number(c.get('machine_max_acceleration_travel')), l.travelAccelMmS2);
    }
  });

  it("one filament profile per filament, its temperatures within the material's limits", () => {
    for (const m of filaments) {
      const c = ini(join(profilesDir, 'filament', `${m.code}.ini`));
      const p = m.properties as { diameterMm: number; densityGCm3: number; maxNozzleC: number; maxBedC: number };
      assert.equal(Number(c.get('filament_diameter')), p.diameterMm);
      assert.equal(Number(c.get('filament_density')), p.densityGCm3);
      for (const k of ['temperature', 'first_layer_temperature']) assert.ok(Number(c.get(k)) <= p.maxNozzleC && Number(c.get(k)) >= 170, `${m.code} ${k}`);
      for (const k of ['bed_temperature', 'first_layer_bed_temperature']) assert.ok(Number(c.get(k)) <= p.maxBedC, `${m.code} ${k}`);
      // …and within every printer's.
      for (const printer of printers) assert.ok(Number(c.get('temperature')) <= (printer.limits as { maxNozzleC: number }).maxNozzleC);
    }
  });

  it('one print profile per quality, at its layer height; every combination is found', () => {
    for (const q of QUALITIES) assert.equal(Number(ini(join(profilesDir, 'print', `${q}.ini`)).get('layer_height')), LAYER_HEIGHT_MM[q]);
    for (const p of printers) for (const m of filaments) for (const q of QUALITIES) profileFiles(profilesDir, p.code, m.code, q);
    rejects(() => profileFiles(profilesDir, 'prusa-mk4', 'plywood-3', 'normal'), 'profile_missing', { context: 'filament', id: 'plywood-3' });
    rejects(() => profileFiles(profilesDir, '../printer/prusa-mk4', 'pla-175', 'normal'), 'profile_missing', { context: 'printer' });
  });
});

describe("the maker's choices", () => {
  it('defaults, accepted forms, refusals', () => {
    assert.deepEqual(sliceChoices(), DEFAULT_CHOICES);
    assert.deepEqual(sliceChoices({ quality: 'fine', infillPercent: '30%', supports: true, brim: true }), { quality: 'fine', infillPercent: 30, supports: true, brim: true });
    rejects(() => sliceChoices({ infillPercent: 25 }), 'bad_option', { context: 'infill', allowed: '10, 15, 20, 30, 50, 100' });
    rejects(() => sliceChoices({ quality: 'Normal' }), 'bad_option', { context: 'quality' });
    rejects(() => sliceChoices({ supports: 'yes' }), 'bad_option', { context: 'supports' });
  });

  it('become command-line settings, and nothing else does', () => {
    assert.deepEqual(choiceArgs(DEFAULT_CHOICES), ['--fill-density', '15%', '--no-support-material', '--brim-width', '0']);
    assert.deepEqual(choiceArgs({ quality: 'draft', infillPercent: 100, supports: true, brim: true }), [
      '--fill-density',
      '100%',
      '--fill-pattern',
      'rectilinear',
      '--support-material',
      '--support-material-auto',
      '--brim-width',
      '5',
    ]);
  });
});

describe('error messages', () => {
  it('every error code has a French and an English sentence, and the same keys in both', () => {
    for (const code of PRINT_ERROR_CODES) {
      assert.ok((fr as Record<string, string>)[code], `fr: ${code}`);
      assert.ok((en as Record<string, string>)[code], `en: ${code}`);
    }
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const key of Object.keys(fr)) assert.ok(PRINT_ERROR_CODES.some((c) => key === c || key.startsWith(`${c}_`)), `stray key ${key}`);
  });
});
