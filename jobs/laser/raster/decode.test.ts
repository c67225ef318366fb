// Decoding real PNG and JPEG bytes (encoded here by pngjs and jpeg-js, or built by hand), the limits,
// and the typed errors a maker gets for anything else.

import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { decodeImage, RasterError, sniffImage, type RasterErrorCode } from './index';
import { concat, encodeJpeg, encodePng, exifWithOrientation, ihdr, interlacedGrayPng, makeImage, PNG_MAGIC, pngChunk, rawPng } from './images.testutil';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function rejects(bytes: Uint8Array, code: RasterErrorCode, params: Record<string, string | number> = {}, limits = {}): RasterError {
  try {
    decodeImage(bytes, limits);
  } catch (e) {
    assert.ok(e instanceof RasterError, `threw ${String(e)}`);
    assert.equal(e.code, code, `${e.code}: ${e.message}`);
    for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v, `params.${k}`);
    return e;
  }
  assert.fail(`decoded, expected ${code}`);
}

/** A 6 × 4 picture with a distinct colour per quadrant and a half-transparent corner. */
const quadrants = makeImage(6, 4, (x, y) => {
  if (x === 5 && y === 3) return [0, 0, 0, 128];
  return x < 3 ? (y < 2 ? [255, 0, 0] : [0, 255, 0]) : y < 2 ? [0, 0, 255] : [250, 250, 250];
});

describe('decodeImage: PNG', () => {
  it('decodes a PNG to the exact RGBA pixels, alpha kept', () => {
    const img = decodeImage(encodePng(quadrants));
    assert.equal(img.format, 'png');
    assert.equal(img.width, 6);
    assert.equal(img.height, 4);
    assert.deepEqual(Array.from(img.data), Array.from(quadrants.data));
  });
  it('decodes an 8-bit gray PNG and an Adam7-interlaced one (built by hand)', () => {
    const gray = Uint8Array.from({ length: 13 * 11 }, (_, i) => (i * 37) % 256);
    const plain = decodeImage(rawPng(ihdr(13, 11), concat(...Array.from({ length: 11 }, (_, y) => concat(Uint8Array.of(0), gray.subarray(y * 13, y * 13 + 13))))));
    const inter = decodeImage(interlacedGrayPng(gray, 13, 11));
    for (const img of [plain, inter]) {
      assert.equal(img.width, 13);
      assert.equal(img.height, 11);
      for (let i = 0; i < gray.length; i++) assert.deepEqual(Array.from(img.data.subarray(i * 4, i * 4 + 4)), [gray[i], gray[i], gray[i], 255], `pixel ${i}`);
    }
  });
  it('refuses an image over the pixel limit from its header, before inflating anything', () => {
    // 10 000 × 10 000 = 100 MP announced, with no pixel data at all.
    const e = rejects(concat(PNG_MAGIC, ihdr(10_000, 10_000)), 'image_too_large', { context: 'pixels', width: 10_000, height: 10_000, limitMp: 40 });
    assert.equal(e.params.megapixels, 100);
  });
  it('refuses an interlaced PNG whose data inflates past its dimensions (zip bomb)', () => {
    const bomb = concat(PNG_MAGIC, ihdr(64, 64, 8, 0, 1), pngChunk('IDAT', deflateSync(new Uint8Array(8 << 20))), pngChunk('IEND', new Uint8Array(0)));
    assert.ok(bomb.length < 20_000, `bomb of ${bomb.length} bytes`);
    rejects(bomb, 'image_corrupt', { format: 'png', reason: 'inflates_past_size' });
  });
  it('corrupt PNGs: truncated, bad CRC, zero size, no IHDR, garbage after the signature', () => {
    const good = encodePng(quadrants);
    rejects(good.subarray(0, good.length - 30), 'image_corrupt', { format: 'png' });
    const badCrc = good.slice();
    badCrc[40] = badCrc[40]! ^ 0xff; // inside IDAT: its CRC no longer matches
    rejects(badCrc, 'image_corrupt', { format: 'png' });
    rejects(concat(PNG_MAGIC, ihdr(0, 5)), 'image_corrupt', { reason: 'no_pixels' });
    rejects(concat(PNG_MAGIC, pngChunk('tEXt', text('a\0b'))), 'image_corrupt', { reason: 'no_header' });
    rejects(concat(PNG_MAGIC, text('not a png at all, really')), 'image_corrupt', { format: 'png' });
  });
});

describe('decodeImage: JPEG', () => {
  it('decodes a JPEG close to its source (lossy)', () => {
    const src = makeImage(32, 16, (x, y) => (x < 16 ? [20, 20, 20] : y < 8 ? [230, 230, 230] : [128, 128, 128]));
    const img = decodeImage(encodeJpeg(src, 95));
    assert.equal(img.format, 'jpeg');
    assert.equal(img.orientation, 1);
    assert.equal(img.width, 32);
    assert.equal(img.height, 16);
    let worst = 0;
    for (let i = 0; i < src.data.length; i++) worst = Math.max(worst, Math.abs(src.data[i]! - img.data[i]!));
    assert.ok(worst <= 12, `max error ${worst}`);
    assert.equal(img.data[3], 255);
  });
  it('turns a phone photo upright by its EXIF orientation (6: rotate 90° clockwise, 3: 180°, 8: 90° anticlockwise)', () => {
    // 16 × 8: left half black, right half white; the top-left 8 × 8 block is black.
    const src = makeImage(16, 8, (x) => (x < 8 ? [0, 0, 0] : [255, 255, 255]));
    const dark = (img: { width: number; data: Uint8Array }, x: number, y: number): boolean => img.data[(y * img.width + x) * 4]! < 128;
    const r6 = decodeImage(encodeJpeg(src, 95, exifWithOrientation(6)));
    assert.equal(r6.orientation, 6);
    assert.deepEqual([r6.width, r6.height], [8, 16]);
    assert.ok(dark(r6, 4, 3) && !dark(r6, 4, 12), 'rotated clockwise: the black left half is now on top');
    const r8 = decodeImage(encodeJpeg(src, 95, exifWithOrientation(8, true)));
    assert.deepEqual([r8.width, r8.height, r8.orientation], [8, 16, 8]);
    assert.ok(!dark(r8, 4, 3) && dark(r8, 4, 12), 'rotated anticlockwise: the black half is at the bottom');
    const r3 = decodeImage(encodeJpeg(src, 95, exifWithOrientation(3)));
    assert.deepEqual([r3.width, r3.height], [16, 8]);
    assert.ok(!dark(r3, 3, 4) && dark(r3, 12, 4), 'turned over: black on the right');
  });
  it('refuses a JPEG over the pixel limit from its frame header', () => {
    const jpg = encodeJpeg(makeImage(8, 8, () => [1, 2, 3]));
    // Rewrite the SOF0 frame's height and width to 9000 × 9000 (81 MP).
    const sof = jpg.findIndex((b, i) => b === 0xff && jpg[i + 1] === 0xc0);
    jpg.set([0x23, 0x28, 0x23, 0x28], sof + 5);
    rejects(jpg, 'image_too_large', { context: 'pixels', width: 9000, height: 9000 });
  });
  it('corrupt JPEGs: a cut signature, a cut header, garbage after the signature', () => {
    rejects(Uint8Array.of(0xff, 0xd8, 0xff), 'image_corrupt', { format: 'jpeg' });
    const jpg = encodeJpeg(makeImage(8, 8, () => [1, 2, 3]));
    rejects(jpg.subarray(0, 100), 'image_corrupt', { format: 'jpeg' });
    rejects(concat(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), text('garbage, garbage, garbage')), 'image_corrupt', { format: 'jpeg' });
  });
});

describe('decodeImage: what it refuses', () => {
  it('files over the byte limit, whatever they hold', () => {
    rejects(new Uint8Array(2000), 'image_too_large', { context: 'bytes', sizeBytes: 2000, limitBytes: 1000 }, { maxFileBytes: 1000 });
    rejects(encodePng(quadrants), 'image_too_large', { context: 'pixels' }, { maxImagePixels: 20 });
  });
  it('other formats by their first bytes, named in the error', () => {
    const cases: [Uint8Array, string][] = [
      [text('GIF89a\x01\x00\x01\x00'), 'gif'],
      [concat(text('RIFF'), new Uint8Array(4), text('WEBPVP8 ')), 'webp'],
      [text('BM\x00\x00\x00\x00'), 'bmp'],
      [text('II*\x00\x08\x00'), 'tiff'],
      [concat(Uint8Array.of(0, 0, 0, 0x18), text('ftypheic')), 'heic'],
      [concat(Uint8Array.of(0, 0, 0, 0x1c), text('ftypavif')), 'avif'],
      [text('%PDF-1.7'), 'pdf'],
      [text('\uFEFF  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
      [text('hello'), 'unknown'],
    ];
    for (const [bytes, format] of cases) {
      assert.equal(sniffImage(bytes), format);
      rejects(bytes, 'image_unsupported', { format, context: format });
    }
  });
  it('an empty file', () => {
    rejects(new Uint8Array(0), 'image_corrupt', { context: 'empty' });
  });
});
