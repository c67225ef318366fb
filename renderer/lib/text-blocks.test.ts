import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textBlocks } from './text-blocks';

test('paragraphs, headings and lists from plain text', () => {
  const text = '# La charte\n\nOn range\nses outils.\n\n- Je respecte\n- Je partage\n  avec les autres\n\nFin.';
  assert.deepEqual(textBlocks(text), [
    { kind: 'heading', text: 'La charte' },
    { kind: 'paragraph', text: 'On range ses outils.' },
    { kind: 'list', items: ['Je respecte', 'Je partage avec les autres'], ordered: false },
    { kind: 'paragraph', text: 'Fin.' },
  ]);
});

test('markup stays text; empty input gives nothing', () => {
  assert.deepEqual(textBlocks('<b>gras</b>'), [{ kind: 'paragraph', text: '<b>gras</b>' }]);
  assert.deepEqual(textBlocks('\n\n  \n'), []);
  assert.deepEqual(textBlocks('Intro :\n1. un\n2) deux'), [
    { kind: 'paragraph', text: 'Intro :' },
    { kind: 'list', items: ['un', 'deux'], ordered: true },
  ]);
});

test('a short first line alone is the title', () => {
  assert.deepEqual(textBlocks('Charte du fablab\n\nOn range.'), [
    { kind: 'heading', text: 'Charte du fablab' },
    { kind: 'paragraph', text: 'On range.' },
  ]);
  assert.deepEqual(textBlocks('Une phrase.\n\nUne autre.')[0], { kind: 'paragraph', text: 'Une phrase.' });
  assert.deepEqual(textBlocks('Seul'), [{ kind: 'paragraph', text: 'Seul' }]);
});
