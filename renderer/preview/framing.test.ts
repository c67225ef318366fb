import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Box3, Vector3 } from 'three';
import { fitDistance, frameBox } from './framing';
import type { ToolpathStats } from './toolpath-data';

const stats = (work: ToolpathStats['work'], all: ToolpathStats['all'], part: ToolpathStats['part'] = work): ToolpathStats => ({
  work,
  all,
  part,
  featureMask: 0,
  bucketMin: 0,
  bucketMax: 0,
  workSegments: 0,
  parseMs: 0,
});
const empty = { min: [0, 0, 0] as [number, number, number], max: [0, 0, 0] as [number, number, number], empty: true };

test('frame the part, else the work, else every move, else the bed', () => {
  const work = { min: [40, -2, 0.2] as [number, number, number], max: [170, 118, 15] as [number, number, number], empty: false };
  const all = { min: [0, -4, 0] as [number, number, number], max: [179, 178, 45] as [number, number, number], empty: false };
  assert.deepEqual(frameBox(stats(work, all), null).max.toArray(), [170, 118, 15]);
  const part = { min: [63, 62, 0.2] as [number, number, number], max: [117, 118, 15] as [number, number, number], empty: false };
  assert.deepEqual(frameBox(stats(work, all, part), null).min.toArray(), [63, 62, 0.2]);
  assert.deepEqual(frameBox(stats(empty, all), null).min.toArray(), [0, -4, 0]);
  assert.deepEqual(frameBox(null, { x: 250, y: 210, z: 220 }).max.toArray(), [250, 210, 0]);
  // A single point of work still gets a box to look at.
  const point = { min: [10, 10, 0] as [number, number, number], max: [10, 10, 0] as [number, number, number], empty: false };
  assert.deepEqual(frameBox(stats(point, point), null).min.toArray(), [5, 5, 0]);
});

test('every corner of the box is in view, with the box filling most of it', () => {
  const box = new Box3(new Vector3(0, 0, 0), new Vector3(100, 50, 20));
  const center = box.getCenter(new Vector3());
  const dir = new Vector3(-0.55, -1, 0.8).normalize();
  const up = new Vector3(0, 0, 1);
  const fov = 35;
  const aspect = 1.5;
  const d = fitDistance(box, center, dir, up, fov, aspect);
  const tanV = Math.tan((fov * Math.PI) / 360);
  const tanH = tanV * aspect;
  const forward = dir.clone().negate();
  const right = new Vector3().crossVectors(forward, up).normalize();
  const upward = new Vector3().crossVectors(right, forward).normalize();
  let widest = 0;
  for (let i = 0; i < 8; i++) {
    const rel = new Vector3(i & 1 ? 100 : 0, i & 2 ? 50 : 0, i & 4 ? 20 : 0).sub(center);
    const depth = d - rel.dot(dir);
    const x = Math.abs(rel.dot(right)) / (depth * tanH);
    const y = Math.abs(rel.dot(upward)) / (depth * tanV);
    assert.ok(x <= 1 && y <= 1, `corner ${i} in view (${x.toFixed(2)}, ${y.toFixed(2)})`);
    widest = Math.max(widest, x, y);
  }
  assert.ok(widest > 0.8, `the box fills the view (${widest.toFixed(2)})`);
  // Tighter than the bounding sphere.
  const sphere = box.getSize(new Vector3()).length() / 2 / Math.sin((fov * Math.PI) / 360);
  assert.ok(d < sphere, `${d.toFixed(1)} < ${sphere.toFixed(1)}`);
});
