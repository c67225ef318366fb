import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiError, StoredFile } from '../../electron/api/types';
import { ApiCallError, type Call } from '../api/client';
import { chunksInFlight, isAbort, uploadFile } from './upload';

interface Received {
  calls: string[];
  bytes: Buffer[];
}

const stored: StoredFile = { id: 'f1', sha256: 'ab', name: 'part.gcode', kind: 'gcode', sizeBytes: 0, createdAt: '2026-03-12T10:00:00Z' };

/** A back end in memory that checks the order of the chunks like the real one. */
function fakeBackend(chunkBytes: number, failAt?: { call: string; error: ApiError }): { call: Call; got: Received } {
  const got: Received = { calls: [], bytes: [] };
  let received = 0;
  const impl = async (name: string, input: Record<string, unknown>): Promise<unknown> => {
    got.calls.push(name);
    if (failAt && failAt.call === name) throw new ApiCallError(failAt.error);
    switch (name) {
      case 'files.uploadBegin':
        return { uploadId: 'u1', chunkBytes };
      case 'files.uploadChunk': {
        assert.equal(input.offset, received, 'chunks arrive in order');
        const data = Buffer.from(String(input.data), 'base64');
        assert.ok(data.length <= chunkBytes);
        got.bytes.push(data);
        received += data.length;
        return { received };
      }
      case 'files.uploadFinish':
        return { ...stored, sizeBytes: received };
      case 'files.uploadAbort':
        return null;
      default:
        throw new Error(`unexpected ${name}`);
    }
  };
  return { call: impl as unknown as Call, got };
}

function fileOf(size: number, name = 'part.gcode'): { file: File; content: Buffer } {
  const content = Buffer.alloc(size);
  for (let i = 0; i < size; i++) content[i] = (i * 7 + 3) & 255;
  return { file: new File([content], name), content };
}

test('a file goes in order, chunk by chunk, and comes back stored', async () => {
  const { call, got } = fakeBackend(1000);
  const { file, content } = fileOf(2500);
  const progress: number[] = [];
  const result = await uploadFile(call, file, { onProgress: (sent, total) => progress.push(sent / total) });
  assert.equal(result.sizeBytes, 2500);
  assert.deepEqual(got.calls, ['files.uploadBegin', 'files.uploadChunk', 'files.uploadChunk', 'files.uploadChunk', 'files.uploadFinish']);
  assert.deepEqual(Buffer.concat(got.bytes), content);
  assert.deepEqual(progress, [0, 0.4, 0.8, 1]);
});

test('an empty file is begun and finished without chunks', async () => {
  const { call, got } = fakeBackend(1000);
  await uploadFile(call, fileOf(0).file);
  assert.deepEqual(got.calls, ['files.uploadBegin', 'files.uploadFinish']);
});

test('a refused file fails at once with the back end error', async () => {
  const { call, got } = fakeBackend(1000, { call: 'files.uploadBegin', error: { code: 'unsupported_file', params: { name: 'a.exe', extension: '.exe' } } });
  await assert.rejects(uploadFile(call, fileOf(10, 'a.exe').file), (err) => err instanceof ApiCallError && err.error.code === 'unsupported_file');
  assert.deepEqual(got.calls, ['files.uploadBegin']);
});

test('a failed chunk aborts the upload on the back end', async () => {
  const { call, got } = fakeBackend(1000, { call: 'files.uploadChunk', error: { code: 'conflict' } });
  await assert.rejects(uploadFile(call, fileOf(2500).file), (err) => err instanceof ApiCallError && err.error.code === 'conflict');
  // The chunks already in flight (up to chunksInFlight) were sent; nothing is sent after the failure.
  assert.deepEqual(got.calls, ['files.uploadBegin', ...Array(chunksInFlight).fill('files.uploadChunk'), 'files.uploadAbort']);
});

test('cancelling stops between chunks and aborts', async () => {
  const { call, got } = fakeBackend(1000);
  const controller = new AbortController();
  const done = uploadFile(call, fileOf(5000).file, {
    signal: controller.signal,
    onProgress: (sent) => {
      if (sent >= 2000) controller.abort();
    },
  });
  await assert.rejects(done, (err) => isAbort(err));
  // Cancelled when 2000 bytes were acknowledged: by then one more chunk than the window was on its way.
  assert.equal(got.calls.filter((c) => c === 'files.uploadChunk').length, chunksInFlight + 1);
  assert.equal(got.calls.at(-1), 'files.uploadAbort');
});
