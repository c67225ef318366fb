// The model in 3D, next to the page: the print core's own loaders read the file (STL, 3MF, OBJ; the
// same code the back end slices from), then its own transforms turn, scale, lay flat and put it in the
// middle of the bed, so that what the maker sees is what will be sliced. The loaded mesh is kept for
// the next placement; each placement's triangles go to the page without a copy.
import { PrintError } from '../../jobs/print/errors';
import { layFlat } from '../../jobs/print/layflat';
import { loadMesh } from '../../jobs/print/load';
import { boundsCentre, boundsSize, type Mesh } from '../../jobs/print/mesh';
import { rotate, scale, translate } from '../../jobs/print/transform';
import type { BedBox, MeshReply, MeshRequest } from './mesh-data';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<MeshRequest>) => void) | null;
  postMessage(message: MeshReply, options?: { transfer: Transferable[] }): void;
};

let loaded: { file: Blob; mesh: Mesh } | null = null;

async function meshOf(file: Blob, name: string): Promise<Mesh> {
  if (loaded && loaded.file === file) return loaded.mesh;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { mesh } = loadMesh(bytes, { fileName: name });
  loaded = { file, mesh };
  return mesh;
}

function place(mesh: Mesh, req: MeshRequest): Mesh {
  const t = req.transform;
  let m = mesh;
  // The contract's order: about X, then Y, then Z, then the scale, then lay flat.
  if (t.rotateDeg.x) m = rotate(m, 'x', t.rotateDeg.x);
  if (t.rotateDeg.y) m = rotate(m, 'y', t.rotateDeg.y);
  if (t.rotateDeg.z) m = rotate(m, 'z', t.rotateDeg.z);
  if (t.scalePct !== 100) m = scale(m, t.scalePct / 100);
  if (t.layFlat) m = layFlat(m).mesh;
  // In the middle of the bed, resting on it (a new array: the loaded mesh stays whole).
  const c = boundsCentre(m.bounds);
  const bed = req.bed;
  const target = bed ? { x: bed.origin.x + bed.area.x / 2, y: bed.origin.y + bed.area.y / 2 } : { x: 0, y: 0 };
  return translate(m, { x: target.x - c.x, y: target.y - c.y, z: -m.bounds.min.z + (bed?.origin.z ?? 0) });
}

function inside(m: Mesh, bed: BedBox | null): boolean | null {
  if (!bed) return null;
  const e = 1e-3;
  const { min, max } = m.bounds;
  const o = bed.origin;
  return min.x >= o.x - e && min.y >= o.y - e && max.x <= o.x + bed.area.x + e && max.y <= o.y + bed.area.y + e && max.z <= o.z + bed.area.z + e;
}

async function show(req: MeshRequest): Promise<void> {
  scope.postMessage({ type: 'progress', id: req.id, stage: 'reading' });
  const mesh = await meshOf(req.file, req.name);
  scope.postMessage({ type: 'progress', id: req.id, stage: 'placing' });
  const m = place(mesh, req);
  scope.postMessage(
    {
      type: 'done',
      id: req.id,
      positions: m.positions,
      triangles: m.triangles,
      min: m.bounds.min,
      max: m.bounds.max,
      sourceSize: boundsSize(mesh.bounds),
      inside: inside(m, req.bed),
    },
    { transfer: [m.positions.buffer] },
  );
}

scope.onmessage = (e) => {
  const req = e.data;
  show(req).catch((err: unknown) => {
    const code = err instanceof PrintError ? err.code : 'preview_failed';
    const params = err instanceof PrintError ? err.params : {};
    scope.postMessage({ type: 'error', id: req.id, code, params, message: err instanceof Error ? err.message : String(err) });
  });
};
