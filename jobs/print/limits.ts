// Explicit limits on what the kiosk agrees to load. A file past one is refused with a code, never
// half-read: a kiosk has one machine's memory and a queue of makers behind the one uploading.

export interface MeshLimits {
  /** Largest model file accepted, bytes (STL, OBJ, or the 3MF archive itself). */
  maxFileBytes: number;
  /** Most triangles in the resulting mesh (36 bytes each in memory, 50 in the binary STL for the slicer). */
  maxTriangles: number;
  /** 3MF: the sum of the uncompressed sizes of the entries we read, from the central directory. */
  maxUncompressedBytes: number;
  /** 3MF: most entries in the archive's central directory. */
  maxArchiveEntries: number;
  /** Largest |coordinate| after conversion to mm: beyond it the file is not a printable part (100 m). */
  maxAbsCoordinateMm: number;
}

export const DEFAULT_MESH_LIMITS: Readonly<MeshLimits> = Object.freeze({
  maxFileBytes: 256 * 1024 * 1024,
  maxTriangles: 4_000_000,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxArchiveEntries: 10_000,
  maxAbsCoordinateMm: 100_000,
});

export function meshLimits(given?: Partial<MeshLimits>): MeshLimits {
  return { ...DEFAULT_MESH_LIMITS, ...given };
}
