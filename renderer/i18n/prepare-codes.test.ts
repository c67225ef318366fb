import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { prepError } from '../prepare/errors';
import { errorMessage } from './errors';
import { createI18n } from './index';
import { codeKeys, codeParams, codeText } from './prepare-codes';
import { prepareNamespaces, prepareTexts } from './prepare-texts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const i18nDir = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'assets', 'i18n');

/** The cores' translation files as they are on disk (what the bundle picks up). */
function filesOnDisk(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ns of prepareNamespaces) {
    let names: string[] = [];
    try {
      names = readdirSync(join(i18nDir, ns));
    } catch {
      continue;
    }
    for (const n of names.filter((x) => x.endsWith('.json'))) out[`${ns}/${n}`] = JSON.parse(readFileSync(join(i18nDir, ns, n), 'utf8'));
  }
  return out;
}

const fake = prepareTexts({
  '/a/assets/i18n/laser/fr.json': { errors: { svg_script: 'Le SVG contient du code ({{what}}).', file_too_large: 'Dessin trop gros.' }, findings: { open_cut_path: '{{count}} forme ouverte' } },
  '/a/assets/i18n/laser/en.json': { errors: { svg_script: 'The SVG holds code ({{what}}).' } },
  '/a/assets/i18n/print/fr.json': { file_too_large: 'Modèle trop gros ({{sizeMb}} Mo).', model_too_large: 'Trop grand pour {{machine}}.', model_too_large_rotate: 'Trop grand : tournez-le.' },
  '/a/assets/i18n/templates/box.fr.json': { box: { name: 'Boîte' } },
  '/a/assets/i18n/other/fr.json': { ignored: 'x' },
});
const i18n = createI18n({ react: false, prepare: fake });
const fr = i18n.getFixedT('fr');
const en = i18n.getFixedT('en');

test('the cores files become namespaces; other folders are ignored', () => {
  assert.deepEqual(Object.keys(fake.fr).sort(), ['laser', 'print', 'templates']);
  assert.ok(i18n.exists('templates:box.name', { lng: 'fr' }));
});

test('a failed preparation is said by the core that knows its code, with its values', () => {
  assert.equal(errorMessage({ code: 'preparation_failed', params: { reason: 'svg_script', what: 'onload' } }, fr, 'fr'), 'Le SVG contient du code (onload).');
  assert.equal(errorMessage({ code: 'preparation_failed', params: { reason: 'svg_script', what: 'onload' } }, en, 'en'), 'The SVG holds code (onload).');
  // i18next's context picks the sentence that suggests a quarter turn.
  assert.equal(errorMessage({ code: 'preparation_failed', params: { reason: 'model_too_large', machine: 'MK4', context: 'rotate' } }, fr, 'fr'), 'Trop grand : tournez-le.');
  assert.equal(errorMessage({ code: 'preparation_failed', params: { reason: 'model_too_large', machine: 'MK4' } }, fr, 'fr'), 'Trop grand pour MK4.');
});

test('a code no core translates yet is still a sentence, with the code for the fabmanager', () => {
  assert.equal(plain(errorMessage({ code: 'preparation_failed', params: { reason: 'slicer_exploded' } }, fr, 'fr')), "La préparation n'a pas abouti (code slicer_exploded).");
  assert.equal(errorMessage({ code: 'preparation_failed' }, en, 'en'), 'The preparation did not succeed.');
  assert.equal(plain(errorMessage({ code: 'preparation_failed', params: { reason: 'errors' } }, fr, 'fr')), "La préparation n'a pas abouti (code errors).");
});

test('the screen names its core first when two cores have the same code', () => {
  const error = { code: 'preparation_failed' as const, params: { reason: 'file_too_large', sizeMb: 300 } };
  assert.equal(errorMessage(error, fr, 'fr'), 'Dessin trop gros.');
  assert.equal(prepError(error, fr, 'fr', ['print']), 'Modèle trop gros (300 Mo).');
  assert.deepEqual(codeKeys('file_too_large', 'error', ['print']).slice(0, 3), ['print:errors.file_too_large', 'print:findings.file_too_large', 'print:file_too_large']);
  assert.deepEqual(codeKeys('bad code!', 'error'), []);
});

test('findings are looked up under findings first, then the G-code engine', () => {
  assert.equal(codeText(fr, 'fr', 'open_cut_path', { count: 2 }, 'finding', 'prepare.findingCode'), '2 forme ouverte');
  assert.ok(codeKeys('x', 'finding').at(-1) === 'findings:x');
  assert.deepEqual(codeParams({ count: 3, value: 1234.567, context: 'rotate', name: 'a' }, 'fr'), { count: 3, value: '1\u202f234,57', context: 'rotate', name: 'a' });
});

test('the real cores files, where they exist, translate their own codes in both languages', () => {
  const real = createI18n({ react: false, prepare: prepareTexts(filesOnDisk()) });
  for (const lang of ['fr', 'en'] as const) {
    const t = real.getFixedT(lang);
    for (const [ns, code] of [
      ['laser', 'svg_script'],
      ['print', 'model_too_large'],
    ] as const) {
      if (!real.exists(`${ns}:errors.${code}`, { lng: lang }) && !real.exists(`${ns}:${code}`, { lng: lang })) continue;
      const s = prepError({ code: 'preparation_failed', params: { reason: code, what: 'onload', machine: 'MK4', x: 1, y: 2, z: 3 } }, t, lang, [ns]);
      assert.doesNotMatch(s, /code \w+\)/, `${lang} ${ns}:${code} → ${s}`);
      assert.ok(s.length > 10);
    }
  }
});
