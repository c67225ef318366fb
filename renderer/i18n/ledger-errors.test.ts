import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorMessage } from './errors';
import { createI18n } from './index';

const i18n = createI18n({ react: false });
const fr = i18n.getFixedT('fr');
const en = i18n.getFixedT('en');
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test("the accounts' own refusals of input are said in words", () => {
  assert.match(errorMessage({ code: 'invalid_input', params: { field: 'siret', reason: 'checksum' } }, fr, 'fr'), /clé de contrôle est fausse/);
  assert.match(errorMessage({ code: 'invalid_input', params: { field: 'to', reason: 'before_from' } }, en, 'en'), /end of the period is before its start/);
  assert.match(errorMessage({ code: 'invalid_input', params: { field: 'quantity' } }, fr, 'fr'), /se comptent entières/);
  assert.match(errorMessage({ code: 'invalid_input', params: { field: 'vatNumber', reason: 'required' } }, fr, 'fr'), /numéro de TVA/);
});

test('a validator issue on a field of the accounts names the field and the rule', () => {
  assert.equal(
    plain(errorMessage({ code: 'invalid_input', params: { field: 'reason' }, issues: [{ field: 'reason', rule: 'too_small', detail: '' }] }, fr, 'fr')),
    'Le champ « Raison » n\'est pas valide : trop court ou vide.',
  );
  assert.match(errorMessage({ code: 'invalid_input', params: { field: 'lines.0.quantity' }, issues: [{ field: 'lines.0.quantity', rule: 'too_big', detail: '' }] }, en, 'en'), /Quantity/);
  // A field nobody named still gets a sentence.
  assert.equal(errorMessage({ code: 'invalid_input', params: { field: 'somethingElse' } }, fr, 'fr'), fr('errors.invalid_input_generic'));
});

test('nothing to invoice is a conflict with its own words', () => {
  assert.match(errorMessage({ code: 'conflict', params: { reason: 'nothing_to_invoice' } }, fr, 'fr'), /Rien à facturer/);
  assert.equal(errorMessage({ code: 'conflict' }, fr, 'fr'), fr('errors.conflict'));
});
