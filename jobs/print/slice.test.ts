// Slicing with the real PrusaSlicer (Debian's prusa-slicer 2.5) on the lab's locked profiles, read back
// by the G-code engine with the printer's machine profile and the material from assets/fablab.json.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture, fixturesDir } from '../../test/support/fixtures';
import { labMachine, labMaterial, profilesDir } from '../../test/support/lab-profiles';
import { DEFAULT_MESH_LIMITS } from './limits';
import { loadMeshFile } from './file';
import { rejectsAsync } from './mesh.testutil';
import { parseObj } from './obj';
import { classifyFailure, findSlicer, parseProgressLine, runSlicer } from './slicer';
import { sliceFile, sliceMesh, type SliceResult } from './slice';
import { computeBounds, type Mesh } from './mesh';

const SLICER = '/usr/bin/prusa-slicer';
const skip = !existsSync(SLICER) ? 'prusa-slicer is not installed' : !existsSync(fixturesDir) ? `fixtures not found at ${fixturesDir}` : false;
const EXAMPLE012 = fixture('stl/openscad-example012-ascii.stl');
const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-slice-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const mk4 = labMachine('prusa-mk4');
const ender = labMachine('ender-3');
const pla = labMaterial('pla-175');
const petg = labMaterial('petg-175');

function box(x: number, y: number, z: number, at = { x: 0, y: 0, z: 0 }): Mesh {
  const v: string[] = [];
  for (let i = 0; i < 8; i++) v.push(`v ${at.x + ((i >> 2) & 1 ? x : 0)} ${at.y + ((i >> 1) & 1 ? y : 0)} ${at.z + (i & 1 ? z : 0)}`);
  const f = ['f 1 2 4 3', 'f 5 7 8 6', 'f 1 5 6 2', 'f 3 4 8 7', 'f 1 3 7 5', 'f 2 6 8 4'];
  return parseObj(new TextEncoder().encode([...v, ...f].join('\n')), DEFAULT_MESH_LIMITS);
}

function merge(...meshes: Mesh[]): Mesh {
  const positions = new Float32Array(meshes.reduce((n, m) => n + m.positions.length, 0));
  let o = 0;
  for (const m of meshes) {
    positions.set(m.positions, o);
    o += m.positions.length;
  }
  return { positions, triangles: positions.length / 9, bounds: computeBounds(positions) };
}

const within = (actual: number, expected: number, rel: number, what: string): void =>
  assert.ok(Math.abs(actual / expected - 1) <= rel, `${what}: ${actual} vs ${expected} (${((actual / expected - 1) * 100).toFixed(2)} %, allowed ${rel * 100} %)`);

describe('slicing example012 on the Prusa MK4 in PLA, normal quality', { skip }, () => {
  let r: SliceResult;
  const progress: number[] = [];
  const out = join(dir, 'example012-mk4-pla-normal.gcode');

  before(async () => {
    r = await sliceFile(EXAMPLE012, { machine: mk4, material: pla, profilesDir, output: out, choices: { quality: 'normal' }, onProgress: (f) => progress.push(f) });
  });

  it('writes a G-code the engine accepts for this printer and material, with no finding', () => {
    assert.ok(existsSync(out));
    assert.equal(r.output, out);
    assert.equal(r.bytes, readFileSync(out).length);
    assert.equal(r.accepted, true);
    assert.deepEqual(r.findings, []);
    assert.equal(r.analysis.slicer.name, 'PrusaSlicer');
    assert.equal(r.layers, 75);
    assert.equal(r.analysis.temperatures.nozzle, 215);
    assert.equal(r.analysis.temperatures.bed, 60);
    assert.ok(!readdirSync(dir).some((f) => f.endsWith('.part')), 'no half-written file left');
  });

  it("the engine's duration is within 10 % of the slicer's estimate, its filament within 1 %", () => {
    assert.ok(r.slicerEstimateS && r.slicerEstimateS > 600, String(r.slicerEstimateS));
    within(r.durationS, r.slicerEstimateS!, 0.1, 'duration');
    within(r.filamentMm, r.slicerFilamentMm!, 0.01, 'filament mm');
    within(r.filamentG, r.slicerFilamentG!, 0.01, 'filament g');
    // The difference is the purge line of the start G-code (8 + 10 mm), which the slicer's footer leaves out.
    assert.ok(Math.abs(r.filamentMm - r.slicerFilamentMm! - 18) < 0.1, `${r.filamentMm} − ${r.slicerFilamentMm}`);
  });

  it('the part is centred on the bed: 30 × 30 × 15 mm around (125, 101)', () => {
    const m = r.modelBounds;
    assert.ok(Math.abs((m.min.x + m.max.x) / 2 - 125) < 1e-3 && Math.abs((m.min.y + m.max.y) / 2 - 101) < 1e-3, JSON.stringify(m));
    assert.ok(Math.abs(m.min.z) < 1e-6 && Math.abs(m.max.z - 15) < 1e-3);
    assert.equal(r.bounds.max.z, 15);
    // Extrusions: the part and its skirt (3 mm away), and the purge line in the lane at Y = −3.
    assert.ok(r.bounds.min.y >= -4 && r.bounds.max.x < 145 && r.bounds.max.y < 125, JSON.stringify(r.bounds));
  });

  it('progress goes up, never down, from 0 to 1, through the slicer\'s stages', () => {
    assert.ok(progress.length >= 5, JSON.stringify(progress));
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]! >= progress[i - 1]!, JSON.stringify(progress));
    assert.equal(progress[0], 0);
    assert.equal(progress[progress.length - 1], 1);
    assert.ok(new Set(progress.filter((p) => p > 0.02 && p < 0.92)).size >= 3, `the slicer's own stages: ${JSON.stringify(progress)}`);
  });
});

describe("the maker's choices change the G-code", { skip }, () => {
  const results = new Map<string, SliceResult>();
  const slice = async (name: string, choices: Parameters<typeof sliceFile>[1]['choices'], machine = mk4, material = pla): Promise<SliceResult> => {
    const r = await sliceFile(EXAMPLE012, { machine, material, profilesDir, output: join(dir, `${name}.gcode`), choices });
    results.set(name, r);
    return r;
  };

  it('more infill, more filament (15 % → 50 % → 100 %)', async () => {
    const a = await slice('infill15', { infillPercent: 15, quality: 'draft' });
    const b = await slice('infill50', { infillPercent: 50, quality: 'draft' });
    const c = await slice('infill100', { infillPercent: 100, quality: 'draft' });
    assert.ok(b.filamentMm > a.filamentMm * 1.05, `${a.filamentMm} → ${b.filamentMm}`);
    assert.ok(c.filamentMm > b.filamentMm * 1.05, `${b.filamentMm} → ${c.filamentMm}`);
    for (const r of [a, b, c]) assert.equal(r.accepted, true, JSON.stringify(r.findings));
  });

  it('supports hold up an overhang only when asked for', async () => {
    // A mushroom: a 10 mm stalk under a 30 × 30 mm cap, whose underside overhangs all around.
    const mushroom = merge(box(10, 10, 10, { x: 10, y: 10, z: 0 }), box(30, 30, 3, { x: 0, y: 0, z: 10 }));
    const bare = await sliceMesh(mushroom, { machine: mk4, material: pla, profilesDir, output: join(dir, 'mushroom.gcode'), choices: { quality: 'draft' } });
    const held = await sliceMesh(mushroom, { machine: mk4, material: pla, profilesDir, output: join(dir, 'mushroom-supports.gcode'), choices: { quality: 'draft', supports: true } });
    assert.equal(bare.analysis.features.support, undefined);
    assert.ok((held.analysis.features.support?.mm ?? 0) > 100, JSON.stringify(Object.keys(held.analysis.features)));
    assert.ok(held.filamentMm > bare.filamentMm);
    assert.equal(held.accepted, true, JSON.stringify(held.findings));
  });

  it('a brim widens the first layer by 5 mm', async () => {
    const plain = await slice('plain', { quality: 'draft' });
    const brim = await slice('brim', { quality: 'draft', brim: true });
    // The brim's outer edge lies 5 mm out; the skirt, 3 mm beyond whatever is on the first layer, moves with it.
    assert.ok(brim.bounds.max.x - plain.bounds.max.x > 4.5 && brim.bounds.max.x - plain.bounds.max.x < 5.5, `${plain.bounds.max.x} → ${brim.bounds.max.x}`);
    assert.ok(brim.filamentMm > plain.filamentMm);
    for (const r of [plain, brim]) assert.equal(r.accepted, true, JSON.stringify(r.findings));
  });

  it('quality sets the layers (draft 0.3, fine 0.15 mm); PETG on the Ender-3 at its own temperatures', async () => {
    const fine = await slice('fine', { quality: 'fine' });
    assert.equal(results.get('plain')?.layers, 50);
    assert.equal(fine.layers, 100);
    const e = await slice('ender-petg', { quality: 'draft' }, ender, petg);
    assert.equal(e.accepted, true, JSON.stringify(e.findings));
    assert.equal(e.analysis.temperatures.nozzle, 240);
    assert.equal(e.analysis.temperatures.bed, 85);
    within(e.durationS, e.slicerEstimateS!, 0.1, 'Ender-3 duration');
  });

});

describe('refusals and failures', { skip }, () => {
  const opts = { machine: mk4, material: pla, profilesDir, output: join(dir, 'never.gcode') };

  it('too large for the printer: refused before the slicer runs, with the sizes', async () => {
    await rejectsAsync(sliceMesh(box(300, 30, 10), { ...opts, machine: ender }), 'model_too_large', { x: 300, maxX: 220, axes: 'X' });
    assert.ok(!existsSync(opts.output));
  });

  it('thinner than a layer: the slicer finds no layer → empty_slice', async () => {
    await rejectsAsync(sliceMesh(box(20, 20, 0.05), opts), 'empty_slice');
  });

  it('no profile for the material, a choice not offered, a laser as printer', async () => {
    await rejectsAsync(sliceMesh(box(10, 10, 10), { ...opts, material: { ...pla, id: 'abs-175' } }), 'profile_missing', { context: 'filament', id: 'abs-175' });
    await rejectsAsync(sliceMesh(box(10, 10, 10), { ...opts, material: { ...pla, id: '../../etc/passwd' } }), 'profile_missing');
    await rejectsAsync(sliceMesh(box(10, 10, 10), { ...opts, choices: { infillPercent: 42 } }), 'bad_option', { option: 'infill', value: '42' });
    await rejectsAsync(sliceMesh(box(10, 10, 10), { ...opts, choices: { quality: 'ultra' as 'fine' } }), 'bad_option', { option: 'quality' });
    await rejectsAsync(sliceMesh(box(10, 10, 10), { ...opts, machine: labMachine('laser-co2') }), 'machine_not_printer');
  });

  it('no slicer: slicer_missing names what was looked for', async () => {
    await rejectsAsync(sliceMesh(box(10, 10, 10), { ...opts, slicerPath: join(dir, 'no-such-slicer') }), 'slicer_missing', { path: join(dir, 'no-such-slicer') });
    assert.throws(() => findSlicer('prusa-slicer-9000', '/usr/bin:/bin'), (e: Error & { code?: string }) => e.code === 'slicer_missing');
    assert.equal(findSlicer(undefined, '/usr/bin'), SLICER);
    // Not on PATH: Debian's place is tried last.
    assert.equal(findSlicer(undefined, '/nonexistent-bin'), SLICER);
  });

  it('cancel: the real slicer is stopped, nothing is written', async () => {
    const ctl = new AbortController();
    const output = join(dir, 'cancelled.gcode');
    const p = sliceFile(fixture('3mf/trimesh-featuretype-inch.3mf'), { ...opts, output, signal: ctl.signal, onProgress: (_f, stage) => stage === 'slicing' && ctl.abort() });
    await rejectsAsync(p, 'slicer_cancelled');
    assert.ok(!existsSync(output));
  });

  it('timeout: stopped and reported with its limit', async () => {
    await rejectsAsync(sliceMesh(box(10, 10, 10), { ...opts, timeoutMs: 1 }), 'slicer_timeout', { seconds: 0 });
  });
});

describe('the slicer process', () => {
  // A stand-in that prints a progress line, then waits: the test can see whether it was killed.
  const fake = join(dir, 'fake-slicer.sh');
  writeFileSync(fake, '#!/bin/sh\necho $$ > "$1"\necho "10 => Processing triangulated mesh"\nexec sleep 30\n');
  chmodSync(fake, 0o755);
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('cancel kills the process', { skip: existsSync('/bin/sh') ? false : 'no /bin/sh' }, async () => {
    const ctl = new AbortController();
    const pidFile = join(dir, 'cancel.pid');
    const seen: number[] = [];
    const run = runSlicer({ slicer: fake, args: [pidFile], signal: ctl.signal, onProgress: (p) => (seen.push(p.percent), ctl.abort()) });
    const started = performance.now();
    await rejectsAsync(run, 'slicer_cancelled');
    assert.ok(performance.now() - started < 5000);
    assert.deepEqual(seen, [10]);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(pid > 0 && !alive(pid), `process ${pid} still running`);
  });

  it('a timeout kills it too; an abort before the start never spawns it', { skip: existsSync('/bin/sh') ? false : 'no /bin/sh' }, async () => {
    const pidFile = join(dir, 'timeout.pid');
    await rejectsAsync(runSlicer({ slicer: fake, args: [pidFile], timeoutMs: 300 }), 'slicer_timeout');
    assert.ok(!alive(Number(readFileSync(pidFile, 'utf8'))));
    const ctl = new AbortController();
    ctl.abort();
    await rejectsAsync(runSlicer({ slicer: fake, args: [join(dir, 'never.pid')], signal: ctl.signal }), 'slicer_cancelled');
    assert.ok(!existsSync(join(dir, 'never.pid')));
  });

  it('progress lines and failures as PrusaSlicer 2.5 prints them', () => {
    assert.deepEqual(parseProgressLine('70 => Infilling layers'), { percent: 70, stage: 'Infilling layers' });
    assert.equal(parseProgressLine('[2026-01-01 10:00:00.1] [0x1] [trace]   Initializing StaticPrintConfigs'), null);
    assert.equal(parseProgressLine('Slicing result exported to out.gcode'), null);
    const trace = '[2026-12-07 03:48:23.846116] [0x00007f916234cd80] [trace]   Initializing StaticPrintConfigs';
    let e = classifyFailure(null, 'SIGABRT', [trace, "terminate called after throwing an instance of 'Slic3r::RuntimeError'", '  what():  Objects could not fit on the bed']);
    assert.equal(e.code, 'outside_print_volume');
    assert.equal(e.params.message, 'Objects could not fit on the bed');
    e = classifyFailure(1, null, [trace, '10 => Processing triangulated mesh', 'No layers were detected. You might want to repair your STL file(s) or check their size or thickness and retry.']);
    assert.equal(e.code, 'empty_slice');
    e = classifyFailure(1, null, [trace, 'error: The selected fill pattern is not supposed to work at 100% density']);
    assert.deepEqual([e.code, e.params.message], ['slicer_failed', 'The selected fill pattern is not supposed to work at 100% density']);
    e = classifyFailure(null, 'SIGSEGV', [trace, '20 => Generating perimeters']);
    assert.deepEqual([e.code, e.params.signal], ['slicer_crashed', 'SIGSEGV']);
    e = classifyFailure(1, null, [trace, '[2026-12-07 03:48:35.401147] [0x00007ff1b4dc8d80] [error]   stl_open_count_facets: The input is an empty file: g.stl', 'g.stl: Loading of a model file failed.']);
    assert.deepEqual([e.code, e.params.message], ['slicer_failed', 'g.stl: Loading of a model file failed.']);
  });
});

describe('loading through sliceFile', { skip }, () => {
  it('a model file that is refused never reaches the slicer', async () => {
    const bad = join(dir, 'bad.stl');
    writeFileSync(bad, 'solid x\n facet normal 0 0 1\n  outer loop\n   vertex nan 0 0\n   vertex 1 0 0\n   vertex 0 1 0\n  endloop\n endfacet\nendsolid\n');
    await rejectsAsync(sliceFile(bad, { machine: mk4, material: pla, profilesDir, output: join(dir, 'bad.gcode') }), 'bad_coordinate');
    const loaded = await loadMeshFile(EXAMPLE012);
    assert.equal(loaded.mesh.triangles, 64);
  });
});
