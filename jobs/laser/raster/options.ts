// Engraving options, their ranges, and the output grid they give. Node-free.

import { RASTER_LIMITS, RasterError } from './errors';
import { DITHER_METHODS, type DitherMethod, type DitherOptions } from './dither';
import type { ToneOptions } from './gray';

export interface RasterOptions extends ToneOptions, DitherOptions {
  /** Size of the engraving on the material, mm (the image is stretched to it: keep its aspect yourself). */
  widthMm: number;
  heightMm: number;
  /** Bottom-left corner of the engraving, machine mm. The image's top row is burned at yMm + heightMm. */
  xMm: number;
  yMm: number;
  /** Scan lines per mm, also the cell pitch along a line (10 = 0.1 mm ≈ 254 dpi). */
  linesPerMm: number;
  dither: DitherMethod;
  /** Laser power in % of full: `powerMax` for black; 'grayscale' maps white…black to powerMin…powerMax. */
  powerMin: number;
  powerMax: number;
  /** Engraving feed rate, mm/min. */
  speedMmMin: number;
  /** Run-up past each end of a line, laser off, so the head crosses the image at full speed. */
  overscanMm: number;
  /** Grbl `$30`: the S value of full power. S = round(power % / 100 × maxS). */
  maxS: number;
  /** Serpentine (every other line right to left) or every line left to right. */
  bidirectional: boolean;
  /** Machine acceleration along X, mm/s² (default 1000): sets when a white gap is worth a G0. */
  accelMmS2?: number;
  /** Machine rapid rate along X, mm/min (default 6000). */
  rapidMmMin?: number;
  /** White gaps at least this long inside a line become G0 travels (default: see `travelThresholdMm`). */
  travelMinMm?: number;
  /** X range the head may reach (the work area): overscan is shortened so as not to leave it. */
  xLimitsMm?: { min: number; max: number };
}

export interface Grid {
  cols: number;
  rows: number;
  /** Cell size along X and Y, mm (widthMm / cols, heightMm / rows). */
  pitchXMm: number;
  pitchYMm: number;
}

/** `option` is the field's name (translated through `options.<name>` in assets/i18n/laser-raster/). */
function bad(option: string, value: unknown, min?: number, max?: number): RasterError {
  const params: Record<string, string | number> = { option, value: typeof value === 'number' ? value : String(value) };
  if (min !== undefined && max !== undefined) {
    params.min = min;
    params.max = max;
    params.context = 'range'; // the sentence that names the range
  }
  return new RasterError('raster_invalid_option', params, `option ${option} = ${String(value)} out of range`);
}

function num(o: Record<string, unknown>, key: string, min: number, max: number, opts: { optional?: boolean; open?: boolean } = {}): void {
  const v = o[key];
  if (v === undefined && opts.optional) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (opts.open && v === min)) throw bad(key, v, min, max);
}

/** Checks every option against its range; throws `raster_invalid_option` naming the first one at fault. */
export function checkOptions(opts: RasterOptions): void {
  const o = opts as unknown as Record<string, unknown>;
  num(o, 'widthMm', 0, 10_000, { open: true });
  num(o, 'heightMm', 0, 10_000, { open: true });
  num(o, 'xMm', -100_000, 100_000);
  num(o, 'yMm', -100_000, 100_000);
  num(o, 'linesPerMm', 0, RASTER_LIMITS.maxLinesPerMm, { open: true });
  if (!DITHER_METHODS.includes(opts.dither)) throw bad('dither', opts.dither);
  num(o, 'brightness', -100, 100, { optional: true });
  num(o, 'contrast', -100, 100, { optional: true });
  num(o, 'gamma', 0.1, 10, { optional: true });
  num(o, 'powerMin', 0, 100);
  num(o, 'powerMax', 0, 100);
  if (opts.powerMin > opts.powerMax) throw bad('powerMin', opts.powerMin, 0, opts.powerMax);
  num(o, 'speedMmMin', 0, 1_000_000, { open: true });
  num(o, 'overscanMm', 0, 1000);
  num(o, 'maxS', 0, 1_000_000, { open: true });
  if (typeof opts.bidirectional !== 'boolean') throw bad('bidirectional', opts.bidirectional);
  if (opts.invert !== undefined && typeof opts.invert !== 'boolean') throw bad('invert', opts.invert);
  if (opts.serpentine !== undefined && typeof opts.serpentine !== 'boolean') throw bad('serpentine', opts.serpentine);
  if (opts.bayerSize !== undefined && opts.bayerSize !== 4 && opts.bayerSize !== 8) throw bad('bayerSize', opts.bayerSize);
  num(o, 'grayLevels', 2, 256, { optional: true });
  num(o, 'threshold', 1, 255, { optional: true });
  num(o, 'accelMmS2', 0, 1_000_000, { optional: true, open: true });
  num(o, 'rapidMmMin', 0, 10_000_000, { optional: true, open: true });
  num(o, 'travelMinMm', 0, 100_000, { optional: true });
  if (opts.xLimitsMm !== undefined) {
    const l = opts.xLimitsMm as unknown as Record<string, unknown>;
    num(l, 'min', -100_000, 100_000);
    num(l, 'max', -100_000, 100_000);
    if (opts.xLimitsMm.min >= opts.xLimitsMm.max) throw bad('xLimitsMm', `${opts.xLimitsMm.min}..${opts.xLimitsMm.max}`);
  }
}

/** The engraving grid: one cell per 1/linesPerMm along both axes, at least one each way. */
export function rasterGrid(opts: Pick<RasterOptions, 'widthMm' | 'heightMm' | 'linesPerMm'>): Grid {
  const cols = Math.max(1, Math.round(opts.widthMm * opts.linesPerMm));
  const rows = Math.max(1, Math.round(opts.heightMm * opts.linesPerMm));
  if (cols * rows > RASTER_LIMITS.maxGridCells) {
    throw new RasterError(
      'raster_too_large',
      { cols, rows, megapixels: Math.round((cols * rows) / 1e5) / 10, limitMp: RASTER_LIMITS.maxGridCells / 1e6 },
      `engraving grid of ${cols}×${rows} cells over the ${RASTER_LIMITS.maxGridCells}-cell limit`,
    );
  }
  return { cols, rows, pitchXMm: opts.widthMm / cols, pitchYMm: opts.heightMm / rows };
}

/**
 * Shortest white gap inside a line worth crossing with G0 rather than `G1 … S0`: the distance the head
 * needs to go from the engraving speed F to 2F and back, (min(2F, rapid)² − F²) / a. In a shorter gap
 * a rapid would only jiggle the head up and down around F (vibration, and little time saved: at this
 * length G0 saves a third of the crossing); past it the saving grows with the gap.
 */
export function travelThresholdMm(opts: Pick<RasterOptions, 'speedMmMin' | 'accelMmS2' | 'rapidMmMin' | 'travelMinMm'>): number {
  if (opts.travelMinMm !== undefined) return opts.travelMinMm;
  const f = opts.speedMmMin / 60;
  const rapid = (opts.rapidMmMin ?? 6000) / 60;
  const a = opts.accelMmS2 ?? 1000;
  if (rapid <= f * 1.05) return Infinity; // a G0 would be no faster
  const top = Math.min(2 * f, rapid);
  return (top * top - f * f) / a;
}
