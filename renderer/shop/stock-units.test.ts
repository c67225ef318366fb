import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromBase, toBase, typedUnit } from './stock-units';

test('filament is typed in kilograms and kept in grams; sheets and items whole; vinyl in metres', () => {
  assert.equal(typedUnit('g').typed, 'kg');
  assert.equal(toBase(2.5, 'g'), 2500);
  assert.equal(toBase(0.0004, 'g'), 0);
  assert.equal(toBase(12, 'sheet'), 12);
  assert.equal(toBase(3.456, 'm'), 3.46);
  assert.equal(typedUnit('sheet').decimals, 0);
});

test('base quantities come back to the keypad in the typed unit', () => {
  assert.equal(fromBase(2500, 'g', 'fr'), '2,5');
  assert.equal(fromBase(2500, 'g', 'en'), '2.5');
  assert.equal(fromBase(40, 'sheet', 'fr'), '40');
  assert.equal(fromBase(0.5, 'm', 'fr'), '0,5');
});
