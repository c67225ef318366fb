// Laser job preparation benchmark (jobs/laser): a generated SVG of 10,000 paths (cut outlines with
// holes, score curves, engraved triangles, in shuffled file order) to a Grbl program, timed by stage,
// with the size of the program and the peak RSS; then the travel ordering saves on the shared fixtures.
// Not a test: figures to compare before and after a change.
//
//   node --import tsx scripts/bench/laser.ts [--paths 10000] [--runs 3]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MachineProfile } from '../../jobs/gcode';
import { prepareLaserJob, type LaserJob } from '../../jobs/laser';
import { labLaser } from '../../jobs/laser/testing.testutil';

const FIXTURES = process.env.FABKIOSK_FIXTURES ?? fileURLToPath(new URL('../../../shared/fixtures', import.meta.url));
const FIXTURE_FILES = [
  'svg/svgpathtools-negative-scale-arcs.svg',
  'svg/svgpathtools-groups-transforms.svg',
  'svg/svgpathtools-transforms-live-text.svg',
  'svg/meerk40t-crossover-multicolor.svg',
  'dxf/openscad-example009-lines-arcs-circles.dxf',
];

export interface LaserBenchRun {
  /** Wall-clock time. */
  ms: number;
  /** CPU time of this process (user + system): what the run costs on a machine shared with others. */
  cpuMs: number;
  /** Wall-clock time per stage (import, plan, write, analyze). */
  stages: Record<string, number>;
}

export interface LaserBenchResult {
  paths: number;
  svgBytes: number;
  runs: LaserBenchRun[];
  bestMs: number;
  bestCpuMs: number;
  pathsPerS: number;
  gcodeMB: number;
  gcodeLines: number;
  peakRssMB: number;
  durationS: number;
  travel: { listedMm: number; optimisedMm: number; ratio: number };
  fixtures: { file: string; paths: number; listedMm: number; optimisedMm: number; ratio: number; ms: number }[];
}

/** A sheet of small parts: per cell a rounded outline, a round hole, a score curve, and a triangle (cut, or engraved in one cell of ten). */
export function generateSvg(paths: number, seed = 1): string {
  const cells = Math.ceil(paths / 4);
  const cols = Math.ceil(Math.sqrt(cells * 1.5));
  const rows = Math.ceil(cells / cols);
  const cw = 580 / cols;
  const ch = 380 / rows;
  const items: string[] = [];
  for (let c = 0; c < cells; c++) {
    const x = (c % cols) * cw + 5;
    const y = Math.floor(c / cols) * ch + 5;
    const w = cw * 0.85;
    const h = ch * 0.85;
    const r = Math.min(w, h);
    items.push(`<rect x="${x.toFixed(3)}" y="${y.toFixed(3)}" width="${w.toFixed(3)}" height="${h.toFixed(3)}" rx="${(r * 0.15).toFixed(3)}" fill="none" stroke="#ff0000"/>`);
    items.push(`<circle cx="${(x + w * 0.25).toFixed(3)}" cy="${(y + h * 0.5).toFixed(3)}" r="${(r * 0.15).toFixed(3)}" fill="none" stroke="#ff0000"/>`);
    items.push(`<path d="M${(x + w * 0.5).toFixed(3)} ${(y + h * 0.2).toFixed(3)} c ${(w * 0.1).toFixed(3)} ${(h * 0.3).toFixed(3)} ${(w * 0.3).toFixed(3)} ${(h * 0.3).toFixed(3)} ${(w * 0.4).toFixed(3)} 0" fill="none" stroke="#0000ff"/>`);
    const tri = `${(x + w * 0.55).toFixed(3)},${(y + h * 0.85).toFixed(3)} ${(x + w * 0.9).toFixed(3)},${(y + h * 0.85).toFixed(3)} ${(x + w * 0.725).toFixed(3)},${(y + h * 0.5).toFixed(3)}`;
    items.push(c % 10 === 0 ? `<polygon points="${tri}" fill="#000000"/>` : `<polygon points="${tri}" fill="none" stroke="#ff0000"/>`);
  }
  items.length = paths;
  // Shuffled, as drawings grow by copy and paste rather than in cutting order.
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="590mm" height="390mm" viewBox="0 0 590 390">\n${items.join('\n')}\n</svg>\n`;
}

async function timed(bytes: Uint8Array, name: string, machine: MachineProfile): Promise<{ job: LaserJob; run: LaserBenchRun }> {
  const stages: Record<string, number> = {};
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let last = t0;
  let stage = 'start';
  const job = await prepareLaserJob({
    source: { name, bytes },
    machine,
    materialId: 'plywood-3',
    onProgress: (s) => {
      const now = performance.now();
      stages[stage] = now - last;
      last = now;
      stage = s;
    },
  });
  const end = performance.now();
  const cpu = process.cpuUsage(cpu0);
  stages[stage] = end - last;
  delete stages.start;
  return { job, run: { ms: end - t0, cpuMs: (cpu.user + cpu.system) / 1000, stages } };
}

export async function benchLaser(opts: { paths?: number; runs?: number } = {}): Promise<LaserBenchResult> {
  const paths = opts.paths ?? 10_000;
  const machine = labLaser();
  const bytes = new TextEncoder().encode(generateSvg(paths));
  const runs: LaserBenchRun[] = [];
  let last: LaserJob | null = null;
  for (let i = 0; i < (opts.runs ?? 3); i++) {
    const { job, run } = await timed(bytes, 'bench.svg', machine);
    runs.push(run);
    last = job;
  }
  const best = Math.min(...runs.map((r) => r.ms));
  const fixtures: LaserBenchResult['fixtures'] = [];
  for (const f of FIXTURE_FILES) {
    const t0 = performance.now();
    const job = await prepareLaserJob({
      source: { name: f, bytes: readFileSync(join(FIXTURES, f)) },
      machine,
      materialId: 'plywood-3',
      mapping: { otherwise: 'cut', fill: {} },
      placement: { xMm: 20, yMm: 20 },
    });
    fixtures.push({ file: f, paths: job.operations.reduce((a, o) => a + o.paths, 0), ...job.travel, ms: performance.now() - t0 });
  }
  return {
    paths,
    svgBytes: bytes.length,
    runs,
    bestMs: best,
    bestCpuMs: Math.min(...runs.map((r) => r.cpuMs)),
    pathsPerS: (paths / best) * 1000,
    gcodeMB: last!.bytes / 1e6,
    gcodeLines: last!.lines,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    durationS: last!.analysis.durationS,
    travel: last!.travel,
    fixtures,
  };
}

export function formatLaserBench(r: LaserBenchResult): string {
  const stages = (run: LaserBenchRun) => Object.entries(run.stages).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
  const bestRun = r.runs.find((x) => x.ms === r.bestMs)!;
  const out = [
    `SVG of ${r.paths.toLocaleString('en')} paths (${(r.svgBytes / 1e6).toFixed(2)} MB) to Grbl G-code, laser-co2 × plywood-3`,
    `  time:        ${r.bestMs.toFixed(0)} ms best of ${r.runs.length} (${r.runs.map((x) => x.ms.toFixed(0)).join(' / ')} ms); stages (ms): ${stages(bestRun)}`,
    `  CPU time:    ${r.bestCpuMs.toFixed(0)} ms best (${r.runs.map((x) => x.cpuMs.toFixed(0)).join(' / ')} ms)`,
    `  throughput:  ${r.pathsPerS.toFixed(0)} paths/s (wall clock), ${((r.paths / r.bestCpuMs) * 1000).toFixed(0)} paths/s of CPU`,
    `  G-code:      ${r.gcodeMB.toFixed(2)} MB, ${r.gcodeLines.toLocaleString('en')} lines, estimated ${(r.durationS / 60).toFixed(1)} min on the machine`,
    `  travel:      ${r.travel.listedMm.toFixed(0)} mm in file order → ${r.travel.optimisedMm.toFixed(0)} mm ordered (ratio ${r.travel.ratio})`,
    `  peak RSS:    ${r.peakRssMB.toFixed(0)} MB`,
    '',
    'Travel ordering on the fixtures (every stroke colour cut)',
  ];
  const w = Math.max(...r.fixtures.map((f) => f.file.length));
  out.push(`  ${'file'.padEnd(w)}  paths  listed mm  ordered mm  ratio      ms`);
  for (const f of r.fixtures) {
    out.push(`  ${f.file.padEnd(w)}  ${String(f.paths).padStart(5)}  ${f.listedMm.toFixed(1).padStart(9)}  ${f.optimisedMm.toFixed(1).padStart(10)}  ${f.ratio.toFixed(3)}  ${f.ms.toFixed(0).padStart(6)}`);
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, def: number) => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(process.argv[i + 1]) : def;
    if (!Number.isInteger(v) || v <= 0) {
      process.stderr.write(`--${name} needs a positive whole number\n`);
      process.exit(2);
    }
    return v;
  };
  const paths = arg('paths', 10_000);
  const runs = arg('runs', 3);
  process.stderr.write(`Laser job preparation: ${paths} paths, ${runs} runs…\n`);
  process.stdout.write(formatLaserBench(await benchLaser({ paths, runs })) + '\n');
}
