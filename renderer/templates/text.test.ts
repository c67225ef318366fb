import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createI18n } from '../i18n';
import { prepareTexts } from '../i18n/prepare-texts';
import { humanize, templateText } from './text';

const i18n = createI18n({
  react: false,
  prepare: prepareTexts({
    '/x/assets/i18n/templates/fr.json': { coaster: { name: 'Sous-verre' }, params: { innerWidth: 'Largeur intérieure' } },
    '/x/assets/i18n/templates/en.json': { coaster: { name: 'Coaster' } },
  }),
});

test('a template key is read in the templates namespace, with or without it', () => {
  assert.equal(templateText(i18n, 'fr', 'coaster.name'), 'Sous-verre');
  assert.equal(templateText(i18n, 'en', 'templates:coaster.name'), 'Coaster');
  assert.equal(templateText(i18n, 'en', 'params.innerWidth'), 'Largeur intérieure', 'English falls back to French');
});

test('a key nobody translated yet shows words, not a code', () => {
  assert.equal(templateText(i18n, 'fr', 'params.cornerRadius'), 'Corner radius');
  assert.equal(humanize('box.lid_style'), 'Lid style');
});
