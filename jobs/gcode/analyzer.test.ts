// Unit tests of the analyzer on small, hand-written G-code with hand-computed expectations.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, createAnalyzer, type AnalyzeOptions, type Analysis } from './index';
import type { MachineProfile } from './profile';

const run = (text: string, opts: AnalyzeOptions = {}): Analysis => analyzeText(text, opts);
const codes = (a: Analysis): string[] => a.findings.map((f) => f.code);
const find = (a: Analysis, code: string) => a.findings.find((f) => f.code === code);
const near = (actual: number, expected: number, eps = 1e-3, what = ''): void =>
  assert.ok(Math.abs(actual - expected) <= eps, `${what} ${actual} ≉ ${expected}`);

/** A Grbl machine with simple limits: 1000 mm/s² on X/Y, 100 mm/s max, JD 0.01. */
const GRBL: MachineProfile = {
  kind: 'laser',
  firmware: 'grbl',
  workArea: { x: 300, y: 300, z: 50 },
  maxFeedMmS: { x: 500, y: 500, z: 50 },
  maxAccelMmS2: { x: 1000, y: 1000, z: 1000 },
  junctionDeviationMm: 0.01,
  plannerBlocks: 64,
  laserMode: true,
  maxSpindleS: 1000,
};

const FDM: MachineProfile = {
  kind: 'fdm',
  firmware: 'marlin',
  workArea: { x: 200, y: 200, z: 200 },
  maxFeedMmS: { x: 500, y: 500, z: 20, e: 100 },
  maxAccelMmS2: { x: 1000, y: 1000, z: 1000, e: 10000 },
  printAccelMmS2: 1000,
  travelAccelMmS2: 1000,
  retractAccelMmS2: 1000,
  jerkMmS: { x: 10, y: 10, z: 1, e: 5 },
  plannerBlocks: 64,
  maxNozzleC: 260,
  maxBedC: 100,
};

describe('words and numbers', () => {
  it('signs, decimals, no spaces, lower case, spaces after the letter', () => {
    const a = run('G1 X1.5 Y-2 Z+3\nG1X10Y20\ng1 x.5 y -0.25\nG1 X 7\n');
    assert.deepEqual(a.travelBounds.min, { x: 0, y: -2, z: 0 });
    assert.deepEqual(a.travelBounds.max, { x: 10, y: 20, z: 3 });
    assert.equal(a.lines, 4);
    assert.equal(a.moves, 4);
  });
  it('parses decimals exactly like parseFloat', () => {
    const nums = ['72.003', '103.076', '0.1', '1234.5678', '-0.0001', '99999.999', '.06669', '131.357'];
    // Past 9 digits the mantissa leaves the int32 fast path.
    nums.push('1234567.891', '-98765.4321012', '12345678901', '0.00000000012', '999999999', '1000000000.5');
    for (const n of nums) {
      const a = run(`G1 X${n}\n`);
      const x = Number(n);
      assert.equal(x < 0 ? a.travelBounds.min.x : a.travelBounds.max.x, Math.round(x * 1e6) / 1e6);
    }
  });
  it('comments in both forms, and E is an axis, not an exponent', () => {
    const a = run('G1 X5 (move) Y6 ; X99 comment\n(whole line) \nG1 X1E5 F600\n', { machine: FDM });
    assert.deepEqual(a.travelBounds.max, { x: 5, y: 6, z: 0 });
    near(a.filamentMm, 5, 1e-9, 'E5');
  });
  it('line numbers and checksums, bad checksums reported', () => {
    const body = 'N10 G1 X5';
    let cs = 0;
    for (const ch of body) cs ^= ch.charCodeAt(0);
    const good = run(`${body}*${cs}\n`);
    assert.deepEqual(codes(good), []);
    assert.equal(good.travelBounds.max.x, 5);
    const bad = run(`${body}*${(cs + 1) & 255}\nN11 G1 X6*0\n`);
    assert.equal(find(bad, 'bad_checksum')?.line, 1);
    assert.equal(find(bad, 'bad_checksum')?.params.count, 2);
  });
  it('CRLF line endings and a UTF-8 BOM', () => {
    const a = run('\uFEFFG1 X5\r\nG1 Y6\r\n');
    assert.equal(a.lines, 2);
    assert.deepEqual(a.travelBounds.max, { x: 5, y: 6, z: 0 });
    assert.deepEqual(a.findings, []);
  });
  it('CR-only line ends (old Mac, some CAM exports) read like LF, whatever the chunks', () => {
    const lf = 'G21\nG90\nM83\nG1 X10 Y5 E1 F1200\n; a comment\nG1 X20 E1\nG1 Y30\n';
    const expected = { ...run(lf, { machine: FDM }), bytes: 0 };
    const cr = lf.replaceAll('\n', '\r');
    const crlf = lf.replaceAll('\n', '\r\n');
    for (const text of [cr, crlf, cr.slice(0, -1)]) {
      const bytes = new TextEncoder().encode(text);
      const whole = run(text, { machine: FDM });
      assert.equal(whole.lines, 7, JSON.stringify(text));
      assert.deepEqual({ ...whole, bytes: 0 }, expected);
      // Cut everywhere, including between a CR and its LF.
      for (let cut = 1; cut < bytes.length; cut++) {
        const a = createAnalyzer({ machine: FDM });
        a.push(bytes.subarray(0, cut));
        a.push(bytes.subarray(cut));
        assert.deepEqual(a.finish(), whole, `cut at ${cut}`);
      }
    }
  });
  it('a lone CR in a CRLF file stays a blank; a file with no line end is one line', () => {
    assert.equal(run('G1 X1\r\nG1 X2 \r Y3\r\n').lines, 2);
    assert.deepEqual(run('G1 X1\r\nG1 X2 \r Y3\r\n').travelBounds.max, { x: 2, y: 3, z: 0 });
    assert.equal(run('G1 X4').lines, 1);
    assert.equal(run('G1 X4\r').travelBounds.max.x, 4);
  });
  it('several G words on one line, and Grbl modal moves', () => {
    const a = run('G21 G90 G1 X10 F600\nY10\nX0 Y0\n');
    assert.equal(a.moves, 3);
    assert.deepEqual(a.travelBounds.max, { x: 10, y: 10, z: 0 });
  });
  it('M117 text is not parsed as words', () => {
    const a = run('M117 G1 X99 layer 5\nG1 X1\n');
    assert.equal(a.travelBounds.max.x, 1);
  });
});

describe('modal state', () => {
  it('G20 inches and G21 millimetres, feed in inches', () => {
    const a = run('G20\nG1 X1 Y2 F60\nG21\nG1 X10\n');
    assert.equal(a.travelBounds.max.x, 25.4);
    assert.equal(a.travelBounds.max.y, 50.8);
    assert.equal(a.units, 'mixed');
    assert.equal(run('G20\nG1 X1\n').units, 'inch');
  });
  it('G91 relative and G90 absolute', () => {
    const a = run('G91\nG1 X1\nG1 X1 Y2\nG90\nG1 X0.5\n');
    assert.deepEqual(a.travelBounds.max, { x: 2, y: 2, z: 0 });
    assert.equal(a.travelBounds.min.x, 0);
  });
  it('G92 offsets the coordinates (bounds stay in machine coordinates)', () => {
    const a = run('G1 X10 Y10\nG92 X0 Y0\nG1 X5 Y5\n');
    assert.deepEqual(a.travelBounds.max, { x: 15, y: 15, z: 0 });
  });
  it('G28 homes the named axes, or all; resets their offsets', () => {
    const a = run('G1 X10 Y10 Z10\nG28 X\nG1 Y20\n', { machine: FDM });
    assert.equal(a.homed, true);
    assert.equal(find(a, 'no_homing')?.line, 1);
    const b = run('G28\nG1 X10 Y10 Z1\n', { machine: FDM });
    assert.equal(find(b, 'no_homing'), undefined);
  });
});

describe('extrusion', () => {
  it('relative E (M83)', () => {
    near(run('M83\nG1 X10 E1\nG1 X20 E1.5\n').filamentMm, 2.5, 1e-9);
  });
  it('absolute E (M82) with G92 E resets', () => {
    near(run('M82\nG1 X10 E1\nG92 E0\nG1 X20 E1\nG1 X30 E3\n').filamentMm, 4, 1e-9);
  });
  it('retractions and their re-priming are not counted twice', () => {
    const a = run('M83\nG1 X10 E5\nG1 E-2 F2400\nG1 X20 F9000\nG1 E2\nG1 X30 E1\nG1 E-1\n');
    near(a.filamentMm, 6, 1e-9);
  });
  it('Marlin: G91 makes E relative too, G90 absolute again, M83 after G90 relative', () => {
    near(run('G91\nG1 X1 E1\nG1 X1 E1\n').filamentMm, 2, 1e-9);
    near(run('M83\nG90\nG1 X1 E1\nG1 X2 E1\n').filamentMm, 1, 1e-9); // G90 resets E to absolute
    near(run('G90\nM83\nG1 X1 E1\nG1 X2 E1\n').filamentMm, 2, 1e-9);
  });
  it('M221 flow scales the filament pushed, per extruder, retractions included', () => {
    near(run('M83\nG1 X10 E10\nM221 S90\nG1 X20 E10\n').filamentMm, 19, 1e-9);
    // 4 × 50 % = 2, a 1 mm retraction and its re-priming, then 2 × 50 % = 1.
    near(run('M83\nM221 S50\nG1 X10 E4\nG1 E-2\nG1 E2\nG1 X20 E2\n').filamentMm, 3, 1e-9);
    near(run('M82\nM221 S50\nG1 X10 E4\nG92 E0\nG1 X20 E2\n').filamentMm, 3, 1e-9);
    // M221 T1 sets extruder 1's flow; T0 keeps its own.
    near(run('M83\nM221 T1 S50\nG1 X10 E10\nT1\nG1 X20 E10\nT0\nG1 X30 E10\n').filamentMm, 25, 1e-9);
    const full = run('M83\nG1 X10 E100\n');
    const half = run('M83\nM221 S50\nG1 X10 E100\n');
    near(half.filamentG, full.filamentG / 2, 1e-4);
    near(half.filamentCm3, full.filamentCm3 / 2, 1e-4);
  });
  it('mass from the material diameter and density', () => {
    const a = run('M83\nG1 X10 E1000\n', { material: { diameterMm: 2.85, densityGCm3: 1.27 } });
    const cm3 = (Math.PI * 1.425 * 1.425 * 1000) / 1000;
    near(a.filamentCm3, cm3, 1e-4);
    near(a.filamentG, cm3 * 1.27, 1e-4);
  });
  it('work bounds cover extrusions only; travel bounds every position', () => {
    const a = run('G28\nG1 X50 Y50 Z0.2\nM83\nG1 X60 Y55 E1\nG1 X100 Y100\n', { machine: FDM });
    assert.deepEqual(a.bounds.min, { x: 50, y: 50, z: 0.2 });
    assert.deepEqual(a.bounds.max, { x: 60, y: 55, z: 0.2 });
    assert.deepEqual(a.travelBounds.max, { x: 100, y: 100, z: 0.2 });
    assert.deepEqual(a.travelBounds.min, { x: 0, y: 0, z: 0 });
  });
});

describe('arcs', () => {
  it('G2 quarter circle with I/J: exact bounds and length', () => {
    const a = run('G1 X10 Y0\nM83\nG2 X0 Y-10 I-10 J0 E1\n');
    assert.deepEqual(a.bounds.min, { x: 0, y: -10, z: 0 });
    assert.deepEqual(a.bounds.max, { x: 10, y: 0, z: 0 });
    near(a.workMm, (Math.PI / 2) * 10, 1e-3, 'length');
    assert.equal(a.arcs, 1);
  });
  it('G3 full circle (same start and end) reaches all four quadrant points', () => {
    const a = run('G1 X10 Y0\nM83\nG3 X10 Y0 I-10 J0 E1\n');
    assert.deepEqual(a.bounds.min, { x: -10, y: -10, z: 0 });
    assert.deepEqual(a.bounds.max, { x: 10, y: 10, z: 0 });
    near(a.workMm, 2 * Math.PI * 10, 1e-3, 'circumference');
  });
  it('G2 semicircle with R passes over the top', () => {
    const a = run('G1 X0 Y0\nM83\nG2 X10 Y0 R5 E1\n');
    assert.deepEqual(a.bounds.max, { x: 10, y: 5, z: 0 });
    assert.deepEqual(a.bounds.min, { x: 0, y: 0, z: 0 });
    near(a.workMm, Math.PI * 5, 1e-3);
  });
  it('R > 0 takes the short arc, R < 0 the long one', () => {
    const short = run('M83\nG2 X10 Y10 R10 E1\n');
    assert.deepEqual([short.bounds.min, short.bounds.max], [{ x: 0, y: 0, z: 0 }, { x: 10, y: 10, z: 0 }]);
    near(short.workMm, (Math.PI / 2) * 10, 1e-3);
    const long = run('M83\nG2 X10 Y10 R-10 E1\n');
    assert.deepEqual([long.bounds.min, long.bounds.max], [{ x: -10, y: 0, z: 0 }, { x: 10, y: 20, z: 0 }]);
    near(long.workMm, ((3 * Math.PI) / 2) * 10, 1e-3);
  });
  it('helix: Z moves linearly along the arc', () => {
    const a = run('G1 X10 Y0\nM83\nG3 X10 Y0 Z5 I-10 J0 E1\n');
    assert.equal(a.bounds.max.z, 5);
    near(a.workMm, Math.hypot(2 * Math.PI * 10, 5), 1e-3);
  });
  it('G18 (XZ plane) arcs', () => {
    const a = run('G18\nG1 X10 Z0\nM83\nG3 X-10 Z0 I-10 K0 E1\n');
    assert.equal(a.bounds.max.x, 10);
    assert.equal(a.bounds.min.x, -10);
    assert.equal(Math.max(Math.abs(a.bounds.min.z), Math.abs(a.bounds.max.z)), 10);
    assert.equal(a.bounds.min.y, 0);
  });
  it('relative arc centres follow G91 targets', () => {
    const a = run('G1 X10 Y0\nG91\nM83\nG2 X-10 Y-10 I-10 J0 E1\n');
    assert.deepEqual(a.bounds.min, { x: 0, y: -10, z: 0 });
  });
  it('segments like Marlin (1 mm) in the toolpath, filament spread over the arc', () => {
    const a = run('G1 X10 Y0\nM83\nG2 X0 Y-10 I-10 J0 E3\n', { toolpath: true, machine: FDM });
    const tp = a.toolpath!;
    assert.equal(tp.segments, 1 + 15); // the travel, then floor(15.708 / 1) chords
    near(a.filamentMm, 3, 1e-9);
    // every chord end lies on the circle
    for (let i = 2; i <= tp.segments; i++) near(Math.hypot(tp.positions[i * 3]!, tp.positions[i * 3 + 1]!), 10, 1e-4);
  });
  it('invalid arcs are reported, never thrown', () => {
    assert.equal(find(run('G2 X10 Y0 R2\n'), 'bad_arc')?.params.reason, 'radius_too_small');
    assert.equal(find(run('G1 X5\nG2 X10 Y0\n'), 'bad_arc')?.params.reason, 'no_center_offset');
    assert.equal(find(run('G1 X10\nG2 X0 Y-11 I-10 J0\n'), 'bad_arc')?.params.reason, 'radius_mismatch');
    assert.equal(find(run('G2 X10 Y0 R2\n', { machine: GRBL }), 'bad_arc')?.severity, 'error');
  });
});

describe('layers and features', () => {
  it('without markers: a new Z with extrusion starts a layer; Z hops do not', () => {
    const g = ['M83'];
    for (let l = 1; l <= 3; l++) {
      const z = (l * 0.2).toFixed(1);
      g.push(`G1 Z${z}`, 'G1 X10 E1', 'G1 Z5', 'G1 X0', `G1 Z${z}`, 'G1 Y10 E1');
    }
    const a = run(g.join('\n'));
    assert.equal(a.layers, 3);
    assert.deepEqual(a.layerHeights, { first: 0.2, min: 0.2, max: 0.2 });
  });
  it('PrusaSlicer markers; what comes before the first marker joins layer 0', () => {
    const a = run(
      'M83\nG1 Z0.3\nG1 X50 E2\n;LAYER_CHANGE\n;Z:0.2\n;HEIGHT:0.2\nG1 Z0.2\n;TYPE:External perimeter\nG1 X10 E1\n;LAYER_CHANGE\n;Z:0.4\n;HEIGHT:0.2\nG1 Z0.4\n;TYPE:Internal infill\nG1 X20 E1\n',
    );
    assert.equal(a.layers, 2);
    assert.deepEqual(a.layerHeights, { first: 0.2, min: 0.2, max: 0.2 });
    assert.equal(a.features.outer_wall?.mm, 40);
    assert.equal(a.features.sparse_infill?.mm, 10);
  });
  it('Cura and Simplify3D markers and feature names', () => {
    const cura = run(';LAYER:0\n;TYPE:WALL-OUTER\nM83\nG1 Z0.2\nG1 X10 E1\n;LAYER:1\n;TYPE:FILL\nG1 Z0.4\nG1 X0 E1\n');
    assert.equal(cura.layers, 2);
    assert.ok(cura.features.outer_wall && cura.features.sparse_infill);
    const s3d = run('; layer 1, Z = 0.250\n; feature inner perimeter\nM83\nG1 Z0.25\nG1 X10 E1\n; layer 2, Z = 0.450\n; feature solid layer\nG1 Z0.45\nG1 X0 E1\n');
    assert.equal(s3d.layers, 2);
    assert.deepEqual(s3d.layerHeights, { first: 0.25, min: 0.2, max: 0.2 });
    assert.ok(s3d.features.inner_wall && s3d.features.solid_infill);
    assert.equal(run(';TYPE:Some new feature\nM83\nG1 X1 E1\n').features.other?.moves, 1);
  });
  it('LightBurn operations become laser features', () => {
    const a = run(
      '; LightBurn 1.4.00\nG90\nM4\n; Cut @ 10 mm/sec, 80% power\nG0 X0Y0\nG1 X10S800F600\n; Image @ 100 mm/sec, 50% power\nG0 X0Y1\nG1 X10S300\nM5\n',
      { machine: GRBL },
    );
    assert.equal(a.slicer.name, 'LightBurn');
    assert.equal(a.features.laser_cut?.mm, 10);
    assert.equal(a.features.laser_image?.mm, 10);
    assert.equal(a.laserOnMm, 20);
  });
});

describe('duration', () => {
  it('one move from rest to rest: trapezoid, and triangle when too short', () => {
    // 100 mm at 100 mm/s, 1000 mm/s²: 0.1 s up, 0.1 s down, 90 mm cruise.
    near(run('G1 X100 F6000\n', { machine: GRBL }).durationS, 1.1, 1e-3);
    // 5 mm: peak √(a·d) = 70.7 mm/s.
    near(run('G1 X5 F6000\n', { machine: GRBL }).durationS, (2 * Math.sqrt(5000)) / 1000, 1e-3);
  });
  it('collinear pieces run like one move given enough look-ahead, slower with a short buffer', () => {
    const g = ['G1 F6000'];
    for (let i = 1; i <= 1000; i++) g.push(`G1 X${(i / 10).toFixed(1)}`);
    const text = g.join('\n');
    near(run(text, { machine: GRBL }).durationS, 1.1, 2e-3, '64 blocks of 0.1 mm = 6.4 mm ≥ 5 mm to stop');
    // 16 blocks × 0.1 mm: the machine may only go as fast as it can stop within 1.6 mm: √(2·1000·1.6).
    const short = run(text, { machine: { ...GRBL, plannerBlocks: 16 } }).durationS;
    assert.ok(short > 100 / Math.sqrt(2 * 1000 * 1.6), String(short));
    assert.ok(short < 100 / Math.sqrt(2 * 1000 * 1.5) + 0.2, String(short));
  });
  it('junction deviation at a 90° corner', () => {
    const vj = Math.sqrt((1000 * 0.01 * Math.SQRT1_2) / (1 - Math.SQRT1_2));
    const leg = 0.1 + (100 - vj) / 1000 + (50 - 5 - (10000 - vj * vj) / 2000) / 100;
    near(run('G1 X50 F6000\nG1 Y50\n', { machine: GRBL }).durationS, 2 * leg, 1e-3);
  });
  it('classic jerk at a 90° corner: 10 mm/s per axis', () => {
    const leg = 0.09 + 0.09 + (50 - 2 * 4.95) / 100;
    near(run('G1 X50 F6000\nG1 Y50\n', { machine: FDM }).durationS, 2 * leg, 1e-3);
  });
  it('per-axis feed and acceleration limits apply by direction', () => {
    // Z limited to 20 mm/s and 100 mm/s²; classic jerk: it starts and stops at its 1 mm/s jerk.
    const z = run('G1 Z10 F6000\n', { machine: { ...FDM, maxAccelMmS2: { ...FDM.maxAccelMmS2, z: 100 } } }).durationS;
    near(z, (2 * (20 - 1)) / 100 + (10 - (2 * (400 - 1)) / 200) / 20, 1e-3);
  });
  it('M201/M203/M204/M205 from the file change the limits', () => {
    const base = run('G1 X100 F6000\n', { machine: FDM }).durationS;
    const slow = run('M204 P100 T100\nG1 X100 F6000\n', { machine: FDM }).durationS;
    assert.ok(slow > base + 0.5, `${slow} vs ${base}`);
    const capped = run('M203 X10\nG1 X100 F6000\n', { machine: FDM }).durationS;
    assert.ok(capped > 9.9, String(capped));
  });
  it('dwell: Marlin P in ms or S in s, Grbl P in s', () => {
    near(run('G4 P500\n', { machine: FDM }).durationS, 0.5);
    near(run('G4 S2\n', { machine: FDM }).durationS, 2);
    near(run('G4 P1.5\n', { machine: GRBL }).durationS, 1.5);
  });
  it('a naive per-move model overestimates tiny raster moves; the planner does not', () => {
    const g = ['M4', 'G1 F6000'];
    for (let row = 0; row < 20; row++) for (let i = 1; i <= 500; i++) g.push(`G1 X${((row % 2 ? 500 - i : i) / 10).toFixed(1)} Y${row / 10} S${(i * 7) % 1000}`);
    const a = run(g.join('\n'), { machine: GRBL });
    const naive = 20 * 500 * (2 * Math.sqrt(0.1 / 1000)); // each 0.1 mm move from rest to rest
    assert.ok(a.durationS < naive / 5, `${a.durationS} vs naive ${naive}`);
    // 20 rows of 50 mm, joined by 19 diagonal 0.1 × 0.1 mm steps with the beam on.
    near(a.laserOnMm, 20 * 50 + 19 * (Math.SQRT2 * 0.1 - 0.1), 1e-3);
  });
});

describe('findings against the machine', () => {
  it('work outside the work area is an error at its first line; travel slightly outside is fine', () => {
    const a = run('G28\nM104 S200\nM83\nG1 X-3 Y10\nG1 X10 Y10\nG1 X20 Y10 E1\nG1 X210 Y10 E1\n', { machine: FDM });
    const f = find(a, 'outside_work_area');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.line, 7);
    assert.deepEqual({ axis: f?.params.axis, value: f?.params.value }, { axis: 'x', value: 210 });
    assert.equal(find(a, 'travel_outside_work_area'), undefined);
    const b = run('G28\nG1 X-30 Y10\n', { machine: FDM });
    assert.equal(find(b, 'travel_outside_work_area')?.severity, 'warning');
  });
  it('a laser job re-origined before homing (G92): its size is checked, not its position', () => {
    const a = run('G92 X0 Y0\nM4 S500\nG1 X-50 Y-50 F1000\nG1 X100 Y100\nM5\n', { machine: GRBL });
    assert.equal(find(a, 'outside_work_area'), undefined);
    const f = find(a, 'relative_origin');
    assert.deepEqual([f?.severity, f?.line, f?.params.command, f?.params.axes], ['warning', 1, 'G92', 'xy']);
    assert.deepEqual(a.relativeOrigin, { command: 'G92', line: 1, axes: 'xy' });
    assert.equal(find(a, 'job_larger_than_work_area'), undefined);
    // 400 mm wide on a 300 mm machine: wherever the head is, it does not fit.
    const b = run('G92 X0 Y0\nM4 S500\nG1 X-200 F1000\nG1 X200\nM5\n', { machine: GRBL });
    const g = find(b, 'job_larger_than_work_area');
    assert.deepEqual([g?.severity, g?.params.axis, g?.params.size, g?.params.limit], ['error', 'x', 400, 300]);
    assert.equal(find(b, 'outside_work_area'), undefined);
    // G10 L20 sets the origin the same way.
    assert.equal(find(run('G10 L20 P1 X0 Y0\nM4 S500\nG1 X-50 F1000\nM5\n', { machine: GRBL }), 'relative_origin')?.params.command, 'G10 L20');
  });
  it('after homing, G92 is an ordinary offset: positions stay absolute and are checked', () => {
    const a = run('$H\nG0 X10 Y10\nG92 X0 Y0\nM4 S500\nG1 X-50 F1000\nM5\n', { machine: GRBL });
    assert.equal(a.relativeOrigin, null);
    assert.equal(find(a, 'relative_origin'), undefined);
    assert.deepEqual([find(a, 'outside_work_area')?.params.axis, find(a, 'outside_work_area')?.params.value], ['x', -40]);
    // A printer never works relative to its head: G92 X there is an offset, homing is required anyway.
    assert.equal(find(run('G92 X0\nM83\nG1 X10 E1\n', { machine: FDM }), 'relative_origin'), undefined);
  });
  it('Grbl: M6 stops the job with error:20 and the message says so; a T word alone is ignored', () => {
    const a = run('$H\nM6 T1\nG1 X1 F100\n', { machine: GRBL });
    const f = find(a, 'unknown_command');
    assert.deepEqual([f?.severity, f?.params.command, f?.params.context], ['error', 'M6', 'grbl_tool_change']);
    assert.match(f!.message, /Grbl 1\.1 has no tool change.*error:20/);
    assert.deepEqual(run('$H\nT1\nG1 X1 F100\nT2\nG1 X2\n', { machine: GRBL }).findings, []);
    const b = find(run('$H\nM104 S200\n', { machine: GRBL }), 'unknown_command');
    assert.equal(b?.params.context, 'grbl');
    assert.match(b!.message, /not supported by Grbl 1\.1.*error:20/);
    // Marlin knows M6 and has no context.
    assert.equal(find(run('G28\nM999.5\n', { machine: FDM }), 'unknown_command')?.params.context, undefined);
  });
  it('temperatures above the machine (error) or the material (warning)', () => {
    const a = run('M104 S300\nM140 S120\n', { machine: FDM });
    assert.equal(find(a, 'nozzle_temp_above_limit')?.severity, 'error');
    assert.equal(find(a, 'bed_temp_above_limit')?.params.limit, 100);
    const b = run('M109 S240\n', { machine: FDM, material: { maxNozzleC: 230 } });
    const f = find(b, 'nozzle_temp_above_limit');
    assert.deepEqual([f?.severity, f?.params.source, f?.params.value], ['warning', 'material', 240]);
    assert.deepEqual(b.temperatures, { nozzle: 240, bed: null });
  });
  it('commands the firmware does not know: a warning on Marlin, an error on Grbl', () => {
    const a = run('G28\nM999.5\nM900 K0.1\nG29\nG1 X1\n', { machine: FDM });
    assert.deepEqual(a.findings.filter((f) => f.code === 'unknown_command').map((f) => [f.params.command, f.severity]), [['M999.5', 'warning']]);
    const b = run('$H\nG28\nM104 S200\nG1 X1 F100\n', { machine: GRBL });
    assert.deepEqual(b.findings.filter((f) => f.code === 'unknown_command').map((f) => [f.params.command, f.severity]), [['M104', 'error']]);
    assert.equal(find(b, 'heater_on_laser')?.severity, 'error');
    const c = run('G28\nM862.3 P "MINI"\nG1 X1\n', { machine: { ...FDM, extraCommands: ['M862.3'] } });
    assert.deepEqual(codes(c), []);
  });
  it('laser commands on a printer, extrusion on a laser', () => {
    assert.equal(find(run('G28\nM3 S1000\n', { machine: FDM }), 'laser_on_printer')?.line, 2);
    const b = run('$H\nG1 X10 E5 F100\n', { machine: GRBL });
    assert.equal(find(b, 'extrusion_on_laser')?.severity, 'error');
  });
  it('no homing: an error on a printer, a warning on a laser', () => {
    assert.equal(find(run('G1 X1\n', { machine: FDM }), 'no_homing')?.severity, 'error');
    assert.equal(find(run('G1 X1 F100\n', { machine: GRBL }), 'no_homing')?.severity, 'warning');
    assert.equal(find(run('$H\nG1 X1 F100\n', { machine: GRBL }), 'no_homing'), undefined);
  });
  it('cold extrusion, spindle above its maximum, feed never set on Grbl, pauses', () => {
    assert.equal(find(run('G28\nM83\nG1 X10 E1\n', { machine: FDM }), 'cold_extrusion')?.line, 3);
    assert.equal(find(run('$H\nM3 S2000\n', { machine: GRBL }), 'spindle_above_limit')?.params.value, 2000);
    assert.equal(find(run('$H\nG1 X10\n', { machine: GRBL }), 'undefined_feed_rate')?.severity, 'error');
    assert.equal(find(run('G28\nM600\n', { machine: FDM }), 'pause_in_job')?.params.command, 'M600');
  });
  it('empty files are an error', () => {
    assert.equal(find(run(''), 'empty_file')?.severity, 'error');
    assert.equal(find(run('; only a comment\n'), 'empty_file')?.severity, 'error');
    assert.equal(run('').lines, 0);
  });
  it('truncated slicer output: missing footer, heater left on', () => {
    const a = run('; generated by PrusaSlicer 2.6.1\nM104 S200\nM83\nG1 X10 E1\n');
    assert.deepEqual(find(a, 'truncated')?.params.reason, 'missing_footer');
    assert.equal(find(run('M104 S200\nM83\nG1 X10 E1\n'), 'truncated')?.params.reason, 'heater_on_at_end');
    assert.equal(find(run('M104 S200\nM83\nG1 X10 E1\nM104 S0\n'), 'truncated'), undefined);
  });
  it('findings carry an English fallback message and params for translation', () => {
    const f = find(run('M104 S300\n', { machine: FDM }), 'nozzle_temp_above_limit')!;
    assert.match(f.message, /300 °C above the machine limit of 260 °C/);
    assert.equal(typeof f.params.value, 'number');
  });
});

describe('report', () => {
  it('tools, temperatures, homing, slicer names', () => {
    const a = run('; G-Code generated by Simplify3D(R) Version 4.1.2\nT1\nM104 T1 S210\nM190 S60\nM83\nG1 X1 E1\nT0\nG1 X2 E1\n');
    assert.deepEqual(a.tools, [0, 1]);
    assert.deepEqual(a.temperatures, { nozzle: 210, bed: 60 });
    assert.equal(a.slicer.name, 'Simplify3D');
    assert.equal(a.slicer.version, '4.1.2');
  });
  it('Simplify3D footer estimate and filament length', () => {
    const a = run('M83\nG1 X1 E1\n;   Build time: 1 hours 19 minutes\n;   Filament length: 5345.6 mm (5.35 m)\n');
    assert.equal(a.slicer.estimatedS, 3600 + 19 * 60);
    assert.equal(a.slicer.filamentMm, 5345.6);
  });
  it('detects the kind of job from its content', () => {
    assert.equal(run('M83\nG1 X1 E1\n').detectedKind, 'fdm');
    assert.equal(run('M3 S100\nG1 X1 F100\n').detectedKind, 'laser');
    assert.equal(run('M3 S10000\nG1 Z-1 F100\nG1 X1\nG1 Z-2\nG1 X0\n').detectedKind, 'cnc');
  });
});
