// The analyzer on the real fixture files (see ../shared/fixtures/SOURCES.md), checked against what
// the slicer wrote in the file and against an independent, deliberately naive reference reading.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeFile } from './file';
import { analyzeGcode } from './index';
import { GENERIC_FDM, GENERIC_LASER, type MachineProfile } from './profile';
import { reference } from './reference.testutil';
import { fixturesDir } from '../../test/support/fixtures';

const ROOT = fixturesDir;
const skip = existsSync(ROOT) ? false : `fixtures not found at ${ROOT} (set FABKIOSK_FIXTURES)`;
const PRUSA_261 = `${ROOT}/gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode`;
const PRUSA_250 = `${ROOT}/generated/prusaslicer-2.5.0-openscad-example012.gcode`;
const CURA_231 = `${ROOT}/gcode/fdm/cura-2.3.1-puzzle_all.gcode`;
const CURA_413 = `${ROOT}/generated/curaengine-4.13.0-openscad-example012.gcode`;
const T2LASER = `${ROOT}/gcode/laser/t2laser-raster-snippet.nc`;

/** Prusa MINI as its own PrusaSlicer profile describes it; the file itself sets M201/M203/M204/M205. */
const PRUSA_MINI: MachineProfile = {
  id: 'prusa-mini',
  kind: 'fdm',
  firmware: 'prusa',
  workArea: { x: 180, y: 184, z: 180 },
  workOrigin: { x: 0, y: -4, z: 0 },
  homeMm: { x: 0, y: 0, z: 0 },
  maxFeedMmS: { x: 180, y: 180, z: 12, e: 80 },
  maxAccelMmS2: { x: 1250, y: 1250, z: 400, e: 4000 },
  printAccelMmS2: 1250,
  travelAccelMmS2: 1250,
  retractAccelMmS2: 1250,
  jerkMmS: { x: 8, y: 8, z: 2, e: 10 },
  plannerBlocks: 32,
  maxNozzleC: 280,
  maxBedC: 100,
};

/** The lab's locked PrusaSlicer printer profile (fixtures/generated/prusaslicer-profiles): its machine limits. */
const LAB_ENDER: MachineProfile = { ...GENERIC_FDM, id: 'lab-ender' };

/** Cura 2.3's time estimator defaults (its `prusa_i3` definition sets no limits). */
const CURA_23_DEFAULTS: MachineProfile = {
  kind: 'fdm',
  firmware: 'marlin',
  workArea: { x: 200, y: 200, z: 180 },
  maxFeedMmS: { x: 600, y: 600, z: 40, e: 25 },
  maxAccelMmS2: { x: 9000, y: 9000, z: 100, e: 10000 },
  printAccelMmS2: 3000,
  travelAccelMmS2: 3000,
  retractAccelMmS2: 3000,
  jerkMmS: { x: 20, y: 20, z: 0.4, e: 5 },
};

/**
 * The limits CuraEngine 4.13 estimated with: its command line reads `default_value`s only, so the
 * Ender-3 definition's `value` formulas were ignored and fdmprinter's defaults applied.
 */
const CURAENGINE_FDMPRINTER: MachineProfile = {
  kind: 'fdm',
  firmware: 'marlin',
  workArea: { x: 220, y: 220, z: 250 },
  maxFeedMmS: { x: 1e6, y: 1e6, z: 1e6, e: 1e6 },
  maxAccelMmS2: { x: 9000, y: 9000, z: 100, e: 10000 },
  printAccelMmS2: 4000,
  travelAccelMmS2: 4000,
  retractAccelMmS2: 4000,
  jerkMmS: { x: 20, y: 20, z: 0.4, e: 5 },
};

function assertBounds(actual: { min: { x: number; y: number; z: number }; max: { x: number; y: number; z: number } }, lo: number[], hi: number[]): void {
  assert.deepEqual(
    [actual.min.x, actual.min.y, actual.min.z, actual.max.x, actual.max.y, actual.max.z],
    [...lo, ...hi].map((v) => Math.round(v * 1e6) / 1e6),
  );
}

function within(actual: number, expected: number, tolerance: number, what: string): void {
  const rel = Math.abs(actual - expected) / expected;
  assert.ok(rel <= tolerance, `${what}: ${actual} vs ${expected} (${(rel * 100).toFixed(2)} % > ${tolerance * 100} %)`);
}

describe('PrusaSlicer 2.6.1 fixture (Prusa MINI)', { skip }, async () => {
  const a = await analyzeFile(PRUSA_261, { machine: PRUSA_MINI, material: { diameterMm: 1.75, densityGCm3: 1.24 } });
  const ref = reference(PRUSA_261);

  it('reads the slicer footer', () => {
    assert.equal(a.slicer.name, 'PrusaSlicer');
    assert.equal(a.slicer.version, '2.6.1+win64');
    assert.equal(a.slicer.estimatedS, 12 * 60 + 51);
    assert.equal(a.slicer.estimateSource, 'footer');
    assert.equal(a.slicer.filamentMm, 509.48);
    assert.equal(a.slicer.filamentG, 1.52);
  });
  it('filament length within 0.5 % of the footer once M221 flow is applied, and mass from diameter and density', () => {
    // The start G-code prints an 18 mm intro line, then sets `M221 S95`: the printer pushes 95 % of
    // every E after it. PrusaSlicer's footer (and the naive reference) ignore M221.
    const flowed = (e: number): number => 18 + 0.95 * (e - 18);
    within(a.filamentMm, flowed(509.48), 0.005, 'filament mm');
    within(a.filamentG, (1.52 * flowed(509.48)) / 509.48, 0.01, 'filament g');
    assert.ok(Math.abs(a.filamentMm - flowed(ref.filament)) < 1e-3, `${a.filamentMm} vs ${flowed(ref.filament)}`);
  });
  it('duration within 10 % of the slicer estimate (the file sets M201/M203/M204/M205)', () => {
    within(a.durationS, 771, 0.1, 'duration');
  });
  it('exact bounds, line and layer counts', () => {
    assert.equal(a.lines, ref.lines);
    assert.equal(a.lines, 4254);
    assertBounds(a.bounds, ref.min, ref.max);
    assertBounds(a.travelBounds, ref.tmin, ref.tmax);
    assert.equal(a.layers, ref.layerMarkers);
    assert.equal(a.layers, 75);
    assert.deepEqual(a.layerHeights, { first: 0.2, min: 0.2, max: 0.2 });
  });
  it('temperatures, homing, features, and no finding on its own machine', () => {
    assert.deepEqual(a.temperatures, { nozzle: 230, bed: 60 });
    assert.equal(a.homed, true);
    assert.ok(a.features.outer_wall && a.features.outer_wall.mm > 14000);
    assert.deepEqual(a.findings, []);
  });
  it('flags Prusa-only commands on vanilla Marlin, as warnings', async () => {
    const b = await analyzeFile(PRUSA_261, { machine: { ...PRUSA_MINI, firmware: 'marlin' } });
    const unknown = b.findings.filter((f) => f.code === 'unknown_command').map((f) => f.params.command);
    assert.deepEqual(unknown.sort(), ['M572', 'M74', 'M862.1', 'M862.3', 'M862.5', 'M862.6']);
    assert.ok(b.findings.every((f) => f.severity === 'warning'));
  });
});

describe('PrusaSlicer 2.5.0 fixture (the lab profile)', { skip }, async () => {
  const a = await analyzeFile(PRUSA_250, { machine: LAB_ENDER });
  const ref = reference(PRUSA_250);
  it('filament within 0.5 %, duration within 10 % of the footer', () => {
    assert.equal(a.slicer.filamentMm, 2375.03);
    within(a.filamentMm, 2375.03, 0.005, 'filament');
    assert.equal(a.slicer.estimatedS, 37 * 60 + 28);
    within(a.durationS, 37 * 60 + 28, 0.1, 'duration');
  });
  it('exact bounds and layers', () => {
    assertBounds(a.bounds, ref.min, ref.max);
    assertBounds(a.travelBounds, ref.tmin, ref.tmax);
    assert.deepEqual(a.bounds.min, { x: 88.643, y: 88.643, z: 0.2 });
    assert.deepEqual(a.bounds.max, { x: 131.357, y: 131.357, z: 15 });
    assert.equal(a.layers, 75);
    assert.equal(a.lines, ref.lines);
    assert.deepEqual(a.findings, []);
  });
  it('mass follows the material', () => {
    within(a.filamentG, 7.08, 0.01, 'PLA g');
    within(a.filamentCm3, 5.71, 0.01, 'cm3');
  });
});

describe('Cura 2.3.1 fixture', { skip }, async () => {
  const a = await analyzeFile(CURA_231, { machine: CURA_23_DEFAULTS });
  const ref = reference(CURA_231);
  it('reads the header, counts the layers', () => {
    assert.equal(a.slicer.name, 'Cura_SteamEngine');
    assert.equal(a.slicer.flavor, 'RepRap');
    assert.equal(a.slicer.estimatedS, 3485);
    assert.equal(a.slicer.estimateSource, 'header');
    assert.equal(a.slicer.layerCount, 119);
    assert.equal(a.layers, 119);
    assert.equal(a.layers, ref.layerMarkers);
  });
  it('duration within 10 % of ;TIME:', () => {
    within(a.durationS, 3485, 0.1, 'duration');
  });
  it('absolute extrusion with G92 resets: filament as the reference, exact bounds', () => {
    assert.ok(Math.abs(a.filamentMm - ref.filament) < 1e-3, `${a.filamentMm} vs ${ref.filament}`);
    assertBounds(a.bounds, ref.min, ref.max);
    assertBounds(a.travelBounds, ref.tmin, ref.tmax);
    assert.equal(a.lines, ref.lines);
  });
});

describe('CuraEngine 4.13 fixture (header placeholders)', { skip }, async () => {
  const a = await analyzeFile(CURA_413, { machine: CURAENGINE_FDMPRINTER });
  const ref = reference(CURA_413);
  it('recognises the placeholders and falls back to the last ;TIME_ELAPSED:', () => {
    assert.equal(a.slicer.placeholders, true);
    assert.equal(a.slicer.estimateSource, 'time_elapsed');
    assert.ok(Math.abs(a.slicer.estimatedS! - 4667.094737) < 1e-6);
  });
  it('duration within 10 % of the engine estimate, with the limits it used', () => {
    within(a.durationS, 4667.094737, 0.1, 'duration');
  });
  it('layers, bounds and filament', () => {
    assert.equal(a.layers, 148);
    assert.equal(a.slicer.layerCount, 148);
    assertBounds(a.bounds, ref.min, ref.max);
    assert.ok(Math.abs(a.filamentMm - ref.filament) < 1e-3, `${a.filamentMm} vs ${ref.filament}`);
  });
  it('reports the unresolved {machine_depth} placeholder of its end G-code', () => {
    const f = a.findings.find((x) => x.code === 'bad_number');
    assert.ok(f);
    assert.equal(f.line, 41866);
    assert.equal(f.params.word, 'Y');
    assert.equal(f.severity, 'warning');
  });
});

describe('T2Laser raster snippet', { skip }, async () => {
  const laser: MachineProfile = {
    kind: 'laser',
    firmware: 'grbl',
    workArea: { x: 400, y: 400, z: 0 },
    workOrigin: { x: -200, y: -200, z: 0 },
    maxFeedMmS: { x: 100, y: 100, z: 10 },
    maxAccelMmS2: { x: 1000, y: 1000, z: 100 },
    junctionDeviationMm: 0.01,
    laserMode: true,
    maxSpindleS: 1000,
  };
  const a = await analyzeFile(T2LASER, { machine: laser });
  it('G92 re-origin, modal X/Y with M03 S per line, laser-on distance', () => {
    assert.equal(a.slicer.name, 'T2Laser');
    assert.deepEqual(a.travelBounds.min, { x: -42.2, y: -49.95, z: 0 });
    assert.deepEqual(a.travelBounds.max, { x: 0, y: 0, z: 0 });
    assert.deepEqual(a.bounds.min, { x: -37, y: -49.95, z: 0 });
    assert.deepEqual(a.bounds.max, { x: -36.1, y: -49.05, z: 0 });
    assert.equal(a.maxSpindleS, 1000);
    assert.ok(a.laserOnMm > 5.6 && a.laserOnMm < 5.7, String(a.laserOnMm));
    assert.ok(a.laserOnS > 0 && a.laserOnS < a.durationS);
    assert.equal(a.detectedKind, 'laser');
  });
  it('findings: Grbl has no M6, the file never homes, and it stops with the laser on', () => {
    const codes = a.findings.map((f) => `${f.severity}:${f.code}`);
    assert.ok(codes.includes('error:unknown_command'));
    assert.equal(a.findings.find((f) => f.code === 'unknown_command')?.params.command, 'M6');
    assert.ok(codes.includes('warning:no_homing'));
    assert.equal(a.findings.find((f) => f.code === 'truncated')?.params.reason, 'laser_on_at_end');
  });
  it('on a laser whose work area starts at 0,0: placed relative to the head (G92), only its size is checked', async () => {
    const b = await analyzeGcode([readFileSync(T2LASER)], { machine: GENERIC_LASER });
    assert.deepEqual(b.relativeOrigin, { command: 'G92', line: 18, axes: 'xy' });
    assert.equal(b.findings.find((f) => f.code === 'relative_origin')?.severity, 'warning');
    assert.deepEqual(
      b.findings.filter((f) => /work_area/.test(f.code)).map((f) => f.code),
      [],
      'the bounds are negative (left of and below the head) but the job is 0.9 × 0.9 mm',
    );
    assert.equal(b.findings.find((f) => f.code === 'unknown_command')?.params.context, 'grbl_tool_change');
  });
  it('on a printer: laser commands are refused', async () => {
    const b = await analyzeGcode([readFileSync(T2LASER)], { machine: LAB_ENDER });
    const f = b.findings.find((x) => x.code === 'laser_on_printer');
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.equal(f.line, 23); // "M03 S0": a laser command even at zero power
  });
});
