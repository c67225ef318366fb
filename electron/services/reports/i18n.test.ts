import assert from 'node:assert/strict';
import { test } from 'node:test';
import en from '../../../assets/i18n/reports/en.json';
import fr from '../../../assets/i18n/reports/fr.json';
import { formats, reportTranslator } from './i18n';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

test('French and English say the same things', () => {
  assert.deepEqual(keys(en).sort(), keys(fr).sort());
});

test('money, hours and days are written as each language writes them', () => {
  const f = formats('fr');
  assert.equal(f.money(123456).replace(/[\u00a0\u202f]/g, ' '), '1 234,56 €');
  assert.equal(f.hours(5400), '1,5');
  assert.equal(f.longDay('2026-03-01'), '1 mars 2026');
  assert.equal(f.shortDay('2026-03-01'), '01/03/2026');
  const e = formats('en');
  assert.equal(e.money(123456), '€1,234.56');
  assert.equal(e.longDay('2026-03-01'), '1 March 2026');
  assert.equal(reportTranslator('en')('unit.day', { value: '2', count: 2 }), '2 days');
  assert.equal(reportTranslator('fr')('unit.sheet', { value: '1', count: 1 }), '1 plaque');
  // Kept translations come back the same.
  assert.equal(reportTranslator('fr')('line.machine_time', { machine: 'Prusa MK4' }), 'Temps machine – Prusa MK4');
  assert.equal(reportTranslator('fr')('line.machine_time', { machine: 'Prusa MK4' }), 'Temps machine – Prusa MK4');
});
