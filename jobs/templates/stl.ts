// Binary STL writer: 80-byte header, triangle count, then normal + 3 vertices (float32 LE) + 2 spare bytes.
import type { Mesh } from './mesh';

export function writeStl(mesh: Mesh, header: string): Uint8Array {
  const bytes = new Uint8Array(84 + 50 * mesh.triangles);
  const view = new DataView(bytes.buffer);
  const head = new TextEncoder().encode(header.replace(/[^\x20-\x7e]/g, '?').slice(0, 80));
  bytes.set(head, 0);
  view.setUint32(80, mesh.triangles, true);
  let o = 84;
  for (let t = 0; t < mesh.triangles; t++) {
    for (let k = 0; k < 3; k++, o += 4) view.setFloat32(o, mesh.normals[9 * t + k]!, true);
    for (let k = 0; k < 9; k++, o += 4) view.setFloat32(o, mesh.positions[9 * t + k]!, true);
    o += 2;
  }
  return bytes;
}
