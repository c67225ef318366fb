import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detailKey } from './motion';

test("Grbl's sub-states", () => {
  assert.equal(detailKey('Hold:0'), 'hold0');
  assert.equal(detailKey('Hold:1'), 'hold1');
  assert.equal(detailKey('Door:2'), 'door2');
  assert.equal(detailKey('Jog'), 'jog');
  assert.equal(detailKey('Hold'), 'hold0');
  assert.equal(detailKey('busy: processing'), null);
  assert.equal(detailKey(null), null);
});
