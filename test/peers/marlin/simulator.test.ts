// The simulated Marlin answers as the real one does: these tests pin the behaviour the driver relies on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameLine } from '../../../jobs/machines/marlin/checksum';
import { ManualClock } from './clock';
import { MarlinSimulator, type MarlinSimOptions } from './simulator';

function boot(options: MarlinSimOptions = {}): { sim: MarlinSimulator; clock: ManualClock; out: string[]; send(line: string): void } {
  const clock = new ManualClock();
  const sim = new MarlinSimulator({ clock, bootMs: 100, ...options });
  const out: string[] = [];
  let partial = '';
  sim.onOutput((bytes) => {
    const text = partial + Buffer.from(bytes).toString('latin1');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    out.push(...lines);
  });
  sim.open();
  clock.advance(100);
  out.length = 0;
  return { sim, clock, out, send: (line) => sim.input(Buffer.from(`${line}\n`, 'latin1')) };
}

test('greets like Marlin 2.1 after its bootloader, deaf until then', () => {
  const clock = new ManualClock();
  const sim = new MarlinSimulator({ clock, bootMs: 500 });
  const out: string[] = [];
  sim.onOutput((b) => out.push(...Buffer.from(b).toString('latin1').split('\n').filter(Boolean)));
  sim.open();
  sim.input(Buffer.from(`${frameLine(1, 'M105')}\n`));
  clock.advance(499);
  assert.deepEqual(out, []);
  clock.advance(1);
  assert.equal(out[0], 'start');
  assert.equal(out[1], 'echo:Marlin 2.1.2.1');
  assert.equal(sim.accepted.length, 0, 'what came during boot was eaten');
});

test('checks the line number first, then the checksum, and asks for the line again', () => {
  const { out, send, sim } = boot();
  send(frameLine(2, 'M105'));
  assert.deepEqual(out.splice(0), ['Error:Line Number is not Last Line Number+1, Last Line: 0', 'Resend: 1', 'ok']);
  send('N1 M105*99');
  assert.deepEqual(out.splice(0), ['Error:checksum mismatch, Last Line: 0', 'Resend: 1', 'ok']);
  send('N1 M105');
  assert.deepEqual(out.splice(0), ['Error:No Checksum with line number, Last Line: 0', 'Resend: 1', 'ok']);
  send(frameLine(1, 'M105'));
  assert.match(out.splice(0)[0] ?? '', /^ok T:22\.00 \/0\.00 B:22\.00 \/0\.00 @:0 B@:0$/);
  send(frameLine(7, 'M110 N7'));
  send(frameLine(8, 'G90'));
  assert.deepEqual(out.splice(0), ['ok', 'ok']);
  assert.deepEqual(sim.accepted, ['M105', 'M110 N7', 'G90']);
  assert.equal(sim.lineNumber, 8);
});

test('some firmware does not say ok after Resend:', () => {
  const { out, send } = boot({ okAfterResend: false });
  send(frameLine(3, 'M105'));
  assert.deepEqual(out, ['Error:Line Number is not Last Line Number+1, Last Line: 0', 'Resend: 1']);
});

test('stops reading when its 4-line buffer is full; ADVANCED_OK tells the room left', () => {
  const { out, send, sim, clock } = boot({ advancedOk: true });
  send(frameLine(1, 'G1 X100 F600')); // 10 s of motion
  for (let n = 2; n <= 30; n++) send(frameLine(n, `G1 X${n % 2 ? 100 : 0} F600`));
  assert.ok(sim.stats.maxQueue <= 4);
  assert.equal(sim.accepted.length, 20, '16 moves in the planner, 4 in the buffer, the rest unread');
  assert.equal(out.at(-1), 'ok N16 P0 B3');
  clock.advance(10_000);
  assert.equal(out.at(-1), 'ok N17 P0 B0', 'one move done: line 17 enters the planner, the buffer is full');
  assert.equal(sim.accepted.length, 21);
});

test('keep-alives every 2 s while homing, and the ok only when done', () => {
  const { out, send, clock, sim } = boot({ homingMs: 5000 });
  send(frameLine(1, 'G1 X50 Y50 F6000'));
  send(frameLine(2, 'G28'));
  out.length = 0;
  clock.advance(4999);
  assert.deepEqual(out, ['echo:busy: processing', 'echo:busy: processing']);
  clock.advance(2000);
  assert.equal(out.at(-1), 'ok');
  assert.deepEqual(sim.position, { x: 0, y: 0, z: 0, e: 0 });
});

test('heats at a believable rate, reports while waiting, M155 auto-reports', () => {
  const { out, send, clock, sim } = boot({ residencyMs: 3000 });
  send(frameLine(1, 'M155 S2'));
  send(frameLine(2, 'M109 S200'));
  clock.advance(10_000);
  const t10 = sim.temperatures.tool.actual;
  assert.ok(t10 > 40 && t10 < 60, `after 10 s: ${t10} °C`);
  assert.ok(out.some((l) => / T:\d+\.\d+ \/200\.00 .* W:\?$/.test(l)), 'waiting reports carry W:');
  assert.ok(out.filter((l) => /^ T:/.test(l) && !l.includes('W:')).length >= 4, 'auto-reports every 2 s');
  clock.advance(80_000);
  assert.equal(out.filter((l) => l === 'ok').length, 2);
  assert.ok(Math.abs(sim.temperatures.tool.actual - 200) < 1);
});

test('the emergency parser acts on M112 as it arrives, even with the buffer full; then nothing is read', () => {
  const { out, send, sim } = boot();
  send(frameLine(1, 'M109 S250'));
  for (let n = 2; n <= 6; n++) send(frameLine(n, 'G1 X1'));
  send('M112');
  assert.equal(out.at(-1), 'Error:Printer halted. kill() called!');
  assert.equal(sim.halted, true);
  send(frameLine(7, 'M105'));
  assert.equal(out.at(-1), 'Error:Printer halted. kill() called!');
});

test('M114, M115 with capabilities, M118 echo, unknown commands', () => {
  const { out, send } = boot({ advancedOk: true });
  send(frameLine(1, 'G92 X1.5 Y2 Z3 E4'));
  send(frameLine(2, 'M114'));
  assert.ok(out.includes('X:1.50 Y:2.00 Z:3.00 E:4.00 Count X:120 Y:160 Z:1200'));
  send(frameLine(3, 'M115'));
  assert.ok(out.some((l) => l.startsWith('FIRMWARE_NAME:Marlin 2.1.2.1 (')));
  assert.ok(out.includes('Cap:AUTOREPORT_TEMP:1') && out.includes('Cap:EMERGENCY_PARSER:1'));
  send(frameLine(4, 'M118 fksync 4'));
  assert.ok(out.includes('fksync 4'));
  send(frameLine(5, 'M4242'));
  assert.deepEqual(out.slice(-2), ['echo:Unknown command: "M4242"', 'ok N5 P15 B3']);
});

test('wire-rate emulation: 10 bits a byte each way at the baud rate', () => {
  const { out, sim, clock } = boot({ wireBaud: 115200 });
  clock.advance(200); // the greeting is still on its way out
  out.length = 0;
  const first = `${frameLine(0, 'M110 N1233')}\n`;
  const line = `${frameLine(1234, 'G1 X12.345 Y6.7 E0.0123')}\n`;
  const wire = (bytes: number): number => (bytes * 10 * 1000) / 115200; // 33 bytes: 2.86 ms
  sim.input(Buffer.from(first + line));
  clock.advance(wire(first.length) + wire(line.length) - 0.05);
  assert.deepEqual(sim.accepted, ['M110 N1233']);
  assert.deepEqual(out, ['ok'], 'the first line was answered while the second was still arriving');
  clock.advance(0.05);
  assert.equal(sim.accepted.length, 2);
  clock.advance(wire(3) - 0.05); // "ok\n" back
  assert.deepEqual(out, ['ok']);
  clock.advance(0.1);
  assert.deepEqual(out, ['ok', 'ok']);
});

test('faults come from the seed: same seed, same corrupted lines', () => {
  const run = (): string[] => {
    const { out, send } = boot({ faults: { seed: 42, corruptRate: 0.3 } });
    let n = 1;
    for (let i = 0; i < 40; i++) {
      send(frameLine(n, `G1 X${i}`));
      if (out.at(-1) === 'ok' && !out.includes(`Resend: ${n}`)) n++;
      out.length = 0;
    }
    return [String(n)];
  };
  assert.deepEqual(run(), run());
});
