import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeText, packRecord, recordBucket, recordFeature, recordKind, recordLayer, toolpathTransferables } from '../../jobs/gcode';
import { prepareToolpath } from './prepare';
import * as mirror from './toolpath-data';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'gcode');

test('the renderer decodes records exactly like the engine', () => {
  fc.assert(
    fc.property(fc.nat(3), fc.nat(31), fc.nat(255), fc.nat(200_000), (kind, feature, bucket, layer) => {
      const r = packRecord(kind, feature, bucket, layer);
      assert.equal(mirror.recordKind(r), recordKind(r));
      assert.equal(mirror.recordFeature(r), recordFeature(r));
      assert.equal(mirror.recordBucket(r), recordBucket(r));
      assert.equal(mirror.recordLayer(r), recordLayer(r));
    }),
  );
});

test('records move onto the point that ends their segment; positions are not copied', () => {
  const gcode = 'G28\nG1 Z0.2 F600\nG1 X10 Y0 E1 F1200\nG1 X10 Y10 E2\nG0 X0 Y0\n';
  const tp = analyzeText(gcode, { toolpath: true }).toolpath!;
  const { toolpath, stats } = prepareToolpath(tp, 12);
  assert.equal(toolpath.positions, tp.positions, 'the same buffer');
  assert.equal(toolpath.vertexRecords.length, tp.segments + 1);
  assert.equal(toolpath.vertexRecords[0], 0);
  for (let i = 0; i < tp.segments; i++) assert.equal(toolpath.vertexRecords[i + 1], tp.records[i]);
  assert.equal(stats.workSegments, 2);
  const z = Math.fround(0.2);
  assert.deepEqual(stats.work, { min: [0, 0, z], max: [10, 10, z], empty: false });
  assert.equal(stats.parseMs, 12);
  // Speed of the work moves: F1200 = 20 mm/s.
  assert.equal(stats.bucketMin, 20);
  assert.equal(stats.bucketMax, 20);
  // What the worker transfers: the positions, the records on points, the layers.
  const transfer = toolpathTransferables({ ...tp, records: toolpath.vertexRecords });
  assert.deepEqual(transfer, [tp.positions.buffer, toolpath.vertexRecords.buffer, tp.layerStarts.buffer, tp.layerZ.buffer]);
});

test('a real PrusaSlicer job: bounds, features and layers as the analysis says', () => {
  const a = analyzeText(readFileSync(join(fixtures, 'fdm', 'prusaslicer-2.6.1-changing_angle.gcode')), { toolpath: true });
  const { toolpath, stats } = prepareToolpath(a.toolpath!, 0);
  assert.equal(toolpath.layerStarts.length, 75);
  assert.equal(stats.work.empty, false);
  assert.deepEqual(
    stats.work.min.map((v) => Math.round(v * 100) / 100),
    [a.bounds.min.x, a.bounds.min.y, a.bounds.min.z].map((v) => Math.round(v * 100) / 100),
  );
  assert.deepEqual(
    stats.work.max.map((v) => Math.round(v * 100) / 100),
    [a.bounds.max.x, a.bounds.max.y, a.bounds.max.z].map((v) => Math.round(v * 100) / 100),
  );
  // The part leaves out the purge line of the start G-code (y = -2).
  assert.deepEqual(
    [stats.part.min[1], stats.part.max[0]].map((v) => Math.round(v)),
    [62, 117],
  );
  const names = Object.keys(a.features);
  for (const name of names) {
    const id = toolpath.featureNames.indexOf(name);
    assert.ok(stats.featureMask & (1 << id), `${name} is in the mask`);
  }
});

test('an empty toolpath', () => {
  const tp = analyzeText('; nothing\n', { toolpath: true }).toolpath!;
  const { toolpath, stats } = prepareToolpath(tp, 0);
  assert.equal(toolpath.vertexRecords.length, 1);
  assert.equal(stats.work.empty, true);
  assert.ok(Number.isNaN(stats.bucketMin));
});
