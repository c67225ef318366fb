// A bitmap engraving: the raster engraver (jobs/laser/raster) makes the body of the program from the
// material's `raster` preset and the maker's image settings; this wraps it like a vector job (header,
// M4, footer), checks where it lands, and has the G-code engine analyse it.
import { analyzeGcode } from '../gcode';
import { LaserError } from './errors';
import { checkFits, workAreaOf } from './plan/place';
import { frameGcode } from './output/frame';
import { GcodeWriter } from './output/writer';
import type { JobParams } from './presets/presets';
import { decodeImage, RasterError, rasterToGcode, type RasterOptions } from './raster/index';
import type { BedBounds, LaserJob, LaserJobInput } from './types';
import { checkLaserMachine, overscanFor, startPoint, sValue, writeFooter, writeHeader } from './output/program';

const DEFAULT_PX_PER_MM = 10;

function asLaserError(e: unknown): never {
  if (e instanceof RasterError) throw new LaserError('image_invalid', { ...e.params, reason: e.code });
  throw e;
}

export async function prepareImageJob(input: LaserJobInput, params: JobParams): Promise<LaserJob> {
  const machine = input.machine;
  checkLaserMachine(machine);
  const r = params.raster;
  if (!r) throw new LaserError('no_presets', { machine: machine.id ?? '?', material: input.materialId });
  const progress = input.onProgress ?? (() => {});
  progress('import');
  let image;
  try {
    image = decodeImage(input.source.bytes);
  } catch (e) {
    asLaserError(e);
  }
  const set = input.image ?? {};
  const widthMm = set.widthMm ?? image.width / DEFAULT_PX_PER_MM;
  const heightMm = set.heightMm ?? (widthMm * image.height) / image.width;
  if (!(widthMm > 0 && heightMm > 0 && Number.isFinite(widthMm) && Number.isFinite(heightMm))) {
    throw new LaserError('bad_option', { option: 'image.widthMm', value: `${widthMm}x${heightMm}` });
  }
  const home = startPoint(machine);
  const area = workAreaOf(machine);
  const x = input.placement?.xMm ?? area?.minX ?? 0;
  const y = input.placement?.yMm ?? area?.minY ?? 0;
  const bounds: BedBounds = { minX: x, minY: y, maxX: x + widthMm, maxY: y + heightMm };
  checkFits(bounds, area);
  const maxS = machine.maxSpindleS ?? 1000;
  const overscanMm = input.overscanMm ?? overscanFor(machine, r.speedMmMin);
  const opts: RasterOptions = {
    widthMm,
    heightMm,
    xMm: x,
    yMm: y,
    linesPerMm: 1 / r.lineIntervalMm,
    dither: set.dither ?? 'floyd-steinberg',
    powerMin: r.minPowerPct,
    powerMax: r.powerPct,
    speedMmMin: r.speedMmMin,
    overscanMm,
    maxS,
    bidirectional: set.bidirectional ?? true,
    accelMmS2: machine.maxAccelMmS2.x,
    rapidMmMin: machine.maxFeedMmS.x * 60,
  };
  if (set.brightness !== undefined) opts.brightness = set.brightness;
  if (set.contrast !== undefined) opts.contrast = set.contrast;
  if (set.gamma !== undefined) opts.gamma = set.gamma;
  if (set.invert !== undefined) opts.invert = set.invert;
  if (area) opts.xLimitsMm = { min: area.minX, max: area.maxX };

  progress('plan');
  let body;
  try {
    body = rasterToGcode(image, opts);
  } catch (e) {
    asLaserError(e);
  }
  progress('write');
  const w = new GcodeWriter();
  writeHeader(w, input, bounds, maxS, 0, []);
  w.comment(
    `Image: ${image.width} x ${image.height} px, ${opts.dither}, ${r.minPowerPct}-${r.powerPct} % (S${sValue(r.minPowerPct, maxS)}-S${sValue(r.powerPct, maxS)}), ${r.speedMmMin} mm/min, ${r.lineIntervalMm} mm lines`,
  );
  for (let pass = 1; pass <= r.passes; pass++) {
    w.comment(`Image, pass ${pass} of ${r.passes}`);
    for (const line of body.gcode) w.line(line);
    // The raster body sets S and F itself.
    w.forget();
  }
  writeFooter(w, home);
  const gcode = w.finish();

  progress('analyze');
  const encoder = new TextEncoder();
  let bytes = 0;
  const analysis = await analyzeGcode(
    (function* () {
      for (const c of gcode) {
        const b = encoder.encode(c);
        bytes += b.length;
        yield b;
      }
    })(),
    { machine, material: input.material },
  );
  return {
    gcode,
    bytes,
    lines: w.lineCount,
    bounds,
    placement: { xMm: x, yMm: y },
    operations: [
      {
        operation: 'raster',
        sources: ['image'],
        paths: body.stats.lines,
        lengthMm: Math.round(body.stats.burnMm * 100) / 100,
        passes: r.passes,
        powerPct: r.powerPct,
        s: sValue(r.powerPct, maxS),
        speedMmMin: r.speedMmMin,
        lineIntervalMm: r.lineIntervalMm,
        overscanMm,
      },
    ],
    travel: { listedMm: 0, optimisedMm: 0, ratio: 1 },
    colors: [],
    findings: [],
    analysis,
    frame: frameGcode(bounds, { maxS }),
    params,
    source: { name: input.source.name, format: 'image', page: { widthMm, heightMm }, shapes: 0, points: 0 },
  };
}
