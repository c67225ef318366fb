// The G-code a maker's bitmap becomes, read back by the G-code engine (jobs/gcode) against the demo
// lab's CO₂ laser: where it burns, how far, with the laser off where it must be.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fablab from '../../../assets/fablab.json';
import { analyzeText, type Analysis, type MachineProfile } from '../../gcode';
import { aspectHeightMm, decodeImage, formatMm, pixelsToGcode, prepareRaster, RasterError, rasterGrid, rasterToGcode, travelThresholdMm, writeRasterGcode, type RasterGcode, type RasterOptions } from './index';
import type { RgbaImage } from './image';
import { encodePng, makeImage, solid } from './images.testutil';

const co2 = fablab.machines.find((m) => m.code === 'laser-co2')!;
const co2Limits = co2.limits as Pick<MachineProfile, 'laserMode' | 'maxFeedMmS' | 'maxAccelMmS2' | 'junctionDeviationMm'> & { maxSpindleS: number };
const LASER_CO2: MachineProfile = {
  id: co2.code,
  name: co2.name,
  kind: 'laser',
  firmware: 'grbl',
  workArea: co2.workArea as MachineProfile['workArea'],
  ...co2Limits,
};

const BASE: RasterOptions = {
  widthMm: 20,
  heightMm: 10,
  xMm: 50,
  yMm: 40,
  linesPerMm: 10,
  dither: 'floyd-steinberg',
  brightness: 0,
  contrast: 0,
  powerMin: 10,
  powerMax: 80,
  speedMmMin: 3000,
  overscanMm: 4,
  maxS: co2Limits.maxSpindleS,
  bidirectional: true,
};

/** What the vector side wraps around the body. */
const wrap = (g: RasterGcode): string => ['G21 G90 M4 S0', ...g.gcode, 'M5', ''].join('\n');
const analyze = (g: RasterGcode): Analysis => analyzeText(wrap(g), { machine: LASER_CO2 });
const errors = (a: Analysis): string[] => a.findings.filter((f) => f.severity === 'error').map((f) => f.code);

interface Move {
  rapid: boolean;
  x0: number;
  x1: number;
  y: number;
  s: number;
  line: string;
}

/** Our compact G-code read back move by move (modal G, S; the start position unknown → NaN). */
function moves(gcode: string[]): Move[] {
  const out: Move[] = [];
  let g = -1;
  let x = NaN;
  let y = NaN;
  let s = -1;
  for (const line of gcode) {
    const words = new Map([...line.matchAll(/([GXYSF])(-?[\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]));
    if (words.has('G')) g = words.get('G')!;
    if (words.has('S')) s = words.get('S')!;
    const nx = words.get('X') ?? x;
    const ny = words.get('Y') ?? y;
    out.push({ rapid: g === 0, x0: x, x1: nx, y: ny, s, line });
    x = nx;
    y = ny;
  }
  return out;
}
const burning = (ms: Move[]): Move[] => ms.filter((m) => !m.rapid && m.s > 0);

/** A black rectangle on white, as a real PNG file decoded. */
function blackPng(w: number, h: number): RgbaImage {
  return decodeImage(encodePng(solid(w, h, 0)));
}

describe('rasterToGcode: a black 20 × 10 mm rectangle at 10 lines/mm', () => {
  const g = rasterToGcode(blackPng(80, 40), BASE);
  const a = analyze(g);

  it('burns 20.00 × 10.00 mm (± one line) where it was placed, per the G-code engine', () => {
    assert.ok(Math.abs(a.bounds.max.x - a.bounds.min.x - 20) < 1e-9, `width ${a.bounds.max.x - a.bounds.min.x}`);
    assert.ok(Math.abs(a.bounds.max.y - a.bounds.min.y - 10) <= 0.1 + 1e-9, `height ${a.bounds.max.y - a.bounds.min.y}`);
    assert.equal(a.bounds.min.x, 50);
    assert.ok(a.bounds.min.y >= 40 && a.bounds.max.y <= 50);
    assert.deepEqual(g.bounds, { min: { x: 50, y: 40 }, max: { x: 70, y: 50 } });
    assert.deepEqual(g.burnBounds, { min: { x: a.bounds.min.x, y: a.bounds.min.y }, max: { x: a.bounds.max.x, y: a.bounds.max.y } });
  });
  it('laser on for 20 mm × 100 lines, as its own statistics say', () => {
    assert.ok(Math.abs(a.laserOnMm - 2000) < 0.01, `laser on ${a.laserOnMm} mm`);
    assert.ok(Math.abs(g.stats.burnMm - a.laserOnMm) < 0.01);
    assert.equal(g.stats.lines, 100);
    assert.equal(g.stats.burnCells, 200 * 100);
  });
  it('one G1 per line for the whole run, and nothing the CO₂ laser would refuse', () => {
    assert.equal(burning(moves(g.gcode)).length, 100);
    assert.deepEqual(errors(a), []);
    assert.equal(a.maxSpindleS, 800);
    assert.ok(a.durationS > 40 && a.durationS < 80, `${a.durationS} s`); // 100 × 28 mm at 50 mm/s + turns
  });
  it('overscan on both ends of every line, laser off during it', () => {
    // (The engine's travel bounds include the machine's start at 0, 0: the moves tell the low end.)
    const ms = moves(g.gcode);
    assert.equal(Math.min(...ms.map((m) => m.x1)), 46);
    assert.ok(Math.abs(a.travelBounds.max.x - 74) < 1e-9, `travel to x ${a.travelBounds.max.x}`);
    assert.deepEqual(g.motionBounds, { min: { x: 46, y: a.bounds.min.y }, max: { x: 74, y: a.bounds.max.y } });
    for (const m of ms) {
      const outside = Math.min(m.x0, m.x1) < 50 - 1e-9 || Math.max(m.x0, m.x1) > 70 + 1e-9;
      if (outside) assert.ok(m.rapid || m.s === 0, `laser on outside the image: ${m.line}`);
    }
    // Each line: G0 to the run-up point, G1 S0 run-up at the feed rate, burn, G1 S0 run-out.
    assert.deepEqual(g.gcode.slice(0, 5), ['G0X46Y49.95', 'G1X50S0F3000', 'X70S800', 'X74S0', 'G0X74Y49.85']);
    assert.equal(g.stats.idleMm, 100 * 8);
  });
  it('bidirectional: lines alternate direction; one-way: all left to right', () => {
    const dirs = burning(moves(g.gcode)).map((m) => Math.sign(m.x1 - m.x0));
    assert.deepEqual(dirs, dirs.map((_, i) => (i % 2 === 0 ? 1 : -1)));
    const oneWay = rasterToGcode(blackPng(80, 40), { ...BASE, bidirectional: false });
    assert.ok(burning(moves(oneWay.gcode)).every((m) => m.x1 > m.x0));
    assert.ok(analyze(oneWay).durationS > a.durationS, 'the return travels cost time');
  });
});

describe('rasterToGcode: what is skipped', () => {
  it('a white image, or a transparent one, burns nothing and writes nothing', () => {
    for (const img of [solid(40, 20, 255), solid(40, 20, 0, 0)]) {
      const g = rasterToGcode(img, BASE);
      assert.deepEqual(g.gcode, []);
      assert.equal(g.stats.emptyLines, 100);
      assert.equal(g.burnBounds, null);
      assert.equal(analyze(g).laserOnMm, 0);
    }
  });
  it('empty lines are skipped entirely', () => {
    // Black only in the top and bottom tenth.
    const img = makeImage(40, 20, (_, y) => (y < 2 || y >= 18 ? [0, 0, 0] : [255, 255, 255]));
    const g = rasterToGcode(img, BASE);
    assert.equal(g.stats.lines, 20);
    assert.equal(g.stats.emptyLines, 80);
    const ys = new Set(moves(g.gcode).map((m) => m.y));
    assert.equal(ys.size, 20);
    for (const y of ys) assert.ok(y > 49 || y < 41, `a move at y ${y}`);
  });
  it('long white gaps inside a line become G0, short ones are crossed at S0 at the feed rate', () => {
    // 60 mm wide: black 0–5 mm and 55–60 mm on every line (a 50 mm gap), and a 0.5 mm gap at 2 mm.
    const img = makeImage(600, 10, (x) => ((x < 50 && !(x >= 20 && x < 25)) || x >= 550 ? [0, 0, 0] : [255, 255, 255]));
    const opts = { ...BASE, widthMm: 60, heightMm: 1, accelMmS2: 3000, rapidMmMin: 30_000 };
    const g = rasterToGcode(img, opts);
    assert.equal(g.stats.travelMinMm, travelThresholdMm(opts));
    assert.equal(g.stats.skippedWhiteRuns, 10);
    const inLine = moves(g.gcode).filter((m) => m.rapid && Math.abs(m.x1 - m.x0) > 49);
    assert.equal(inLine.length, 10);
    const small = moves(g.gcode).filter((m) => !m.rapid && m.s === 0 && Math.abs(Math.abs(m.x1 - m.x0) - 0.5) < 1e-9);
    assert.equal(small.length, 10, 'the 0.5 mm gaps');
    const never = rasterToGcode(img, { ...opts, travelMinMm: 100_000 });
    assert.equal(never.stats.skippedWhiteRuns, 0);
    const fast = analyzeText(wrap(g), { machine: LASER_CO2 });
    const slow = analyzeText(wrap(never), { machine: LASER_CO2 });
    assert.ok(Math.abs(fast.laserOnMm - slow.laserOnMm) < 1e-6);
    assert.ok(fast.durationS < slow.durationS * 0.9, `G0 over the gaps: ${fast.durationS} s vs ${slow.durationS} s`);
  });
  it('leading and trailing white is trimmed: the run-up starts at the first dot', () => {
    const img = makeImage(200, 1, (x) => (x >= 100 && x < 120 ? [0, 0, 0] : [255, 255, 255]));
    const g = rasterToGcode(img, { ...BASE, heightMm: 0.1 });
    assert.deepEqual(g.gcode, ['G0X56Y40.05', 'G1X60S0F3000', 'X62S800', 'X66S0']);
  });
});

describe('rasterToGcode: power, runs and numbers', () => {
  it('S = round(power % / 100 × maxS), for the machine’s $30', () => {
    const img = solid(10, 1, 0);
    const s = (o: Partial<RasterOptions>): number[] => burning(moves(rasterToGcode(img, { ...BASE, heightMm: 0.1, widthMm: 1, ...o }).gcode)).map((m) => m.s);
    assert.deepEqual(s({}), [800]);
    assert.deepEqual(s({ maxS: 255 }), [204]);
    assert.deepEqual(s({ powerMax: 100 }), [1000]);
    assert.deepEqual(s({ powerMax: 0, powerMin: 0 }), []);
  });
  it('grayscale: S follows the level from powerMin to powerMax, one G1 per run of one power, white skipped', () => {
    // Steps of 4 cells: white, then levels 192, 128, 64, 0.
    const levels = [255, 192, 128, 64, 0];
    const img = makeImage(20, 1, (x) => [levels[x >> 2]!, levels[x >> 2]!, levels[x >> 2]!]);
    const g = rasterToGcode(img, { ...BASE, dither: 'grayscale', widthMm: 2, heightMm: 0.1, overscanMm: 0 });
    const burns = burning(moves(g.gcode));
    const expected = levels.slice(1).map((v) => Math.round((10 + (70 * (255 - v)) / 255) * 10));
    assert.deepEqual(burns.map((m) => m.s), expected);
    assert.deepEqual(burns.map((m) => m.x1 - m.x0).map((d) => Math.round(d * 1000) / 1000), [0.4, 0.4, 0.4, 0.4]);
    assert.equal(burns[0]!.x0, 50.4);
  });
  it('compact numbers: at most three decimals, no trailing zeros, no spaces', () => {
    assert.deepEqual(['12.5', '3', '0', '-0.25', '0.3', '100.001', '7.1'], [12.5, 3, -0.0004, -0.25, 0.1 + 0.2, 100.0009, 7.1].map(formatMm));
    const img = makeImage(63, 17, (x, y) => ((x * y) % 5 === 0 ? [0, 0, 0] : [200, 200, 200]));
    const g = rasterToGcode(img, { ...BASE, widthMm: 16.003, heightMm: 4.3, linesPerMm: 12.7, xMm: -3.2 });
    for (const line of g.gcode) assert.match(line, /^(G[01])?X-?\d+(\.\d{0,2}[1-9])?(Y-?\d+(\.\d{0,2}[1-9])?)?(S\d+)?(F\d+)?$/, line);
    assert.equal(g.stats.gcodeBytes, g.gcode.reduce((n, l) => n + l.length + 1, 0));
  });
  it('the image’s top row burns at the top of the engraving (Y up)', () => {
    const img = makeImage(10, 10, (_, y) => (y < 5 ? [0, 0, 0] : [255, 255, 255]));
    const g = rasterToGcode(img, { ...BASE, widthMm: 10, heightMm: 10, linesPerMm: 1 });
    assert.deepEqual(burning(moves(g.gcode)).map((m) => m.y), [49.5, 48.5, 47.5, 46.5, 45.5]);
  });
  it('run-ups shortened to stay inside the machine’s X range', () => {
    const g = rasterToGcode(blackPng(20, 10), { ...BASE, xMm: 0, widthMm: 10, heightMm: 5, xLimitsMm: { min: 0, max: 600 } });
    assert.ok(moves(g.gcode).every((m) => m.x1 >= 0));
    assert.equal(g.stats.overscanClipped, 50);
    assert.deepEqual(errors(analyze(g)), []);
  });
});

describe('preview and G-code agree', () => {
  it('the preview grid is what burns: one cell per 1/linesPerMm, the G-code of the preview is the G-code of the image', () => {
    const img = makeImage(50, 30, (x, y) => [(x * 5) % 256, (y * 8) % 256, 128]);
    const opts = { ...BASE, dither: 'jarvis' as const, widthMm: 25, heightMm: aspectHeightMm(img, 25) };
    assert.equal(opts.heightMm, 15);
    const preview = prepareRaster(img, opts);
    assert.deepEqual([preview.width, preview.height], [250, 150]);
    assert.deepEqual(pixelsToGcode(preview, opts).gcode, rasterToGcode(img, opts).gcode);
    // A preview made before the maker changed the size is refused, not stretched.
    assert.throws(() => pixelsToGcode(preview, { ...opts, widthMm: 30 }), (e: unknown) => e instanceof RasterError && e.params.option === 'raster');
  });
});

describe('rasterToGcode: bad options', () => {
  const refuses = (o: Partial<RasterOptions>, code: string, option?: string): void => {
    assert.throws(
      () => rasterToGcode(solid(4, 4, 0), { ...BASE, ...o }),
      (e: unknown) => e instanceof RasterError && e.code === code && (option === undefined || e.params.option === option),
    );
  };
  it('out-of-range options name the option at fault', () => {
    refuses({ widthMm: 0 }, 'raster_invalid_option', 'widthMm');
    refuses({ linesPerMm: 80 }, 'raster_invalid_option', 'linesPerMm');
    refuses({ brightness: 101 }, 'raster_invalid_option', 'brightness');
    refuses({ contrast: Number.NaN }, 'raster_invalid_option', 'contrast');
    refuses({ powerMin: 60, powerMax: 50 }, 'raster_invalid_option', 'powerMin');
    refuses({ powerMax: 120 }, 'raster_invalid_option', 'powerMax');
    refuses({ speedMmMin: -1 }, 'raster_invalid_option', 'speedMmMin');
    refuses({ dither: 'stucki' as RasterOptions['dither'] }, 'raster_invalid_option', 'dither');
    refuses({ gamma: 0 }, 'raster_invalid_option', 'gamma');
    refuses({ maxS: 0 }, 'raster_invalid_option', 'maxS');
  });
  it('a grid over the cell limit is refused before anything is allocated', () => {
    refuses({ widthMm: 600, heightMm: 400, linesPerMm: 20 }, 'raster_too_large');
  });
  it('G-code over the in-memory line limit is refused; streamed, it is not limited', () => {
    const img = makeImage(40, 20, (x, y) => ((x + y) % 2 ? [0, 0, 0] : [255, 255, 255]));
    assert.throws(
      () => rasterToGcode(img, { ...BASE, dither: 'threshold' }, { maxGcodeLines: 1000 }),
      (e: unknown) => e instanceof RasterError && e.code === 'raster_too_large' && e.params.context === 'gcode' && e.params.limit === 1000,
    );
    const all = rasterToGcode(img, { ...BASE, dither: 'threshold' });
    assert.ok(all.stats.gcodeLines > 1000);
    const streamed: string[] = [];
    const rest = writeRasterGcode(prepareRaster(img, { ...BASE, dither: 'threshold' }), rasterGrid(BASE), { ...BASE, dither: 'threshold' }, (l) => streamed.push(l));
    assert.deepEqual(streamed, all.gcode);
    assert.deepEqual(rest.stats, all.stats);
  });
  it('the G0 threshold: the distance to go from F to 2F and back', () => {
    assert.equal(travelThresholdMm({ speedMmMin: 3000, accelMmS2: 1000, rapidMmMin: 6000 }), 7.5);
    assert.equal(travelThresholdMm({ speedMmMin: 3000, accelMmS2: 1000, rapidMmMin: 4500 }), (75 ** 2 - 50 ** 2) / 1000);
    assert.equal(travelThresholdMm({ speedMmMin: 6000, rapidMmMin: 6000 }), Infinity);
  });
});
