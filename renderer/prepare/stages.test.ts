import assert from 'node:assert/strict';
import { test } from 'node:test';
import { laserStages, overallFraction, printStages } from './stages';

test('the bar only goes forward from one stage to the next', () => {
  const end = overallFraction('generating', 1, laserStages)!;
  const next = overallFraction('analysing', 0, laserStages)!;
  assert.ok(next >= end - 1e-9);
  assert.equal(overallFraction('analysing', 1, laserStages), 1);
  assert.equal(overallFraction('reading', 0, laserStages), 0);
});

test('slicing weighs most of a print; no stage yet means no figure', () => {
  assert.ok(overallFraction('slicing', 0.5, printStages)! > 0.4);
  assert.equal(overallFraction(null, null, printStages), null);
  assert.equal(overallFraction('generating', 0.5, printStages), overallFraction('analysing', 0.5, printStages), 'an unlisted stage counts as the last');
});
