// EXIF orientation of JPEG photos. Phones store the sensor's pixels as shot and say in the Orientation tag
// (0x0112) how to turn them; every viewer applies it, so a portrait photo engraved without it comes out
// on its side. jpeg-js hands us the APP1 payload; we read the one tag and turn the pixels.

import type { RgbaImage } from './image';

/** Orientation (1–8) from an EXIF payload (TIFF header, with or without the `Exif\0\0` prefix); 1 when absent or unreadable. */
export function exifOrientation(exif: Uint8Array | undefined | null): number {
  if (!exif) return 1;
  let base = 0;
  // "Exif\0\0" prefix, or the lone pad byte jpeg-js leaves after "Exif\0".
  if (exif.length >= 6 && exif[0] === 0x45 && exif[1] === 0x78 && exif[2] === 0x69 && exif[3] === 0x66) base = 6;
  else if (exif[0] === 0 && (exif[1] === 0x49 || exif[1] === 0x4d)) base = 1;
  if (exif.length < base + 8) return 1;
  const little = exif[base] === 0x49 && exif[base + 1] === 0x49;
  if (!little && !(exif[base] === 0x4d && exif[base + 1] === 0x4d)) return 1;
  const u16 = (at: number): number => (little ? exif[at]! | (exif[at + 1]! << 8) : (exif[at]! << 8) | exif[at + 1]!);
  const u32 = (at: number): number =>
    little
      ? (exif[at]! | (exif[at + 1]! << 8) | (exif[at + 2]! << 16) | (exif[at + 3]! << 24)) >>> 0
      : ((exif[at]! << 24) | (exif[at + 1]! << 16) | (exif[at + 2]! << 8) | exif[at + 3]!) >>> 0;
  if (u16(base + 2) !== 42) return 1;
  const ifd = base + u32(base + 4);
  if (ifd + 2 > exif.length) return 1;
  const n = u16(ifd);
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > exif.length) return 1;
    if (u16(e) === 0x0112) {
      const v = u16(e + 2) === 3 ? u16(e + 8) : 1; // SHORT, value in the entry
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

/** The image as a viewer shows it for this orientation (5–8 swap width and height). */
export function applyOrientation(img: RgbaImage, orientation: number): RgbaImage {
  if (orientation <= 1 || orientation > 8) return img;
  const { width: w, height: h } = img;
  const swap = orientation >= 5;
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  // Source index is linear in (X, Y): find its origin and steps once, then walk.
  const at = (X: number, Y: number): number => {
    switch (orientation) {
      case 2: return Y * w + (w - 1 - X);
      case 3: return (h - 1 - Y) * w + (w - 1 - X);
      case 4: return (h - 1 - Y) * w + X;
      case 5: return X * w + Y;
      case 6: return (h - 1 - X) * w + Y;
      case 7: return (h - 1 - X) * w + (w - 1 - Y);
      default: return X * w + (w - 1 - Y); // 8
    }
  };
  const s0 = at(0, 0);
  const sx = at(1, 0) - s0;
  const sy = at(0, 1) - s0;
  const data = img.data.byteOffset % 4 === 0 ? img.data : img.data.slice();
  const src = new Uint32Array(data.buffer, data.byteOffset, w * h);
  const out = new Uint8Array(ow * oh * 4);
  const dst = new Uint32Array(out.buffer);
  let o = 0;
  for (let Y = 0; Y < oh; Y++) {
    let i = s0 + Y * sy;
    for (let X = 0; X < ow; X++, i += sx) dst[o++] = src[i]!;
  }
  return { width: ow, height: oh, data: out };
}
