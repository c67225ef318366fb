// The shapes the raster pipeline passes along. Node-free: the preview steps can run in a Web Worker.

/** Decoded pixels, 8-bit RGBA, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * One byte per pixel, 0 = black (full burn) … 255 = white (no burn). After `dither`, binary methods
 * hold only 0 and 255; 'grayscale' keeps levels that become the power of each run.
 */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Bounds2 {
  min: { x: number; y: number };
  max: { x: number; y: number };
}
