import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePositions } from './positions';

test('base64 Float32 triangles come back as they were; a partial triangle is dropped', () => {
  const tri = Float32Array.from([0, 0, 0, 10.5, 0, 0, 0, -2.25, 3]);
  const b64 = Buffer.from(new Uint8Array(tri.buffer)).toString('base64');
  assert.deepEqual([...decodePositions(b64)], [...tri]);
  const partial = Buffer.concat([Buffer.from(new Uint8Array(tri.buffer)), Buffer.from([1, 2, 3, 4])]).toString('base64');
  assert.equal(decodePositions(partial).length, 9);
  assert.equal(decodePositions('').length, 0);
});
