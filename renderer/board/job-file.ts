// A job's file read back from the back end, chunk by chunk, into a File the toolpath worker can
// stream: the board draws the job in 3D without the maker's stick. The last few are kept, so going
// from the board to a machine and back does not fetch them again.
import type { Call } from '../api/client';
import { base64ToBytes } from '../lib/base64';

/** The largest chunk files.read gives. */
export const readChunkBytes = 512 * 1024;
const keep = 3;

const cache = new Map<string, Promise<File>>();

export interface ReadOptions {
  onProgress?(read: number, total: number): void;
  signal?: AbortSignal;
}

export async function readStoredFile(call: Call, fileId: string, name: string, options: ReadOptions = {}): Promise<File> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let size = Infinity;
  while (offset < size) {
    if (options.signal?.aborted) throw new DOMException('read cancelled', 'AbortError');
    const chunk = await call('files.read', { fileId, offset, length: readChunkBytes });
    size = chunk.size;
    const bytes = base64ToBytes(chunk.data);
    // A file that shrank under us, or a back end that gives nothing more: stop rather than loop.
    if (bytes.length === 0) break;
    parts.push(bytes);
    offset += bytes.length;
    options.onProgress?.(Math.min(offset, size), size);
  }
  return new File(parts, name, { type: 'text/plain' });
}

/** The same file for every caller; a failed read is forgotten so the next one tries again. */
export function cachedStoredFile(call: Call, fileId: string, name: string, onProgress?: ReadOptions['onProgress']): Promise<File> {
  const hit = cache.get(fileId);
  if (hit) {
    cache.delete(fileId);
    cache.set(fileId, hit);
    return hit;
  }
  const p = readStoredFile(call, fileId, name, onProgress ? { onProgress } : {});
  cache.set(fileId, p);
  p.catch(() => cache.delete(fileId));
  while (cache.size > keep) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return p;
}
