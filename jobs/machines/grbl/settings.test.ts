// The board's `$$` settings against what the machine's profile expects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MachineProfile } from '../../gcode/profile';
import { compareSettings, expectedFromProfile, mismatchMessages, parseSettingLine, parseSettings } from './settings';

const DOLLAR_DOLLAR = ['$0=10', '$10=1', '$22=1', '$30=1000', '$32=0', '$110=5000.000', '$111=5000.000', '$112=500.000', '$120=800.000', '$121=800.000', '$122=50.000', '$130=400.000', '$131=300.000', '$132=40.000', '$N0=', 'ok'];

test('$$ lines, with or without the description some builds add', () => {
  const s = parseSettings(DOLLAR_DOLLAR);
  assert.equal(s.get(110), 5000);
  assert.equal(s.get(32), 0);
  assert.equal(s.size, 14);
  assert.deepEqual(parseSettingLine('$0=10 (step pulse, usec)'), [0, '10']);
  assert.equal(parseSettingLine('$N0=G21'), null);
  assert.equal(parseSettingLine('[MSG:x]'), null);
});

test('laser mode off before a laser job is an error; other differences are warnings, within tolerance ignored', () => {
  const s = parseSettings(DOLLAR_DOLLAR);
  const m = compareSettings(s, {
    laserMode: true,
    maxRateMmMin: { x: 5000, y: 6000 },
    accelMmS2: { x: 800.001 },
    travelMm: { x: 400, y: 300, z: 40 },
    maxSpindle: 1000,
  });
  assert.deepEqual(
    m.map((x) => [x.setting, x.severity, x.code, x.expected, x.actual]),
    [
      ['$32', 'error', 'grbl.settings_laser_mode_off', 1, 0],
      ['$111', 'warning', 'grbl.settings_mismatch', 6000, 5000],
    ],
  );
  const [msg] = mismatchMessages(m);
  assert.deepEqual(msg, { severity: 'error', code: 'grbl.settings_laser_mode_off', raw: '$32=0', params: { setting: '$32', expected: 1, actual: 0, what: 'laser_mode' } });
  assert.equal(compareSettings(new Map(), { homing: true })[0]?.code, 'grbl.settings_missing');
});

test('expectations from a machine profile (mm/s → mm/min)', () => {
  const laser: MachineProfile = {
    kind: 'laser',
    firmware: 'grbl',
    workArea: { x: 400, y: 300, z: 40 },
    maxFeedMmS: { x: 100, y: 100, z: 10 },
    maxAccelMmS2: { x: 1000, y: 1000, z: 100 },
    maxSpindleS: 1000,
  };
  assert.deepEqual(expectedFromProfile(laser), {
    maxRateMmMin: { x: 6000, y: 6000, z: 600 },
    accelMmS2: { x: 1000, y: 1000, z: 100 },
    travelMm: { x: 400, y: 300, z: 40 },
    maxSpindle: 1000,
    laserMode: true,
  });
  assert.equal(expectedFromProfile({ ...laser, kind: 'cnc' }).laserMode, false);
});
