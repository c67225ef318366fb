import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePresenterHash, presenterHash } from './presenter-hash';

test('the second screen finds its session in the address', () => {
  const id = '0197a3b0-1c2d-7e8f-9a0b-1c2d3e4f5a6b';
  assert.equal(parsePresenterHash(presenterHash(id)), id);
  assert.equal(parsePresenterHash('#/presenter/'), null);
  assert.equal(parsePresenterHash('#/presenter/a/b'), null);
  assert.equal(parsePresenterHash(''), null);
});
