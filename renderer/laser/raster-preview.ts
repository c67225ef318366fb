// The engraving preview of an image: what the laser burns at the chosen settings, at a size the
// screen can show. What the worker and the page say to each other, and the arithmetic between. Pure.
import type { DitherMethod } from '../../electron/api/types';

export interface Tone {
  brightness: number;
  contrast: number;
  invert: boolean;
}

export interface RasterPreviewRequest {
  id: number;
  /** The image as the maker brought it (PNG or JPEG). */
  image: Blob;
  tone: Tone;
  /** Cells of the preview, across and down (the engraving's grid, shrunk to the screen). */
  cols: number;
  rows: number;
  methods: readonly DitherMethod[];
}

export type RasterPreviewReply =
  | { id: number; type: 'done'; cols: number; rows: number; images: { method: DitherMethod; png: Blob }[] }
  | { id: number; type: 'error'; message: string };

/** Burnt wood, where the laser burns fully. */
export const burnColour = { r: 59, g: 38, b: 20 } as const;

/**
 * The preview's grid: the engraving's own (size × lines per mm) when it is small enough, otherwise
 * shrunk to `maxCells` on its longer side, aspect kept.
 */
export function previewGrid(widthMm: number, heightMm: number, linesPerMm: number, maxCells: number): { cols: number; rows: number } {
  const cols = Math.max(1, Math.round(widthMm * linesPerMm));
  const rows = Math.max(1, Math.round(heightMm * linesPerMm));
  const k = Math.min(1, maxCells / Math.max(cols, rows));
  return { cols: Math.max(1, Math.round(cols * k)), rows: Math.max(1, Math.round(rows * k)) };
}

/** Gray levels (0 = full burn, 255 = none) as RGBA: burnt colour, more opaque where it burns more. */
export function grayToRgba(gray: Uint8Array, out: Uint8ClampedArray = new Uint8ClampedArray(gray.length * 4)): Uint8ClampedArray {
  for (let i = 0, j = 0; i < gray.length; i++, j += 4) {
    out[j] = burnColour.r;
    out[j + 1] = burnColour.g;
    out[j + 2] = burnColour.b;
    out[j + 3] = 255 - gray[i]!;
  }
  return out;
}
