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

/** Enough to hide the round trip, few enough that memory stays a couple of MB. */
export const chunksInFlight = 3;

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
    // A few chunks travel at once: the back end takes them in the order they were sent (one socket,
    // or IPC's ordered queue), so reading and encoding the next ones overlaps the round trips.
    const inFlight: Promise<{ received: number }>[] = [];
    let offset = 0;
    onProgress?.(0, file.size);
    const settle = async () => {
      const { received } = await inFlight.shift()!;
      onProgress?.(received, file.size);
    };
    while (offset < file.size) {
      if (signal?.aborted) throw abortError();
      const bytes = new Uint8Array(await file.slice(offset, Math.min(offset + step, file.size)).arrayBuffer());
      const sent = call('files.uploadChunk', { uploadId, offset, data: bytesToBase64(bytes) });
      // Awaited in order below; this only keeps a later failure from being reported as unhandled.
      sent.catch(() => {});
      inFlight.push(sent);
      offset += bytes.length;
      if (inFlight.length >= chunksInFlight) await settle();
    }
    while (inFlight.length > 0) await settle();
    if (signal?.aborted) throw abortError();
    return await call('files.uploadFinish', { uploadId });
  } catch (err) {
    // Best effort: the back end also drops the uploads of a session that ends.
    await call('files.uploadAbort', { uploadId }).catch(() => {});
    throw err;
  }
}
