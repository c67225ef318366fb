import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createI18n } from '../i18n';
import { quantityText } from './quote';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const i18n = createI18n({ react: false });
const fr = i18n.getFixedT('fr') as unknown as (k: string, o?: Record<string, unknown>) => string;
const en = i18n.getFixedT('en') as unknown as (k: string, o?: Record<string, unknown>) => string;

test('machine time, material and sheets as a maker reads them', () => {
  assert.equal(plain(quantityText(754, 's', 'fr', fr)), '12 min 34 s');
  assert.equal(plain(quantityText(12.34, 'g', 'fr', fr)), '12,3 g');
  assert.equal(plain(quantityText(25_000, 'mm2', 'fr', fr)), '250 cm²');
  assert.equal(plain(quantityText(1, 'sheet', 'fr', fr)), '1 plaque');
  assert.equal(plain(quantityText(2, 'sheet', 'en', en)), '2 sheets');
  assert.equal(plain(quantityText(3, 'item', 'en', en)), '3 item');
});
