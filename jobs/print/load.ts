// One entry point for model files: the format from the file name, or sniffed from the bytes when
// there is none (or a wrong one): "PK\3\4" is a 3MF, an exact binary-STL size or "solid" an STL,
// lines starting with "v " an OBJ.

import { fileTooLarge, PrintError } from './errors';
import { meshLimits, type MeshLimits } from './limits';
import { inspectMesh, type Mesh } from './mesh';
import { readObj } from './obj';
import { detectStl, readStl, type StlKind } from './stl';
import { read3mf } from './threemf';

export type MeshFormat = 'stl' | '3mf' | 'obj';

export interface LoadOptions {
  /** The file's name: its extension picks the format. */
  fileName?: string;
  /** Forces the format. */
  format?: MeshFormat;
  limits?: Partial<MeshLimits>;
}

export interface LoadedMesh {
  mesh: Mesh;
  format: MeshFormat;
  /** STL only. */
  stlKind?: StlKind;
  /** The unit the file was drawn in (3MF); everything in `mesh` is in mm. */
  unit: string;
  /** Triangles of (nearly) zero area: harmless to the slicer, worth a word in the preview. */
  degenerateTriangles: number;
}

export function formatFromName(name: string): MeshFormat | null {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  const ext = m?.[1]!.toLowerCase();
  return ext === 'stl' || ext === '3mf' || ext === 'obj' ? ext : null;
}

export function sniffFormat(bytes: Uint8Array): MeshFormat | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return '3mf';
  const stl = detectStl(bytes);
  if (stl === 'ascii') return 'stl';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (/^[ \t]*v[ \t]+[-+.\d]/m.test(head) && !/[\0-\x08\x0e-\x1f]/.test(head)) return 'obj';
  return stl ? 'stl' : null;
}

export function loadMesh(bytes: Uint8Array, opts: LoadOptions = {}): LoadedMesh {
  const limits = meshLimits(opts.limits);
  if (bytes.length > limits.maxFileBytes) throw fileTooLarge(bytes.length, limits.maxFileBytes);
  if (bytes.length === 0) throw new PrintError('empty_mesh');
  const named = opts.format ?? (opts.fileName ? formatFromName(opts.fileName) : null);
  // What the bytes are wins over the name: a 3MF renamed .stl, an OBJ saved as .stl.
  const sniffed = sniffFormat(bytes);
  if (sniffed === null && named === null) throw new PrintError('unsupported_format', { name: opts.fileName ?? '' });
  let raw: { positions: Float32Array; format: MeshFormat; unit: string; stlKind?: StlKind };
  if (sniffed === '3mf') {
    const r = read3mf(bytes, limits);
    raw = { positions: r.positions, format: '3mf', unit: r.unit };
  } else if (named === '3mf') {
    throw new PrintError('zip_malformed', { reason: 'not_zip' });
  } else if (sniffed === 'obj' || named === 'obj') {
    raw = { positions: readObj(bytes, limits), format: 'obj', unit: 'millimeter' };
  } else {
    const r = readStl(bytes, limits);
    raw = { positions: r.positions, format: 'stl', stlKind: r.kind, unit: 'millimeter' };
  }
  const { mesh, degenerate } = inspectMesh(raw.positions, limits);
  const out: LoadedMesh = { mesh, format: raw.format, unit: raw.unit, degenerateTriangles: degenerate };
  if (raw.stlKind) out.stlKind = raw.stlKind;
  return out;
}
