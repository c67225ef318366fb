// Lettering: which characters are drawable, French accents composed from the ASCII font, and the solid
// letters made from the strokes (every stroke inside, the outline at half a pen from the strokes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TemplateError } from './errors';
import { insideOutlines, signedArea } from './geometry';
import { checkText, layoutText } from './text';
import { solidText } from './text-shape';
import type { Vec2 } from './types';

const DRAWABLE = Array.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -'.,!?&+():/#àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆñ’");

const bad = (value: string) => {
  try {
    checkText('text', value, 1, 16);
    return null;
  } catch (e) {
    assert.ok(e instanceof TemplateError);
    return [e.code, e.params.characters ?? e.params.length ?? null];
  }
};

function distanceToStrokes(p: Vec2, strokes: readonly (readonly Vec2[])[]): number {
  let best = Infinity;
  for (const s of strokes) {
    for (let k = 0; k < Math.max(1, s.length - 1); k++) {
      const a = s[k]!;
      const b = s[Math.min(k + 1, s.length - 1)]!;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
      best = Math.min(best, Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]));
    }
  }
  return best;
}

describe('text', () => {
  it('accepts French names and a few signs, refuses the rest by name', () => {
    assert.equal(checkText('text', '  Cécile & Loïc  ', 1, 16), 'Cécile & Loïc');
    assert.equal(checkText('text', 'L’Œuf', 1, 16), "L'Œuf", 'typographic apostrophe made plain');
    assert.equal(checkText('text', 'Cafe\u0301', 1, 16), 'Café', 'decomposed accents recomposed');
    assert.deepEqual(bad('Zoë ☃ 😀'), ['text_bad_characters', '☃ 😀']);
    assert.deepEqual(bad('a<b>"c"'), ['text_bad_characters', '< > "']);
    assert.deepEqual(bad('tab\there'), ['text_bad_characters', 'U+0009']);
    assert.deepEqual(bad('Straße'), ['text_bad_characters', 'ß']);
    assert.deepEqual(bad('x'.repeat(17)), ['text_too_long', 17]);
    assert.deepEqual(bad('ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ'), null, 'an accented letter counts once');
    assert.deepEqual(bad('   '), ['text_empty', null]);
  });

  it('draws accents above the letter and the cedilla below it, capitals at the asked height', () => {
    const plain = layoutText('E', 21);
    assert.ok(Math.abs(plain.box.maxY - 21) < 1e-9 && Math.abs(plain.box.minY) < 1e-9, 'capital height');
    const accented = layoutText('É', 21, 2);
    assert.ok(accented.strokes.length === plain.strokes.length + 1);
    assert.ok(accented.box.maxY > 21 + 2, 'the acute clears the capital by more than the pen');
    const c = layoutText('c', 21);
    const cedilla = layoutText('ç', 21);
    assert.ok(cedilla.box.minY < c.box.minY - 4, 'cedilla hangs below the baseline');
    const i = layoutText('ï', 21, 1);
    assert.equal(i.strokes.filter((s) => s.length === 1).length, 2, 'two dots, the i lost its own');
    assert.equal(layoutText('œ', 10).strokes.length, layoutText('oe', 10).strokes.length, 'œ drawn with the strokes of o and e');
    assert.ok(layoutText('œ', 10).box.maxX < layoutText('oe', 10).box.maxX - 2, 'joined');
    assert.equal(layoutText('A B', 10).box.maxX > layoutText('AB', 10).box.maxX, true, 'spaces take room');
  });

  it('solid letters contain every stroke and follow the pen (within half a grid step in inner corners)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DRAWABLE), { minLength: 1, maxLength: 16 }), fc.double({ min: 4, max: 20, noNaN: true }), (chars, height) => {
        const text = checkText('text', chars.join(''), 0, 16);
        if (text === '') return;
        const pen = Math.min(2.5, Math.max(0.4, height * 0.13));
        const laid = layoutText(text, height, pen);
        const outlines = solidText(laid.strokes, pen);
        for (const s of laid.strokes) for (const p of s) assert.ok(insideOutlines(p, outlines), `stroke point inside for ${text}`);
        // Sample the outline: every vertex lies half a pen away from the strokes.
        for (const o of outlines) {
          for (let k = 0; k < o.length; k += 7) {
            const d = distanceToStrokes(o[k]!, laid.strokes);
            assert.ok(Math.abs(d - pen / 2) < pen / 24, `${text}: ${d} vs ${pen / 2}`);
          }
        }
        assert.ok(outlines.reduce((a, o) => a + signedArea(o), 0) > 0, 'solids counter-clockwise, holes clockwise');
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('keeps the counters of letters as holes', () => {
    const outlines = solidText(layoutText('o', 20).strokes, 2);
    assert.equal(outlines.length, 2);
    assert.equal(outlines.filter((o) => signedArea(o) < 0).length, 1);
  });
});
