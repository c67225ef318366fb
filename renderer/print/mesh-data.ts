// What the mesh worker and the print screen say to each other.
import type { MeshTransform } from '../../electron/api/types';

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface BedBox {
  area: Vec3;
  origin: Vec3;
}

export type MeshRequest = { type: 'show'; id: number; file: Blob; name: string; transform: MeshTransform; bed: BedBox | null };

export type MeshReply =
  | { type: 'progress'; id: number; stage: 'reading' | 'placing' }
  | {
      type: 'done';
      id: number;
      /** x, y, z of the three corners of each triangle, mm, placed on the bed. */
      positions: Float32Array;
      triangles: number;
      min: Vec3;
      max: Vec3;
      /** Size of the file's model as it is (no transform), mm. */
      sourceSize: Vec3;
      /** Whether it lies within the bed's volume where the kiosk put it. */
      inside: boolean | null;
    }
  | { type: 'error'; id: number; code: string; params: Record<string, string | number>; message: string };
