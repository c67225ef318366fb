// Small images for the tests, made here (no third-party files): RGBA buffers, PNG and JPEG encodings
// through pngjs and jpeg-js, and a hand-built PNG writer for what pngjs does not write (interlacing,
// made-up headers), with its own CRC-32.

import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from './image';

/** An opaque image filled by `f(x, y)` → [r, g, b] or [r, g, b, a]. */
export function makeImage(width: number, height: number, f: (x: number, y: number) => readonly number[]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a = 255] = f(x, y);
      data.set([r!, g!, b!, a], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

export const solid = (width: number, height: number, v: number, a = 255): RgbaImage => makeImage(width, height, () => [v, v, v, a]);

export function encodePng(img: RgbaImage): Uint8Array {
  const png = new PNG({ width: img.width, height: img.height });
  png.data = Buffer.from(img.data);
  return new Uint8Array(PNG.sync.write(png));
}

export function encodeJpeg(img: RgbaImage, quality = 95, exif?: Uint8Array): Uint8Array {
  const raw = { width: img.width, height: img.height, data: Buffer.from(img.data), ...(exif ? { exifBuffer: Buffer.from(exif) } : {}) };
  return new Uint8Array(jpeg.encode(raw, quality).data);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const PNG_MAGIC = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export function ihdr(width: number, height: number, depth = 8, colorType = 0, interlace = 0): Uint8Array {
  const d = new Uint8Array(13);
  const dv = new DataView(d.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  d.set([depth, colorType, 0, 0, interlace], 8);
  return pngChunk('IHDR', d);
}

/** A PNG from raw (already filtered) scanline bytes. */
export function rawPng(header: Uint8Array, raw: Uint8Array): Uint8Array {
  return concat(PNG_MAGIC, header, pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', new Uint8Array(0)));
}

/** An 8-bit grayscale Adam7-interlaced PNG of `gray` (w × h), filter 0 on every row. */
export function interlacedGrayPng(gray: Uint8Array, w: number, h: number): Uint8Array {
  const passes = [[0, 8, 0, 8], [4, 8, 0, 8], [0, 4, 4, 8], [2, 4, 0, 4], [0, 2, 2, 4], [1, 2, 0, 2], [0, 1, 1, 2]];
  const bytes: number[] = [];
  for (const [x0, dx, y0, dy] of passes) {
    for (let y = y0!; y < h; y += dy!) {
      if (x0! >= w) break;
      bytes.push(0);
      for (let x = x0!; x < w; x += dx!) bytes.push(gray[y * w + x]!);
    }
  }
  return rawPng(ihdr(w, h, 8, 0, 1), Uint8Array.from(bytes));
}

/** An EXIF (TIFF) payload with only the Orientation tag, big- or little-endian, with the "Exif\0\0" prefix. */
export function exifWithOrientation(orientation: number, little = false): Uint8Array {
  const b = new Uint8Array(6 + 8 + 2 + 12 + 4);
  b.set([0x45, 0x78, 0x69, 0x66, 0, 0]);
  const dv = new DataView(b.buffer, 6);
  b.set(little ? [0x49, 0x49] : [0x4d, 0x4d], 6);
  dv.setUint16(2, 42, little);
  dv.setUint32(4, 8, little);
  dv.setUint16(8, 1, little); // one entry
  dv.setUint16(10, 0x0112, little);
  dv.setUint16(12, 3, little); // SHORT
  dv.setUint32(14, 1, little);
  dv.setUint16(18, orientation, little);
  return b;
}
