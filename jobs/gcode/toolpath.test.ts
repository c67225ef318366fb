// The toolpath: typed arrays at 16 bytes per segment, packed records, layer index, zero-copy transfer.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, packRecord, recordBucket, recordFeature, recordKind, recordLayer, toolpathTransferables, FEATURE_NAMES } from './index';
import type { MachineProfile } from './profile';
import { MAX_LAYER } from './toolpath';

const FDM: MachineProfile = {
  kind: 'fdm',
  firmware: 'marlin',
  workArea: { x: 200, y: 200, z: 200 },
  maxFeedMmS: { x: 300, y: 300, z: 10, e: 50 },
  maxAccelMmS2: { x: 2000, y: 2000, z: 200, e: 5000 },
  printAccelMmS2: 1500,
  jerkMmS: { x: 8, y: 8, z: 0.4, e: 5 },
};
const LASER: MachineProfile = {
  kind: 'laser',
  firmware: 'grbl',
  workArea: { x: 300, y: 300, z: 0 },
  maxFeedMmS: { x: 100, y: 100, z: 10 },
  maxAccelMmS2: { x: 1000, y: 1000, z: 100 },
  junctionDeviationMm: 0.01,
  maxSpindleS: 1000,
};

describe('toolpath', () => {
  it('packs kind 2 bits, feature 5 bits, bucket 8 bits, layer 17 bits', () => {
    const r = packRecord(2, 21, 200, 131000);
    assert.deepEqual([recordKind(r), recordFeature(r), recordBucket(r), recordLayer(r)], [2, 21, 200, 131000]);
    assert.equal(recordLayer(packRecord(1, 0, 0, 10_000_000)), MAX_LAYER);
    assert.ok(r >= 0 && r <= 0xffffffff);
  });

  it('one segment per move: end points, kinds, features, speed buckets, layers', () => {
    const a = analyzeText(
      'G28\nG1 Z0.2 F600\n;TYPE:Perimeter\nM83\nG1 X10 E1 F1200\nG1 X20 E-1\nG1 Z0.4\nG1 X30 E1\n',
      { machine: FDM, toolpath: true },
    );
    const tp = a.toolpath!;
    assert.equal(tp.segments, 5);
    assert.deepEqual(Array.from(tp.positions), [0, 0, 0, 0, 0, 0.2, 10, 0, 0.2, 20, 0, 0.2, 20, 0, 0.4, 30, 0, 0.4].map(Math.fround));
    const rec = Array.from(tp.records);
    assert.deepEqual(rec.map(recordKind), [0, 1, 2, 0, 1]);
    assert.deepEqual(rec.map((r) => FEATURE_NAMES[recordFeature(r)]), ['none', 'inner_wall', 'inner_wall', 'inner_wall', 'inner_wall']);
    assert.deepEqual(rec.map(recordBucket), [10, 20, 20, 20, 20]);
    assert.deepEqual(rec.map(recordLayer), [0, 0, 0, 0, 1]);
    assert.deepEqual(Array.from(tp.layerStarts), [0, 4]);
    assert.deepEqual(Array.from(tp.layerZ), [0.2, 0.4].map(Math.fround));
    assert.equal(tp.workBucket, 'speed');
    assert.equal(a.layers, tp.layerStarts.length);
  });

  it('≤ 16 bytes per segment', () => {
    const g = ['M83'];
    for (let i = 0; i < 10000; i++) g.push(`G1 X${i % 100} Y${(i * 7) % 100} E0.1`);
    const tp = analyzeText(g.join('\n'), { toolpath: true }).toolpath!;
    assert.equal(tp.bytesPerSegment, 16);
    const bytes = tp.positions.byteLength + tp.records.byteLength;
    assert.ok(bytes / tp.segments <= 16 + 12 / tp.segments, String(bytes / tp.segments));
    assert.equal(tp.positions.length, (tp.segments + 1) * 3);
  });

  it('laser jobs carry the power in the bucket of their burning segments', () => {
    const a = analyzeText('$H\nG1 F600\nM4 S0\nG0 X5\nG1 X10 S500\nG1 X20 S1000\nG0 X0\n', { machine: LASER, toolpath: true });
    const tp = a.toolpath!;
    assert.equal(tp.workBucket, 'power');
    const rec = Array.from(tp.records);
    assert.deepEqual(rec.map(recordKind), [0, 1, 1, 0]);
    assert.deepEqual(rec.map(recordBucket), [255, 128, 255, 255]);
  });

  it('its buffers can be transferred without copying', () => {
    const a = analyzeText('M83\nG1 X10 E1\nG1 Y10 E1\n', { toolpath: true });
    const tp = a.toolpath!;
    const list = toolpathTransferables(tp);
    assert.equal(list.length, 4);
    const moved = structuredClone(tp, { transfer: list });
    assert.equal(tp.positions.byteLength, 0); // detached: moved, not copied
    assert.equal(moved.records.length, 2);
  });

  it('is capped, with a warning, and the analysis goes on', () => {
    const g = ['M83'];
    for (let i = 1; i <= 100; i++) g.push(`G1 X${i} E0.1`);
    const a = analyzeText(g.join('\n'), { toolpath: true, maxToolpathSegments: 10 });
    assert.equal(a.toolpath!.segments, 10);
    assert.equal(a.toolpath!.truncated, true);
    assert.equal(a.findings.find((f) => f.code === 'toolpath_truncated')?.params.segments, 10);
    assert.equal(a.workMm, 100);
  });

  it('is not built unless asked', () => {
    assert.equal(analyzeText('G1 X1\n').toolpath, undefined);
  });
});
