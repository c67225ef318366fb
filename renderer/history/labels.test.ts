import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canRetry, knownEndReason, retriedJobs } from './labels';

test('end reasons: known ones by name, new ones as "other"', () => {
  assert.equal(knownEndReason('link_lost'), 'link_lost');
  assert.equal(knownEndReason('emergency_stop'), 'emergency_stop');
  assert.equal(knownEndReason('cosmic_ray'), 'other');
  assert.equal(knownEndReason(null), null);
});

test('a job already carried on is not offered again; only stopped jobs are', () => {
  assert.deepEqual([...retriedJobs([{ resumesJobId: null }, { resumesJobId: 'a' }])], ['a']);
  assert.equal(canRetry({ state: 'interrupted' }), true);
  assert.equal(canRetry({ state: 'completed' }), false);
  assert.equal(canRetry({ state: 'running' }), false);
});
