// The Grbl driver against the simulated board over an in-memory stream: what a maker or a trainer would
// notice (a job that arrives whole and in order, a pause that pauses, an alarm that stops the job, a
// clear error instead of a hang).
import assert from 'node:assert/strict';
import { Duplex } from 'node:stream';
import { describe, test, type TestContext } from 'node:test';
import { memoryGrbl } from '../../../test/peers/grbl/memory';
import type { GrblSimulatorOptions } from '../../../test/peers/grbl/simulator';
import { DriverError, type DriverMessage, type MachineReport } from '../driver';
import { duplexLink } from '../link';
import { createGrblDriver, type GrblDriver, type GrblDriverOptions } from './driver';

async function connected(t: TestContext, sim: GrblSimulatorOptions = {}, options: GrblDriverOptions = {}) {
  const peer = memoryGrbl({ timeScale: 20, ...sim });
  const driver = createGrblDriver(peer.link, { pollMs: 25, ...options });
  t.after(async () => {
    await driver.close();
    peer.close();
  });
  const events = watch(driver);
  const info = await driver.connect();
  return { peer, driver, info, events };
}

function watch(driver: GrblDriver) {
  const acked: number[] = [];
  const messages: DriverMessage[] = [];
  const reports: MachineReport[] = [];
  let resets = 0;
  let closed = 0;
  driver.on('acked', (tag) => acked.push(tag));
  driver.on('message', (m) => messages.push(m));
  driver.on('report', (r) => reports.push(r));
  driver.on('reset', () => resets++);
  driver.on('closed', () => closed++);
  return {
    acked,
    messages,
    reports,
    codes: () => messages.map((m) => m.code),
    get resets() {
      return resets;
    },
    get closed() {
      return closed;
    },
  };
}

async function until(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Streams lines with tags 1..n as a runner would; resolves with the error that stopped it, if any. */
async function stream(driver: GrblDriver, lines: readonly string[], firstTag = 1): Promise<DriverError | null> {
  try {
    for (let i = 0; i < lines.length; i++) await driver.send(lines[i]!, firstTag + i);
    await driver.drain();
    return null;
  } catch (e) {
    assert.ok(e instanceof DriverError, `a DriverError, not ${String(e)}`);
    return e;
  }
}

const jobLines = (log: readonly string[]): string[] => log.filter((l) => !l.startsWith('$'));

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

/** Relative moves of every length from 4 to ~100 bytes (spaces count on the wire, not for Grbl). */
function randomLines(n: number, seed: number): string[] {
  const r = random(seed);
  const out: string[] = ['G91 G21 F6000'];
  for (let i = 1; i < n; i++) {
    const words = [`G1`, `X${((r() - 0.5) * 2).toFixed(Math.floor(r() * 4))}`];
    if (r() < 0.6) words.push(`Y${((r() - 0.5) * 2).toFixed(Math.floor(r() * 4))}`);
    if (r() < 0.3) words.push(`S${Math.floor(r() * 1000)}`);
    const gap = r() < 0.1 ? ' '.repeat(Math.floor(r() * 20)) : ' ';
    out.push(r() < 0.05 ? 'G4 P0' : words.join(gap));
  }
  return out;
}

describe('Grbl driver: connecting', () => {
  test('takes the greeting the board prints when its port opens, then reads $I and $$', async (t) => {
    const started = Date.now();
    const { info, driver } = await connected(t);
    assert.ok(Date.now() - started < 1000, 'no soft reset needed');
    assert.equal(info.firmware, 'grbl');
    assert.equal(info.version, '1.1h');
    assert.equal(info.capabilities.rxBufferBytes, '128');
    assert.equal(info.capabilities.plannerBlocks, '15');
    assert.equal(info.capabilities.variableSpindle, true);
    assert.equal(info.capabilities.$32, '1');
    assert.equal(info.capabilities.$110, '6000.000');
    assert.equal(info.capabilities.laserMode, true);
    assert.equal(driver.settings.get(130), 400);
    assert.match(info.greeting[0] ?? '', /^Grbl 1\.1h/);
    await until(() => driver.lastReport.state === 'idle' && driver.lastReport.position !== undefined, 1000, 'first report');
  });

  test('a board that stays silent is soft-reset (one raw 0x18) and then answers', async (t) => {
    const { peer, info } = await connected(t, { greetOnStart: false }, { greetingTimeoutMs: 100 });
    assert.equal(info.version, '1.1h');
    assert.ok(peer.written.some((c) => c.length === 1 && c[0] === 0x18), 'soft reset written as one byte');
  });

  test('something that answers but is not Grbl is refused as unexpected_firmware', async () => {
    const marlin = new Duplex({
      read() {},
      write(_chunk, _enc, cb) {
        this.push('ok\n');
        cb();
      },
    });
    setImmediate(() => marlin.push('start\necho: Marlin 2.1.2\n'));
    const driver = createGrblDriver(duplexLink(marlin), { greetingTimeoutMs: 100 });
    await assert.rejects(driver.connect(), (e: unknown) => e instanceof DriverError && e.code === 'unexpected_firmware' && e.params.heard === 'start');
    await driver.close();
  });

  test('nothing at all is a timeout; Grbl 0.9 is refused', async () => {
    const silent = new Duplex({ read() {}, write: (_c, _e, cb) => cb() });
    const d1 = createGrblDriver(duplexLink(silent), { greetingTimeoutMs: 80 });
    await assert.rejects(d1.connect(), (e: unknown) => e instanceof DriverError && e.code === 'timeout' && e.params.code === 'grbl.no_greeting');
    await d1.close();

    const old = new Duplex({ read() {}, write: (_c, _e, cb) => cb() });
    setImmediate(() => old.push("\r\nGrbl 0.9j ['$' for help]\r\n"));
    const d2 = createGrblDriver(duplexLink(old), { greetingTimeoutMs: 200 });
    await assert.rejects(d2.connect(), (e: unknown) => e instanceof DriverError && e.code === 'unexpected_firmware' && e.params.code === 'grbl.unsupported_version');
    await d2.close();
  });

  test('a board with homing enabled comes up in alarm: jobs are refused until homed', async (t) => {
    const { driver, events } = await connected(t, { settings: { 22: 1 }, homingMs: 200 });
    assert.equal(driver.lastReport.state, 'alarm');
    assert.ok(events.codes().includes('grbl.msg.unlock_required'));
    await assert.rejects(driver.send('G0 X1', 1), (e: unknown) => e instanceof DriverError && e.code === 'alarm' && e.params.code === 'grbl.alarm_active');
    await driver.home();
    assert.equal(driver.lastReport.state, 'idle');
    assert.equal(await stream(driver, ['G0 X1']), null);
  });
});

describe('Grbl driver: streaming', () => {
  test('character counting: 2,000 lines of random length, buffer filled but never overflowed, in order, each acked once', async (t) => {
    const { peer, driver, events } = await connected(t, { timeScale: 10 });
    const lines = randomLines(2000, 42);
    assert.equal(await stream(driver, lines), null);
    assert.equal(peer.sim.stats.overflowBytes, 0, 'no byte dropped');
    assert.deepEqual(jobLines(peer.sim.log), lines, 'every line, once, in order');
    assert.deepEqual(events.acked, lines.map((_, i) => i + 1), 'acked exactly once each, in order');
    assert.ok(peer.sim.stats.maxRxUsed > 100, `the receive buffer was kept full (max ${peer.sim.stats.maxRxUsed} of 128)`);
    assert.equal(driver.stats.linesSent, 2000);
    assert.equal(driver.stats.linesAcked, 2000);
    assert.equal(driver.stats.errors, 0);
  });

  test('send-response mode: one line in flight at a time', async (t) => {
    const { peer, driver } = await connected(t, {}, { streaming: 'send-response' });
    const lines = randomLines(200, 7);
    assert.equal(await stream(driver, lines), null);
    assert.deepEqual(jobLines(peer.sim.log), lines);
    assert.ok(peer.sim.stats.maxRxUsed <= Math.max(...lines.map((l) => l.length + 1)), `max ${peer.sim.stats.maxRxUsed} bytes buffered`);
  });

  test('lines that write EEPROM travel alone: nothing is lost while Grbl writes', async (t) => {
    const { peer, driver } = await connected(t, { eepromWriteMs: 40 });
    const lines = randomLines(300, 3);
    lines.splice(50, 0, '$110=5000');
    lines.splice(120, 0, 'G10 L20 P1 X0 Y0');
    lines.splice(200, 0, 'G28.1');
    assert.equal(await stream(driver, lines), null);
    assert.equal(peer.sim.stats.eepromDroppedBytes, 0, 'no line byte arrived during a write');
    assert.equal(peer.sim.stats.overflowBytes, 0);
    assert.deepEqual(peer.sim.log.slice(-lines.length), lines);
    assert.equal(peer.sim.settings.get(110), 5000);
  });

  test('a line Grbl cannot take is refused before anything is written', async (t) => {
    const { peer, driver } = await connected(t);
    const before = peer.written.length;
    await assert.rejects(driver.send('G1 X' + '1'.repeat(80), 1), (e: unknown) => e instanceof DriverError && e.params.code === 'grbl.line_too_long' && e.params.limit === 79);
    await assert.rejects(driver.send('G1 X1 (what?)', 2), (e: unknown) => e instanceof DriverError && e.params.code === 'grbl.line_bad_character' && e.params.column === 12);
    await assert.rejects(driver.send('G1 X1 F1000 ;é', 3), (e: unknown) => e instanceof DriverError && e.params.code === 'grbl.line_bad_character');
    // 79 kept characters once spaces are gone is fine, however many spaces it had.
    assert.equal(await stream(driver, ['G1 ' + 'X1 '.repeat(1) + ' '.repeat(60) + 'F100']), null);
    assert.ok(peer.written.slice(before).every((c) => !Buffer.from(c).toString('latin1').includes('X111') && !Buffer.from(c).toString('latin1').includes('what')));
  });

  test('error:N becomes a translated message tagged with the line it answers; the line still counts as consumed', async (t) => {
    const { driver, events } = await connected(t);
    const lines = ['G91 F6000', 'G1 X1', 'M104 S200', 'G1 X1', 'G1 X', 'G1 X1 E5', 'G1 X1'];
    assert.equal(await stream(driver, lines, 1), null);
    const errors = events.messages.filter((m) => m.severity === 'error');
    assert.deepEqual(
      errors.map((m) => [m.code, m.line, m.raw]),
      [
        ['grbl.error.20', 3, 'error:20'],
        ['grbl.error.2', 5, 'error:2'],
        ['grbl.error.20', 6, 'error:20'],
      ],
    );
    assert.deepEqual(events.acked, [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(driver.stats.errors, 3);
    assert.equal(driver.stats.linesAcked, 7);
  });

  test('commands wait their turn and return what Grbl printed', async (t) => {
    const { driver } = await connected(t);
    const modes = await driver.command('$G');
    assert.match(modes[0] ?? '', /^\[GC:G0 G54 G17 G21 G90 G94 M5 M9 T0 F0 S0\]$/);
    await assert.rejects(driver.command('G1 X'), (e: unknown) => e instanceof DriverError && e.code === 'firmware_error' && e.params.code === 'grbl.error.2');
  });
});

describe('Grbl driver: real-time control', () => {
  test('overrides go as single raw bytes (0x91 is not UTF-8 encoded) and show in reports', async (t) => {
    const { peer, driver } = await connected(t);
    await driver.override('feed', '+10');
    assert.ok(peer.written.some((c) => c.length === 1 && c[0] === 0x91), '0x91 written alone');
    assert.ok(!peer.written.some((c) => c.includes(0xc2)), 'never as UTF-8 (0xC2 0x91)');
    await until(() => driver.lastReport.overrides?.feed === 110, 2000, 'Ov:110');
    await driver.setOverride('feed', 150);
    await driver.setOverride('spindle', 50);
    await driver.override('rapid', '25');
    await until(() => {
      const o = driver.lastReport.overrides;
      return o?.feed === 150 && o.spindle === 50 && o.rapid === 25;
    }, 2000, 'Ov:150,25,50');
    assert.equal(peer.sim.stats.unknownRealtimeBytes, 0);
  });

  test('pause holds the machine in place, resume finishes the job whole', async (t) => {
    const { peer, driver } = await connected(t, { timeScale: 1 });
    const lines = ['G91 F6000', ...Array.from({ length: 60 }, () => 'G1 X0.5')]; // 5 ms each
    const job = stream(driver, lines);
    await sleep(80);
    await driver.pause();
    await until(() => driver.lastReport.detail === 'Hold:0', 2000, 'Hold:0');
    assert.equal(driver.lastReport.state, 'paused');
    const x = peer.sim.position[0];
    await sleep(150);
    assert.equal(peer.sim.position[0], x, 'not moving while paused');
    await driver.resume();
    assert.equal(await job, null);
    assert.deepEqual(jobLines(peer.sim.log), lines);
    // drain() means every line is in the planner; the last moves still run.
    await until(() => peer.sim.state === 'Idle', 2000, 'motion done');
    assert.ok(Math.abs(peer.sim.position[0] - 30) < 1e-6);
  });

  test('cancel: hold, then reset once stopped (no ALARM:3), pending send rejected, ready for the next job', async (t) => {
    const { peer, driver, events } = await connected(t, { timeScale: 1 });
    const lines = ['G91 F3000 M3 S500', ...Array.from({ length: 200 }, () => 'G1 X1')]; // 20 ms each
    const job = stream(driver, lines);
    await sleep(150);
    await driver.cancel();
    const err = await job;
    assert.equal(err?.code, 'cancelled');
    assert.deepEqual(peer.sim.stats.alarms, [], 'reset after the hold completed: position kept, no alarm');
    assert.equal(peer.sim.state, 'Idle');
    assert.equal(peer.sim.plannerUsed, 0, 'buffers flushed');
    const ackedAtCancel = events.acked.length;
    assert.ok(ackedAtCancel < lines.length);
    assert.equal(await stream(driver, ['G91', 'G1 X1 F1000'], 1000), null, 'the next job runs');
    assert.deepEqual(events.acked.slice(ackedAtCancel), [1000, 1001]);
  });

  test('emergency stop resets at once; stopping mid-move leaves the machine in alarm', async (t) => {
    const { peer, driver } = await connected(t, { timeScale: 1 });
    const job = stream(driver, ['G91 F3000', ...Array.from({ length: 100 }, () => 'G1 X1')]);
    await sleep(100);
    await driver.emergencyStop();
    assert.equal((await job)?.code, 'emergency_stop');
    assert.deepEqual(peer.sim.stats.alarms, [3]);
    await until(() => driver.lastReport.state === 'alarm', 1000, 'alarm state');
    await driver.unlock();
    assert.equal(await stream(driver, ['G0 X0']), null);
  });

  test('jog and jog cancel', async (t) => {
    const { peer, driver } = await connected(t, { timeScale: 1 });
    await driver.jog({ x: 5, y: -2.5, feedMmMin: 600 });
    assert.ok(peer.sim.log.includes('$J=G91G21X5Y-2.5F600'));
    await sleep(100);
    await driver.jogCancel();
    await until(() => peer.sim.state === 'Idle', 1000, 'jog cancelled');
    assert.ok(peer.sim.position[0] > 0 && peer.sim.position[0] < 5, 'stopped partway');
    await assert.rejects(driver.jog({ feedMmMin: 100 }), (e: unknown) => e instanceof DriverError && e.params.code === 'grbl.jog_invalid');
  });
});

describe('Grbl driver: faults', () => {
  test('ALARM mid-job (hard limit): the job stops with "alarm", a reset + $X unlocks, the next job runs', async (t) => {
    const { peer, driver, events } = await connected(t, { timeScale: 2, faults: { alarmAtLine: 30, alarmCode: 1 } });
    const lines = ['G91 F6000', ...Array.from({ length: 200 }, () => 'G1 X0.2')];
    const err = await stream(driver, lines);
    assert.equal(err?.code, 'alarm');
    assert.equal(err?.params.code, 'grbl.alarm.1');
    assert.ok(events.codes().includes('grbl.alarm.1'));
    assert.ok(events.codes().includes('grbl.msg.reset_to_continue'));
    assert.equal(driver.lastReport.state, 'alarm');
    await assert.rejects(driver.send('G1 X1', 999), (e: unknown) => e instanceof DriverError && e.code === 'alarm');
    assert.equal(new Set(events.acked).size, events.acked.length, 'no line acked twice');
    assert.ok(events.acked.length >= 30 && events.acked.length < lines.length);
    await driver.unlock();
    assert.equal(driver.lastReport.state, 'idle');
    assert.equal(await stream(driver, ['G0 X0'], 500), null);
    assert.equal(peer.sim.stats.overflowBytes, 0);
  });

  test('the board reboots mid-job: "firmware_reset", a reset event, nothing acked twice, the next job runs', async (t) => {
    const { peer, driver, events } = await connected(t, { timeScale: 2, faults: { resetAtLine: 40 } });
    const lines = ['G91 F6000', ...Array.from({ length: 200 }, () => 'G1 X0.2')];
    const err = await stream(driver, lines);
    assert.equal(err?.code, 'firmware_reset');
    assert.equal(events.resets, 1);
    assert.ok(events.codes().includes('grbl.reset'));
    assert.deepEqual(events.acked, Array.from({ length: events.acked.length }, (_, i) => i + 1), 'a clean prefix');
    assert.ok(events.acked.length < 40);
    assert.equal(await stream(driver, ['G91', 'G1 X1 F1000'], 900), null);
    assert.deepEqual(jobLines(peer.sim.log).slice(-2), ['G91', 'G1 X1 F1000']);
  });

  test('a reboot between jobs is reported but blocks nothing', async (t) => {
    const { peer, driver, events } = await connected(t);
    peer.sim.powerCycle();
    await until(() => events.resets === 1, 1000, 'reset event');
    assert.equal(await stream(driver, ['G0 X1']), null);
  });

  test('a lost "ok" ends in a clear timeout instead of a hang', async (t) => {
    const { driver, events } = await connected(t, { faults: { dropOkAtLines: [20] } }, { ackTimeoutMs: 300 });
    const started = Date.now();
    const err = await stream(driver, ['G91 F6000', ...Array.from({ length: 39 }, () => 'G1 X0.1')]);
    assert.equal(err?.code, 'timeout');
    assert.equal(err?.params.code, 'grbl.ack_timeout');
    assert.ok(Date.now() - started < 3000);
    assert.ok(events.codes().includes('grbl.ack_timeout'));
    assert.equal(await stream(driver, ['G0 X0'], 100), null, 'usable afterwards');
  });

  test('unplugged mid-job: "link_lost", a closed event, offline', async (t) => {
    const { peer, driver, events } = await connected(t, { timeScale: 1 });
    const job = stream(driver, ['G91 F3000', ...Array.from({ length: 100 }, () => 'G1 X1')]);
    await sleep(100);
    peer.unplug();
    assert.equal((await job)?.code, 'link_lost');
    await until(() => events.closed === 1, 1000, 'closed');
    assert.equal(driver.lastReport.state, 'offline');
    await assert.rejects(driver.send('G0 X0', 1), (e: unknown) => e instanceof DriverError && e.code === 'link_lost');
  });

  test('homing that fails is an alarm, with the reason', async (t) => {
    const { driver, events } = await connected(t, { settings: { 22: 1 }, homingMs: 100, faults: { homingAlarm: 9 } });
    await assert.rejects(driver.home(), (e: unknown) => e instanceof DriverError && e.code === 'alarm' && e.params.code === 'grbl.alarm.9');
    assert.ok(events.codes().includes('grbl.alarm.9'));
  });

  test('settings that do not match the machine profile are named', async (t) => {
    const { driver } = await connected(t, { settings: { 32: 0, 110: 3000 } });
    const mismatches = driver.checkSettings({ laserMode: true, maxRateMmMin: { x: 6000, y: 6000 } });
    assert.deepEqual(
      mismatches.map((m) => [m.setting, m.code, m.severity, m.actual]),
      [
        ['$32', 'grbl.settings_laser_mode_off', 'error', 0],
        ['$110', 'grbl.settings_mismatch', 'warning', 3000],
      ],
    );
  });
});
