// One benchmark measurement in a fresh process (so that its peak RSS is its own), run by scripts/bench.ts:
//   node --expose-gc --import tsx scripts/bench/worker.ts <task> <file> <runs>
// Prints one JSON line: { task, bytes, lines, runs: [ms…], cpuMs: [ms of CPU, all threads…], maxRssMB, info }.
// Peers read the file into a string first (they take strings); ours streams it from disk. Both are timed
// from the file on disk to the result.

import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeFile } from '../../jobs/gcode/file';
import type { MachineProfile } from '../../jobs/gcode/profile';
import { Planner } from '../../jobs/gcode/planner';
import { GENERIC_FDM, GENERIC_LASER } from '../../jobs/gcode/profile';
import { preparePlannerThread } from '../../jobs/gcode/threads';

const [task = '', file = '', runsArg = '1'] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg));
const require = createRequire(import.meta.url);

type Info = Record<string, string | number | boolean | null>;
type Task = () => Promise<{ lines: number; info?: Info }>;

const machineFor = (path: string): MachineProfile => (/raster|laser/.test(path) ? GENERIC_LASER : GENERIC_FDM);

async function countNewlines(path: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let i = -1;
    while ((i = chunk.indexOf(10, i + 1)) !== -1) n++;
  }
  return n;
}

/** gcode-preview does not export its parser class: load its bundle with the class exported. */
async function loadPreviewParser(): Promise<new (threshold: number) => { parseGCode(s: string): { layers: unknown[] } }> {
  const entry = require.resolve('gcode-preview');
  let src = readFileSync(entry, 'utf8');
  const m = /class (\w+)\{constructor\(\w\)\{this\.lines=\[\],this\.preamble=/.exec(src);
  if (!m) throw new Error('gcode-preview parser class not found');
  const fromPreview = createRequire(entry);
  const three = pathToFileURL(fromPreview.resolve('three').replace(/three\.cjs$/, 'three.module.js')).href;
  let lil: string;
  try {
    lil = pathToFileURL(fromPreview.resolve('lil-gui')).href.replace(/\.umd\.(min\.)?js$/, '.esm.js');
  } catch {
    lil = 'data:text/javascript,export default class GUI {}';
  }
  src = src.replace(/from"three"/g, `from"${three}"`).replace(/from"lil-gui"/g, `from"${lil}"`);
  src += `\nexport { ${m[1]} as __Parser };\n`;
  const out = join(tmpdir(), `gcode-preview-parser-${process.pid}.mjs`);
  writeFileSync(out, src);
  const mod = (await import(pathToFileURL(out).href)) as { __Parser: new (t: number) => { parseGCode(s: string): { layers: unknown[] } } };
  return mod.__Parser;
}

const tasks: Record<string, () => Promise<Task>> = {
  async floor() {
    return async () => ({ lines: await countNewlines(file) });
  },
  // A planner worker waits before the timed runs, as in a kiosk that has analysed a file before (a
  // 20 MB file would not start one: see jobs/gcode/threads.ts).
  async ours() {
    await preparePlannerThread();
    return async () => {
      const a = await analyzeFile(file, { machine: machineFor(file) });
      return { lines: a.lines, info: { durationS: a.durationS, moves: a.moves, findings: a.findings.length } };
    };
  },
  /** The planner on the analysis thread, as in a browser worker or for a file under 4 MB. */
  async 'ours-1thread'() {
    return async () => {
      const a = await analyzeFile(file, { machine: machineFor(file), planner: (s) => new Planner(s) });
      return { lines: a.lines, info: { durationS: a.durationS, moves: a.moves, findings: a.findings.length } };
    };
  },
  async 'ours-toolpath'() {
    await preparePlannerThread();
    return async () => {
      const a = await analyzeFile(file, { machine: machineFor(file), toolpath: true });
      const tp = a.toolpath!;
      const bytes = tp.positions.byteLength + tp.records.byteLength + tp.layerStarts.byteLength + tp.layerZ.byteLength;
      return { lines: a.lines, info: { segments: tp.segments, bytesPerSegment: bytes / Math.max(1, tp.segments), layers: tp.layerStarts.length } };
    };
  },
  async 'gcode-toolpath'() {
    const Toolpath = require('gcode-toolpath') as new (o: object) => { loadFromStringSync(s: string): unknown };
    return async () => {
      let segments = 0;
      const t = new Toolpath({
        addLine: () => void segments++,
        addArcCurve: () => void segments++,
      });
      t.loadFromStringSync(readFileSync(file, 'utf8'));
      return { lines: 0, info: { segments } };
    };
  },
  async 'gcode-parser'() {
    const parser = require('gcode-parser') as { parseStringSync(s: string): unknown[] };
    return async () => {
      const r = parser.parseStringSync(readFileSync(file, 'utf8'));
      return { lines: r.length };
    };
  },
  async 'gcode-preview'() {
    const Parser = await loadPreviewParser();
    return async () => {
      const r = new Parser(0).parseGCode(readFileSync(file, 'utf8'));
      return { lines: 0, info: { layers: r.layers.length } };
    };
  },
  async 'three-gcodeloader'() {
    const { GCodeLoader } = (await import('three/examples/jsm/loaders/GCodeLoader.js')) as unknown as {
      GCodeLoader: new () => { parse(s: string): { children: unknown[] } };
    };
    return async () => {
      const g = new GCodeLoader().parse(readFileSync(file, 'utf8'));
      return { lines: 0, info: { objects: g.children.length } };
    };
  },
};

async function main(): Promise<void> {
  const make = tasks[task];
  if (!make) throw new Error(`unknown task ${task}`);
  const fn = await make();
  const times: number[] = [];
  const cpu: number[] = [];
  let last: { lines: number; info?: Info } = { lines: 0 };
  const bytes = statSync(file).size; // not read here: that would count in the peak RSS
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    last = { lines: 0 }; // the previous run's result (a toolpath) is garbage before the next one
    gc?.();
    const t = performance.now();
    const c = process.cpuUsage();
    last = await fn();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ task, bytes, lines: last.lines, runs: times, cpuMs: cpu, maxRssMB, info: last.info ?? {} })}\n`);
}

main().catch((e: unknown) => {
  process.stdout.write(`${JSON.stringify({ task, error: String(e instanceof Error ? e.message : e) })}\n`);
  process.exitCode = 1;
});

