// The planner on a worker thread gives exactly the analysis the planner in the analyzer gives: on the
// real fixtures, on programs that change the planner's limits while they run, through ring wrap-around,
// and read between pushes (the timeline of a queued job). A dropped analysis frees its worker.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createAnalyzer } from './analyzer';
import { analyzeFile, PLANNER_THREAD_MIN_BYTES } from './file';
import { analyzeText } from './index';
import { plannerSettings } from './machine';
import { abortPipe, PipedPlanner } from './planner-pipe';
import { GENERIC_FDM, GENERIC_LASER, type MachineProfile } from './profile';
import { plannerThread, plannerWorkers } from './threads';
import type { AnalyzeOptions } from './types';
import { fixturesDir } from '../../test/support/fixtures';

const FIXTURES: [string, MachineProfile | undefined][] = [
  ['gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode', { ...GENERIC_FDM, jerkMmS: { x: 8, y: 8, z: 2, e: 10 }, firmware: 'prusa' }],
  ['gcode/fdm/cura-2.3.1-puzzle_all.gcode', GENERIC_FDM],
  ['generated/prusaslicer-2.5.0-openscad-example012.gcode', undefined],
  ['generated/curaengine-4.13.0-openscad-example012.gcode', GENERIC_FDM],
  ['gcode/laser/t2laser-raster-snippet.nc', GENERIC_LASER],
];

async function threaded(opts: AnalyzeOptions): Promise<AnalyzeOptions> {
  const planner = await plannerThread();
  assert.ok(planner, 'a planner worker starts');
  return { ...opts, planner };
}

/** Both analyses fed the same chunks; `read` runs on each after every chunk. */
async function both(bytes: Uint8Array, opts: AnalyzeOptions, chunk = 1 << 16, read?: (a: ReturnType<typeof createAnalyzer>) => number) {
  const local = createAnalyzer(opts);
  const remote = createAnalyzer(await threaded(opts));
  const seen: [number[], number[]] = [[], []];
  for (let at = 0; at < bytes.length; at += chunk) {
    const c = bytes.subarray(at, at + chunk);
    local.push(c);
    remote.push(c);
    if (read) {
      seen[0].push(read(local));
      seen[1].push(read(remote));
    }
  }
  return { local: local.finish(), remote: remote.finish(), seen };
}

describe('the planner on a worker thread', () => {
  for (const [file, machine] of FIXTURES) {
    it(`gives the same analysis on ${file.split('/').pop()}`, async () => {
      const bytes = new Uint8Array(readFileSync(join(fixturesDir, file)));
      const { local, remote } = await both(bytes, machine ? { machine } : {});
      assert.ok(local.durationS > 0);
      assert.deepEqual(remote, local);
    });
  }

  it('follows limits, dwells and waits set by the file, through many turns of the ring', async () => {
    // 60,000 moves (the ring holds 16,384 commands), with M201/M203/M204/M205/M220 changes, G4, M400.
    const lines = ['G28', 'G90', 'M83'];
    for (let i = 0; i < 60_000; i++) {
      const x = (100 + 40 * Math.sin(i / 7)).toFixed(3);
      const y = (100 + 40 * Math.cos(i / 11)).toFixed(3);
      lines.push(`G1 X${x} Y${y} E${(0.02 + (i % 5) * 0.01).toFixed(3)} F${1200 + (i % 13) * 300}`);
      if (i % 4999 === 0) lines.push(`M204 P${500 + (i % 7) * 250} T${1000 + (i % 3) * 500}`);
      if (i % 7001 === 0) lines.push(`M205 X${5 + (i % 4)} Y${5 + (i % 3)}`, `M201 X${800 + (i % 5) * 100}`, `M203 X${150 + (i % 3) * 20}`);
      if (i % 9001 === 0) lines.push('G4 P250', 'M400', `M220 S${80 + (i % 5) * 10}`);
    }
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    for (const machine of [GENERIC_FDM, { ...GENERIC_FDM, jerkMmS: { x: 8, y: 8, z: 2, e: 5 } }]) {
      const { local, remote } = await both(bytes, { machine, toolpath: true }, 50_000);
      assert.ok(local.durationS > 60);
      assert.deepEqual(remote, local);
    }
  });

  it('reads the same planned time between pushes (the timeline of a queued job)', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixturesDir, 'gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode')));
    const { local, remote, seen } = await both(bytes, { machine: GENERIC_FDM }, 20_000, (a) => a.plannedS);
    assert.deepEqual(seen[1], seen[0]);
    assert.ok(seen[0].at(-1)! > 0 && seen[0].at(-1)! <= local.durationS + 0.01, `${seen[0].at(-1)} ${local.durationS}`);
    assert.equal(remote.durationS, local.durationS);
  });

  it('analyses large files on a worker, with the same result as in memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-pipe-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const one = readFileSync(join(fixturesDir, 'gcode/fdm/cura-2.3.1-puzzle_all.gcode'));
    const copies = Math.ceil(PLANNER_THREAD_MIN_BYTES / one.length) + 1;
    const path = join(dir, 'big.gcode');
    writeFileSync(path, Buffer.concat(Array.from({ length: copies }, () => one)));
    // A worker waits (the tests above used one): from 4 MB on, the analysis hands it the planner.
    await both(new TextEncoder().encode('G28\nG1 X5 Y5 F3000\n'), {});
    const before = plannerWorkers();
    assert.ok(before.idle >= 1);
    const fromFile = await analyzeFile(path, { machine: GENERIC_FDM });
    assert.equal(plannerWorkers().served, before.served + 1, 'a worker planned it');
    assert.equal(plannerWorkers().idle, before.idle, 'the worker is back, waiting');
    assert.deepEqual(fromFile, analyzeText(new Uint8Array(readFileSync(path)), { machine: GENERIC_FDM }));
  });

  it('fails the analysis with an error, not a hang, when the worker fails', async () => {
    const factory = await plannerThread();
    assert.ok(factory);
    const live = plannerWorkers().live;
    const planner = factory({} as ReturnType<typeof plannerSettings>); // no limits: the worker's Planner throws
    planner.in.set([10, 0, 0, 0.5, 20, 10]);
    planner.add(0, 1);
    assert.throws(() => planner.results(), /planner thread failed/);
    const deadline = Date.now() + 5000;
    while (plannerWorkers().live >= live && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(plannerWorkers().live, live - 1, 'the failed worker is let go');
    const { local, remote } = await both(new TextEncoder().encode('G28\nG1 X50 Y50 F3000\nG1 X0 Y0 E5\n'), { machine: GENERIC_FDM });
    assert.deepEqual(remote, local);
  });

  it('frees the worker of an analysis dropped before its end', async () => {
    const factory = await plannerThread();
    assert.ok(factory);
    const busy = plannerWorkers();
    const planner = factory(plannerSettings({ machine: GENERIC_FDM }));
    assert.ok(planner instanceof PipedPlanner);
    planner.in.set([10, 0, 0, 0.5, 20, 10]);
    planner.add(0, 1);
    abortPipe(planner.buffer);
    const deadline = Date.now() + 5000;
    while (plannerWorkers().idle <= busy.idle && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(plannerWorkers().idle, busy.idle + 1, 'the worker waits for the next analysis');
    // And serves it.
    const { local, remote } = await both(new TextEncoder().encode('G28\nG1 X50 Y50 F3000\nG1 X0 Y0 E5\n'), { machine: GENERIC_FDM });
    assert.deepEqual(remote, local);
  });
});
