import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base64BlockBytes, base64ToBytes, bytesToBase64 } from './base64';

function random(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s & 255;
  }
  return out;
}

test('block size keeps padding at the very end only', () => {
  assert.equal(base64BlockBytes % 3, 0);
  assert.ok(base64BlockBytes <= 32 * 1024);
});

test('same output as Node for every size around the block boundaries', () => {
  const sizes = [0, 1, 2, 3, 4, 5, base64BlockBytes - 1, base64BlockBytes, base64BlockBytes + 1, base64BlockBytes + 2, 3 * base64BlockBytes + 7, 512 * 1024];
  for (const n of sizes) {
    const bytes = random(n, n + 1);
    assert.equal(bytesToBase64(bytes), Buffer.from(bytes).toString('base64'), `size ${n}`);
  }
});

test('all byte values, and a view into a larger buffer', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  assert.equal(bytesToBase64(all), Buffer.from(all).toString('base64'));
  const big = random(100_000, 7);
  const view = big.subarray(1234, 71_234);
  assert.equal(bytesToBase64(view), Buffer.from(view).toString('base64'));
});

test('back from base64: the bytes as they were', () => {
  for (const n of [0, 1, 2, 3, 1000, 100_001]) {
    const bytes = random(n, n + 3);
    assert.deepEqual(base64ToBytes(Buffer.from(bytes).toString('base64')), bytes, `size ${n}`);
  }
});
