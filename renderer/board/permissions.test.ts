import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JobView, MachineLive, SessionMember } from '../../electron/api/types';
import { boardActions, boardStatus, controlsJob } from './permissions';

const lea: SessionMember = { id: 'lea', displayName: 'Léa Dubois', role: 'member', profileCategory: 'x', charterCurrent: true };
const tom: SessionMember = { id: 'tom', displayName: 'Tom', role: 'member', profileCategory: 'x', charterCurrent: true };
const yannick: SessionMember = { id: 'yan', displayName: 'Yannick', role: 'trainer', profileCategory: 'x', charterCurrent: true };

function job(over: Partial<JobView> = {}): JobView {
  return {
    id: 'j1', machineId: 'm', machineName: 'Prusa', memberId: 'lea', memberName: 'Léa Dubois', fileId: 'f', fileName: 'a.gcode',
    materialId: null, state: 'running', createdAt: '', startedAt: null, endedAt: null, linesTotal: 100, bytesTotal: 1000,
    ackedLine: 10, layer: 1, layers: 10, fraction: 0.1, estimateS: 600, elapsedS: 60, etaS: 540, errors: 0, resends: 0,
    endReason: null, endParams: {}, consumption: null, resumable: false, resumesJobId: null, fromLine: 1, ...over,
  };
}

function live(over: Partial<MachineLive> = {}): MachineLive {
  return {
    machineId: 'm', status: 'idle', detail: null, portPath: '/dev/ttyACM0', firmware: { name: 'marlin', version: '2.1' },
    position: null, workPosition: null, feedMmMin: null, spindle: null, overrides: null, temperatures: null,
    temperatureHistory: [], job: null, queue: [], messages: [], ...over,
  };
}

test('a visitor gets the emergency stop and nothing else', () => {
  const a = boardActions(null, live({ status: 'running', job: job() }));
  assert.equal(a.emergencyStop, true);
  assert.deepEqual([a.pause, a.resume, a.stop, a.home, a.jog, a.trainerTools], [false, false, false, false, false, false]);
});

test('no emergency stop on a machine the kiosk cannot reach', () => {
  assert.equal(boardActions(null, live({ status: 'offline' })).emergencyStop, false);
  assert.equal(boardActions(null, live({ status: 'alarm' })).emergencyStop, true);
});

test('the maker pauses, resumes and stops their own job; another member does not', () => {
  const running = live({ status: 'running', job: job() });
  assert.deepEqual(
    (({ pause, resume, stop }) => ({ pause, resume, stop }))(boardActions(lea, running)),
    { pause: true, resume: false, stop: true },
  );
  const paused = boardActions(lea, live({ status: 'paused', job: job({ state: 'paused' }) }));
  assert.equal(paused.resume, true);
  assert.equal(paused.pause, false);
  const other = boardActions(tom, running);
  assert.equal(other.pause || other.stop, false);
  assert.equal(controlsJob(yannick, job()), true, 'a trainer may step in');
});

test('start: only the first queued job, only on an idle machine with nothing running', () => {
  const queue = [job({ id: 'q1', state: 'queued' }), job({ id: 'q2', state: 'queued', memberId: 'tom' })];
  assert.equal(boardActions(lea, live({ queue })).start, 'q1');
  assert.equal(boardActions(tom, live({ queue })).start, null, 'not first in line');
  assert.equal(boardActions(lea, live({ queue, status: 'alarm' })).start, null);
  assert.equal(boardActions(lea, live({ queue, status: 'running', job: job() })).start, null);
  assert.deepEqual([...boardActions(tom, live({ queue })).removable], ['q2']);
});

test('trainer tools: hidden from members, jog only when idle, unlock on alarm', () => {
  const idle = boardActions(yannick, live());
  assert.deepEqual([idle.trainerTools, idle.jog, idle.home, idle.unlock], [true, true, true, false]);
  const alarm = boardActions(yannick, live({ status: 'alarm' }));
  assert.deepEqual([alarm.jog, alarm.home, alarm.unlock], [false, true, true]);
  const busy = boardActions(yannick, live({ status: 'running', job: job({ memberId: 'tom' }) }));
  assert.deepEqual([busy.jog, busy.home, busy.trainerTools, busy.pause], [false, false, true, true]);
  const member = boardActions(lea, live());
  assert.deepEqual([member.trainerTools, member.jog, member.home], [false, false, false]);
});

test('a printer streaming a job shows as running or paused, whatever its own word', () => {
  assert.equal(boardStatus(live({ status: 'idle', job: job() })), 'running');
  assert.equal(boardStatus(live({ status: 'idle', job: job({ state: 'paused' }) })), 'paused');
  assert.equal(boardStatus(live({ status: 'error', job: job() })), 'error');
  assert.equal(boardStatus(live({ status: 'idle' })), 'idle');
  assert.equal(boardActions(lea, live({ status: 'idle', job: job() })).pause, true);
});
