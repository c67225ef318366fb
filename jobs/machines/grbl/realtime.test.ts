import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RT, describeRealtime, isRealtimeByte, overrideByte, overrideSteps } from './realtime';

test('override bytes are Grbl 1.1 real-time commands', () => {
  assert.equal(overrideByte('feed', '+10'), 0x91);
  assert.equal(overrideByte('feed', 'reset'), 0x90);
  assert.equal(overrideByte('spindle', '-1'), 0x9d);
  assert.equal(overrideByte('rapid', '25'), 0x97);
  assert.ok([RT.softReset, RT.status, RT.feedHold, RT.cycleStart, RT.jogCancel, 0x91].every(isRealtimeByte));
  assert.ok(!isRealtimeByte(0x47)); // G
  assert.equal(describeRealtime(0x3f), '?');
  assert.equal(describeRealtime(0x85), '0x85');
});

test('a target percentage becomes the fewest steps from the current one', () => {
  assert.deepEqual(overrideSteps('feed', 100, 150), Array(5).fill(0x91));
  assert.deepEqual(overrideSteps('feed', 120, 95), [0x92, 0x92, 0x94, 0x94, 0x94, 0x94, 0x94]);
  assert.deepEqual(overrideSteps('spindle', 130, 100), [0x99]);
  assert.deepEqual(overrideSteps('feed', 100, 500), [0x90, ...Array(10).fill(0x91)].slice(1), 'clamped to 200 %');
  assert.deepEqual(overrideSteps('rapid', 100, 50), [0x96]);
  assert.deepEqual(overrideSteps('rapid', 25, 100), [0x95]);
});
