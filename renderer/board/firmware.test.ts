import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firmwareLabel } from './firmware';

test('firmware names: what the board said, without saying Marlin twice', () => {
  assert.equal(firmwareLabel({ firmware: { name: 'grbl', version: '1.1h' } }, { firmware: 'grbl' }), 'Grbl 1.1h');
  assert.equal(firmwareLabel({ firmware: { name: 'marlin', version: 'Marlin 2.1.2.1' } }, { firmware: 'marlin' }), 'Marlin 2.1.2.1');
  assert.equal(firmwareLabel({ firmware: null }, { firmware: 'marlin' }), 'Marlin');
  assert.equal(firmwareLabel(undefined, { firmware: null }), '');
});
