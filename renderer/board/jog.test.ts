import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jogFeed, jogMove } from './jog';

test('jog feeds: XY faster than Z, a mill slower than a printer, tenths slow', () => {
  assert.equal(jogFeed('fdm', 'x', 10), 3000);
  assert.equal(jogFeed('fdm', 'z', 10), 600);
  assert.equal(jogFeed('cnc', 'y', 1), 1000);
  assert.equal(jogFeed('cnc', 'z', 1), 300);
  assert.equal(jogFeed('laser', 'x', 0.1), 300);
  assert.equal(jogFeed('thermoformer', 'x', 1), 1000);
});

test('a jog moves one axis by the step, in the direction asked', () => {
  assert.deepEqual(jogMove('fdm', 'z', -1, 0.1), { z: -0.1, feedMmMin: 300 });
  assert.deepEqual(jogMove('laser', 'y', 1, 10), { y: 10, feedMmMin: 3000 });
});
