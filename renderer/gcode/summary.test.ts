import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GcodeAnalysis, MachineSummary } from '../../electron/api/types';
import { createI18n } from '../i18n';
import { findingText, severityText } from './findings';
import { countFindings, gcodeMachines, jobSize, leavesWorkArea, needsFilament, previewMachine, slicerEstimateS, verdict } from './summary';

type Finding = GcodeAnalysis['findings'][number];

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function machine(code: string, over: Partial<MachineSummary>): MachineSummary {
  return {
    id: code,
    code,
    name: code,
    kind: 'fdm',
    model: '',
    connection: 'serial',
    firmware: 'marlin',
    workArea: { x: 250, y: 210, z: 220 },
    workOrigin: { x: 0, y: 0, z: 0 },
    maxSpindleS: null,
    requiredModule: null,
    ratePerHourCents: 0,
    description: { fr: '', en: '' },
    status: 'offline',
    ...over,
  };
}

const finding = (code: Finding['code'], severity: Finding['severity'], params: Finding['params'] = {}, line = 12): Finding => ({
  code,
  severity,
  params,
  line,
  message: `english ${code}`,
});

test('a G-code goes to the machines the kiosk drives with a known firmware', () => {
  const list = [
    machine('prusa-mk4', {}),
    machine('laser-co2', { kind: 'laser', firmware: 'grbl' }),
    machine('thermoformer', { kind: 'thermoformer', connection: 'manual', firmware: null }),
    machine('odd', { connection: 'serial', firmware: null }),
    machine('vinyl-cutter', { kind: 'vinyl', firmware: 'hpgl' }),
  ];
  assert.deepEqual(
    gcodeMachines(list).map((m) => m.code),
    ['prusa-mk4', 'laser-co2'],
  );
  assert.equal(needsFilament(list[0]), true);
  assert.equal(needsFilament(list[1]), false);
  assert.equal(needsFilament(null), false);
  const laser = machine('laser-co2', { kind: 'laser', firmware: 'grbl', workOrigin: { x: 0, y: -4, z: 0 }, maxSpindleS: 1000 });
  assert.deepEqual(previewMachine(laser), {
    id: 'laser-co2',
    kind: 'laser',
    firmware: 'grbl',
    workArea: { x: 250, y: 210, z: 220 },
    workOrigin: { x: 0, y: -4, z: 0 },
    maxSpindleS: 1000,
  });
  assert.deepEqual(previewMachine(machine('vinyl', { kind: 'vinyl', firmware: 'hpgl' })).firmware, null);
  assert.deepEqual(previewMachine(machine('scan', { kind: 'scanner' })).kind, 'other');
});

test('the verdict: errors refuse, warnings are to read', () => {
  assert.deepEqual(verdict([]), { kind: 'ok' });
  assert.deepEqual(verdict([finding('no_homing', 'warning')]), { kind: 'warnings', warnings: 1 });
  const mixed = [finding('no_homing', 'warning'), finding('laser_on_printer', 'error'), finding('empty_file', 'error')];
  assert.deepEqual(verdict(mixed), { kind: 'refused', errors: 2 });
  assert.deepEqual(countFindings(mixed), { errors: 2, warnings: 1 });
  assert.equal(leavesWorkArea(mixed), false);
  assert.equal(leavesWorkArea([finding('outside_work_area', 'error')]), true);
  assert.equal(leavesWorkArea([finding('travel_outside_work_area', 'warning')]), false);
});

test("the slicer's estimate only when it is a real one", () => {
  const slicer = {
    name: 'PrusaSlicer',
    version: '2.6.1',
    flavor: null,
    estimatedS: 771,
    estimateSource: 'footer' as const,
    filamentMm: 509.48,
    filamentG: 1.52,
    layerCount: null,
    placeholders: false,
  };
  assert.equal(slicerEstimateS(slicer), 771);
  assert.equal(slicerEstimateS({ ...slicer, placeholders: true }), null);
  assert.equal(slicerEstimateS({ ...slicer, estimatedS: null }), null);
  assert.equal(slicerEstimateS({ ...slicer, estimatedS: 0 }), null);
});

test('the size of the job', () => {
  assert.deepEqual(jobSize({ min: { x: 40, y: -2, z: 0.2 }, max: { x: 170, y: 118, z: 15 }, empty: false }), { x: 130, y: 120, z: 14.8 });
  assert.equal(jobSize({ min: { x: 0, y: 0, z: 0 }, max: { x: 0, y: 0, z: 0 }, empty: true }), null);
});

test('findings in French and English from the findings namespace, with numbers the local way', () => {
  const i18n = createI18n({ react: false });
  const laser = finding('laser_on_printer', 'error', { command: 'M3', count: 4 });
  assert.equal(findingText(laser, i18n, 'fr'), 'Commande laser ou broche M3 envoyée à une imprimante 3D.');
  assert.equal(findingText(laser, i18n, 'en'), 'Laser or spindle command M3 sent to a 3D printer.');
  const outside = finding('outside_work_area', 'error', { axis: 'x', value: 251.5, min: 0, max: 250, count: 3 });
  assert.equal(
    plain(findingText(outside, i18n, 'fr')),
    'Le travail atteint X = 251,5 mm, hors de la zone de travail de la machine (0 à 250 mm).',
  );
  const hot = finding('nozzle_temp_above_limit', 'warning', { value: 240, limit: 230, source: 'material' });
  assert.match(plain(findingText(hot, i18n, 'fr')), /\(filament\)/);
  const kind = finding('extrusion_on_laser', 'error', { machineKind: 'laser' });
  assert.match(findingText(kind, i18n, 'fr'), /découpe gravure laser/);
  assert.equal(severityText('error', i18n, 'fr'), 'Erreur');
  assert.equal(severityText('warning', i18n, 'en'), 'Warning');
  // A code the translations do not know yet: the engine's English message.
  const unknown = { ...finding('empty_file', 'error'), code: 'brand_new_check', message: 'english brand_new_check' } as unknown as Finding;
  assert.equal(findingText(unknown, i18n, 'fr'), 'english brand_new_check');
});
