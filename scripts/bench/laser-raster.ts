// Raster engraving benchmark (not a test): a 2000 × 2000 photo-like image (gradients, noise, shapes,
// made here in memory) encoded as PNG and JPEG, then decode + tone/resample/dither + G-code for each
// dither method at 10 lines/mm over 200 × 200 mm (the grid is the image's own size: no resampling
// cost hides the rest). Then image-q's own error diffusion (what a maker's tool would otherwise use)
// on the same gray image, for the ratio of the dithering step alone. Each method runs in its own
// process reading the PNG from a temp file, so its peak RSS is that of decode + dither + G-code alone
// (plus Node and tsx, ≈ 85 MB before anything is read).
//
//   node --import tsx scripts/bench/laser-raster.ts [--runs 3] [--no-image-q]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as iq from 'image-q';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { decodeImage, dither, prepareRaster, pixelsToGcode, toGray, DITHER_METHODS, type DitherMethod, type RasterOptions, type RgbaImage } from '../../jobs/laser/raster';

export interface RasterMethodRow {
  method: DitherMethod;
  /** toGray + resample + dither, best run. */
  prepareMs: number;
  gcodeMs: number;
  /** decode (PNG) + prepare + G-code. */
  totalMs: number;
  /** CPU time of the same (best of each step). */
  totalCpuMs: number;
  mpxPerS: number;
  gcodeMB: number;
  gcodeLines: number;
  burnPercent: number;
  /** Peak RSS of the process that ran this method, MB. */
  peakRssMB: number;
}

export interface ImageQRow {
  kernel: string;
  versus: DitherMethod;
  imageQMs: number;
  oursMs: number;
  ratio: number;
  blackPercent: number;
  /** Black share ours gives, and the image's mean darkness (what error diffusion should keep), %. */
  oursBlackPercent: number;
  darknessPercent: number;
  /** Peak RSS of the process that ran image-q (and ours after it), MB. */
  peakRssMB: number;
}

export interface LaserRasterBench {
  width: number;
  height: number;
  pngMB: number;
  jpegMB: number;
  decodePngMs: number;
  decodeJpegMs: number;
  rows: RasterMethodRow[];
  imageQ: ImageQRow[];
  runs: number;
  /** 1-minute load average at the start and the end, and the core count: the wall times depend on them. */
  load: [number, number];
  cores: number;
}

/** A deterministic photo-like RGBA image: sky-like gradient, vignette, discs and bars, sensor noise. */
export function photoLike(width: number, height: number, seed = 42): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const discs = Array.from({ length: 24 }, () => ({ x: rnd() * width, y: rnd() * height, r: (0.03 + rnd() * 0.12) * width, c: [rnd() * 255, rnd() * 255, rnd() * 255] }));
  const bars = Array.from({ length: 10 }, () => ({ x0: rnd() * width, y0: rnd() * height, w: rnd() * width * 0.3, h: 4 + rnd() * height * 0.05, v: rnd() * 255 }));
  const cx = width / 2;
  const cy = height / 2;
  const rmax = Math.hypot(cx, cy);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const vignette = 1 - 0.5 * (Math.hypot(x - cx, y - cy) / rmax) ** 2;
      let r = (255 * x) / width;
      let g = (255 * y) / height;
      let b = 128 + 100 * Math.sin(x / 37) * Math.cos(y / 53);
      for (const d of discs) {
        const dd = (x - d.x) ** 2 + (y - d.y) ** 2;
        if (dd < d.r * d.r) {
          const shade = 1 - (0.6 * dd) / (d.r * d.r);
          r = d.c[0]! * shade;
          g = d.c[1]! * shade;
          b = d.c[2]! * shade;
        }
      }
      for (const bar of bars) if (x >= bar.x0 && x < bar.x0 + bar.w && y >= bar.y0 && y < bar.y0 + bar.h) r = g = b = bar.v;
      const n = (rnd() - 0.5) * 40;
      const i = (y * width + x) * 4;
      data[i] = clamp(r * vignette + n);
      data[i + 1] = clamp(g * vignette + n);
      data[i + 2] = clamp(b * vignette + n);
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v | 0;
}

/**
 * Best wall time of `runs`, and the process CPU time (user + system) of that run: on a shared machine
 * the wall time swells with the load, the CPU time much less. Collects before each run (with
 * --expose-gc) so the peak RSS is one run's, not the garbage of several.
 */
function timed(runs: number, f: () => void): { ms: number; cpuMs: number } {
  let ms = Infinity;
  let cpuMs = Infinity;
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (t < ms) ms = t;
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { ms, cpuMs };
}

function best(runs: number, f: () => void): number {
  return timed(runs, f).ms;
}

const maxRssMB = (): number => process.resourceUsage().maxRSS / 1024;

const OPTIONS: Omit<RasterOptions, 'dither'> = {
  widthMm: 200,
  heightMm: 200,
  xMm: 10,
  yMm: 10,
  linesPerMm: 10,
  brightness: 0,
  contrast: 0,
  powerMin: 10,
  powerMax: 80,
  speedMmMin: 6000,
  overscanMm: 4,
  maxS: 1000,
  bidirectional: true,
  accelMmS2: 3000,
  rapidMmMin: 30000,
};

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function worker(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--worker', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`bench worker ${args.join(' ')} exited with ${code}`))));
  });
}

/** One method, in this process: decode the PNG file, prepare, G-code; best of `runs`. */
function runMethod(file: string, method: DitherMethod, runs: number): RasterMethodRow & { decodeMs: number } {
  const png = readFileSync(file);
  let decoded: RgbaImage | null = null;
  const decode = timed(runs, () => (decoded = decodeImage(png)));
  const image = decoded!;
  const o: RasterOptions = { ...OPTIONS, dither: method };
  let raster = prepareRaster(image, o);
  const prepare = timed(runs, () => (raster = prepareRaster(image, o)));
  let stats = pixelsToGcode(raster, o).stats;
  // Only the stats are kept between runs: one G-code array alive at a time, as in the kiosk.
  const gcode = timed(runs, () => (stats = pixelsToGcode(raster, o).stats));
  const decodeMs = decode.ms;
  const prepareMs = prepare.ms;
  const gcodeMs = gcode.ms;
  const totalMs = decodeMs + prepareMs + gcodeMs;
  const px = image.width * image.height;
  return {
    method,
    decodeMs,
    prepareMs,
    gcodeMs,
    totalMs,
    totalCpuMs: decode.cpuMs + prepare.cpuMs + gcode.cpuMs,
    mpxPerS: px / 1e6 / (totalMs / 1000),
    gcodeMB: stats.gcodeBytes / 1e6,
    gcodeLines: stats.gcodeLines,
    burnPercent: (100 * stats.burnCells) / px,
    peakRssMB: maxRssMB(),
  };
}

/** image-q's error diffusion on the gray levels of the PNG, then ours on the same levels. */
function runImageQ(file: string, kernel: iq.ImageQuantization, versus: DitherMethod, runs: number): ImageQRow {
  const image = decodeImage(readFileSync(file));
  const { width, height } = image;
  // The same gray levels for both: image-q quantises RGBA, so the gray goes in as R = G = B.
  const gray = toGray(image);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < gray.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray[i]!;
    rgba[i * 4 + 3] = 255;
  }
  const palette = new iq.utils.Palette();
  palette.add(iq.utils.Point.createByRGBA(0, 0, 0, 255));
  palette.add(iq.utils.Point.createByRGBA(255, 255, 255, 255));
  const t0 = performance.now();
  const out = iq.applyPaletteSync(iq.utils.PointContainer.fromUint8Array(rgba, width, height), palette, { colorDistanceFormula: 'euclidean', imageQuantization: kernel }).toUint8Array();
  const imageQMs = performance.now() - t0;
  let black = 0;
  for (let i = 0; i < out.length; i += 4) if (out[i] === 0) black++;
  let ours = dither(gray, width, height, versus);
  const oursMs = best(runs, () => (ours = dither(gray, width, height, versus)));
  const n = width * height;
  let oursBlack = 0;
  let darkness = 0;
  for (let i = 0; i < n; i++) {
    if (ours[i] === 0) oursBlack++;
    darkness += 1 - gray[i]! / 255;
  }
  return {
    kernel,
    versus,
    imageQMs,
    oursMs,
    ratio: imageQMs / oursMs,
    blackPercent: (100 * black) / n,
    oursBlackPercent: (100 * oursBlack) / n,
    darknessPercent: (100 * darkness) / n,
    peakRssMB: maxRssMB(),
  };
}

export async function benchLaserRaster(opts: { size?: number; runs?: number; imageQ?: boolean } = {}): Promise<LaserRasterBench> {
  const size = opts.size ?? 2000;
  const runs = opts.runs ?? 3;
  const loadStart = loadavg()[0]!;
  const image = photoLike(size, size);
  const png = PNG.sync.write(Object.assign(new PNG({ width: size, height: size }), { data: Buffer.from(image.data.buffer) }));
  const jpg = jpeg.encode({ width: size, height: size, data: image.data }, 90).data;
  const decodeJpegMs = best(runs, () => decodeImage(jpg));
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-raster-bench-'));
  try {
    const file = join(dir, 'photo.png');
    writeFileSync(file, png);
    const rows: (RasterMethodRow & { decodeMs: number })[] = [];
    for (const method of DITHER_METHODS) rows.push((await worker(['method', file, method, String(runs)])) as RasterMethodRow & { decodeMs: number });
    const imageQ: ImageQRow[] = [];
    if (opts.imageQ ?? true) {
      const pairs: [iq.ImageQuantization, DitherMethod][] = [
        ['floyd-steinberg', 'floyd-steinberg'],
        ['jarvis', 'jarvis'],
        ['nearest', 'threshold'],
      ];
      for (const [kernel, versus] of pairs) imageQ.push((await worker(['image-q', file, kernel, versus, String(runs)])) as ImageQRow);
    }
    return {
      width: size,
      height: size,
      pngMB: png.length / 1e6,
      jpegMB: jpg.length / 1e6,
      decodePngMs: Math.min(...rows.map((r) => r.decodeMs)),
      decodeJpegMs,
      rows,
      imageQ,
      runs,
      load: [loadStart, loadavg()[0]!],
      cores: cpus().length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function formatLaserRasterBench(r: LaserRasterBench): string {
  const out: string[] = [];
  out.push(
    `image ${r.width} × ${r.height} (photo-like), 10 lines/mm over 200 × 200 mm; best of ${r.runs} runs; ` +
      `load average ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} on ${r.cores} cores\n` +
      `decode: PNG ${r.pngMB.toFixed(1)} MB in ${r.decodePngMs.toFixed(0)} ms, JPEG q90 ${r.jpegMB.toFixed(1)} MB in ${r.decodeJpegMs.toFixed(0)} ms`,
  );
  out.push(
    table(
      ['method', 'prepare ms', 'G-code ms', 'total ms (PNG decode incl.)', 'total CPU ms', 'Mpixel/s', 'G-code MB', 'G-code lines', 'burned %', 'peak RSS MB'],
      r.rows.map((x) => [
        x.method,
        x.prepareMs.toFixed(0),
        x.gcodeMs.toFixed(0),
        x.totalMs.toFixed(0),
        x.totalCpuMs.toFixed(0),
        x.mpxPerS.toFixed(2),
        x.gcodeMB.toFixed(1),
        String(x.gcodeLines),
        x.burnPercent.toFixed(1),
        x.peakRssMB.toFixed(0),
      ]),
    ),
  );
  if (r.imageQ.length > 0) {
    out.push(
      'dithering step alone, image-q 4.0.0 (applyPaletteSync, black/white palette, euclidean) against ours:\n' +
        table(
          ['image-q kernel', 'ours', 'image-q ms', 'ours ms', 'ratio', 'black % image-q / ours / image darkness', 'peak RSS MB (image-q)'],
          r.imageQ.map((x) => [
            x.kernel,
            x.versus,
            x.imageQMs.toFixed(0),
            x.oursMs.toFixed(1),
            `${x.ratio.toFixed(0)}×`,
            `${x.blackPercent.toFixed(1)} / ${x.oursBlackPercent.toFixed(1)} / ${x.darknessPercent.toFixed(1)}`,
            x.peakRssMB.toFixed(0),
          ]),
        ),
    );
  }
  return out.join('\n\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv[2] === '--worker') {
  const [kind, file, a, b, c] = process.argv.slice(3);
  const result =
    kind === 'method' ? runMethod(file!, a as DitherMethod, Number(b)) : runImageQ(file!, a as iq.ImageQuantization, b as DitherMethod, Number(c));
  process.stdout.write(JSON.stringify(result));
} else if (isMain) {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 3;
  if (!Number.isInteger(runs) || runs <= 0) {
    process.stderr.write('--runs needs a positive whole number\n');
    process.exit(2);
  }
  process.stderr.write('raster engraving: 2000 × 2000 image, every dither method, then image-q…\n');
  const r = await benchLaserRaster({ runs, imageQ: !process.argv.includes('--no-image-q') });
  process.stdout.write(formatLaserRasterBench(r) + '\n');
}
