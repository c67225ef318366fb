// From the layer slider to what the GPU draws: the window of layers shown, and the range of points
// of the continuous path that holds them (setDrawRange), so moving the slider never rebuilds anything.

export type LayerMode = 'single' | 'upTo';

export interface LayerWindow {
  lo: number;
  hi: number;
}

/** Layer index `layer` (0-based) alone, or every layer from the first up to it. */
export function layerWindow(mode: LayerMode, layer: number, layerCount: number): LayerWindow {
  const last = Math.max(0, layerCount - 1);
  const l = Math.min(Math.max(0, Math.round(layer)), last);
  return mode === 'single' ? { lo: l, hi: l } : { lo: 0, hi: l };
}

/**
 * Points to draw for the segments of layers lo..hi. Segment i runs from point i to point i + 1, so
 * segments s..e − 1 are points s..e. Moves before the first layer change (start G-code, homing) are
 * part of layer 0, and the moves after the last one (end G-code) part of the last layer.
 */
export function drawRange(layerStarts: ArrayLike<number>, segments: number, lo: number, hi: number): { start: number; count: number } {
  const layers = layerStarts.length;
  if (segments <= 0) return { start: 0, count: 0 };
  if (layers === 0) return { start: 0, count: segments + 1 };
  const first = lo <= 0 ? 0 : Math.min(layerStarts[Math.min(lo, layers - 1)] ?? 0, segments);
  const end = hi + 1 < layers ? Math.min(layerStarts[hi + 1] ?? segments, segments) : segments;
  return end > first ? { start: first, count: end - first + 1 } : { start: first, count: 0 };
}
