import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roleAtLeast } from './roles';

test('roles are ordered: a manager may what a trainer may, not the other way', () => {
  assert.equal(roleAtLeast('manager', 'trainer'), true);
  assert.equal(roleAtLeast('trainer', 'trainer'), true);
  assert.equal(roleAtLeast('member', 'trainer'), false);
  assert.equal(roleAtLeast('visitor', 'member'), false);
});
