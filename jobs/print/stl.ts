// STL, ASCII and binary. Which one a file is comes from its size, not its first word: a binary file is
// exactly 84 + 50·n bytes, n being the count at byte 80, and many binary files begin their header with
// "solid" (SolidWorks, trimesh…). An ASCII file can never pass that test: bytes 80–83 of text read as a
// count of at least 0x20202020 triangles, a 27 GB file.

import { PrintError } from './errors';
import type { MeshLimits } from './limits';
import { validateMesh, TriangleSink, type Mesh } from './mesh';
import { parseNumber } from './numbers';

export type StlKind = 'binary' | 'ascii';

const HEADER_BYTES = 80;
const FACET_BYTES = 50;

/** The kind of STL the bytes hold, or null when they are neither (or a truncated binary file). */
export function detectStl(bytes: Uint8Array): StlKind | null {
  const n = bytes.length >= HEADER_BYTES + 4 ? new DataView(bytes.buffer, bytes.byteOffset + HEADER_BYTES, 4).getUint32(0, true) : -1;
  if (n >= 0 && bytes.length === HEADER_BYTES + 4 + FACET_BYTES * n) return 'binary';
  if (startsWithSolid(bytes)) return 'ascii';
  // A binary file with a few bytes of padding after its last facet (some exporters).
  return n >= 0 && bytes.length > HEADER_BYTES + 4 + FACET_BYTES * n ? 'binary' : null;
}

/** Printable text in the header and count: a text file, not a binary STL. */
function looksLikeText(bytes: Uint8Array): boolean {
  for (let i = 0; i < HEADER_BYTES + 4; i++) {
    const c = bytes[i]!;
    if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0x7f) return false;
  }
  return true;
}

function startsWithSolid(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3; // UTF-8 BOM
  while (i < bytes.length && isSpace(bytes[i]!)) i++;
  if (!matchWord(bytes, i, SOLID)) return false;
  const after = bytes[i + 5];
  return after === undefined || isSpace(after);
}

export interface StlResult {
  mesh: Mesh;
  kind: StlKind;
}

export function parseStl(bytes: Uint8Array, limits: MeshLimits): StlResult {
  const r = readStl(bytes, limits);
  return { mesh: validateMesh(r.positions, limits), kind: r.kind };
}

/** The triangles of an STL, not yet checked (see inspectMesh). */
export function readStl(bytes: Uint8Array, limits: MeshLimits): { positions: Float32Array; kind: StlKind } {
  // Neither kind: a binary file cut short (it says how long it should be) or not an STL at all.
  const kind = detectStl(bytes) ?? (bytes.length >= HEADER_BYTES + 4 && !looksLikeText(bytes) ? 'binary' : null);
  if (kind === null) throw new PrintError('stl_malformed', { context: 'not_stl' });
  return { positions: kind === 'binary' ? readBinaryStl(bytes, limits) : readAsciiStl(bytes, limits), kind };
}

export function parseBinaryStl(bytes: Uint8Array, limits: MeshLimits): Mesh {
  return validateMesh(readBinaryStl(bytes, limits), limits);
}

export function parseAsciiStl(bytes: Uint8Array, limits: MeshLimits): Mesh {
  return validateMesh(readAsciiStl(bytes, limits), limits);
}

function readBinaryStl(bytes: Uint8Array, limits: MeshLimits): Float32Array {
  if (bytes.length < HEADER_BYTES + 4) throw new PrintError('stl_truncated', { expected: HEADER_BYTES + 4, actual: bytes.length });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(HEADER_BYTES, true);
  const expected = HEADER_BYTES + 4 + FACET_BYTES * n;
  if (bytes.length < expected) throw new PrintError('stl_truncated', { expected, actual: bytes.length, triangles: n });
  if (n === 0) throw new PrintError('empty_mesh');
  if (n > limits.maxTriangles) throw new PrintError('too_many_triangles', { count: n, limit: limits.maxTriangles });
  const out = new Float32Array(n * 9);
  // DataView reads, unrolled: V8 compiles them to plain loads (measured faster than copying the
  // facets into aligned buffers to read them as a Float32Array). The facet normal (12 bytes) is
  // skipped: the slicer and the preview recompute it from the winding.
  let src = HEADER_BYTES + 4 + 12;
  for (let t = 0, d = 0; t < n; t++, src += FACET_BYTES, d += 9) {
    out[d] = view.getFloat32(src, true);
    out[d + 1] = view.getFloat32(src + 4, true);
    out[d + 2] = view.getFloat32(src + 8, true);
    out[d + 3] = view.getFloat32(src + 12, true);
    out[d + 4] = view.getFloat32(src + 16, true);
    out[d + 5] = view.getFloat32(src + 20, true);
    out[d + 6] = view.getFloat32(src + 24, true);
    out[d + 7] = view.getFloat32(src + 28, true);
    out[d + 8] = view.getFloat32(src + 32, true);
  }
  return out;
}

const SOLID = bytesOf('solid');
const ENDSOLID = bytesOf('endsolid');
const FACET = bytesOf('facet');
const NORMAL = bytesOf('normal');
const OUTER = bytesOf('outer');
const LOOP = bytesOf('loop');
const VERTEX = bytesOf('vertex');
const ENDLOOP = bytesOf('endloop');
const ENDFACET = bytesOf('endfacet');
/** A facet's loop is a triangle; a few exporters write polygons, fanned here. Beyond this, garbage. */
const MAX_LOOP_VERTICES = 256;

function bytesOf(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Case-insensitive match of a lower-case keyword at bytes[i…]. */
function matchWord(bytes: Uint8Array, i: number, word: Uint8Array): boolean {
  if (i + word.length > bytes.length) return false;
  for (let k = 0; k < word.length; k++) if ((bytes[i + k]! | 0x20) !== word[k]) return false;
  return true;
}

/** A whitespace-separated token reader that counts lines (for the error message). */
class Tokens {
  pos = 0;
  line = 1;
  start = 0;
  end = 0;

  constructor(private readonly b: Uint8Array) {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.pos = 3;
  }

  /** Moves to the next token; false at the end of the input. */
  next(): boolean {
    const b = this.b;
    let i = this.pos;
    const n = b.length;
    let c = 0;
    while (i < n && isSpace((c = b[i]!))) {
      if (c === 0x0a) this.line++;
      i++;
    }
    if (i >= n) {
      this.pos = n;
      return false;
    }
    this.start = i;
    while (i < n && !isSpace(b[i]!)) i++;
    this.end = i;
    this.pos = i;
    return true;
  }

  /** Skips the rest of the line (a solid's name). */
  skipLine(): void {
    const b = this.b;
    let i = this.pos;
    while (i < b.length && b[i] !== 0x0a) i++;
    this.pos = i;
  }

  is(word: Uint8Array): boolean {
    return this.end - this.start === word.length && matchWord(this.b, this.start, word);
  }

  expect(word: Uint8Array): void {
    if (!this.next() || !this.is(word)) this.fail(new TextDecoder().decode(word));
  }

  number(): number {
    if (!this.next()) this.fail('number');
    return parseNumber(this.b, this.start, this.end);
  }

  fail(expected: string): never {
    const found = this.pos >= this.b.length && this.start >= this.end ? 'end of file' : new TextDecoder('latin1').decode(this.b.subarray(this.start, Math.min(this.end, this.start + 40)));
    throw new PrintError('stl_malformed', { line: this.line, expected, found });
  }
}

function readAsciiStl(bytes: Uint8Array, limits: MeshLimits): Float32Array {
  // ~250 bytes of text per facet: size the buffer once for the usual layout.
  const sink = new TriangleSink(limits.maxTriangles, Math.ceil(bytes.length / 250) + 16);
  const tk = new Tokens(bytes);
  const loop = new Float64Array(MAX_LOOP_VERTICES * 3);
  let solids = 0;
  while (tk.next()) {
    if (tk.is(SOLID)) {
      tk.skipLine();
      solids++;
      continue;
    }
    if (solids === 0) tk.fail('solid');
    if (tk.is(ENDSOLID)) {
      tk.skipLine();
      continue;
    }
    if (!tk.is(FACET)) tk.fail('facet');
    tk.expect(NORMAL);
    tk.number();
    tk.number();
    tk.number();
    tk.expect(OUTER);
    tk.expect(LOOP);
    let k = 0;
    for (;;) {
      if (!tk.next()) tk.fail('vertex');
      if (tk.is(ENDLOOP)) {
        if (k < 3) tk.fail('vertex');
        break;
      }
      if (!tk.is(VERTEX)) tk.fail('vertex');
      if (k >= MAX_LOOP_VERTICES) tk.fail('endloop');
      loop[k * 3] = tk.number();
      loop[k * 3 + 1] = tk.number();
      loop[k * 3 + 2] = tk.number();
      k++;
    }
    tk.expect(ENDFACET);
    for (let v = 2; v < k; v++) {
      sink.push(loop[0]!, loop[1]!, loop[2]!, loop[(v - 1) * 3]!, loop[(v - 1) * 3 + 1]!, loop[(v - 1) * 3 + 2]!, loop[v * 3]!, loop[v * 3 + 1]!, loop[v * 3 + 2]!);
    }
  }
  if (solids === 0) throw new PrintError('stl_malformed', { line: tk.line, expected: 'solid', found: 'end of file' });
  return sink.finish();
}

/**
 * The mesh as a binary STL (what the slicer reads fastest), normals from the winding. The header never
 * starts with "solid", so that no reader takes it for ASCII.
 */
export function writeBinaryStl(mesh: Mesh, header = 'FabKiosk binary STL'): Uint8Array {
  const n = mesh.triangles;
  const out = new Uint8Array(HEADER_BYTES + 4 + FACET_BYTES * n);
  const head = new TextEncoder().encode(header.replace(/^\s*solid/i, 'FabKiosk')).subarray(0, HEADER_BYTES);
  out.set(head);
  const view = new DataView(out.buffer);
  view.setUint32(HEADER_BYTES, n, true);
  const p = mesh.positions;
  let o = HEADER_BYTES + 4;
  for (let t = 0; t < n; t++, o += FACET_BYTES) {
    const i = t * 9;
    const ax = p[i]!, ay = p[i + 1]!, az = p[i + 2]!;
    const ux = p[i + 3]! - ax, uy = p[i + 4]! - ay, uz = p[i + 5]! - az;
    const vx = p[i + 6]! - ax, vy = p[i + 7]! - ay, vz = p[i + 8]! - az;
    let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const len = Math.sqrt(nx * nx + ny * ny + nz * nz);
    if (len > 0) {
      nx /= len;
      ny /= len;
      nz /= len;
    }
    view.setFloat32(o, nx, true);
    view.setFloat32(o + 4, ny, true);
    view.setFloat32(o + 8, nz, true);
    for (let k = 0; k < 9; k++) view.setFloat32(o + 12 + k * 4, p[i + k]!, true);
    // attribute byte count: 0
  }
  return out;
}
