// Explicit limits on what an imported file may ask of the kiosk. Past one, a clear LaserError: the kiosk
// never tries to burn (or lay out in memory) a file that would take it down.

export interface LaserLimits {
  /** Largest SVG or DXF file, bytes. */
  maxFileBytes: number;
  /** Most shapes (SVG elements with geometry, DXF entities, clones and block inserts expanded). */
  maxPaths: number;
  /** Most points after curves are flattened. */
  maxPoints: number;
  /** Deepest nesting of SVG elements / DXF block inserts. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Readonly<LaserLimits> = Object.freeze({
  maxFileBytes: 32 * 1024 * 1024,
  maxPaths: 100_000,
  maxPoints: 5_000_000,
  maxDepth: 64,
});

export function limitsWith(over: Partial<LaserLimits> | undefined): LaserLimits {
  return { ...DEFAULT_LIMITS, ...over };
}
