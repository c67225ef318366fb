import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durationLabel, machineNames } from './labels';

test('machine names by code, unknown codes kept', () => {
  const machines = [
    { code: 'laser-co2', name: 'Découpe laser CO2' },
    { code: 'prusa-mk4', name: 'Prusa MK4' },
  ];
  assert.deepEqual(machineNames(['prusa-mk4', 'laser-co2', 'x'], machines), ['Prusa MK4', 'Découpe laser CO2', 'x']);
});

test('module durations', () => {
  assert.equal(durationLabel(45, 'fr'), '45 min');
  assert.equal(durationLabel(60, 'fr'), '1 h');
  assert.equal(durationLabel(90, 'fr'), '1 h 30');
  assert.equal(durationLabel(65, 'fr'), '1 h 05');
  assert.equal(durationLabel(90, 'en'), '1 h 30 min');
});
