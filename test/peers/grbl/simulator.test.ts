// The simulated Grbl must behave like the board on the points a driver can get wrong, or the driver's
// tests prove nothing. Driven byte by byte on a manual clock.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock } from './clock';
import { GrblSimulator, type GrblSimulatorOptions } from './simulator';

function board(options: GrblSimulatorOptions = {}) {
  const clock = new ManualClock();
  const sim = new GrblSimulator({ clock, ...options });
  let out = '';
  sim.onOutput((b) => (out += Buffer.from(b).toString('latin1')));
  sim.start();
  const send = (text: string | number[]): void => sim.receive(typeof text === 'string' ? Buffer.from(text, 'latin1') : Uint8Array.from(text));
  const lines = (): string[] => out.split(/\r?\n/).filter(Boolean);
  const take = (): string[] => {
    const l = lines();
    out = '';
    return l;
  };
  return { sim, clock, send, lines, take };
}

describe('Grbl simulator', () => {
  test('greets on power-up and reports status in Grbl 1.1 format, WCO first then Ov', () => {
    const b = board();
    assert.deepEqual(b.take(), ["Grbl 1.1h ['$' for help]"]);
    b.send('?');
    b.send('?');
    assert.deepEqual(b.take(), [
      '<Idle|MPos:0.000,0.000,0.000|Bf:15,128|FS:0,0|WCO:0.000,0.000,0.000>',
      '<Idle|MPos:0.000,0.000,0.000|Bf:15,128|FS:0,0|Ov:100,100,100>',
    ]);
  });

  test('bytes beyond the 128-byte receive buffer are dropped and counted (only while the parser is blocked)', () => {
    const b = board();
    b.send('G91\n' + 'G1 X1 F100\n'.repeat(20)); // 15 fill the planner; the 16th blocks the parser
    assert.equal(b.sim.plannerUsed, 15);
    assert.equal(b.sim.rxUsed, 4 * 11, 'the last four lines wait in the buffer');
    assert.equal(b.sim.stats.overflowBytes, 0);
    b.send('G1 X1 F100\n'.repeat(10)); // 110 more bytes behind a blocked parser: 84 fit
    assert.equal(b.sim.rxUsed, 128);
    assert.equal(b.sim.stats.overflowBytes, 110 - (128 - 44));
  });

  test('a line is answered only when the planner has room (15 blocks)', () => {
    const b = board({ settings: { 110: 6000 } });
    b.send('G91\n');
    b.take();
    b.send('G1 X1 F600\n'.repeat(20)); // each 1 mm at 10 mm/s = 100 ms
    const oks = (): number => b.lines().filter((l) => l === 'ok').length;
    assert.equal(oks(), 15);
    assert.equal(b.sim.plannerUsed, 15);
    b.clock.advance(100);
    assert.equal(oks(), 16, 'one block done, one line answered');
    b.clock.advance(5000);
    assert.equal(oks(), 20);
    assert.equal(b.sim.state, 'Idle');
    assert.deepEqual(b.sim.position, [20, 0, 0]);
  });

  test('real-time bytes work while the buffer is full; unknown extended bytes are counted', () => {
    const b = board();
    b.send('G91\n' + 'G1 X100 F100\n'.repeat(30));
    b.take();
    b.send('?');
    assert.match(b.take()[0] ?? '', /^<Run\|MPos:[\d.]+,0\.000,0\.000\|Bf:0,\d+\|FS:100,0/);
    b.send([0xc2, 0x91]);
    assert.equal(b.sim.stats.unknownRealtimeBytes, 1, '0xC2 (UTF-8 lead byte) is not a command');
    assert.equal(b.sim.overrides.feed, 110);
  });

  test('feed hold: Hold:1 while decelerating, Hold:0 when stopped, ~ resumes', () => {
    const b = board();
    b.send('G1 X50 F3000\n');
    b.clock.advance(100);
    b.send('!');
    b.send('?');
    assert.match(b.take().at(-1) ?? '', /^<Hold:1\|/);
    b.clock.advance(100); // 50 mm/s at 1000 mm/s² stops in 50 ms
    b.send('?');
    const held = b.take().at(-1) ?? '';
    assert.match(held, /^<Hold:0\|MPos:[\d.]+,0\.000,0\.000\|Bf:14,128\|FS:0,0/);
    const x = b.sim.position[0];
    b.clock.advance(1000);
    assert.equal(b.sim.position[0], x, 'does not move in Hold:0');
    b.send('~');
    b.send('?');
    assert.match(b.take().at(-1) ?? '', /^<Run\|/);
    b.clock.advance(2000);
    assert.deepEqual(b.sim.position, [50, 0, 0]);
  });

  test('soft reset while moving is ALARM:3; in Hold:0 it is not', () => {
    const moving = board();
    moving.send('G1 X50 F3000\n');
    moving.clock.advance(10);
    moving.take();
    moving.send([0x18]);
    assert.deepEqual(moving.take(), ['ALARM:3', "Grbl 1.1h ['$' for help]", "[MSG:'$H'|'$X' to unlock]"]);
    moving.send('G1 X1\n');
    assert.deepEqual(moving.take(), ['error:9'], 'G-code is locked in alarm');

    const held = board();
    held.send('G1 X50 F3000\n');
    held.clock.advance(10);
    held.send('!');
    held.clock.advance(500);
    held.take();
    held.send([0x18]);
    assert.deepEqual(held.take(), ["Grbl 1.1h ['$' for help]"]);
  });

  test('EEPROM writes drop whatever arrives meanwhile', () => {
    const b = board({ eepromWriteMs: 30 });
    b.take();
    b.send('$110=5000\nG1 X1 F100\n');
    assert.equal(b.sim.stats.eepromDroppedBytes, 'G1 X1 F100\n'.length);
    b.clock.advance(30);
    assert.deepEqual(b.take(), ['ok']);
    assert.equal(b.sim.settings.get(110), 5000);
  });

  test('answers bad input with the error codes Grbl gives', () => {
    const b = board();
    b.take();
    const cases: Array<[string, string]> = [
      ['M104 S200', 'error:20'], // a 3D printer's command
      ['G1 X', 'error:2'],
      ['1G0', 'error:1'],
      ['G1 X10', 'error:22'], // no feed rate yet
      ['G0 G1 X1', 'error:21'],
      ['G1 X1 X2 F100', 'error:25'],
      ['G1 X1 E5 F100', 'error:20'], // an extruder axis
      ['G2 X10 Y0 F100', 'error:35'],
      ['G1 F-5', 'error:4'],
      ['$999=1', 'error:3'],
      ['$H', 'error:5'], // homing disabled
      ['G4', 'error:28'],
      ['G1 X1 R5 F100', 'error:36'],
      ['X1.2.3', 'error:1'],
      ['G0 X1', 'ok'],
    ];
    for (const [line, answer] of cases) {
      b.send(line + '\n');
      b.clock.advance(1000);
      assert.deepEqual(b.take(), [answer], line);
    }
  });

  test('arcs take their length, not their chord', () => {
    const b = board({ settings: { 110: 60_000, 111: 60_000 } });
    b.send('G2 X20 Y0 I10 J0 F600\n'); // half circle of radius 10: 31.4 mm at 10 mm/s
    b.clock.advance(3000);
    assert.equal(b.sim.state, 'Run');
    b.clock.advance(200);
    assert.equal(b.sim.state, 'Idle');
  });

  test('hard limit alarm is critical: only a reset is heard, then alarm lock', () => {
    const b = board({ faults: { alarmAtLine: 2, alarmCode: 1 } });
    b.take();
    b.send('G1 X5 F100\nG1 X6\nG1 X7\n');
    assert.deepEqual(b.take(), ['ok', 'ok', 'ALARM:1', '[MSG:Reset to continue]']);
    b.send('$X\n');
    assert.deepEqual(b.take(), []);
    b.send('?');
    assert.match(b.take()[0] ?? '', /^<Alarm\|/);
    b.send([0x18]);
    assert.deepEqual(b.take(), ["Grbl 1.1h ['$' for help]", "[MSG:'$H'|'$X' to unlock]"]);
    b.send('$X\n');
    assert.deepEqual(b.take(), ['[MSG:Caution: Unlocked]', 'ok']);
  });

  test('homing takes time in state Home, then unlocks', () => {
    const b = board({ settings: { 22: 1 }, homingMs: 1000 });
    assert.deepEqual(b.take(), ["Grbl 1.1h ['$' for help]", "[MSG:'$H'|'$X' to unlock]"]);
    b.send('$H\n');
    assert.equal(b.sim.state, 'Home');
    b.clock.advance(999);
    assert.deepEqual(b.take(), []);
    b.clock.advance(1);
    assert.deepEqual(b.take(), ['ok']);
    assert.equal(b.sim.state, 'Idle');
  });

  test('jog and jog cancel', () => {
    const b = board();
    b.take();
    b.send('$J=G91 G21 X10 F600\n');
    assert.deepEqual(b.take(), ['ok']);
    assert.equal(b.sim.state, 'Jog');
    b.clock.advance(500);
    b.send([0x85]);
    assert.equal(b.sim.state, 'Idle');
    assert.ok(Math.abs(b.sim.position[0] - 5) < 0.01);
    b.send('$J=G91 X10\n');
    assert.deepEqual(b.take(), ['error:22'], 'a jog needs its feed rate');
  });

  test('wire-rate emulation: 1152 bytes take 100 ms at 115200 baud', () => {
    const b = board({ baud: 115_200 });
    b.clock.advance(10);
    b.take();
    b.send('?'.repeat(1)); // real-time byte crosses the wire too
    b.clock.advance(0.05);
    assert.deepEqual(b.take(), []);
    b.clock.advance(20);
    assert.equal(b.take().length, 1);
    // 1152 empty lines in (1152 bytes, 100 ms), each answered `ok\r\n` (4608 bytes out, 400 ms).
    b.send('\n'.repeat(1152));
    b.clock.advance(50);
    const parsed = b.sim.stats.linesOk;
    const heard = b.take().length;
    assert.ok(parsed > 540 && parsed < 600, `half the input through after 50 ms (${parsed})`);
    assert.ok(heard > 120 && heard < 150, `an eighth of the answers out (${heard})`);
    b.clock.advance(400);
    assert.equal(b.take().length + heard, 1152);
  });

  test('corruption is seeded and never touches newlines', () => {
    const run = (): string[] => {
      const b = board({ faults: { corruptRate: 0.2, seed: 7 } });
      b.send('G0 X1 Y2\n'.repeat(10));
      b.clock.advance(1000);
      return b.sim.log;
    };
    const first = run();
    assert.equal(first.length, 10, 'still ten lines');
    assert.ok(first.some((l) => l !== 'G0 X1 Y2'), 'some garbled');
    assert.deepEqual(run(), first, 'same seed, same garbage');
  });
});
