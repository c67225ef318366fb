// The program itself: what Grbl 1.1 in laser mode needs, operations by colour with the lab's presets,
// placement and the work area, framing, and the analysis the kiosk shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../gcode';
import { LaserError, type LaserErrorCode } from './errors';
import { frameGcode } from './output/frame';
import { burnRuns, gcodeText, job, labLaser, svg } from './testing.testutil';

const page = 'width="300mm" height="200mm" viewBox="0 0 300 200"';
const drawing = svg(
  page,
  [
    '<rect x="10" y="10" width="50" height="40" fill="none" stroke="red"/>',
    '<circle cx="35" cy="30" r="8" fill="none" stroke="#f00"/>',
    '<path d="M 15 45 L 55 45" stroke="blue"/>',
    '<rect x="20" y="15" width="10" height="5" fill="black"/>',
    '<rect x="100" y="10" width="20" height="20" fill="none" stroke="green"/>',
  ].join(''),
);
const rejects = async (p: Promise<unknown>, code: LaserErrorCode, params?: Record<string, unknown>) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof LaserError, String(e));
    assert.equal(e.code, code);
    if (params) for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v, k);
    return true;
  });

describe('Grbl laser program', () => {
  it('header, units, absolute, M4 dynamic power, S scaled to $30, F in mm/min, G0 with the laser off, M5 and return', async () => {
    const machine = { ...labLaser(), maxSpindleS: 255 };
    const j = await job('parts.svg', drawing, { machine, placement: { xMm: 10, yMm: 10 } });
    const text = gcodeText(j);
    const lines = text.split('\n').filter(Boolean);
    assert.match(lines[0]!, /^; FabKiosk laser job/);
    assert.ok(lines.some((l) => l === '; File: parts.svg'));
    assert.ok(lines.some((l) => /^; Cut \[stroke #ff0000\]: 65 % \(S166\), 1200 mm\/min, 1 pass\(es\), kerf 0.18 mm/.test(l)), text.slice(0, 600));
    const code = lines.filter((l) => !l.startsWith(';'));
    assert.deepEqual(code.slice(0, 4), ['G21', 'G90', 'M5', 'M4 S0']);
    assert.deepEqual(code.slice(-3), ['M5', 'G0 X0 Y0', 'M2']);
    // Engrave, then score, then cut: the part does not move before it is engraved.
    const firstS = (s: number) => code.findIndex((l) => new RegExp(` S${s}( |$)`).test(l));
    assert.ok(firstS(77) < firstS(46) && firstS(46) < firstS(166), 'engrave (S77) < score (S46) < cut (S166)');
    // Travels carry S0 (if ever any): the beam stays off even on a board not in laser mode.
    assert.ok(code.filter((l) => l.startsWith('G0')).every((l) => !/S[1-9]/.test(l)));
    assert.ok(code.some((l) => /^G0 .* S0$/.test(l)));
    assert.ok(code.some((l) => /F1200$/.test(l)) && code.some((l) => /F4800$/.test(l)) && code.some((l) => /F15000$/.test(l)));
    // Grbl's line buffer: at most 79 characters, plain ASCII.
    assert.ok(code.every((l) => l.length <= 79 && /^[\x20-\x7e]*$/.test(l)));
    assert.equal(j.analysis.maxSpindleS, 166);
    assert.ok(j.analysis.durationS > 0 && j.analysis.laserOnS > 0 && j.analysis.laserOnS < j.analysis.durationS);
    assert.deepEqual(
      j.analysis.findings.map((f) => f.code),
      ['no_homing'],
      'only the reminder that the machine homes before the job',
    );
    assert.deepEqual(
      j.operations.map((o) => o.operation),
      ['engrave-fill', 'score', 'cut'],
    );
  });

  it('unmapped colours are reported (and not burnt); a caller mapping and DXF layers choose operations', async () => {
    const j = await job('parts.svg', drawing);
    const un = j.findings.find((f) => f.code === 'unmapped_color');
    assert.deepEqual(un?.params, { paint: 'stroke', color: '#008000', count: 1 });
    assert.ok(!j.findings.some((f) => f.code === 'fill_open_shape'));
    assert.deepEqual(
      j.colors.map((c) => [c.paint, c.color, c.operation, c.shapes]),
      [
        ['stroke', '#ff0000', 'cut', 2],
        // The blue line has SVG's default black fill: nothing to engrave in a line, and no warning.
        ['fill', '#000000', 'engrave-fill', 2],
        ['stroke', '#0000ff', 'score', 1],
        ['stroke', '#008000', 'ignore', 1],
      ],
    );
    const mapped = await job('parts.svg', drawing, { mapping: { stroke: { green: 'cut', red: 'score', blue: 'ignore' }, fill: {} } });
    assert.deepEqual(
      mapped.operations.map((o) => [o.operation, o.paths]),
      [
        ['score', 2],
        ['cut', 1],
      ],
    );
    await rejects(job('parts.svg', drawing, { mapping: { stroke: { notacolour: 'cut' } } }), 'bad_option');
    await rejects(job('parts.svg', drawing, { mapping: { stroke: { red: 'melt' as 'cut' } } }), 'bad_option');
  });

  it('passes repeat the whole operation', async () => {
    const one = await job('parts.svg', drawing, { params: { cut: { passes: 1 } } });
    const two = await job('parts.svg', drawing, { params: { cut: { passes: 2 } } });
    const cutRuns = (t: string) => burnRuns(t).length;
    assert.equal(cutRuns(gcodeText(two)) - cutRuns(gcodeText(one)), 2);
    assert.ok(gcodeText(two).includes('; Cut, pass 2 of 2'));
  });

  it('a maker may adjust within the lab\'s limits; outside them is a clear error', async () => {
    const j = await job('parts.svg', drawing, { params: { cut: { powerPct: 80, speedMmMin: 900 } } });
    assert.deepEqual([j.operations.at(-1)!.powerPct, j.operations.at(-1)!.s, j.operations.at(-1)!.speedMmMin], [80, 800, 900]);
    await rejects(job('parts.svg', drawing, { params: { cut: { powerPct: 100 } } }), 'param_out_of_limits', { operation: 'cut', param: 'powerPct', value: 100, min: 40, max: 90 });
    await rejects(job('parts.svg', drawing, { params: { 'engrave-fill': { lineIntervalMm: 0.01 } } }), 'param_out_of_limits', { param: 'lineIntervalMm' });
    await rejects(job('parts.svg', drawing, { materialId: 'pla-175' }), 'no_presets', { machine: 'laser-co2', material: 'pla-175' });
  });

  it('a colour may carry its own settings (within limits); inside-before-outside holds across colours', async () => {
    const body = svg(page, '<rect x="10" y="10" width="50" height="40" fill="none" stroke="red"/><circle cx="35" cy="30" r="8" fill="none" stroke="green"/>');
    const j = await job('two.svg', body, { mapping: { stroke: { red: 'cut', green: { operation: 'cut', powerPct: 80, passes: 2 } } } });
    assert.deepEqual(
      j.operations.map((o) => [o.operation, o.sources, o.paths, o.s, o.passes]),
      [
        ['cut', ['stroke #ff0000'], 1, 650, 1],
        ['cut', ['stroke #008000'], 1, 800, 2],
      ],
    );
    const text = gcodeText(j);
    const [pass1, pass2] = text.split('; Cut, pass 2 of 2');
    assert.ok(pass1!.indexOf(' S800') < pass1!.indexOf(' S650'), 'the circle inside first');
    assert.ok(pass2!.includes(' S800') && !pass2!.includes(' S650'), 'second pass: the green circle only');
    await rejects(job('two.svg', body, { mapping: { stroke: { green: { operation: 'cut', powerPct: 95 } } } }), 'param_out_of_limits', { param: 'powerPct', value: 95 });
    await rejects(job('two.svg', body, { mapping: { stroke: { green: { operation: 'cut', colour: 1 } as never } } }), 'bad_option');
  });

  it('scale: what burns is resized to the size asked, in proportion when one side is given', async () => {
    const body = svg(page, '<rect x="10" y="10" width="50" height="40" fill="none" stroke="red"/><circle cx="35" cy="30" r="8" fill="none" stroke="red"/>');
    const j = await job('s.svg', body, { kerf: false, scale: { widthMm: 100 }, placement: { xMm: 0, yMm: 0 } });
    assert.deepEqual(j.bounds, { minX: 0, minY: 0, maxX: 100, maxY: 80 });
    const k = await job('s.svg', body, { kerf: false, scale: { widthMm: 25, heightMm: 40 }, placement: { xMm: 0, yMm: 0 } });
    assert.deepEqual(k.bounds, { minX: 0, minY: 0, maxX: 25, maxY: 40 });
    await rejects(job('s.svg', body, { scale: { widthMm: -1 } }), 'bad_option');
  });

  it('placement: the job must fit the work area', async () => {
    const j = await job('parts.svg', drawing, { placement: { xMm: 400, yMm: 300 } });
    assert.equal(j.bounds.minX, 400);
    assert.equal(j.analysis.bounds.min.x, 400);
    await rejects(job('parts.svg', drawing, { placement: { xMm: 550, yMm: 10 } }), 'job_outside_work_area', { axis: 'X', areaMax: 600 });
    await rejects(job('parts.svg', drawing, { placement: { xMm: -5, yMm: 10 } }), 'job_outside_work_area', { axis: 'X', areaMin: 0 });
    const big = svg('width="700mm" height="100mm" viewBox="0 0 700 100"', '<rect x="0" y="0" width="650" height="50" fill="none" stroke="blue"/>');
    await rejects(job('big.svg', big, { placement: { xMm: 0, yMm: 0 } }), 'job_larger_than_work_area', { axis: 'X', size: 650, limit: 600 });
  });

  it('without a placement, a drawing against the page edge is moved inside by its kerf; further out is refused', async () => {
    // The page's lower-left corner is the bed's origin: this rectangle stands in that corner.
    const edge = svg(page, '<rect x="0" y="160" width="50" height="40" fill="none" stroke="red"/>');
    const j = await job('edge.svg', edge);
    assert.equal(j.bounds.minX, 0);
    assert.equal(j.bounds.minY, 0);
    assert.ok(Math.abs(j.bounds.maxX - 50.18) < 1e-6, `${j.bounds.maxX}`);
    assert.ok(j.analysis.bounds.min.x >= 0 && j.analysis.bounds.min.y >= 0);
    const out = svg(page, '<rect x="-5" y="10" width="50" height="40" fill="none" stroke="red"/>');
    await rejects(job('out.svg', out), 'job_outside_work_area', { axis: 'X', areaMin: 0 });
  });

  it('framing traces the bounds with the laser off, and stays inside them', async () => {
    const j = await job('parts.svg', drawing, { placement: { xMm: 50, yMm: 60 } });
    const f = analyzeText(j.frame, { machine: labLaser() });
    assert.equal(f.laserOnS, 0);
    assert.ok(f.durationS > 0);
    const corners: [number, number][] = [];
    let x = NaN;
    let y = NaN;
    for (const m of j.frame.matchAll(/^G[01](?: X([\d.]+))?(?: Y([\d.]+))?/gm)) {
      x = m[1] === undefined ? x : Number(m[1]);
      y = m[2] === undefined ? y : Number(m[2]);
      corners.push([x, y]);
    }
    const r = (v: number) => Math.round(v * 1000) / 1000;
    const [x1, y1] = [r(j.bounds.maxX), r(j.bounds.maxY)];
    assert.deepEqual(corners, [
      [50, 60],
      [x1, 60],
      [x1, y1],
      [50, y1],
      [50, 60],
    ]);
    assert.match(j.frame, /^; FabKiosk frame: .*laser off\nG21\nG90\nM5\nG0 X50 Y60\n/);
    assert.ok(!/M[34]/.test(j.frame) && j.frame.trimEnd().endsWith('M5'));
    const dot = frameGcode({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, { powerPct: 1, maxS: 1000 });
    assert.match(dot, /M3 S10/);
    assert.throws(() => frameGcode({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, { powerPct: 50 }), (e: unknown) => e instanceof LaserError && e.code === 'bad_option');
  });

  it('refuses what is not a laser job', async () => {
    await rejects(job('parts.svg', drawing, { machine: { ...labLaser(), kind: 'fdm', firmware: 'marlin' } }), 'machine_not_laser');
    await rejects(job('none.svg', svg(page, '<rect width="10" height="10" fill="none" stroke="green"/>')), 'empty_job', { colors: 'stroke #008000' });
    await rejects(job('notes.txt', new TextEncoder().encode('hello')), 'unsupported_format');
  });

  it('$H at the start when asked (no homing reminder then)', async () => {
    const j = await job('parts.svg', drawing, { home: true });
    assert.ok(gcodeText(j).includes('\nM5\n$H\nM4 S0\n'));
    assert.ok(!j.analysis.findings.some((f) => f.code === 'no_homing'));
  });
});
