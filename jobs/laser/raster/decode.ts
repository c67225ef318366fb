// Image files to RGBA pixels: PNG through pngjs, JPEG through jpeg-js, recognised by their first bytes
// (never by the file name). Sizes are checked from the headers before anything is inflated, and every
// failure leaves as a RasterError with a code. Node only (pngjs needs Buffer and zlib); the steps after
// decoding are Node-free.

import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { RASTER_LIMITS, RasterError } from './errors';
import { applyOrientation, exifOrientation } from './exif';
import type { RgbaImage } from './image';

export interface DecodeLimits {
  maxFileBytes: number;
  maxImagePixels: number;
}

export interface DecodedImage extends RgbaImage {
  format: 'png' | 'jpeg';
  /** EXIF orientation applied to a JPEG (1 = none). */
  orientation: number;
}

/** What the first bytes say the file is. Only 'png' and 'jpeg' decode; the rest name the format in the error. */
export function sniffImage(bytes: Uint8Array): string {
  const b = bytes;
  const at = (i: number, s: string): boolean => {
    for (let k = 0; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) return false;
    return true;
  };
  if (b.length === 0) return 'empty';
  if (at(0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'webp';
  if (at(0, 'BM')) return 'bmp';
  if (at(0, 'II*\0') || at(0, 'MM\0*')) return 'tiff';
  if (at(4, 'ftyp')) {
    if (at(8, 'avif') || at(8, 'avis')) return 'avif';
    if (at(8, 'heic') || at(8, 'heix') || at(8, 'mif1') || at(8, 'msf1') || at(8, 'hevc')) return 'heic';
  }
  if (at(0, '%PDF')) return 'pdf';
  if (b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0) return 'ico';
  // Text that opens like markup: an SVG (the vector side's business) or something else entirely.
  let i = at(0, '\xef\xbb\xbf') ? 3 : 0;
  while (i < b.length && i < 256 && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  if (b[i] === 0x3c) {
    const head = new TextDecoder('latin1').decode(b.subarray(i, Math.min(b.length, i + 1024))).toLowerCase();
    if (head.includes('<svg')) return 'svg';
  }
  return 'unknown';
}

/**
 * Decode a PNG or JPEG into 8-bit RGBA (transparent pixels keep their alpha: `toGray` makes them white).
 * JPEG photos are turned upright by their EXIF orientation. Throws only RasterError.
 */
export function decodeImage(bytes: Uint8Array, limits: Partial<DecodeLimits> = {}): DecodedImage {
  const lim: DecodeLimits = {
    maxFileBytes: limits.maxFileBytes ?? RASTER_LIMITS.maxFileBytes,
    maxImagePixels: limits.maxImagePixels ?? RASTER_LIMITS.maxImagePixels,
  };
  if (!(bytes instanceof Uint8Array)) throw new RasterError('image_corrupt', { format: 'unknown', reason: 'not_bytes' });
  if (bytes.length > lim.maxFileBytes) {
    throw new RasterError(
      'image_too_large',
      { context: 'bytes', sizeMb: mb(bytes.length), limitMb: mb(lim.maxFileBytes), sizeBytes: bytes.length, limitBytes: lim.maxFileBytes },
      `image file of ${bytes.length} bytes over the ${lim.maxFileBytes}-byte limit`,
    );
  }
  const format = sniffImage(bytes);
  if (format === 'empty') throw new RasterError('image_corrupt', { format: 'unknown', reason: 'empty', context: 'empty' }, 'empty file');
  try {
    if (format === 'png') return decodePng(bytes, lim);
    if (format === 'jpeg') return decodeJpeg(bytes, lim);
  } catch (e) {
    throw asRasterError(e, format);
  }
  // `context` picks a more helpful sentence where there is one (svg: import it as a vector; heic: export as JPEG).
  throw new RasterError('image_unsupported', { format, context: format }, `not a PNG or JPEG image (${format})`);
}

function mb(n: number): number {
  return Math.round((n / (1024 * 1024)) * 10) / 10;
}

function tooManyPixels(width: number, height: number, lim: DecodeLimits): RasterError {
  return new RasterError(
    'image_too_large',
    {
      context: 'pixels',
      width,
      height,
      megapixels: Math.round((width * height) / 1e5) / 10,
      limitMp: Math.round(lim.maxImagePixels / 1e5) / 10,
    },
    `image of ${width}×${height} pixels over the ${lim.maxImagePixels}-pixel limit`,
  );
}

function checkSize(width: number, height: number, format: string, lim: DecodeLimits): void {
  if (!(width > 0 && height > 0)) throw new RasterError('image_corrupt', { format, reason: 'no_pixels' }, `${format} of ${width}×${height} pixels`);
  if (width * height > lim.maxImagePixels) throw tooManyPixels(width, height, lim);
}

// ---- PNG ----

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Reads IHDR before pngjs does, to refuse an oversized image before a byte is inflated. pngjs bounds
 * the inflated data of a plain PNG by its dimensions but not of an interlaced one: a few MB of zeros
 * would inflate to gigabytes. For those we inflate once ourselves, capped at the exact size the
 * dimensions allow.
 */
function decodePng(bytes: Uint8Array, lim: DecodeLimits): DecodedImage {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33 || dv.getUint32(8) !== 13 || dv.getUint32(12) !== 0x49484452 /* IHDR */) {
    throw new RasterError('image_corrupt', { format: 'png', reason: 'no_header' }, 'PNG without an IHDR header');
  }
  const width = dv.getUint32(16);
  const height = dv.getUint32(20);
  checkSize(width, height, 'png', lim);
  const depth = bytes[24]!;
  const colorType = bytes[25]!;
  const interlaced = bytes[28] === 1;
  const channels = CHANNELS[colorType];
  if (interlaced && channels !== undefined) {
    const bits = channels * depth;
    let expected = 0;
    // Adam7 passes: start and step in x and y.
    for (const [x0, dx, y0, dy] of [[0, 8, 0, 8], [4, 8, 0, 8], [0, 4, 4, 8], [2, 4, 0, 4], [0, 2, 2, 4], [1, 2, 0, 2], [0, 1, 1, 2]] as const) {
      const pw = Math.max(0, Math.ceil((width - x0) / dx));
      const ph = Math.max(0, Math.ceil((height - y0) / dy));
      if (pw > 0 && ph > 0) expected += ph * (Math.ceil((pw * bits) / 8) + 1);
    }
    const idat = pngIdat(bytes, dv);
    try {
      inflateSync(idat, { maxOutputLength: expected + 65_536 });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new RasterError('image_corrupt', { format: 'png', reason: 'inflates_past_size' }, 'interlaced PNG data inflates past its dimensions');
      }
      // Other zlib errors: pngjs reports them below with its own reason.
    }
  }
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (png.width !== width || png.height !== height || png.data.length !== width * height * 4) {
    throw new RasterError('image_corrupt', { format: 'png', reason: 'size_mismatch' }, 'PNG decoded to an unexpected size');
  }
  return { width, height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length), format: 'png', orientation: 1 };
}

/** The IDAT chunks' payload, concatenated (a truncated file gives what is there). */
function pngIdat(bytes: Uint8Array, dv: DataView): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let at = 8;
  while (at + 8 <= bytes.length) {
    const len = dv.getUint32(at);
    const type = dv.getUint32(at + 4);
    const end = Math.min(bytes.length, at + 8 + len);
    if (type === 0x49444154 /* IDAT */) {
      parts.push(bytes.subarray(at + 8, end));
      total += end - (at + 8);
    }
    if (type === 0x49454e44 /* IEND */) break;
    at = at + 12 + len;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// ---- JPEG ----

/** Width and height from the first SOF marker, walking the marker segments; null when there is none. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const len = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > bytes.length) return null;
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    if (marker === 0xda || len < 2) return null; // scan data before any frame header
    at += 2 + len;
  }
  return null;
}

function decodeJpeg(bytes: Uint8Array, lim: DecodeLimits): DecodedImage {
  const size = jpegSize(bytes);
  if (size) checkSize(size.width, size.height, 'jpeg', lim);
  const img = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: lim.maxImagePixels / 1e6,
    // A 40 MP 4:2:0 photo needs ≈ 400 MB while decoding (coefficients, component lines, RGBA).
    maxMemoryUsageInMB: 640,
  }) as ReturnType<typeof jpeg.decode> & { exifBuffer?: Uint8Array };
  checkSize(img.width, img.height, 'jpeg', lim);
  if (img.data.length !== img.width * img.height * 4) {
    throw new RasterError('image_corrupt', { format: 'jpeg', reason: 'size_mismatch' }, 'JPEG decoded to an unexpected size');
  }
  const orientation = exifOrientation(img.exifBuffer);
  const upright = applyOrientation({ width: img.width, height: img.height, data: img.data }, orientation);
  return { ...upright, format: 'jpeg', orientation };
}

// ---- errors ----

/** Whatever a decoder threw, as one of our codes (the library's words kept as `reason`, for logs). */
function asRasterError(e: unknown, format: string): RasterError {
  if (e instanceof RasterError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const reason = message.slice(0, 200);
  const code = (e as { code?: unknown } | null)?.code;
  if (
    /maxResolutionInMP|maxMemoryUsageInMB|allocate enough memory|Array buffer allocation failed|Invalid typed array length/i.test(message) ||
    code === 'ERR_BUFFER_TOO_LARGE' ||
    code === 'ERR_MEMORY_ALLOCATION_FAILED'
  ) {
    return new RasterError('image_too_large', { context: 'memory', format, reason }, message);
  }
  if (/Unsupported color mode/i.test(message)) {
    // jpeg-js reads CMYK only with an Adobe marker; other component counts not at all.
    const kind = /4 components/.test(message) ? `${format}-cmyk` : format;
    return new RasterError('image_unsupported', { format: kind, context: kind, reason }, message);
  }
  return new RasterError('image_corrupt', { format, reason }, message);
}
