// A printed template's preview travels as base64 of little-endian Float32 x, y, z (9 per triangle).
import { base64ToBytes } from '../lib/base64';

export function decodePositions(data: string): Float32Array {
  const bytes = base64ToBytes(data);
  const n = Math.floor(bytes.length / 36) * 9;
  const out = new Float32Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
