// Node only: a model file from disk, refused by its size before it is read.

import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileTooLarge, PrintError } from './errors';
import { meshLimits } from './limits';
import { loadMesh, type LoadedMesh, type LoadOptions } from './load';

export async function loadMeshFile(path: string, opts: LoadOptions = {}): Promise<LoadedMesh> {
  const limits = meshLimits(opts.limits);
  const info = await stat(path);
  if (!info.isFile()) throw new PrintError('unsupported_format', { name: basename(path) });
  if (info.size > limits.maxFileBytes) throw fileTooLarge(info.size, limits.maxFileBytes);
  const bytes = await readFile(path);
  return loadMesh(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fileName: basename(path), ...opts, limits });
}
