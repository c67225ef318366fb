// STL reading on the real fixtures (their sizes checked against PrusaSlicer's own --info), the
// binary-with-"solid"-header trap, and the files a kiosk must refuse.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixture, fixturesDir } from '../../test/support/fixtures';
import { assertBounds, rejects } from './mesh.testutil';
import { loadMeshFile } from './file';
import { DEFAULT_MESH_LIMITS } from './limits';
import { loadMesh } from './load';
import { meshVolume } from './mesh';
import { detectStl, parseStl, writeBinaryStl } from './stl';

const skip = existsSync(fixturesDir) ? false : `fixtures not found at ${fixturesDir}`;
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const tmp = mkdtempSync(join(tmpdir(), 'fabkiosk-stl-'));
after(() => rmSync(tmp, { recursive: true, force: true }));



/** An ASCII STL of the triangles, written the plain way a CAD exporter does. */
function asciiStl(positions: Float32Array, name = 'part'): Uint8Array {
  const lines = [`solid ${name}`];
  for (let i = 0; i < positions.length; i += 9) {
    lines.push('  facet normal 0 0 0', '    outer loop');
    for (let k = 0; k < 9; k += 3) lines.push(`      vertex ${positions[i + k]!.toExponential(8)} ${positions[i + k + 1]!.toExponential(8)} ${positions[i + k + 2]!.toExponential(8)}`);
    lines.push('    endloop', '  endfacet');
  }
  lines.push(`endsolid ${name}`, '');
  return new TextEncoder().encode(lines.join('\n'));
}

describe('STL fixtures', { skip }, () => {
  it('ASCII example012: 64 triangles, 30 × 30 × 15 mm where PrusaSlicer puts it, volume 11 547.7 mm³', async () => {
    const r = await loadMeshFile(fixture('stl/openscad-example012-ascii.stl'));
    assert.equal(r.format, 'stl');
    assert.equal(r.stlKind, 'ascii');
    assert.equal(r.mesh.triangles, 64);
    assertBounds(r.mesh.bounds, [-18.4322, -14.6928, 0], [11.5678, 15.3072, 15]);
    assert.ok(Math.abs(meshVolume(r.mesh) - 11547.67) < 0.5, String(meshVolume(r.mesh)));
    assert.equal(r.degenerateTriangles, 0);
  });

  it('binary example016 with a Magics COLOR= header: 128 triangles, 64 × 30 × 15 mm', async () => {
    const r = await loadMeshFile(fixture('stl/openscad-example016-binary-magics-color.stl'));
    assert.equal(r.stlKind, 'binary');
    assert.equal(r.mesh.triangles, 128);
    assertBounds(r.mesh.bounds, [-15, -15, 0], [49, 15, 15]);
    assert.ok(Math.abs(meshVolume(r.mesh) - 23029.0) < 0.5);
  });

  it('a binary file whose header starts with "solid" is read as binary: the 1 mm trimesh cube, 12 triangles', async () => {
    const bytes = bytesOf(fixture('stl/trimesh-unit_cube-binary-solid-header.stl'));
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), 'solid');
    assert.equal(detectStl(bytes), 'binary');
    const r = await loadMeshFile(fixture('stl/trimesh-unit_cube-binary-solid-header.stl'));
    assert.equal(r.mesh.triangles, 12);
    assertBounds(r.mesh.bounds, [-0.5, -0.5, -0.5], [0.5, 0.5, 0.5], 1e-6);
    assert.ok(Math.abs(meshVolume(r.mesh) - 1) < 1e-6);
  });

  it('ASCII and binary of the same object give the same triangles and bounds, both ways', () => {
    const ascii = parseStl(bytesOf(fixture('stl/openscad-example012-ascii.stl')), DEFAULT_MESH_LIMITS);
    const binary = parseStl(writeBinaryStl(ascii.mesh), DEFAULT_MESH_LIMITS);
    assert.equal(binary.kind, 'binary');
    assert.deepEqual(binary.mesh.bounds, ascii.mesh.bounds);
    assert.deepEqual([...binary.mesh.positions], [...ascii.mesh.positions]);

    const bin016 = parseStl(bytesOf(fixture('stl/openscad-example016-binary-magics-color.stl')), DEFAULT_MESH_LIMITS);
    const text016 = parseStl(asciiStl(bin016.mesh.positions), DEFAULT_MESH_LIMITS);
    assert.equal(text016.kind, 'ascii');
    assert.deepEqual(text016.mesh.bounds, bin016.mesh.bounds);
    assert.deepEqual([...text016.mesh.positions], [...bin016.mesh.positions]);
  });

  it("…and against PrusaSlicer's own binary export of the ASCII file", { skip: existsSync('/usr/bin/prusa-slicer') ? false : 'no prusa-slicer' }, () => {
    const out = join(tmp, 'example012-prusa-binary.stl');
    const r = spawnSync('/usr/bin/prusa-slicer', ['--export-stl', '--dont-arrange', '--datadir', join(tmp, 'cfg'), '--output', out, fixture('stl/openscad-example012-ascii.stl')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const theirs = parseStl(bytesOf(out), DEFAULT_MESH_LIMITS);
    const ours = parseStl(bytesOf(fixture('stl/openscad-example012-ascii.stl')), DEFAULT_MESH_LIMITS);
    assert.equal(theirs.kind, 'binary');
    assert.equal(theirs.mesh.triangles, 64);
    assertBounds(theirs.mesh.bounds, [ours.mesh.bounds.min.x, ours.mesh.bounds.min.y, ours.mesh.bounds.min.z], [ours.mesh.bounds.max.x, ours.mesh.bounds.max.y, ours.mesh.bounds.max.z], 1e-4);
  });
});

describe('STL files refused', () => {
  const cube = (): Float32Array => {
    const b = bytesOf(fixture('stl/trimesh-unit_cube-binary-solid-header.stl'));
    return parseStl(b, DEFAULT_MESH_LIMITS).mesh.positions.slice();
  };

  it('a NaN or an infinite coordinate, ASCII or binary, names the triangle', { skip }, () => {
    const text = new TextDecoder().decode(asciiStl(cube())).replace(/vertex \S+/, 'vertex nan');
    rejects(() => loadMesh(new TextEncoder().encode(text), { fileName: 'a.stl' }), 'bad_coordinate', { triangle: 1, value: 'NaN' });
    const p = cube();
    p[5 * 9 + 4] = Infinity;
    rejects(() => loadMesh(writeBinaryStl({ positions: p, triangles: 12, bounds: { min: { x: 0, y: 0, z: 0 }, max: { x: 0, y: 0, z: 0 } } })), 'bad_coordinate', { triangle: 6, value: 'Infinity' });
    const q = cube();
    q[0] = NaN;
    const bin = writeBinaryStl({ positions: q, triangles: 12, bounds: { min: { x: 0, y: 0, z: 0 }, max: { x: 0, y: 0, z: 0 } } });
    rejects(() => loadMesh(bin, { fileName: 'nan.stl' }), 'bad_coordinate', { triangle: 1, value: 'NaN' });
    const huge = new TextDecoder().decode(asciiStl(cube())).replace(/vertex \S+/, 'vertex 1e9');
    rejects(() => loadMesh(new TextEncoder().encode(huge)), 'bad_coordinate', { value: '1000000000' });
  });

  it('a truncated binary file says how long it should be', { skip }, () => {
    const b = bytesOf(fixture('stl/openscad-example016-binary-magics-color.stl'));
    rejects(() => loadMesh(b.subarray(0, 3000), { fileName: 'x.stl' }), 'stl_truncated', { expected: 6484, actual: 3000 });
  });

  it('a broken ASCII file names the line and what was expected', () => {
    const text = 'solid x\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n   vertex 1 0 0\n  endloop\n endfacet\nendsolid\n';
    rejects(() => loadMesh(new TextEncoder().encode(text)), 'stl_malformed', { line: 6, expected: 'vertex', found: 'endloop' });
    const cut = 'solid x\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n   vertex 1 0';
    rejects(() => loadMesh(new TextEncoder().encode(cut), { fileName: 'cut.stl' }), 'stl_malformed', { expected: 'number' });
    rejects(() => loadMesh(new TextEncoder().encode('hello, this is not a model at all, just a plain text file with more than 84 bytes in it.'), { fileName: 'x.stl' }), 'stl_malformed', { context: 'not_stl' });
  });

  it('empty, flat, degenerate', () => {
    const empty = new Uint8Array(84);
    rejects(() => loadMesh(empty, { fileName: 'e.stl' }), 'empty_mesh');
    rejects(() => loadMesh(new TextEncoder().encode('solid empty\nendsolid empty\n')), 'empty_mesh');
    const flat = new Float32Array([0, 0, 0, 10, 0, 0, 0, 10, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0]);
    rejects(() => loadMesh(writeBinaryStl({ positions: flat, triangles: 2, bounds: { min: { x: 0, y: 0, z: 0 }, max: { x: 0, y: 0, z: 0 } } })), 'degenerate_mesh', { context: 'flat', axis: 'Z' });
    const slivers = new Float32Array([0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 0, 0, 0, 0, 0, 5, 5, 5]);
    rejects(() => loadMesh(writeBinaryStl({ positions: slivers, triangles: 2, bounds: { min: { x: 0, y: 0, z: 0 }, max: { x: 0, y: 0, z: 0 } } })), 'degenerate_mesh', { context: 'zero_area' });
  });

  it('limits: file size and triangle count, checked before the triangles are read', { skip }, () => {
    const b = bytesOf(fixture('stl/openscad-example016-binary-magics-color.stl'));
    rejects(() => loadMesh(b, { limits: { maxFileBytes: 5000 } }), 'file_too_large', { size: 6484, limit: 5000 });
    rejects(() => loadMesh(b, { limits: { maxTriangles: 100 } }), 'too_many_triangles', { count: 128, limit: 100 });
    // A header claiming 2^32 − 1 triangles in a file of 6 kB: refused, nothing allocated.
    const lying = b.slice();
    new DataView(lying.buffer).setUint32(80, 0xffffffff, true);
    rejects(() => loadMesh(lying, { fileName: 'x.stl' }), 'stl_truncated');
    const ascii = bytesOf(fixture('stl/openscad-example012-ascii.stl'));
    rejects(() => loadMesh(ascii, { limits: { maxTriangles: 10 } }), 'too_many_triangles', { limit: 10 });
  });

  it('the binary writer never starts its header with "solid" and writes unit normals', () => {
    const positions = new Float32Array([0, 0, 0, 2, 0, 0, 0, 2, 0]);
    const out = writeBinaryStl({ positions, triangles: 1, bounds: { min: { x: 0, y: 0, z: 0 }, max: { x: 2, y: 2, z: 0 } } }, 'solid trap');
    assert.notEqual(new TextDecoder().decode(out.subarray(0, 5)).toLowerCase(), 'solid');
    assert.equal(out.length, 134);
    const v = new DataView(out.buffer);
    assert.deepEqual([v.getFloat32(84, true), v.getFloat32(88, true), v.getFloat32(92, true)], [0, 0, 1]);
  });
});
