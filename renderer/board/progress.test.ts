import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doneSegments, headPosition } from './progress';

const print = { segments: 1000, layerStarts: [0, 100, 300, 600] };

test('a print: everything up to the end of the layer being printed', () => {
  assert.equal(doneSegments(print, { state: 'running', layer: 0, fraction: 0.01 }), 0, 'still heating');
  assert.equal(doneSegments(print, { state: 'running', layer: 1, fraction: 0.1 }), 100);
  assert.equal(doneSegments(print, { state: 'paused', layer: 3, fraction: 0.5 }), 600);
  assert.equal(doneSegments(print, { state: 'running', layer: 4, fraction: 0.9 }), 1000);
  assert.equal(doneSegments(print, { state: 'interrupted', layer: 9, fraction: 0.9 }), 1000);
  assert.equal(doneSegments(print, { state: 'completed', layer: 2, fraction: 1 }), 1000);
  assert.equal(doneSegments(print, { state: 'queued', layer: 0, fraction: 0 }), 0);
});

test('one layer (laser): the share of the file that ran', () => {
  const cut = { segments: 800, layerStarts: [0] };
  assert.equal(doneSegments(cut, { state: 'running', layer: 0, fraction: 0.25 }), 200);
  assert.equal(doneSegments({ segments: 10, layerStarts: [] }, { state: 'running', layer: 0, fraction: 2 }), 10);
});

test('the head: work position for Grbl, machine position for Marlin', () => {
  const live = { position: { x: 1, y: 2, z: 3 }, workPosition: { x: 0, y: 0, z: 0 } };
  assert.deepEqual(headPosition(live, { firmware: 'grbl' }), { x: 0, y: 0, z: 0 });
  assert.deepEqual(headPosition(live, { firmware: 'marlin' }), { x: 1, y: 2, z: 3 });
  assert.equal(headPosition({ position: null, workPosition: null }, { firmware: 'marlin' }), null);
});
