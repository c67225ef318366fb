// Public API of raster engraving: bitmap in, Grbl 1.1 laser-mode G-code body out, and the steps in
// between for the preview. decodeImage needs Node (pngjs); everything else is Node-free.
//
//   const image = decodeImage(bytes);                                   // PNG / JPEG → RGBA
//   const { gcode, bounds, stats } = rasterToGcode(image, options);     // body lines, no header/footer
//   // the caller writes: G21 G90 M4 (S0), …gcode, M5
//
// Preview: toGray(image, tone) → resampleGray(gray, w, h, cols, rows) → dither(…) — or prepareRaster,
// which is exactly what rasterToGcode burns.

import { dither } from './dither';
import { RASTER_LIMITS, RasterError } from './errors';
import { writeRasterGcode, type RasterGcode } from './gcode';
import { toGray } from './gray';
import type { GrayImage, RgbaImage } from './image';
import { checkOptions, rasterGrid, type Grid, type RasterOptions } from './options';
import { resampleGray } from './resample';

export { decodeImage, sniffImage, type DecodeLimits, type DecodedImage } from './decode';
export { RASTER_LIMITS, RasterError, type RasterErrorCode, type RasterErrorParams } from './errors';
export { bayerMatrix, dither, DITHER_METHODS, type DitherMethod, type DitherOptions } from './dither';
export { powerTable, writeRasterGcode, type RasterGcode, type RasterStats } from './gcode';
export { toGray, toneCurve, type ToneOptions } from './gray';
export type { Bounds2, GrayImage, RgbaImage } from './image';
export { mm as formatMm } from './numbers';
export { checkOptions, rasterGrid, travelThresholdMm, type Grid, type RasterOptions } from './options';
export { resampleGray } from './resample';

/**
 * The grid the laser will burn: gray levels of the image (tone curve applied, transparency white),
 * area-averaged to `linesPerMm` both ways over widthMm × heightMm, then dithered (binary: 0 burn /
 * 255 leave; 'grayscale': levels). Throws RasterError (`raster_invalid_option`, `raster_too_large`).
 */
export function prepareRaster(image: RgbaImage, opts: RasterOptions): GrayImage & { grid: Grid } {
  checkOptions(opts);
  const grid = rasterGrid(opts);
  const gray = toGray(image, opts);
  const cells = resampleGray(gray, image.width, image.height, grid.cols, grid.rows);
  const data = dither(cells, grid.cols, grid.rows, opts.dither, opts);
  return { width: grid.cols, height: grid.rows, data, grid };
}

/**
 * The G-code body of a prepared grid, in memory, up to `maxGcodeLines` lines (`raster_too_large`,
 * context `gcode`, past it); `writeRasterGcode` streams any size instead.
 */
export function pixelsToGcode(raster: GrayImage, opts: RasterOptions, limits: { maxGcodeLines?: number } = {}): RasterGcode {
  checkOptions(opts);
  // From the options, always: a preview made for another size or line pitch is refused, not stretched.
  const grid = rasterGrid(opts);
  const max = limits.maxGcodeLines ?? RASTER_LIMITS.maxGcodeLines;
  const gcode: string[] = [];
  const rest = writeRasterGcode(raster, grid, opts, (line) => {
    if (gcode.length >= max) throw new RasterError('raster_too_large', { context: 'gcode', limit: max }, `G-code over ${max} lines`);
    gcode.push(line);
  });
  return { gcode, ...rest };
}

/** The height that keeps the image's aspect at a given width (pixels taken as square). */
export function aspectHeightMm(image: Pick<RgbaImage, 'width' | 'height'>, widthMm: number): number {
  return (widthMm * image.height) / image.width;
}

/** Bitmap to the G-code body of its engraving: `prepareRaster` then `pixelsToGcode`. */
export function rasterToGcode(image: RgbaImage, opts: RasterOptions, limits: { maxGcodeLines?: number } = {}): RasterGcode {
  return pixelsToGcode(prepareRaster(image, opts), opts, limits);
}
