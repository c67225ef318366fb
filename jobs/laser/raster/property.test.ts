// Properties over arbitrary input: decodeImage throws nothing but RasterError whatever the bytes
// (random, behind a PNG or JPEG signature, or a real file mutated), and on random images the G-code
// burns only inside the engraving, with the power asked, as much as its statistics say.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../gcode';
import { decodeImage, DITHER_METHODS, RasterError, rasterToGcode, type RasterOptions } from './index';
import { concat, encodeJpeg, encodePng, makeImage, PNG_MAGIC } from './images.testutil';

const sample = makeImage(24, 17, (x, y) => [(x * 11) % 256, (y * 15) % 256, ((x + y) * 7) % 256, x === 3 ? 0 : 255]);
const PNG_FILE = encodePng(sample);
const JPEG_FILE = encodeJpeg(sample, 80);

function decodesOrRefuses(bytes: Uint8Array): void {
  try {
    const img = decodeImage(bytes);
    assert.ok(img.width > 0 && img.height > 0);
    assert.equal(img.data.length, img.width * img.height * 4);
  } catch (e) {
    if (!(e instanceof RasterError)) throw new Error(`threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    assert.ok(['image_unsupported', 'image_too_large', 'image_corrupt'].includes(e.code), e.code);
  }
}

/** A real file with some bytes overwritten, a slice cut out, or its end cut off. */
const mutated = (file: Uint8Array): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.array(fc.tuple(fc.nat(file.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => {
      const b = file.slice();
      for (const [at, v] of edits) b[at] = v;
      return b;
    }),
    fc.tuple(fc.nat(file.length), fc.nat(file.length)).map(([a, b]) => concat(file.subarray(0, Math.min(a, b)), file.subarray(Math.max(a, b)))),
    fc.nat(file.length).map((n) => file.slice(0, n)),
  );

describe('decodeImage on arbitrary bytes', () => {
  it('random bytes, and random bytes behind each signature: only RasterError', () => {
    const tail = fc.uint8Array({ maxLength: 300 });
    const prefixes = [new Uint8Array(0), PNG_MAGIC, Uint8Array.of(0xff, 0xd8, 0xff), PNG_FILE.subarray(0, 33), JPEG_FILE.subarray(0, 200)];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), tail, (prefix, rest) => decodesOrRefuses(concat(prefix, rest))),
      { numRuns: 1500 },
    );
  });
  it('real PNG and JPEG files, mutated: decoded with their size, or refused with a code', () => {
    fc.assert(fc.property(mutated(PNG_FILE), decodesOrRefuses), { numRuns: 400 });
    fc.assert(fc.property(mutated(JPEG_FILE), decodesOrRefuses), { numRuns: 400 });
  });
});

describe('rasterToGcode on random images', () => {
  it('burns only inside the engraving, at S ≤ maxS, for as long as its statistics say', () => {
    const image = fc
      .record({ w: fc.integer({ min: 1, max: 24 }), h: fc.integer({ min: 1, max: 12 }), seed: fc.integer() })
      .map(({ w, h, seed }) => {
        let s = seed >>> 0;
        return makeImage(w, h, () => {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const v = s >>> 24 < 90 ? 255 : s >>> 24; // plenty of white for gaps
          return [v, v, v, (s >>> 8) & 1 ? 255 : 40];
        });
      });
    const options = fc.record({
      widthMm: fc.double({ min: 0.5, max: 30, noNaN: true }),
      heightMm: fc.double({ min: 0.5, max: 8, noNaN: true }),
      xMm: fc.double({ min: 0, max: 300, noNaN: true }),
      yMm: fc.double({ min: 0, max: 300, noNaN: true }),
      linesPerMm: fc.constantFrom(1, 2.5, 5, 10),
      dither: fc.constantFrom(...DITHER_METHODS),
      brightness: fc.integer({ min: -100, max: 100 }),
      contrast: fc.integer({ min: -100, max: 100 }),
      powerMin: fc.integer({ min: 0, max: 40 }),
      powerMax: fc.integer({ min: 40, max: 100 }),
      speedMmMin: fc.integer({ min: 300, max: 12_000 }),
      overscanMm: fc.double({ min: 0, max: 10, noNaN: true }),
      maxS: fc.constantFrom(255, 1000, 10_000),
      bidirectional: fc.boolean(),
      invert: fc.boolean(),
      travelMinMm: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(image, options, (img, o: RasterOptions) => {
        const g = rasterToGcode(img, o);
        const a = analyzeText(['G21 G90 M4 S0', ...g.gcode, 'M5', ''].join('\n'), {
          machine: { kind: 'laser', firmware: 'grbl', workArea: null, maxFeedMmS: { x: 500, y: 500, z: 10 }, maxAccelMmS2: { x: 3000, y: 3000, z: 100 }, laserMode: true, maxSpindleS: o.maxS },
        });
        assert.ok(Math.abs(a.laserOnMm - g.stats.burnMm) < 1e-6 * Math.max(1, g.stats.burnMm) + 0.01, `${a.laserOnMm} vs ${g.stats.burnMm}`);
        assert.ok((a.maxSpindleS ?? 0) <= o.maxS);
        // (An engraving of nothing is an empty file to the engine: the caller says so to the maker.)
        assert.deepEqual(a.findings.filter((f) => f.severity === 'error' && !(f.code === 'empty_file' && g.gcode.length === 0)), []);
        if (g.burnBounds === null) assert.equal(a.laserOnMm, 0);
        else {
          const eps = 1e-3;
          assert.ok(a.bounds.min.x >= o.xMm - eps && a.bounds.max.x <= o.xMm + o.widthMm + eps, `x ${a.bounds.min.x}…${a.bounds.max.x}`);
          assert.ok(a.bounds.min.y >= o.yMm - eps && a.bounds.max.y <= o.yMm + o.heightMm + eps, `y ${a.bounds.min.y}…${a.bounds.max.y}`);
          assert.deepEqual(g.burnBounds, { min: { x: a.bounds.min.x, y: a.bounds.min.y }, max: { x: a.bounds.max.x, y: a.bounds.max.y } });
        }
      }),
      { numRuns: 300 },
    );
  });
});
