import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startsNamePart, startsSentence } from './TouchKeyboard';

test('capitals where a name part or a sentence starts', () => {
  assert.equal(startsNamePart(''), true);
  assert.equal(startsNamePart('Anne-'), true);
  assert.equal(startsNamePart("N'"), true);
  assert.equal(startsNamePart('Léa'), false);
  assert.equal(startsSentence(''), true);
  assert.equal(startsSentence('Fin. '), true);
  assert.equal(startsSentence('Vraiment ? '), true);
  assert.equal(startsSentence('ligne\n'), true);
  assert.equal(startsSentence('un mot '), false);
  assert.equal(startsSentence('3.'), false);
});
