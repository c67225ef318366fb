import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyReply, isSupportedVersion, messageCode, parseBuildInfo, parseGreeting } from './replies';

test('each kind of line Grbl sends', () => {
  assert.deepEqual(classifyReply('ok'), { kind: 'ok' });
  assert.deepEqual(classifyReply('error:20'), { kind: 'error', code: 20 });
  assert.deepEqual(classifyReply('ALARM:1'), { kind: 'alarm', code: 1 });
  assert.deepEqual(classifyReply('<Idle|MPos:0.000,0.000,0.000|FS:0,0>'), { kind: 'status' });
  assert.deepEqual(classifyReply("[MSG:'$H'|'$X' to unlock]"), { kind: 'msg', text: "'$H'|'$X' to unlock" });
  assert.deepEqual(classifyReply('[GC:G0 G54 G17 G21 G90 G94 M5 M9 T0 F0 S0]'), { kind: 'feedback', tag: 'GC', text: 'G0 G54 G17 G21 G90 G94 M5 M9 T0 F0 S0' });
  assert.deepEqual(classifyReply('$110=5000.000'), { kind: 'setting' });
  assert.deepEqual(classifyReply('>G54G21:ok'), { kind: 'startup', line: 'G54G21', result: 'ok' });
  assert.deepEqual(classifyReply('>G54M104:error:20'), { kind: 'startup', line: 'G54M104', result: 'error:20' });
  assert.deepEqual(classifyReply("Grbl 1.1h ['$' for help]"), { kind: 'greeting', name: 'Grbl', version: '1.1h' });
  assert.deepEqual(classifyReply('okay'), { kind: 'other' });
  assert.equal(messageCode('Reset to continue').code, 'grbl.msg.reset_to_continue');
  assert.equal(messageCode('Something new').code, 'grbl.msg.other');
});

test('greetings and versions', () => {
  assert.deepEqual(parseGreeting("GrblHAL 1.1f ['$' or '$HELP' for help]"), { name: 'GrblHAL', version: '1.1f' });
  assert.equal(parseGreeting('Grbl is great'), null);
  assert.ok(isSupportedVersion('1.1h'));
  assert.ok(isSupportedVersion('1.3a'));
  assert.ok(!isSupportedVersion('0.9j'));
  assert.ok(!isSupportedVersion('1.0c'));
});

test('$I build info', () => {
  assert.deepEqual(parseBuildInfo(['[VER:1.1h.20190825:Atelier laser]', '[OPT:VL,15,128]']), {
    version: '1.1h',
    build: '20190825',
    info: 'Atelier laser',
    options: 'VL',
    plannerBlocks: 15,
    rxBufferBytes: 128,
  });
  assert.deepEqual(parseBuildInfo(['[VER:1.1d:]', '[OPT:V]']), { version: '1.1d', info: '', options: 'V' });
});
