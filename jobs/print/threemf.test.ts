// 3MF: the real inch fixture in millimetres, components and build transforms, and archives that must
// be refused before anything is inflated (zip bombs, too many entries, lying sizes).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { deflateSync, inflateSync, zipSync } from 'fflate';
import { fixture, fixturesDir } from '../../test/support/fixtures';
import { assertBounds, rejects } from './mesh.testutil';
import { loadMeshFile } from './file';
import { DEFAULT_MESH_LIMITS } from './limits';
import { loadMesh } from './load';
import { boundsSize, meshVolume } from './mesh';
import { parse3mf } from './threemf';

const skip = existsSync(fixturesDir) ? false : `fixtures not found at ${fixturesDir}`;
const enc = new TextEncoder();


const RELS = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
 <Relationship Target="/3D/3dmodel.model" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/>
</Relationships>`;
const TYPES = `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
 <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
 <Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>
</Types>`;

function make3mf(model: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': enc.encode(TYPES),
    '_rels/.rels': enc.encode(RELS),
    '3D/3dmodel.model': enc.encode(model),
  };
  for (const [k, v] of Object.entries(extra)) files[k] = enc.encode(v);
  return zipSync(files);
}

/** A 10 mm cube (in model units) with outward faces, as a 3MF <mesh>. */
const CUBE_MESH = (() => {
  const v: string[] = [];
  for (let i = 0; i < 8; i++) v.push(`<vertex x="${(i >> 2) & 1 ? 10 : 0}" y="${(i >> 1) & 1 ? 10 : 0}" z="${i & 1 ? 10 : 0}"/>`);
  const quads = [[0, 1, 3, 2], [4, 6, 7, 5], [0, 4, 5, 1], [2, 3, 7, 6], [0, 2, 6, 4], [1, 5, 7, 3]];
  const t: string[] = [];
  for (const [a, b, c, d] of quads) t.push(`<triangle v1="${a}" v2="${b}" v3="${c}"/>`, `<triangle v1="${a}" v2="${c}" v3="${d}"/>`);
  return `<mesh><vertices>${v.join('')}</vertices><triangles>${t.join('')}</triangles></mesh>`;
})();

const model = (body: string, unit = 'millimeter', extraNs = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<model unit="${unit}" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02"${extraNs}>${body}</model>`;

describe('3MF fixture', { skip }, () => {
  it('trimesh featuretype, drawn in inches: 2 208 triangles, 127 × 63.5 × 34.925 mm (as PrusaSlicer reads it)', async () => {
    const r = await loadMeshFile(fixture('3mf/trimesh-featuretype-inch.3mf'));
    assert.equal(r.format, '3mf');
    assert.equal(r.unit, 'inch');
    assert.equal(r.mesh.triangles, 2208);
    assertBounds(r.mesh.bounds, [-63.5, -31.75, 0], [63.5, 31.75, 34.925]);
    const size = boundsSize(r.mesh.bounds);
    assert.ok(Math.abs(size.x - 127) < 0.01 && Math.abs(size.y - 63.5) < 0.01 && Math.abs(size.z - 34.925) < 0.01);
    // PrusaSlicer's --info: volume = 190 677.92 mm³ (the mesh is not manifold: 18 open edges).
    assert.ok(Math.abs(meshVolume(r.mesh) - 190677.92) / 190677.92 < 0.001, String(meshVolume(r.mesh)));
  });
});

describe('3MF model content', () => {
  it('components and build transforms: an object made of two cubes, placed by its build item', () => {
    const body = `<resources><object id="1" type="model">${CUBE_MESH}</object>
      <object id="2" type="model"><components><component objectid="1"/><component objectid="1" transform="1 0 0 0 1 0 0 0 1 20 0 0"/></components></object></resources>
      <build><item objectid="2" transform="1 0 0 0 1 0 0 0 1 0 0 5"/></build>`;
    const r = parse3mf(make3mf(model(body)), DEFAULT_MESH_LIMITS);
    assert.equal(r.mesh.triangles, 24);
    assertBounds(r.mesh.bounds, [0, 0, 5], [30, 10, 15], 1e-6);
    assert.ok(Math.abs(meshVolume(r.mesh) - 2000) < 1e-6);
  });

  it('units: the same model in centimetres is ten times larger in mm, in microns a thousand times smaller', () => {
    const body = `<resources><object id="1">${CUBE_MESH}</object></resources><build><item objectid="1" transform="1 0 0 0 1 0 0 0 1 0 0 2"/></build>`;
    assertBounds(parse3mf(make3mf(model(body, 'centimeter')), DEFAULT_MESH_LIMITS).mesh.bounds, [0, 0, 20], [100, 100, 120], 1e-4);
    assertBounds(parse3mf(make3mf(model(body, 'micron')), DEFAULT_MESH_LIMITS).mesh.bounds, [0, 0, 0.002], [0.01, 0.01, 0.012], 1e-7);
    assertBounds(parse3mf(make3mf(model(body, 'inch')), DEFAULT_MESH_LIMITS).mesh.bounds, [0, 0, 50.8], [254, 254, 304.8], 1e-3);
    rejects(() => parse3mf(make3mf(model(body, 'furlong')), DEFAULT_MESH_LIMITS), 'model_unit_unknown', { unit: 'furlong' });
  });

  it('a rotation in the row-vector order of the specification, and a mirror keeps the faces outward', () => {
    // 90° about Z: (x, y) → (−y, x).
    const rot = `<resources><object id="1">${CUBE_MESH}</object></resources><build><item objectid="1" transform="0 1 0 -1 0 0 0 0 1 0 0 0"/></build>`;
    assertBounds(parse3mf(make3mf(model(rot)), DEFAULT_MESH_LIMITS).mesh.bounds, [-10, 0, 0], [0, 10, 10], 1e-6);
    const mirror = `<resources><object id="1">${CUBE_MESH}</object></resources><build><item objectid="1" transform="-1 0 0 0 1 0 0 0 1 0 0 0"/></build>`;
    const m = parse3mf(make3mf(model(mirror)), DEFAULT_MESH_LIMITS).mesh;
    assertBounds(m.bounds, [-10, 0, 0], [0, 10, 10], 1e-6);
    assert.ok(meshVolume(m) > 999.99, `volume ${meshVolume(m)}: faces turned inside out`);
  });

  it('production extension: an object in another model part (p:path); unprintable items and support objects left out', () => {
    const part = model(`<resources><object id="7">${CUBE_MESH}</object></resources><build/>`);
    const root = model(
      `<resources><object id="1"><components><component p:path="/3D/Objects/part.model" objectid="7" transform="1 0 0 0 1 0 0 0 1 0 0 0"/></components></object>
       <object id="2">${CUBE_MESH}</object><object id="3" type="support">${CUBE_MESH}</object></resources>
       <build><item objectid="1"/><item objectid="2" printable="0" transform="1 0 0 0 1 0 0 0 1 50 0 0"/><item objectid="3"/></build>`,
      'millimeter',
      ' xmlns:p="http://schemas.microsoft.com/3dmanufacturing/production/2015/06"',
    );
    const r = parse3mf(make3mf(root, { '3D/Objects/part.model': part }), DEFAULT_MESH_LIMITS);
    assert.equal(r.mesh.triangles, 12);
    assertBounds(r.mesh.bounds, [0, 0, 0], [10, 10, 10], 1e-6);
    assert.deepEqual(r.parts, ['3d/3dmodel.model', '3d/objects/part.model']);
  });

  it('refused: cycles, missing objects, bad indices, NaN, bad transforms, no model, DTDs', () => {
    const cyc = `<resources><object id="2"><components><component objectid="3"/></components></object><object id="3"><components><component objectid="2"/></components></object></resources><build><item objectid="2"/></build>`;
    rejects(() => parse3mf(make3mf(model(cyc)), DEFAULT_MESH_LIMITS), 'model_bad_reference', { reason: 'cycle' });
    rejects(() => parse3mf(make3mf(model(`<resources/><build><item objectid="9"/></build>`)), DEFAULT_MESH_LIMITS), 'model_bad_reference', { reason: 'object' });
    const badIndex = CUBE_MESH.replace('v3="3"', 'v3="8"');
    rejects(() => parse3mf(make3mf(model(`<resources><object id="1">${badIndex}</object></resources><build><item objectid="1"/></build>`)), DEFAULT_MESH_LIMITS), 'model_bad_reference', { reason: 'vertex' });
    const nan = CUBE_MESH.replace('x="0"', 'x="NaN"');
    rejects(() => parse3mf(make3mf(model(`<resources><object id="1">${nan}</object></resources><build><item objectid="1"/></build>`)), DEFAULT_MESH_LIMITS), 'bad_coordinate');
    rejects(() => parse3mf(make3mf(model(`<resources><object id="1">${CUBE_MESH}</object></resources><build><item objectid="1" transform="1 0 0"/></build>`)), DEFAULT_MESH_LIMITS), 'bad_transform');
    rejects(() => parse3mf(zipSync({ 'readme.txt': enc.encode('hello') }), DEFAULT_MESH_LIMITS), 'model_missing', { part: '3D/3dmodel.model' });
    rejects(() => parse3mf(make3mf(model(`<resources><object id="1">${CUBE_MESH}</object></resources><build/>`)), DEFAULT_MESH_LIMITS), 'empty_mesh');
    const laughs = `<?xml version="1.0"?><!DOCTYPE model [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><model unit="millimeter"><resources/><build/></model>`;
    rejects(() => parse3mf(make3mf(laughs), DEFAULT_MESH_LIMITS), 'model_malformed', { context: 'doctype' });
    rejects(() => parse3mf(make3mf('<model unit="millimeter"><resources><object id="1"></resources></model>'), DEFAULT_MESH_LIMITS), 'model_malformed', { reason: 'xml' });
  });

  it('an instance bomb (an object instanced 10 times, 8 levels deep: 1.2 billion triangles) is refused by counting, not by building', () => {
    let objects = `<object id="1">${CUBE_MESH}</object>`;
    for (let level = 2; level <= 9; level++) {
      const comps = Array.from({ length: 10 }, (_, i) => `<component objectid="${level - 1}" transform="1 0 0 0 1 0 0 0 1 ${i} 0 0"/>`).join('');
      objects += `<object id="${level}"><components>${comps}</components></object>`;
    }
    const started = performance.now();
    rejects(() => parse3mf(make3mf(model(`<resources>${objects}</resources><build><item objectid="9"/></build>`)), DEFAULT_MESH_LIMITS), 'too_many_triangles', { count: 1.2e9 });
    assert.ok(performance.now() - started < 2000);
  });
});

/** Central directory offsets of a ZIP made by fflate (no comment, no ZIP64): for crafting bad archives. */
function centralDirectory(zip: Uint8Array): { view: DataView; cd: number; count: number; eocd: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  assert.equal(view.getUint32(eocd, true), 0x06054b50);
  return { view, cd: view.getUint32(eocd + 16, true), count: view.getUint16(eocd + 10, true), eocd };
}

describe('3MF archives refused before unpacking', () => {
  const cube = model(`<resources><object id="1">${CUBE_MESH}</object></resources><build><item objectid="1"/></build>`);

  it('a zip bomb: entries declaring 3 GB in the central directory are refused from the directory alone', () => {
    const zip = make3mf(cube);
    const { view, cd, count } = centralDirectory(zip);
    // Declare the model entry as 3 GB and scramble its data: if anything were inflated, the error
    // would be a damaged archive, not a refusal by size.
    let p = cd;
    for (let i = 0; i < count; i++) {
      const nameLen = view.getUint16(p + 28, true);
      const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen));
      if (name === '3D/3dmodel.model') {
        view.setUint32(p + 24, 3_000_000_000, true);
        const local = view.getUint32(p + 42, true);
        const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        zip.fill(0xff, start, start + view.getUint32(p + 20, true));
      }
      p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    rejects(() => loadMesh(zip, { fileName: 'bomb.3mf' }), 'zip_too_large', { limit: DEFAULT_MESH_LIMITS.maxUncompressedBytes });
  });

  it('an entry that lies about its size (declares 1 kB, inflates to 64 MB) stops at the first byte too many', () => {
    const zeros = deflateSync(new Uint8Array(64 * 1024 * 1024));
    // Build by hand: one entry whose data is the 64 MB stream, declared as 1 kB.
    const name = enc.encode('3D/3dmodel.model');
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, zeros.length, true);
    lv.setUint32(22, 1024, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, zeros.length, true);
    cv.setUint32(24, 1024, true);
    cv.setUint16(28, name.length, true);
    central.set(name, 46);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, 1, true);
    ev.setUint16(10, 1, true);
    ev.setUint32(12, central.length, true);
    ev.setUint32(16, local.length + zeros.length, true);
    const bomb = new Uint8Array(local.length + zeros.length + central.length + end.length);
    bomb.set(local, 0);
    bomb.set(zeros, local.length);
    bomb.set(central, local.length + zeros.length);
    bomb.set(end, local.length + zeros.length + central.length);
    const refusals: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      rejects(() => loadMesh(bomb, { fileName: 'liar.3mf' }), 'zip_malformed', { reason: 'size_mismatch' });
      refusals.push(performance.now() - started);
    }
    // One 4 kB step of the stream, not 64 MB of inflating: compared with inflating it all, on the same machine.
    const started = performance.now();
    assert.equal(inflateSync(zeros).length, 64 * 1024 * 1024);
    const full = performance.now() - started;
    const refusal = refusals.sort((a, b) => a - b)[1]!;
    assert.ok(refusal < full / 3, `refusal ${refusal.toFixed(1)} ms, full inflate ${full.toFixed(1)} ms`);
  });

  it('too many entries, from the end record alone; an oversized file from its size', () => {
    const files: Record<string, Uint8Array> = { '3D/3dmodel.model': enc.encode(cube) };
    for (let i = 0; i < 30; i++) files[`Metadata/thumb${i}.png`] = new Uint8Array(10);
    const zip = zipSync(files);
    rejects(() => loadMesh(zip, { fileName: 'many.3mf', limits: { maxArchiveEntries: 20 } }), 'zip_too_many_entries', { count: 31, limit: 20 });
    const forged = make3mf(cube);
    const { view, eocd } = centralDirectory(forged);
    view.setUint16(eocd + 8, 60000, true);
    view.setUint16(eocd + 10, 60000, true);
    rejects(() => loadMesh(forged, { fileName: 'forged.3mf' }), 'zip_too_many_entries', { count: 60000 });
    rejects(() => loadMesh(make3mf(cube), { fileName: 'big.3mf', limits: { maxFileBytes: 500 } }), 'file_too_large', { limit: 500 });
    rejects(() => loadMesh(enc.encode('PK\x03\x04 is how a zip starts, but this is not one: no central directory at its end.'), { fileName: 'x.3mf' }), 'zip_malformed', { reason: 'no_central_directory' });
  });

  it('a corrupted entry is caught by its CRC', () => {
    const zip = zipSync({ '3D/3dmodel.model': [enc.encode(cube), { level: 0 }] });
    const at = zip.indexOf(0x3c, 30 + 16); // first '<' of the stored XML
    zip[at + 10] = zip[at + 10]! ^ 0x01;
    rejects(() => loadMesh(zip, { fileName: 'crc.3mf' }), 'zip_malformed', { reason: 'crc' });
  });
});
