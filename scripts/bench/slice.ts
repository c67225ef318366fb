// 3D-print preparation benchmark (jobs/print):
//  - model loading: a generated binary STL of 1 M triangles (~50 MB) and an ASCII one of 200 k triangles
//    (~50 MB), read by our loader and by three.js's STLLoader (what one would otherwise pick) in the same
//    process, from the same bytes in memory; MB/s = 10^6 bytes per second, median of the runs;
//  - slicing the fixtures with PrusaSlicer on the lab's locked profiles: wall time of the whole
//    preparation (load, place, slicer, G-code check) and of the slicer alone.
//
//   node --import tsx scripts/bench/slice.ts [--triangles 1000000] [--ascii-triangles 200000] [--runs 3] [--no-slice]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STLLoader } from 'three/examples/jsm/loaders/STLLoader.js';
import { loadMesh, loadMeshFile, sliceFile, type Quality } from '../../jobs/print';
import { fixture, fixturesDir } from '../../test/support/fixtures';
import { labMachine, labMaterial, profilesDir } from '../../test/support/lab-profiles';

export interface LoadBenchRow {
  reader: string;
  format: 'binary' | 'ascii';
  triangles: number;
  bytes: number;
  /** Median wall time of the runs, ms. */
  ms: number;
  /** Fastest run in CPU time (user + system), ms: steadier than wall time on a shared machine. */
  cpuMs: number;
  /** From the median wall time. */
  mbPerS: number;
}

export interface SliceBenchRow {
  model: string;
  machine: string;
  material: string;
  quality: Quality;
  triangles: number;
  /** Load, place, slice, check: what a maker waits for. */
  totalMs: number;
  /** PrusaSlicer alone. */
  slicerMs: number;
  layers: number;
  slicerEstimateS: number | null;
  durationS: number;
  filamentMm: number;
}

export interface SliceBench {
  load: LoadBenchRow[];
  slice: SliceBenchRow[];
  notes: string[];
}

export interface SliceBenchOptions {
  triangles?: number;
  asciiTriangles?: number;
  runs?: number;
  slice?: boolean;
}

/** A wavy height field over a square, two triangles per cell: `triangles` rounded to an even grid. */
function surface(triangles: number): { n: number; vertex: (i: number, j: number) => [number, number, number] } {
  const n = Math.max(1, Math.round(Math.sqrt(triangles / 2)));
  const step = 200 / n;
  return { n, vertex: (i, j) => [i * step, j * step, 5 + 3 * Math.sin(i * 0.05) * Math.cos(j * 0.07)] };
}

export function binaryStl(triangles: number): Uint8Array {
  const { n, vertex } = surface(triangles);
  const count = n * n * 2;
  const out = new Uint8Array(84 + 50 * count);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('solid-looking header: FabKiosk bench surface'));
  view.setUint32(80, count, true);
  let o = 84;
  const put = (p: [number, number, number]): void => {
    view.setFloat32(o, p[0], true);
    view.setFloat32(o + 4, p[1], true);
    view.setFloat32(o + 8, p[2], true);
    o += 12;
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (const tri of [[vertex(i, j), vertex(i + 1, j), vertex(i + 1, j + 1)], [vertex(i, j), vertex(i + 1, j + 1), vertex(i, j + 1)]]) {
        o += 12; // normal left at zero, as many exporters do
        for (const p of tri) put(p);
        o += 2;
      }
    }
  }
  return out;
}

export function asciiStl(triangles: number): Uint8Array {
  const { n, vertex } = surface(triangles);
  const parts: string[] = ['solid bench\n'];
  const f = (p: [number, number, number]) => `      vertex ${p[0].toExponential(6)} ${p[1].toExponential(6)} ${p[2].toExponential(6)}\n`;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (const tri of [[vertex(i, j), vertex(i + 1, j), vertex(i + 1, j + 1)], [vertex(i, j), vertex(i + 1, j + 1), vertex(i, j + 1)]]) {
        parts.push('  facet normal 0.000000e+00 0.000000e+00 1.000000e+00\n    outer loop\n', f(tri[0]!), f(tri[1]!), f(tri[2]!), '    endloop\n  endfacet\n');
      }
    }
  }
  parts.push('endsolid bench\n');
  return new TextEncoder().encode(parts.join(''));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface Timing {
  ms: number;
  cpuMs: number;
  triangles: number;
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function time(runs: number, fn: () => number | Promise<number>): Promise<Timing> {
  const times: number[] = [];
  let cpu = Infinity;
  let triangles = 0;
  for (let r = 0; r < runs; r++) {
    collect();
    const c0 = cpuNow();
    const t0 = performance.now();
    triangles = await fn();
    times.push(performance.now() - t0);
    cpu = Math.min(cpu, cpuNow() - c0);
  }
  return { ms: median(times), cpuMs: cpu, triangles };
}

export async function benchSlice(opts: SliceBenchOptions = {}): Promise<SliceBench> {
  const runs = opts.runs ?? 3;
  const notes: string[] = [];
  const load: LoadBenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-bench-slice-'));
  try {
    for (const format of ['binary', 'ascii'] as const) {
      const bytes = format === 'binary' ? binaryStl(opts.triangles ?? 1_000_000) : asciiStl(opts.asciiTriangles ?? 200_000);
      const path = join(dir, `bench-${format}.stl`);
      writeFileSync(path, bytes);
      // three.js takes an ArrayBuffer (binary) or a string (ASCII, which it detects itself).
      const buffer = bytes.slice().buffer;
      const row = (reader: string, r: Timing): LoadBenchRow => ({ reader, format, triangles: r.triangles, bytes: bytes.length, ms: r.ms, cpuMs: r.cpuMs, mbPerS: bytes.length / 1e3 / r.ms });
      load.push(row('FabKiosk loadMesh (checked: finite, degenerate, bounds)', await time(runs, () => loadMesh(bytes, { fileName: 'bench.stl' }).mesh.triangles)));
      load.push(row('three.js STLLoader.parse', await time(runs, () => new STLLoader().parse(buffer).getAttribute('position').count / 3)));
      load.push(row('FabKiosk loadMeshFile (read from disk + load)', await time(runs, async () => (await loadMeshFile(path)).mesh.triangles)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const slice: SliceBenchRow[] = [];
  if (opts.slice !== false) {
    if (!existsSync('/usr/bin/prusa-slicer')) notes.push('prusa-slicer not installed: slicing skipped');
    else if (!existsSync(fixturesDir)) notes.push(`fixtures not found at ${fixturesDir}: slicing skipped`);
    else {
      const out = mkdtempSync(join(tmpdir(), 'fabkiosk-bench-gcode-'));
      try {
        const jobs: [string, string, string, string, Quality][] = [
          ['stl/openscad-example012-ascii.stl', 'prusa-mk4', 'pla-175', 'normal', 'normal'],
          ['stl/openscad-example016-binary-magics-color.stl', 'prusa-mk4', 'pla-175', 'normal', 'normal'],
          ['stl/trimesh-unit_cube-binary-solid-header.stl', 'ender-3', 'pla-175', 'normal', 'normal'],
          ['3mf/trimesh-featuretype-inch.3mf', 'prusa-mk4', 'pla-175', 'draft', 'draft'],
        ];
        for (const [file, machine, material, , quality] of jobs) {
          const t0 = performance.now();
          const r = await sliceFile(fixture(file), {
            machine: labMachine(machine),
            material: labMaterial(material),
            profilesDir,
            output: join(out, `${file.replace(/\W/g, '_')}.gcode`),
            choices: { quality },
          });
          slice.push({
            model: file,
            machine,
            material,
            quality,
            triangles: r.triangles,
            totalMs: performance.now() - t0,
            slicerMs: r.slicingMs,
            layers: r.layers,
            slicerEstimateS: r.slicerEstimateS,
            durationS: r.durationS,
            filamentMm: r.filamentMm,
          });
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
  }
  return { load, slice, notes };
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function formatSliceBench(b: SliceBench): string {
  const parts: string[] = [];
  parts.push(
    table(
      ['STL loading', 'format', 'triangles', 'MB', 'wall ms', 'MB/s', 'best CPU ms', 'MB/s CPU'],
      b.load.map((r) => [
        r.reader,
        r.format,
        r.triangles.toLocaleString('en'),
        (r.bytes / 1e6).toFixed(1),
        r.ms.toFixed(0),
        r.mbPerS.toFixed(0),
        r.cpuMs.toFixed(0),
        (r.bytes / 1e3 / r.cpuMs).toFixed(0),
      ]),
    ),
  );
  for (const format of ['binary', 'ascii'] as const) {
    const ours = b.load.find((r) => r.format === format && r.reader.startsWith('FabKiosk loadMesh '));
    const three = b.load.find((r) => r.format === format && r.reader.startsWith('three'));
    if (ours && three) {
      parts.push(`${format}: FabKiosk ${(three.ms / ours.ms).toFixed(2)}× the speed of three.js STLLoader (wall, median), ${(three.cpuMs / ours.cpuMs).toFixed(2)}× (CPU, best run)`);
    }
  }
  if (b.slice.length) {
    parts.push(
      '',
      table(
        ['slicing (PrusaSlicer 2.5)', 'machine', 'quality', 'triangles', 'total s', 'slicer s', 'layers', 'estimate', 'engine', 'filament m'],
        b.slice.map((r) => [
          r.model,
          `${r.machine}/${r.material}`,
          r.quality,
          String(r.triangles),
          (r.totalMs / 1000).toFixed(2),
          (r.slicerMs / 1000).toFixed(2),
          String(r.layers),
          r.slicerEstimateS === null ? '–' : `${Math.round(r.slicerEstimateS)} s`,
          `${Math.round(r.durationS)} s`,
          (r.filamentMm / 1000).toFixed(2),
        ]),
      ),
    );
  }
  for (const n of b.notes) parts.push(`note: ${n}`);
  return parts.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, def: number): number => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(process.argv[i + 1]) : def;
    if (!Number.isInteger(v) || v <= 0) {
      process.stderr.write(`--${name} needs a positive whole number\n`);
      process.exit(2);
    }
    return v;
  };
  const opts: SliceBenchOptions = {
    triangles: arg('triangles', 1_000_000),
    asciiTriangles: arg('ascii-triangles', 200_000),
    runs: arg('runs', 3),
    slice: !process.argv.includes('--no-slice'),
  };
  process.stderr.write(`3D print preparation: STL loading (${opts.triangles} binary, ${opts.asciiTriangles} ASCII triangles, ${opts.runs} runs), slicing the fixtures…\n`);
  process.stdout.write(formatSliceBench(await benchSlice(opts)) + '\n');
}
