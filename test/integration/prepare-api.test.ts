// Job preparation through the dispatcher: a drawing, an image and a 3D model become stored G-code
// with its time and price, ready to queue; templates build into files the same screens take; bad
// files get the preparation's own reason and leave nothing behind.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import type { ApiEvent, BuiltTemplate, JobView, LaserPreset, LaserSource, MeshSource, PreparedJob, StoredFile, TemplateInfo } from '../../electron/api/models';
import { fixture } from '../support/fixtures';
import { demo, screen, tempBackend, type TempBackend } from '../support/temp-backend';

let b: TempBackend;
let member: Awaited<ReturnType<typeof screen>>;
let visitor: Awaited<ReturnType<typeof screen>>;
const events: ApiEvent[] = [];

async function upload(name: string, bytes: Uint8Array): Promise<StoredFile> {
  const begin = await member.ok<{ uploadId: string }>('files.uploadBegin', { name, size: bytes.length });
  for (let o = 0; o < bytes.length; o += 500_000) {
    await member.ok('files.uploadChunk', { uploadId: begin.uploadId, offset: o, data: Buffer.from(bytes.subarray(o, o + 500_000)).toString('base64') });
  }
  return member.ok<StoredFile>('files.uploadFinish', { uploadId: begin.uploadId });
}

const square = (unit: string, side: number) =>
  new TextEncoder().encode(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${side}${unit}" height="${side}${unit}" viewBox="0 0 ${side} ${side}">` +
      `<rect x="0" y="0" width="${side}" height="${side}" fill="none" stroke="#ff0000"/>` +
      `<circle cx="${side / 2}" cy="${side / 2}" r="${side / 4}" fill="none" stroke="blue"/></svg>`,
  );

const id = (code: string) => b.store.db.prepare('SELECT id FROM machines WHERE code = ?').pluck().get(code) as string;

before(async () => {
  b = await tempBackend();
  member = await screen(b, demo.member);
  visitor = await screen(b);
  b.events.subscribe((e: ApiEvent) => events.push(e));
});
after(() => b.dispose());

describe('laser preparation', () => {
  let drawing: StoredFile;

  test('a drawing is read for the screen: its size, its colours and what each would do', async () => {
    drawing = await upload('square.svg', square('mm', 100));
    const source = await member.ok<LaserSource>('laser.inspect', { fileId: drawing.id });
    assert.equal(source.kind, 'vector');
    assert.equal(source.widthMm, 100);
    assert.equal(source.heightMm, 100);
    const red = source.layers.find((l) => l.colour === '#ff0000')!;
    const blue = source.layers.find((l) => l.colour === '#0000ff')!;
    assert.equal(red.operation, 'cut');
    assert.equal(blue.operation, 'score');
    assert.ok(Math.abs(blue.lengthMm - 2 * Math.PI * 25) < 0.1);
    assert.ok(source.outline.length >= 2);
  });

  test('the lab preset gives defaults with the limits a maker may move them in', async () => {
    const preset = await member.ok<LaserPreset>('laser.preset', { machineId: 'laser-co2', materialId: 'plywood-3' });
    const cut = preset.operations.cut.powerPct;
    assert.ok(cut.min <= cut.value && cut.value <= cut.max);
    assert.ok(preset.kerfMm > 0);
    const refused = await member.call('laser.preset', { machineId: 'prusa-mk4', materialId: 'plywood-3' });
    assert.ok(!refused.ok && refused.error.code === 'preparation_failed' && refused.error.params?.reason === 'wrong_machine_kind');
  });

  test('prepared at a place on the bed: a stored Grbl program, 100 mm plus the kerf, timed and priced, then queued', async () => {
    events.length = 0;
    const job = await member.ok<PreparedJob>('laser.prepare', {
      fileId: drawing.id,
      machineId: 'laser-co2',
      materialId: 'plywood-3',
      operations: [
        { colour: '#ff0000', operation: 'cut' },
        { colour: '#0000ff', operation: 'score', powerPct: 20 },
      ],
      placement: { xMm: 50, yMm: 40, widthMm: 100, heightMm: 100 },
    });
    assert.equal(job.gcode.kind, 'gcode');
    const { min, max } = job.analysis.bounds;
    assert.ok(Math.abs(min.x - 50) < 0.01 && Math.abs(min.y - 40) < 0.01, JSON.stringify(min));
    assert.ok(Math.abs(max.x - min.x - 100.18) < 0.02, `width with kerf ${max.x - min.x}`);
    assert.ok(job.analysis.durationS > 5 && job.analysis.laserOnS > 0);
    assert.equal(job.analysis.findings.filter((f) => f.severity === 'error').length, 0);
    assert.ok(job.quote && job.quote.totalCents > 0 && job.quote.lines.some((l) => l.kind === 'material'));
    assert.ok(job.stats.cutLengthMm! > 400);
    assert.ok(events.some((e) => e.type === 'prepare.progress' && e.fileId === drawing.id));
    const queued = await member.ok<JobView>('jobs.queue', { fileId: job.gcode.id, machineId: id('laser-co2'), materialId: 'plywood-3' });
    assert.equal(queued.state, 'queued');
  });

  test('resized on the bed, the whole drawing keeps its proportions', async () => {
    const job = await member.ok<PreparedJob>('laser.prepare', {
      fileId: drawing.id,
      machineId: 'laser-co2',
      materialId: 'plywood-3',
      operations: [{ colour: '#ff0000', operation: 'cut' }],
      placement: { xMm: 10, yMm: 10, widthMm: 50, heightMm: 50 },
    });
    const { min, max } = job.analysis.bounds;
    assert.ok(Math.abs(max.x - min.x - 50.18) < 0.02 && Math.abs(max.y - min.y - 50.18) < 0.02, JSON.stringify(job.analysis.bounds));
  });

  test('a setting outside the lab limits is refused with the reason, and nothing is stored', async () => {
    const files = b.store.db.prepare('SELECT count(*) FROM files').pluck().get();
    const r = await member.call('laser.prepare', {
      fileId: drawing.id,
      machineId: 'laser-co2',
      materialId: 'plywood-3',
      operations: [{ colour: '#ff0000', operation: 'cut', powerPct: 100 }],
      placement: { xMm: 0, yMm: 0, widthMm: 100, heightMm: 100 },
    });
    assert.ok(!r.ok && r.error.code === 'preparation_failed', JSON.stringify(r));
    assert.equal(b.store.db.prepare('SELECT count(*) FROM files').pluck().get(), files);
  });

  test('a job placed off the bed is refused', async () => {
    const r = await member.call('laser.prepare', {
      fileId: drawing.id,
      machineId: 'laser-co2',
      materialId: 'plywood-3',
      operations: [{ colour: '#ff0000', operation: 'cut' }],
      placement: { xMm: 550, yMm: 0, widthMm: 100, heightMm: 100 },
    });
    assert.ok(!r.ok && r.error.code === 'preparation_failed', JSON.stringify(r));
  });

  test('an SVG with a script is refused as data, with its reason', async () => {
    const evil = await upload('evil.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10" stroke="red"/></svg>'));
    const r = await member.call('laser.inspect', { fileId: evil.id });
    assert.ok(!r.ok && r.error.code === 'preparation_failed' && typeof r.error.params?.reason === 'string', JSON.stringify(r));
  });

  test('an image is engraved at its size, dithered', async () => {
    const png = new PNG({ width: 200, height: 100 });
    for (let i = 0; i < 200 * 100; i++) {
      const x = i % 200;
      const v = Math.round((x / 199) * 128);
      png.data.set([v, v, v, 255], i * 4);
    }
    const image = await upload('gradient.png', PNG.sync.write(png));
    const source = await member.ok<LaserSource>('laser.inspect', { fileId: image.id });
    assert.equal(source.kind, 'image');
    assert.deepEqual(source.imagePx, { width: 200, height: 100 });
    const job = await member.ok<PreparedJob>('laser.prepare', {
      fileId: image.id,
      machineId: 'laser-co2',
      materialId: 'plywood-3',
      operations: [],
      placement: { xMm: 10, yMm: 10, widthMm: 40, heightMm: 20 },
      raster: { linesPerMm: 5, dither: 'floyd-steinberg', brightness: 0, contrast: 0, invert: false },
    });
    const { min, max } = job.analysis.bounds;
    assert.ok(Math.abs(max.x - min.x - 40) < 0.5 && Math.abs(max.y - min.y - 20) < 0.5, JSON.stringify(job.analysis.bounds));
    assert.ok(job.analysis.laserOnS > 0);
  });
});

describe('print preparation', () => {
  let model: StoredFile;
  const transform = { rotateDeg: { x: 0, y: 0, z: 0 }, scalePct: 100, layFlat: false };

  test('a model is measured against the printer, and refused when scaled past its bed', async () => {
    model = await upload('example012.stl', readFileSync(fixture('stl/openscad-example012-ascii.stl')));
    const ok = await member.ok<MeshSource>('print.inspect', { fileId: model.id, machineId: 'prusa-mk4', transform });
    assert.ok(ok.fits && ok.triangles === 64);
    assert.deepEqual(ok.sizeMm, { x: 30, y: 30, z: 15 });
    const big = await member.ok<MeshSource>('print.inspect', { fileId: model.id, machineId: 'prusa-mk4', transform: { ...transform, scalePct: 1000 } });
    assert.equal(big.fits, false);
    assert.ok(big.findings.some((f) => f.severity === 'error' && f.code.startsWith('model_too_large')));
  });

  test('sliced on the lab profile: progress, duration, filament and price, then queued', async () => {
    events.length = 0;
    const job = await member.ok<PreparedJob>('print.slice', {
      fileId: model.id,
      machineId: 'prusa-mk4',
      materialId: 'pla-175',
      choices: { quality: 'draft', supports: false, infillPct: 15, brim: false },
      transform,
    });
    assert.ok(job.analysis.durationS > 60 && job.analysis.filamentG > 0.5);
    assert.ok(job.stats.slicerEstimateS! > 0);
    assert.ok(Math.abs(job.analysis.durationS - job.stats.slicerEstimateS!) / job.stats.slicerEstimateS! < 0.1);
    const progress = events.filter((e): e is Extract<ApiEvent, { type: 'prepare.progress' }> => e.type === 'prepare.progress' && e.fileId === model.id);
    assert.ok(progress.some((e) => e.stage === 'slicing'));
    assert.ok(job.quote && job.quote.lines.some((l) => l.kind === 'material'));
    const queued = await member.ok<JobView>('jobs.queue', { fileId: job.gcode.id, machineId: id('prusa-mk4'), materialId: 'pla-175' });
    assert.equal(queued.state, 'queued');
  });

  test('a model on a laser or a sheet on a printer is refused', async () => {
    const r = await member.call('print.slice', {
      fileId: model.id,
      machineId: 'prusa-mk4',
      materialId: 'plywood-3',
      choices: { quality: 'draft', supports: false, infillPct: 15, brim: false },
      transform,
    });
    assert.ok(!r.ok && r.error.params?.reason === 'wrong_material_kind');
  });
});

describe('templates', () => {
  test('visitors see the six templates; building needs a member', async () => {
    const list = await visitor.ok<TemplateInfo[]>('templates.list', {});
    assert.equal(list.length, 6);
    assert.ok(list.every((t) => t.params.length > 0 && t.nameKey));
    const r = await visitor.call('templates.build', { id: 'coaster', params: {} });
    assert.ok(!r.ok && r.error.code === 'unauthenticated');
  });

  test('a coaster builds to an SVG the laser screen reads; a keychain to an STL the printer slices', async () => {
    const coaster = await member.ok<BuiltTemplate>('templates.build', { id: 'coaster', params: {} });
    assert.equal(coaster.kind, 'laser');
    assert.equal(coaster.file.kind, 'vector');
    assert.ok(coaster.preview.outline && coaster.preview.outline.length > 0);
    const source = await member.ok<LaserSource>('laser.inspect', { fileId: coaster.file.id });
    assert.ok(source.layers.some((l) => l.operation === 'cut'));
    const keychain = await member.ok<BuiltTemplate>('templates.build', { id: 'keychain', params: { text: 'Léa' } });
    assert.equal(keychain.kind, 'print');
    assert.ok(keychain.preview.positions && Buffer.from(keychain.preview.positions, 'base64').length % 36 === 0);
    const mesh = await member.ok<MeshSource>('print.inspect', { fileId: keychain.file.id, machineId: 'prusa-mk4', transform: { rotateDeg: { x: 0, y: 0, z: 0 }, scalePct: 100, layFlat: false } });
    assert.ok(mesh.fits);
  });

  test('a bad parameter gets the template reason', async () => {
    const r = await member.call('templates.build', { id: 'gear', params: { teeth: 3 } });
    assert.ok(!r.ok && r.error.code === 'preparation_failed', JSON.stringify(r));
  });
});
