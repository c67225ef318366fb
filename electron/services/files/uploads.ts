// Files reach the back end in numbered chunks over the API (so both transports carry them) and are
// stored once, by their sha256, under the data folder. An upload belongs to the session that began it.
import { createHash, randomUUID, type Hash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DomainError } from '../../api/errors';
import type { FileKind, StoredFile } from '../../api/models';
import type { Store } from '../../store';

export const uploadChunkBytes = 512 * 1024;
export const defaultMaxUploadBytes = 1024 * 1024 * 1024;

const kinds: Record<string, FileKind> = {
  '.gcode': 'gcode',
  '.gco': 'gcode',
  '.g': 'gcode',
  '.nc': 'gcode',
  '.ngc': 'gcode',
  '.stl': 'mesh',
  '.3mf': 'mesh',
  '.obj': 'mesh',
  '.svg': 'vector',
  '.dxf': 'vector',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
};

export function fileKind(name: string): FileKind | null {
  return kinds[extname(name).toLowerCase()] ?? null;
}

interface Upload {
  sessionId: string;
  memberId: string | null;
  name: string;
  kind: FileKind;
  size: number;
  received: number;
  hash: Hash;
  fd: number;
  tempPath: string;
}

interface FileRow {
  id: string;
  sha256: string;
  name: string;
  kind: FileKind;
  size_bytes: number;
  created_at: string;
}

export class Uploads {
  private readonly uploads = new Map<string, Upload>();
  private readonly tempDir: string;

  constructor(
    private readonly store: Store,
    readonly filesDir: string,
    private readonly maxBytes = defaultMaxUploadBytes,
  ) {
    this.tempDir = join(filesDir, '.uploads');
    // Half-received files of a previous run are of no use: an upload does not survive a restart.
    rmSync(this.tempDir, { recursive: true, force: true });
    mkdirSync(this.tempDir, { recursive: true });
  }

  begin(sessionId: string, memberId: string | null, name: string, size: number): { uploadId: string; chunkBytes: number } {
    const kind = fileKind(name);
    if (!kind) throw new DomainError('unsupported_file', { name, extension: extname(name) || '-' });
    if (size > this.maxBytes) throw new DomainError('file_too_large', { size, limit: this.maxBytes });
    const uploadId = randomUUID();
    const tempPath = join(this.tempDir, uploadId);
    const fd = openSync(tempPath, 'wx');
    this.uploads.set(uploadId, { sessionId, memberId, name, kind, size, received: 0, hash: createHash('sha256'), fd, tempPath });
    return { uploadId, chunkBytes: uploadChunkBytes };
  }

  chunk(sessionId: string, uploadId: string, offset: number, data: Buffer): { received: number } {
    const u = this.get(sessionId, uploadId);
    // Chunks come in order; a repeated or skipped one means the client lost track, not a retry to merge.
    if (offset !== u.received) throw new DomainError('conflict', { expected: u.received, offset });
    if (u.received + data.length > u.size) throw new DomainError('file_too_large', { size: u.received + data.length, limit: u.size });
    writeSync(u.fd, data);
    u.hash.update(data);
    u.received += data.length;
    return { received: u.received };
  }

  finish(sessionId: string, uploadId: string): StoredFile {
    const u = this.get(sessionId, uploadId);
    if (u.received !== u.size) throw new DomainError('conflict', { expected: u.size, offset: u.received });
    this.drop(uploadId, false);
    const sha256 = u.hash.digest('hex');
    const existing = this.bySha(sha256);
    if (existing) {
      rmSync(u.tempPath, { force: true });
      return toStored(existing);
    }
    const finalPath = this.pathOf(sha256);
    mkdirSync(join(this.filesDir, sha256.slice(0, 2)), { recursive: true });
    renameSync(u.tempPath, finalPath);
    const id = this.store.writer.insert('files', {
      sha256,
      name: u.name,
      kind: u.kind,
      size_bytes: u.size,
      uploaded_by: u.memberId,
    });
    return toStored(this.byId(id)!);
  }

  /**
   * A file the kiosk made (prepared G-code, a built template), stored like an upload: once, by its
   * sha256, written to a temporary name first so a crash never leaves half a file under its hash.
   */
  storeGenerated(name: string, bytes: Uint8Array, memberId: string | null): StoredFile {
    const kind = fileKind(name);
    if (!kind) throw new DomainError('unsupported_file', { name, extension: extname(name) || '-' });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = this.bySha(sha256);
    if (existing) return toStored(existing);
    const finalPath = this.pathOf(sha256);
    mkdirSync(join(this.filesDir, sha256.slice(0, 2)), { recursive: true });
    const tempPath = join(this.tempDir, `${randomUUID()}.part`);
    mkdirSync(this.tempDir, { recursive: true });
    const fd = openSync(tempPath, 'w');
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    } finally {
      closeSync(fd);
    }
    renameSync(tempPath, finalPath);
    const id = this.store.writer.insert('files', { sha256, name, kind, size_bytes: bytes.length, uploaded_by: memberId });
    return toStored(this.byId(id)!);
  }

  abort(sessionId: string, uploadId: string): void {
    this.get(sessionId, uploadId);
    this.drop(uploadId, true);
  }

  /** A screen went away: its unfinished uploads go with it. */
  dropSession(sessionId: string): void {
    for (const [id, u] of this.uploads) if (u.sessionId === sessionId) this.drop(id, true);
  }

  file(fileId: string): { row: StoredFile; path: string } {
    const row = this.byId(fileId);
    if (!row) throw new DomainError('not_found', { what: 'file' });
    const path = this.pathOf(row.sha256);
    if (!existsSync(path)) throw new DomainError('not_found', { what: 'file' });
    return { row: toStored(row), path };
  }

  /** A slice of a stored file, for a preview built in the page. */
  read(fileId: string, offset: number, length: number): { data: string; size: number } {
    const { row, path } = this.file(fileId);
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, row.sizeBytes - offset)));
      const n = buf.length ? readSync(fd, buf, 0, buf.length, offset) : 0;
      return { data: buf.subarray(0, n).toString('base64'), size: row.sizeBytes };
    } finally {
      closeSync(fd);
    }
  }

  private pathOf(sha256: string): string {
    return join(this.filesDir, sha256.slice(0, 2), sha256);
  }

  private get(sessionId: string, uploadId: string): Upload {
    const u = this.uploads.get(uploadId);
    if (!u || u.sessionId !== sessionId) throw new DomainError('not_found', { what: 'upload' });
    return u;
  }

  private drop(uploadId: string, deleteTemp: boolean): void {
    const u = this.uploads.get(uploadId);
    if (!u) return;
    closeSync(u.fd);
    if (deleteTemp) rmSync(u.tempPath, { force: true });
    this.uploads.delete(uploadId);
  }

  private bySha(sha256: string): FileRow | undefined {
    return this.store.db.prepare('SELECT * FROM files WHERE sha256 = ?').get(sha256) as FileRow | undefined;
  }

  private byId(id: string): FileRow | undefined {
    return this.store.db.prepare('SELECT * FROM files WHERE id = ?').get(id) as FileRow | undefined;
  }
}

function toStored(r: FileRow): StoredFile {
  return { id: r.id, sha256: r.sha256, name: r.name, kind: r.kind, sizeBytes: r.size_bytes, createdAt: r.created_at };
}
