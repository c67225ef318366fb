// Layer markers as the common slicers write them, read from a line's comment while a job streams.
// PrusaSlicer/SuperSlicer `;LAYER_CHANGE`, Cura `;LAYER:n` (0-based), Simplify3D `; layer n, Z = ...`,
// Bambu/Orca `; CHANGE_LAYER`. Returns the 1-based layer the following moves belong to.
export function layerOf(comment: string, current: number): number {
  if (comment === 'LAYER_CHANGE' || comment === 'CHANGE_LAYER') return current + 1;
  if (comment.startsWith('LAYER:')) {
    const n = Number(comment.slice(6));
    return Number.isInteger(n) && n >= 0 ? n + 1 : current;
  }
  if (comment.startsWith('layer ')) {
    const n = parseInt(comment.slice(6), 10);
    return Number.isInteger(n) && n > 0 ? n : current;
  }
  return current;
}
