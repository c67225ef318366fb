// Status reports as Grbl 1.1 prints them, into what the board shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapState, parseStatus, StatusTracker } from './status';

test('a full report: state, position, buffer, feed and speed, overrides', () => {
  const s = parseStatus('<Run|MPos:1.000,2.000,0.000|Bf:12,100|FS:1200,300|Ov:100,100,100>');
  assert.deepEqual(s, {
    state: 'Run',
    mpos: { x: 1, y: 2, z: 0 },
    buffer: { planner: 12, rx: 100 },
    feed: 1200,
    spindle: 300,
    overrides: { feed: 100, rapid: 100, spindle: 100 },
  });
});

test('substates, F-only builds, pins, accessories, line numbers', () => {
  assert.deepEqual(parseStatus('<Hold:1|MPos:0.000,0.000,0.000|FS:0,0>')?.substate, 1);
  const door = parseStatus('<Door:2|WPos:-5.5,3.25,-1.000|F:500|Pn:PXZ|Ln:99999>');
  assert.equal(door?.state, 'Door');
  assert.equal(door?.substate, 2);
  assert.deepEqual(door?.wpos, { x: -5.5, y: 3.25, z: -1 });
  assert.equal(door?.feed, 500);
  assert.equal(door?.pins, 'PXZ');
  assert.equal(door?.lineNumber, 99999);
  assert.equal(parseStatus('<Run|MPos:0,0,0|FS:500,8000|Ov:120,100,90|A:SFM>')?.accessories, 'SFM');
  // Fork extras are ignored, not fatal.
  assert.equal(parseStatus('<Idle|MPos:0.000,0.000,0.000|FS:0,0|SD:4.2,file.nc>')?.state, 'Idle');
});

test('not a Grbl 1.1 report', () => {
  assert.equal(parseStatus('<Idle,MPos:0.000,0.000,0.000,WPos:0.000,0.000,0.000>'), null, 'Grbl 0.9 format');
  assert.equal(parseStatus('ok'), null);
  assert.equal(parseStatus('<>'), null);
});

test('states as the kiosk names them', () => {
  assert.deepEqual(mapState('Idle'), { state: 'idle' });
  assert.deepEqual(mapState('Run'), { state: 'running' });
  assert.deepEqual(mapState('Jog'), { state: 'running', detail: 'Jog' });
  assert.deepEqual(mapState('Hold', 0), { state: 'paused', detail: 'Hold:0' });
  assert.deepEqual(mapState('Door', 1), { state: 'paused', detail: 'Door:1' });
  assert.deepEqual(mapState('Home'), { state: 'homing' });
  assert.deepEqual(mapState('Alarm'), { state: 'alarm' });
  assert.deepEqual(mapState('Check'), { state: 'idle', detail: 'Check' });
  assert.deepEqual(mapState('Sleep'), { state: 'idle', detail: 'Sleep' });
  assert.equal(mapState('Bogus').state, 'error');
});

test('the tracker remembers WCO and overrides between the reports that carry them', () => {
  const tr = new StatusTracker();
  const first = tr.toReport(parseStatus('<Idle|MPos:10.000,5.000,-1.000|Bf:15,128|FS:0,0|WCO:5.000,5.000,0.000>')!, 'raw');
  assert.deepEqual(first.position, { x: 10, y: 5, z: -1 });
  assert.deepEqual(first.workPosition, { x: 5, y: 0, z: -1 });
  const second = tr.toReport(parseStatus('<Run|MPos:11.000,5.000,-1.000|Bf:14,100|FS:600,0|Ov:110,100,100|A:S>')!, 'raw');
  assert.deepEqual(second.workPosition, { x: 6, y: 0, z: -1 }, 'WCO from the earlier report');
  assert.deepEqual(second.overrides, { feed: 110, rapid: 100, spindle: 100 });
  assert.equal(second.accessories, 'S');
  const third = tr.toReport(parseStatus('<Run|MPos:12.000,5.000,-1.000|FS:600,0>')!, 'raw');
  assert.deepEqual(third.overrides, { feed: 110, rapid: 100, spindle: 100 }, 'overrides kept');
  assert.equal(third.pins, undefined, 'no Pn: means no pin active');
  // $10=0 boards report WPos: the machine position is derived from the remembered offset.
  const wpos = tr.toReport(parseStatus('<Jog|WPos:1.000,1.000,0.000|FS:500,0>')!, 'raw');
  assert.deepEqual(wpos.position, { x: 6, y: 6, z: 0 });
  assert.deepEqual(wpos.workPosition, { x: 1, y: 1, z: 0 });
  tr.reset();
  const afterReset = tr.toReport(parseStatus('<Idle|MPos:1.000,1.000,0.000|FS:0,0>')!, 'raw');
  assert.equal(afterReset.workPosition, undefined, 'no offset known after a reset: not guessed');
  assert.equal(afterReset.overrides, undefined);
});
