// Sends a file the maker picked to the back end in the chunks it asks for (begin, chunks in order,
// finish). Only the chunk being sent is in memory; a failure or a cancel aborts the upload on the
// back end so no half-written file stays behind.
import type { StoredFile } from '../../electron/api/types';
import type { Call } from '../api/client';
import { bytesToBase64 } from '../lib/base64';

export interface UploadOptions {
  /** Bytes acknowledged by the back end so far, and the total. */
  onProgress?(sent: number, total: number): void;
  signal?: AbortSignal;
}

export function abortError(): DOMException {
  return new DOMException('upload cancelled', 'AbortError');
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

export async function uploadFile(call: Call, file: File, options: UploadOptions = {}): Promise<StoredFile> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError();
  const { uploadId, chunkBytes } = await call('files.uploadBegin', { name: file.name, size: file.size });
  const step = Math.max(1, chunkBytes);
  try {
    let offset = 0;
    onProgress?.(0, file.size);
    // The next chunk is read from the disk while the current one travels.
    let next = file.slice(0, Math.min(step, file.size)).arrayBuffer();
    while (offset < file.size) {
      if (signal?.aborted) throw abortError();
      const bytes = new Uint8Array(await next);
      const end = offset + bytes.length;
      if (end < file.size) next = file.slice(end, Math.min(end + step, file.size)).arrayBuffer();
      const { received } = await call('files.uploadChunk', { uploadId, offset, data: bytesToBase64(bytes) });
      offset = received;
      onProgress?.(offset, file.size);
    }
    if (signal?.aborted) throw abortError();
    return await call('files.uploadFinish', { uploadId });
  } catch (err) {
    // Best effort: the back end also drops the uploads of a session that ends.
    await call('files.uploadAbort', { uploadId }).catch(() => {});
    throw err;
  }
}
