import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Call } from '../api/client';
import { readChunkBytes, readStoredFile } from './job-file';

function fakeCall(content: Uint8Array, calls: { offset: number; length: number }[]): Call {
  return (async (name: string, input: { fileId: string; offset: number; length: number }) => {
    assert.equal(name, 'files.read');
    calls.push({ offset: input.offset, length: input.length });
    const part = content.subarray(input.offset, input.offset + input.length);
    return { data: Buffer.from(part).toString('base64'), size: content.length };
  }) as unknown as Call;
}

test('a file of several chunks comes back whole, with its progress', async () => {
  const content = new Uint8Array(readChunkBytes * 2 + 1234).map((_, i) => (i * 7) & 255);
  const calls: { offset: number; length: number }[] = [];
  const seen: number[] = [];
  const file = await readStoredFile(fakeCall(content, calls), 'f1', 'part.gcode', { onProgress: (r) => seen.push(r) });
  assert.equal(file.name, 'part.gcode');
  assert.equal(file.size, content.length);
  assert.deepEqual(new Uint8Array(await file.arrayBuffer()), content);
  assert.deepEqual(calls.map((c) => c.offset), [0, readChunkBytes, readChunkBytes * 2]);
  assert.deepEqual(seen, [readChunkBytes, readChunkBytes * 2, content.length]);
});

test('an empty file is one call', async () => {
  const calls: { offset: number; length: number }[] = [];
  const file = await readStoredFile(fakeCall(new Uint8Array(0), calls), 'f2', 'empty.gcode');
  assert.equal(file.size, 0);
  assert.equal(calls.length, 1);
});
