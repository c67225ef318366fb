// The few parts of a ZIP archive (3MF) we need, read defensively: the central directory is checked
// whole — entry count, and the sum of the uncompressed sizes it declares — before a single byte is
// inflated, and an entry is then inflated into a buffer of exactly its declared size, so an archive
// that lies about its sizes cannot make us allocate more than the limits allow (zip bombs).

import { Inflate } from 'fflate';
import { mb, PrintError } from './errors';
import type { MeshLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Sum of the declared uncompressed sizes of all entries. */
  totalUncompressed: number;
}

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;

function malformed(reason: string): PrintError {
  return new PrintError('zip_malformed', { reason });
}

/** Reads and checks the central directory; nothing is decompressed. */
export function readZipDirectory(bytes: Uint8Array, limits: Pick<MeshLimits, 'maxArchiveEntries' | 'maxUncompressedBytes'>): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  if (len < 22) throw malformed('too_short');
  let eocd = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === EOCD_SIG && i + 22 + view.getUint16(i + 20, true) === len) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw malformed('no_central_directory');
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) throw new PrintError('zip_unsupported', { context: 'multi_disk' });
  let count: number = view.getUint16(eocd + 10, true);
  let cdSize: number = view.getUint32(eocd + 12, true);
  let cdOffset: number = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the real figures are in the ZIP64 end record, found through its locator.
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== EOCD64_LOCATOR_SIG) throw malformed('zip64_locator');
    const rec = safeNumber(view.getBigUint64(loc + 8, true));
    if (rec + 56 > len || view.getUint32(rec, true) !== EOCD64_SIG) throw malformed('zip64_record');
    count = safeNumber(view.getBigUint64(rec + 32, true));
    cdSize = safeNumber(view.getBigUint64(rec + 40, true));
    cdOffset = safeNumber(view.getBigUint64(rec + 48, true));
  }
  if (count > limits.maxArchiveEntries) throw new PrintError('zip_too_many_entries', { count, limit: limits.maxArchiveEntries });
  if (cdOffset + cdSize > len || count * 46 > cdSize) throw malformed('central_directory_bounds');

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (p + 46 > cdOffset + cdSize || view.getUint32(p, true) !== CDH_SIG) throw malformed('central_directory_entry');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc32 = view.getUint32(p + 16, true);
    let compressedSize: number = view.getUint32(p + 20, true);
    let uncompressedSize: number = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset: number = view.getUint32(p + 42, true);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > cdOffset + cdSize) throw malformed('central_directory_entry');
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64 extra field (id 1): the 64-bit values, only for the fields saturated above, in this order.
      let e = p + 46 + nameLen;
      const eEnd = e + extraLen;
      let found = false;
      while (e + 4 <= eEnd) {
        const id = view.getUint16(e, true);
        const size = view.getUint16(e + 2, true);
        if (id === 1) {
          let q = e + 4;
          const take = (): number => {
            if (q + 8 > e + 4 + size) throw malformed('zip64_extra');
            const v = safeNumber(view.getBigUint64(q, true));
            q += 8;
            return v;
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
          found = true;
          break;
        }
        e += 4 + size;
      }
      if (!found) throw malformed('zip64_extra');
    }
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw new PrintError('zip_too_large', { declared: total, limit: limits.maxUncompressedBytes, declaredMb: mb(total), limitMb: mb(limits.maxUncompressedBytes) });
    }
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset });
    p = end;
  }
  return { entries, totalUncompressed: total };
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed('size_overflow');
  return Number(v);
}

/** OPC part names are case-insensitive and may be written with or without the leading slash. */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export function findEntry(dir: ZipDirectory, name: string): ZipEntry | undefined {
  const key = partKey(name);
  return dir.entries.find((e) => partKey(e.name) === key);
}

/** One entry's bytes, inflated into exactly its declared size, CRC checked. */
export function extractEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 1) throw new PrintError('zip_unsupported', { context: 'encrypted', entry: entry.name });
  if (entry.method !== 0 && entry.method !== 8) throw new PrintError('zip_unsupported', { context: 'method', method: entry.method, entry: entry.name });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LFH_SIG) throw malformed('local_header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw malformed('entry_bounds');
  const raw = bytes.subarray(start, end);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw malformed('size_mismatch');
    data = raw;
  } else {
    data = inflateBounded(raw, entry.uncompressedSize);
  }
  if (crc32(data) !== entry.crc32) throw malformed('crc');
  return data;
}

/** Compressed bytes fed per step: deflate expands at most ~1032×, so one step yields at most ~4 MB. */
const INFLATE_STEP = 4096;

/**
 * Inflates into a buffer of the declared size and stops at the first byte past it: an entry that
 * declares 1 kB and inflates to 100 GB costs one step of work, not the whole stream.
 */
function inflateBounded(raw: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let filled = 0;
  let over = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (filled + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, filled);
    filled += chunk.length;
    if (final) done = true;
  });
  try {
    if (raw.length === 0) inflater.push(raw, true);
    for (let i = 0; i < raw.length && !over; i += INFLATE_STEP) inflater.push(raw.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= raw.length);
  } catch {
    throw malformed('inflate');
  }
  if (over || !done || filled !== size) throw malformed('size_mismatch');
  return out;
}

let CRC_TABLE: Uint32Array | null = null;

function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  const t = CRC_TABLE;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
