import assert from 'node:assert/strict';
import { test } from 'node:test';
import { winAnsi } from './pdf';

test('French text passes unchanged; what the standard fonts lack is replaced, not dropped', () => {
  assert.equal(winAnsi('Œuvre « déjà » à 12 € – Noël, garçon'), 'Œuvre « déjà » à 12 € – Noël, garçon');
  assert.equal(winAnsi('Laser CO₂ 60\u202fW'), 'Laser CO2 60 W');
  assert.equal(winAnsi('Łódź'), 'Lódz');
  assert.equal(winAnsi('漢'), '?');
});
