// 3MF: a ZIP (checked by ./zip.ts before anything is inflated) holding an XML model. The model is
// parsed as data — no DTD, no entities — and turned into one triangle soup in millimetres: the
// model's `unit`, components (nested objects, with their transforms, also in other model parts through
// the production extension's `p:path`) and build items with theirs.

import { XMLParser } from 'fast-xml-parser';
import { fileTooLarge, PrintError } from './errors';
import type { MeshLimits } from './limits';
import { TriangleSink, validateMesh, type Mesh } from './mesh';
import { extractEntry, findEntry, partKey, readZipDirectory, type ZipDirectory } from './zip';

/** Millimetres per model unit (3MF core specification, `ST_Unit`). */
export const UNIT_MM: Readonly<Record<string, number>> = Object.freeze({
  micron: 0.001,
  millimeter: 1,
  centimeter: 10,
  inch: 25.4,
  foot: 304.8,
  meter: 1000,
});

const DEFAULT_MODEL_PART = '3D/3dmodel.model';
const MODEL_REL_TYPE = 'http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel';
const MAX_DEPTH = 32;
/** _rels/.rels is a few hundred bytes; a bigger one is not worth reading. */
const MAX_RELS_BYTES = 1 << 20;

export interface ThreeMfResult {
  mesh: Mesh;
  unit: string;
  /** Build items placed (not counting the ones marked not printable). */
  items: number;
  /** Model parts read (the root one plus those reached through p:path). */
  parts: string[];
}

/** An affine transform in 3MF's order: m00 m01 m02 m10 m11 m12 m20 m21 m22 m30 m31 m32 (row vectors: p' = p·M). */
type Affine = Float64Array;

const IDENTITY: Affine = Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0);

interface XmlVertex {
  x?: string;
  y?: string;
  z?: string;
}
interface XmlTriangle {
  v1?: string;
  v2?: string;
  v3?: string;
}
interface XmlComponent {
  objectid?: string;
  transform?: string;
  path?: string;
}
interface XmlObject {
  id?: string;
  type?: string;
  mesh?: { vertices?: { vertex?: XmlVertex[] } | ''; triangles?: { triangle?: XmlTriangle[] } | '' };
  components?: { component?: XmlComponent[] } | '';
}
interface XmlModel {
  unit?: string;
  resources?: { object?: XmlObject[] } | '';
  build?: { item?: (XmlComponent & { printable?: string })[] } | '';
}

interface ParsedObject {
  id: string;
  skip: boolean;
  vertices: Float64Array | null;
  indices: Uint32Array | null;
  components: { part: string; objectId: string; transform: Affine }[];
}

interface ParsedPart {
  unit: string;
  objects: Map<string, ParsedObject>;
  build: { objectId: string; part: string; transform: Affine; printable: boolean }[];
}

const ARRAYS = new Set(['object', 'vertex', 'triangle', 'component', 'item', 'Relationship']);

function xmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    parseAttributeValue: false,
    parseTagValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => ARRAYS.has(name),
  });
}

function parseXml(bytes: Uint8Array, part: string): unknown {
  const text = new TextDecoder('utf-8').decode(bytes);
  // The 3MF specification forbids DTDs: refusing them outright rules out entity expansion of any kind.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new PrintError('model_malformed', { part, context: 'doctype' });
  try {
    return xmlParser().parse(text, true);
  } catch (e) {
    throw new PrintError('model_malformed', { part, reason: 'xml', detail: String((e as Error).message).slice(0, 200) });
  }
}

export function parse3mf(bytes: Uint8Array, limits: MeshLimits): ThreeMfResult {
  const r = read3mf(bytes, limits);
  return { mesh: validateMesh(r.positions, limits), unit: r.unit, items: r.items, parts: r.parts };
}

/** The triangles of a 3MF's build in mm, not yet checked (see inspectMesh). */
export function read3mf(bytes: Uint8Array, limits: MeshLimits): Omit<ThreeMfResult, 'mesh'> & { positions: Float32Array } {
  if (bytes.length > limits.maxFileBytes) throw fileTooLarge(bytes.length, limits.maxFileBytes);
  const dir = readZipDirectory(bytes, limits);
  const rootPart = rootModelPart(bytes, dir);
  const parts = new Map<string, ParsedPart>();
  const load = (name: string): ParsedPart => {
    const key = partKey(name);
    let p = parts.get(key);
    if (!p) {
      const entry = findEntry(dir, name);
      if (!entry) {
        if (parts.size === 0) throw new PrintError('model_missing', { part: name });
        throw new PrintError('model_bad_reference', { reason: 'part', part: name });
      }
      p = parsePart(parseXml(extractEntry(bytes, entry), name), key);
      parts.set(key, p);
    }
    return p;
  };
  const root = load(rootPart);
  const unit = root.unit;
  const scale = UNIT_MM[unit];
  if (scale === undefined) throw new PrintError('model_unit_unknown', { unit });

  // Count first: a component tree can instance one object thousands of times, and the triangles
  // it would produce must be refused before they are made.
  const counts = new Map<string, number>();
  const countOf = (partName: string, id: string, stack: Set<string>): number => {
    const key = `${partName}#${id}`;
    const known = counts.get(key);
    if (known !== undefined) return known;
    if (stack.has(key)) throw new PrintError('model_bad_reference', { reason: 'cycle', object: id });
    if (stack.size >= MAX_DEPTH) throw new PrintError('model_bad_reference', { reason: 'depth', object: id });
    const obj = load(partName).objects.get(id);
    if (!obj) throw new PrintError('model_bad_reference', { reason: 'object', object: id });
    stack.add(key);
    let n = obj.skip ? 0 : (obj.indices?.length ?? 0) / 3;
    for (const c of obj.components) n += countOf(c.part, c.objectId, stack);
    stack.delete(key);
    counts.set(key, n);
    return n;
  };
  let total = 0;
  const items = root.build.filter((i) => i.printable);
  for (const item of items) total += countOf(item.part, item.objectId, new Set());
  if (total > limits.maxTriangles) throw new PrintError('too_many_triangles', { count: total, limit: limits.maxTriangles });
  if (total === 0) throw new PrintError('empty_mesh');

  const sink = new TriangleSink(limits.maxTriangles, total);
  const emit = (partName: string, id: string, m: Affine): void => {
    const obj = load(partName).objects.get(id)!;
    if (!obj.skip && obj.vertices && obj.indices) emitMesh(sink, obj.vertices, obj.indices, m, scale);
    for (const c of obj.components) emit(c.part, c.objectId, compose(c.transform, m));
  };
  for (const item of items) emit(item.part, item.objectId, item.transform);
  return { positions: sink.finish(), unit, items: items.length, parts: [...parts.keys()] };
}

/** The start part named in _rels/.rels (OPC), else the usual /3D/3dmodel.model. */
function rootModelPart(bytes: Uint8Array, dir: ZipDirectory): string {
  const rels = findEntry(dir, '_rels/.rels');
  if (rels && rels.uncompressedSize <= MAX_RELS_BYTES) {
    const doc = parseXml(extractEntry(bytes, rels), '_rels/.rels') as { Relationships?: { Relationship?: { Type?: string; Target?: string }[] } };
    const list = doc.Relationships && typeof doc.Relationships === 'object' ? (doc.Relationships.Relationship ?? []) : [];
    const model = list.find((r) => r.Type === MODEL_REL_TYPE && typeof r.Target === 'string');
    if (model?.Target && findEntry(dir, model.Target)) return model.Target;
  }
  return DEFAULT_MODEL_PART;
}

function parsePart(doc: unknown, partName: string): ParsedPart {
  const model = (doc as { model?: XmlModel }).model;
  if (!model || typeof model !== 'object') throw new PrintError('model_malformed', { part: partName, reason: 'no_model' });
  const unit = (model.unit ?? 'millimeter').trim();
  const objects = new Map<string, ParsedObject>();
  const resources = model.resources && typeof model.resources === 'object' ? (model.resources.object ?? []) : [];
  for (const o of resources) {
    if (typeof o.id !== 'string') throw new PrintError('model_malformed', { part: partName, reason: 'object_id' });
    const parsed: ParsedObject = {
      id: o.id,
      // Support geometry and "other" objects are not part of what the maker wants printed.
      skip: o.type === 'support' || o.type === 'other',
      vertices: null,
      indices: null,
      components: [],
    };
    if (o.mesh && typeof o.mesh === 'object') readMesh(o.mesh, parsed, partName);
    if (o.components && typeof o.components === 'object') {
      for (const c of o.components.component ?? []) parsed.components.push(reference(c, partName));
    }
    objects.set(o.id, parsed);
  }
  const build = model.build && typeof model.build === 'object' ? (model.build.item ?? []) : [];
  return {
    unit,
    objects,
    build: build.map((i) => ({ ...reference(i, partName), printable: i.printable !== '0' && i.printable !== 'false' })),
  };
}

function reference(c: XmlComponent, partName: string): { part: string; objectId: string; transform: Affine } {
  if (typeof c.objectid !== 'string') throw new PrintError('model_malformed', { part: partName, reason: 'objectid' });
  return { part: c.path ? partKey(c.path) : partName, objectId: c.objectid, transform: c.transform ? parseTransform(c.transform) : IDENTITY };
}

function readMesh(mesh: NonNullable<XmlObject['mesh']>, into: ParsedObject, partName: string): void {
  const vs = mesh.vertices && typeof mesh.vertices === 'object' ? (mesh.vertices.vertex ?? []) : [];
  const ts = mesh.triangles && typeof mesh.triangles === 'object' ? (mesh.triangles.triangle ?? []) : [];
  const vertices = new Float64Array(vs.length * 3);
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i]!;
    const x = num(v.x), y = num(v.y), z = num(v.z);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
      throw new PrintError('bad_coordinate', { vertex: i, value: `${v.x} ${v.y} ${v.z}`, part: partName });
    }
    vertices[i * 3] = x;
    vertices[i * 3 + 1] = y;
    vertices[i * 3 + 2] = z;
  }
  const indices = new Uint32Array(ts.length * 3);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const a = num(t.v1), b = num(t.v2), c = num(t.v3);
    for (const k of [a, b, c]) {
      if (!Number.isInteger(k) || k < 0 || k >= vs.length) throw new PrintError('model_bad_reference', { reason: 'vertex', triangle: i, part: partName });
    }
    indices[i * 3] = a;
    indices[i * 3 + 1] = b;
    indices[i * 3 + 2] = c;
  }
  into.vertices = vertices;
  into.indices = indices;
}

function num(s: string | undefined): number {
  if (s === undefined) return NaN;
  const t = s.trim();
  return t === '' ? NaN : Number(t);
}

function parseTransform(s: string): Affine {
  const parts = s.trim().split(/\s+/).map(Number);
  if (parts.length !== 12 || !parts.every(Number.isFinite)) throw new PrintError('bad_transform', { transform: s.slice(0, 200) });
  return Float64Array.from(parts);
}

/** a then b (row vectors): p·a·b. */
function compose(a: Affine, b: Affine): Affine {
  const r = new Float64Array(12);
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 3; col++) {
      let v = row === 3 ? b[9 + col]! : 0;
      for (let k = 0; k < 3; k++) v += a[row * 3 + k]! * b[k * 3 + col]!;
      r[row * 3 + col] = v;
    }
  }
  return r;
}

function emitMesh(sink: TriangleSink, v: Float64Array, idx: Uint32Array, m: Affine, scale: number): void {
  const n = v.length / 3;
  const w = new Float64Array(v.length);
  for (let i = 0; i < n; i++) {
    const x = v[i * 3]!, y = v[i * 3 + 1]!, z = v[i * 3 + 2]!;
    w[i * 3] = (x * m[0]! + y * m[3]! + z * m[6]! + m[9]!) * scale;
    w[i * 3 + 1] = (x * m[1]! + y * m[4]! + z * m[7]! + m[10]!) * scale;
    w[i * 3 + 2] = (x * m[2]! + y * m[5]! + z * m[8]! + m[11]!) * scale;
  }
  // A mirroring transform turns the faces inside out: swap two corners to keep the normals outward.
  const det = m[0]! * (m[4]! * m[8]! - m[5]! * m[7]!) - m[1]! * (m[3]! * m[8]! - m[5]! * m[6]!) + m[2]! * (m[3]! * m[7]! - m[4]! * m[6]!);
  const mirror = det < 0;
  sink.reserve(idx.length / 3);
  for (let t = 0; t < idx.length; t += 3) {
    const a = idx[t]! * 3, b = idx[mirror ? t + 2 : t + 1]! * 3, c = idx[mirror ? t + 1 : t + 2]! * 3;
    sink.push(w[a]!, w[a + 1]!, w[a + 2]!, w[b]!, w[b + 1]!, w[b + 2]!, w[c]!, w[c + 1]!, w[c + 2]!);
  }
}
