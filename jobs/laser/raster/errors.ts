// The raster side's typed error: a stable code and the params its translated sentence needs
// (assets/i18n/laser-raster/). Callers translate by code; `message` is an English fallback for logs.

export type RasterErrorCode =
  /** Not a PNG or JPEG (params: `format` and `context`: gif, webp, bmp, tiff, heic, avif, svg, pdf, ico, jpeg-cmyk, unknown). */
  | 'image_unsupported'
  /**
   * Over a limit (params `context`: `bytes` with `sizeMb`/`limitMb`; `pixels` with `width`/`height`/
   * `megapixels`/`limitMp`; `memory` when the decoder ran out of its memory budget).
   */
  | 'image_too_large'
  /** The bytes claim to be a PNG/JPEG but cannot be decoded (params: `format`, `reason` in English for logs; context `empty` for an empty file). */
  | 'image_corrupt'
  /** An engraving option out of its range (params: `option`, `value`; with `min`, `max` and context `range` when it has one). */
  | 'raster_invalid_option'
  /**
   * The output grid (size × lines/mm) is over the cell limit (params: `cols`, `rows`, `megapixels`,
   * `limitMp`), or (context `gcode`) the G-code over the line limit of the in-memory API (params `limit`).
   */
  | 'raster_too_large';

export type RasterErrorParams = Record<string, string | number>;

export class RasterError extends Error {
  constructor(
    readonly code: RasterErrorCode,
    readonly params: RasterErrorParams = {},
    message: string = code,
  ) {
    super(message);
    this.name = 'RasterError';
  }
}

/** Explicit limits (bytes in, pixels decoded, cells engraved). */
export const RASTER_LIMITS = Object.freeze({
  /** Largest image file accepted. */
  maxFileBytes: 25 * 1024 * 1024,
  /** Largest decoded image (width × height). A 40 MP RGBA image is 160 MB before grayscale. */
  maxImagePixels: 40_000_000,
  /** Largest output grid (columns × lines): 600 × 400 mm at 12.9 lines/mm. */
  maxGridCells: 40_000_000,
  /**
   * Most G-code lines `rasterToGcode` holds in memory (≈ 40 bytes each as strings: 400 MB). A
   * 2000 × 2000 photo dithered is ≈ 2.5 M lines; bigger jobs stream through `writeRasterGcode`.
   */
  maxGcodeLines: 10_000_000,
  /** Finest line pitch: 50 lines/mm (0.02 mm), beyond any laser spot. */
  maxLinesPerMm: 50,
});
