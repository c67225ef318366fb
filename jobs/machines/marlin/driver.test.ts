// The Marlin driver against the simulated firmware over an in-memory cable: what a maker or a
// trainer would notice (lines lost or doubled, a print that hangs, a pause that leaves a blob).
import assert from 'node:assert/strict';
import { Duplex } from 'node:stream';
import { test } from 'node:test';
import { scaledClock } from '../../../test/peers/marlin/clock';
import { memoryCable, type MemoryCable } from '../../../test/peers/marlin/memory';
import type { MarlinSimOptions } from '../../../test/peers/marlin/simulator';
import { DriverError, type DriverErrorCode, type DriverMessage, type MachineReport } from '../driver';
import { duplexLink } from '../link';
import { createMarlinDriver, type MarlinDriver, type MarlinDriverOptions } from './driver';

interface Rig {
  driver: MarlinDriver;
  cable: MemoryCable;
  messages: DriverMessage[];
  reports: MachineReport[];
  trace: string[];
  close(): Promise<void>;
}

async function rig(sim: MarlinSimOptions = {}, options: MarlinDriverOptions = {}, connect = true): Promise<Rig> {
  const cable = memoryCable({ bootMs: 5, busyIntervalMs: 100, residencyMs: 200, ...sim });
  const trace: string[] = [];
  const driver = createMarlinDriver(duplexLink(cable.port), {
    ackTimeoutMs: 200,
    greetingMs: 300,
    trace: (d, t) => trace.push(`${d} ${t}`),
    ...options,
  });
  const messages: DriverMessage[] = [];
  const reports: MachineReport[] = [];
  driver.on('message', (m) => messages.push(m));
  driver.on('report', (r) => reports.push(r));
  cable.sim.open();
  if (connect) await driver.connect({ timeoutMs: 3000 });
  return {
    driver,
    cable,
    messages,
    reports,
    trace,
    async close() {
      await driver.close().catch(() => undefined);
      cable.close();
    },
  };
}

/** Tiny fast moves: the link, not the motion, sets the pace. */
function job(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + from;
    return `G1 X${(10 + (i % 100) * 0.01).toFixed(2)} Y${(20 + (i % 37) * 0.01).toFixed(2)} E${(i * 0.0005).toFixed(4)} F6000`;
  });
}

async function stream(r: Rig, lines: string[]): Promise<number[]> {
  const acked: number[] = [];
  const off = r.driver.on('acked', (t) => acked.push(t));
  for (let i = 0; i < lines.length; i++) await r.driver.send(lines[i] as string, i);
  await r.driver.drain();
  off();
  return acked;
}

const delivered = (r: Rig): string[] => r.cable.sim.accepted.filter((l) => l.startsWith('G1 X'));
const isCode = (code: DriverErrorCode) => (e: unknown) => e instanceof DriverError && e.code === code;
const sent = (r: Rig, n: number): number => r.trace.filter((t) => t.startsWith(`out N${n} `)).length;
/** How many times a job line went out, whatever its number. */
const writes = (r: Rig, text: string): number => r.trace.filter((t) => /^out N\d+ (.*)\*\d+$/.exec(t)?.[1] === text).length;
/** The job line that went out with number n. */
const lineAt = (r: Rig, n: number): string => {
  const t = r.trace.find((x) => x.startsWith(`out N${n} `)) ?? '';
  return t.slice(t.indexOf(' ', 4) + 1, t.lastIndexOf('*'));
};

test('connect reads the firmware, its capabilities and turns temperature reports on', { timeout: 15_000 }, async () => {
  const r = await rig({ clock: scaledClock(5) });
  try {
    const info = r.driver.info;
    assert.ok(info);
    assert.equal(info.firmware, 'marlin');
    assert.equal(info.version, 'Marlin 2.1.2.1');
    assert.equal(info.capabilities.AUTOREPORT_TEMP, true);
    assert.equal(info.capabilities.EMERGENCY_PARSER, true);
    assert.equal(info.capabilities.ADVANCED_OK, false);
    assert.equal(info.capabilities.OK_AFTER_RESEND, true, 'probed: Marlin 2.1 says ok after Resend');
    assert.ok(info.greeting.includes('start'));
    assert.ok(r.cable.sim.accepted.includes('M155 S1'));
    assert.equal(r.driver.lastReport.state, 'idle');
    await new Promise((res) => setTimeout(res, 300));
    const t = r.reports.at(-1)?.temperatures?.tool;
    assert.ok(t && t.actual > 15 && t.target === 0, 'auto-reported temperatures reach the board');
  } finally {
    await r.close();
  }
});

test('with ADVANCED_OK it learns the command buffer and keeps several lines in flight without overflowing', { timeout: 15_000 }, async () => {
  // Real moves (the planner fills and the firmware stops reading), an AVR-sized receive buffer.
  const r = await rig({ advancedOk: true, rxBufferSize: 128, clock: scaledClock(4) });
  try {
    assert.equal(r.driver.info?.capabilities.ADVANCED_OK, true);
    const lines = Array.from({ length: 120 }, (_, i) => `G1 X${(i % 2) * 5} Y${i % 3} F6000`);
    await stream(r, lines);
    assert.deepEqual(
      r.cable.sim.accepted.filter((l) => l.startsWith('G1 X')),
      lines,
    );
    assert.ok(r.driver.stats.maxInFlight > 1, `in flight: ${r.driver.stats.maxInFlight}`);
    assert.ok(r.driver.stats.maxInFlight <= 4, 'never more than the firmware can hold');
    assert.equal(r.cable.sim.stats.rxOverflowBytes, 0);
    assert.ok(r.cable.sim.stats.maxRxBacklog <= 128);
    assert.equal(r.cable.sim.stats.maxQueue, 4, 'the firmware buffer was kept full');
  } finally {
    await r.close();
  }
});

test('without ADVANCED_OK one line is in flight at a time', { timeout: 15_000 }, async () => {
  const r = await rig();
  try {
    await stream(r, job(200));
    assert.equal(r.driver.stats.maxInFlight, 1);
    assert.deepEqual(delivered(r), job(200));
  } finally {
    await r.close();
  }
});

for (const okAfterResend of [true, false]) {
  test(`corrupted lines are resent and land once, in order (firmware ${okAfterResend ? 'with' : 'without'} ok after Resend)`, { timeout: 15_000 }, async () => {
    const r = await rig({ okAfterResend, faults: { seed: 7, corruptRate: 0.05 } });
    try {
      assert.equal(r.driver.info?.capabilities.OK_AFTER_RESEND, okAfterResend, 'the probe at connect told them apart');
      const lines = job(400);
      const acked = await stream(r, lines);
      assert.deepEqual(delivered(r), lines);
      assert.deepEqual(acked, lines.map((_, i) => i), 'every line acknowledged once: the ok after Resend: is not counted');
      assert.ok(r.driver.stats.resends >= 10, `resends: ${r.driver.stats.resends}`);
      assert.equal(r.driver.stats.tickles, 0, 'no ack was ever miscounted into a timeout');
    } finally {
      await r.close();
    }
  });
}

test('duplicate resend requests from lines already on their way are ignored', { timeout: 15_000 }, async () => {
  // Four lines in flight (ADVANCED_OK); line 20 arrives broken, 21..23 are each refused in turn and
  // each refusal asks for 20 again (the firmware keeps them in its buffer: no flush).
  const r = await rig({ advancedOk: true, flushOnError: false, faults: { corruptLines: [20] } });
  try {
    const lines = job(60);
    await stream(r, lines);
    assert.deepEqual(delivered(r), lines);
    const refusedBehind = r.cable.sim.stats.lineNumberErrors;
    assert.ok(refusedBehind >= 1, 'lines behind the broken one were refused');
    assert.equal(r.driver.stats.duplicateResendsIgnored, refusedBehind);
    assert.equal(r.driver.stats.resends, 1, 'one resend, not one per request');
    assert.equal(sent(r, 20), 2, 'line 20 written twice: once broken, once resent');
    for (let n = 21; n <= 20 + refusedBehind; n++) assert.equal(sent(r, n), 2, `line ${n}`);
  } finally {
    await r.close();
  }
});

test('a line refused again and again ends in resend_loop, not a hang; cancel then recovers', { timeout: 15_000 }, async () => {
  const r = await rig({ faults: { resendForeverLine: 30 } }, { maxResendCycles: 5 });
  try {
    const lines = job(60);
    const sending = (async () => {
      for (let i = 0; i < lines.length; i++) await r.driver.send(lines[i] as string, i);
      await r.driver.drain();
    })();
    await assert.rejects(sending, isCode('resend_loop'));
    assert.ok(r.messages.some((m) => m.code === 'marlin.resend_loop' && m.severity === 'error'));
    assert.equal(r.driver.lastReport.state, 'error');
    assert.equal(sent(r, 30), 6, 'first try and five resends, then it stops');
    const stuckAt = lines.indexOf(lineAt(r, 30));
    assert.ok(stuckAt > 0);
    await assert.rejects(r.driver.send('G1 X1', 99), isCode('resend_loop'));
    await r.driver.cancel();
    assert.equal(r.driver.lastReport.state, 'idle');
    assert.ok(r.cable.sim.accepted.includes('M104 S0'), 'after a resync the firmware listens again');
    assert.deepEqual(
      delivered(r),
      lines.slice(0, stuckAt),
      'nothing after the stuck line ran',
    );
  } finally {
    await r.close();
  }
});

test('without temperature auto-report it polls M105 between job lines without disturbing the count', { timeout: 15_000 }, async () => {
  // Corrupted lines, lost oks, and M105 replies among them (some lost too): still exactly once.
  const r = await rig({ autoreportTemp: false, faults: { seed: 11, corruptRate: 0.02, dropOkRate: 0.01 } }, { pollMs: 40 });
  try {
    assert.equal(r.driver.info?.capabilities.AUTOREPORT_TEMP, false);
    const lines = job(400);
    const acked = await stream(r, lines);
    assert.deepEqual(delivered(r), lines);
    assert.deepEqual(acked, lines.map((_, i) => i));
    const polls = r.cable.sim.accepted.filter((l) => l === 'M105').length;
    assert.ok(polls >= 5, `polls: ${polls}`);
    assert.ok(r.reports.some((x) => x.temperatures?.tool !== undefined));
  } finally {
    await r.close();
  }
});

test('lost oks are recovered by the sync marker without sending any line twice', { timeout: 15_000 }, async () => {
  const r = await rig({ faults: { dropOkLines: [15, 16, 40, 120] } });
  try {
    const lines = job(150);
    const t0 = Date.now();
    const acked = await stream(r, lines);
    assert.deepEqual(delivered(r), lines);
    assert.deepEqual(acked, lines.map((_, i) => i));
    assert.equal(r.driver.stats.lostOksRecovered, 4);
    assert.ok(r.messages.some((m) => m.code === 'marlin.lost_ok_recovered'));
    for (const l of lines) assert.equal(writes(r, l), 1, l);
    assert.ok(Date.now() - t0 < 4 * 200 + 2000, 'each lost ok costs one ack timeout, no more');
  } finally {
    await r.close();
  }
});

test('the marker also repairs a lost line (not only a lost ok): it is resent once', { timeout: 15_000 }, async () => {
  // Line 25 arrives broken and the firmware's answer (Error + Resend) is lost on the way back: nothing
  // more comes, the firmware waits for 25, the driver for its ok.
  const r = await rig({ okAfterResend: false, faults: { corruptLines: [25] } }, { okAfterResend: false });
  try {
    const port = r.cable.port;
    const original = port.push.bind(port);
    let dropped = 0;
    port.push = (chunk: unknown) => {
      // One line per chunk on this cable: the first Error and Resend lines vanish.
      if (Buffer.isBuffer(chunk) && dropped < 2 && /^(Resend|Error):/.test(chunk.toString('latin1'))) {
        dropped++;
        return true;
      }
      return original(chunk);
    };
    const lines = job(40);
    await stream(r, lines);
    assert.equal(dropped, 2);
    assert.deepEqual(delivered(r), lines);
    assert.equal(sent(r, 25), 2);
  } finally {
    await r.close();
  }
});

test('heating waits send temperatures, not oks, and are not mistaken for a lost ok', { timeout: 15_000 }, async () => {
  const r = await rig({ clock: scaledClock(40), heatRate: { tool: 2.5, bed: 1 } });
  try {
    const t0 = Date.now();
    await r.driver.command('M109 S80');
    assert.ok(Date.now() - t0 > 400, 'it did wait');
    assert.equal(r.driver.stats.tickles, 0);
    await r.driver.command('M105');
    const t = r.driver.lastReport.temperatures?.tool;
    assert.ok(t && t.target === 80 && Math.abs(t.actual - 80) <= 1.5, JSON.stringify(t));
  } finally {
    await r.close();
  }
});

test('breakWait (M108) ends a heating wait at once', { timeout: 15_000 }, async () => {
  const r = await rig({ clock: scaledClock(2) });
  try {
    const t0 = Date.now();
    const heating = r.driver.command('M109 S250');
    await new Promise((res) => setTimeout(res, 150));
    await r.driver.breakWait();
    await heating;
    assert.ok(Date.now() - t0 < 1500);
  } finally {
    await r.close();
  }
});

test('a firmware reset in the middle of a job rejects with firmware_reset, then the printer is usable again', { timeout: 15_000 }, async () => {
  const r = await rig({ faults: { resetAtLine: 50 } });
  let resets = 0;
  r.driver.on('reset', () => resets++);
  try {
    const lines = job(100);
    await assert.rejects(stream(r, lines), isCode('firmware_reset'));
    assert.equal(resets, 1);
    assert.ok(r.messages.some((m) => m.code === 'marlin.reset_detected'));
    for (let i = 0; i < 100 && r.driver.lastReport.state !== 'idle'; i++) await new Promise((res) => setTimeout(res, 20));
    assert.equal(r.driver.lastReport.state, 'idle');
    const again = job(10, 500);
    await stream(r, again);
    assert.deepEqual(delivered(r).slice(-10), again);
  } finally {
    await r.close();
  }
});

test('pause parks the head, resume puts it back, re-heats, restores E, modes and feed', { timeout: 15_000 }, async () => {
  const r = await rig(
    { clock: scaledClock(10), heatRate: { tool: 50, bed: 20 }, residencyMs: 100 },
    { pause: { zMax: 200, yMax: 210 } },
  );
  try {
    const start = ['M104 S200', 'M140 S60', 'M109 S200', 'G90', 'M82', 'G92 E0', 'G1 Z0.3 F600', 'G1 X50 Y60 F3000', 'G1 X60 Y60 E1.5 F1200'];
    for (let i = 0; i < start.length; i++) await r.driver.send(start[i] as string, i);
    await r.driver.drain();
    await r.driver.pause();
    assert.equal(r.driver.lastReport.state, 'paused');
    const parked = r.cable.sim.position;
    assert.deepEqual([parked.x, parked.y, Math.round(parked.z * 10) / 10, parked.e], [0, 210, 10.3, -0.5]);
    // Lines given during the pause wait: that is the back-pressure.
    let fed = false;
    const next = r.driver.send('G1 X70 Y60 E2 F1200', 100).then(() => (fed = true));
    await new Promise((res) => setTimeout(res, 100));
    assert.equal(fed, false);
    // Someone turned the nozzle off during the pause: resume heats it again before moving.
    await r.driver.command('M104 S0');
    await r.driver.resume();
    await next;
    await r.driver.drain();
    const tail = r.cable.sim.accepted.slice(r.cable.sim.accepted.lastIndexOf('M104 S0') + 1);
    assert.ok(tail.includes('M109 S200'), tail.join(' | '));
    assert.ok(tail.indexOf('G1 X60 Y60 F6000') < tail.indexOf('G1 Z0.3 F600'), 'XY first, then down');
    assert.ok(tail.includes('G92 E1.5'));
    assert.deepEqual(r.cable.sim.modes, { relative: false, relativeE: false, feed: 1200 });
    const p = r.cable.sim.position;
    assert.deepEqual([p.x, p.y, Math.round(p.z * 10) / 10, p.e], [70, 60, 0.3, 2]);
    assert.equal(r.driver.lastReport.state, 'running');
  } finally {
    await r.close();
  }
});

test('cancel drops what is pending, quick-stops and turns heaters and fan off', { timeout: 15_000 }, async () => {
  const r = await rig({ clock: scaledClock(1) });
  try {
    await r.driver.send('M104 S200', 0);
    const slow = Array.from({ length: 40 }, (_, i) => `G1 X${(i % 2) * 100} F3000`);
    const sending = (async () => {
      for (let i = 0; i < slow.length; i++) await r.driver.send(slow[i] as string, i + 1);
    })();
    await new Promise((res) => setTimeout(res, 300));
    const stopped = assert.rejects(sending, isCode('cancelled'));
    const drained = assert.rejects(r.driver.drain(), isCode('cancelled'));
    await r.driver.cancel();
    await stopped;
    await drained;
    const tail = r.cable.sim.accepted.slice(-4);
    assert.deepEqual(tail, ['M410', 'M104 S0', 'M140 S0', 'M107']);
    assert.equal(r.cable.sim.temperatures.tool.target, 0);
    assert.ok(delivered(r).length < slow.length);
    assert.equal(r.driver.lastReport.state, 'idle');
    await stream(r, job(5));
  } finally {
    await r.close();
  }
});

test('emergency stop halts at once; unlock says a reset is needed', { timeout: 15_000 }, async () => {
  const r = await rig({ clock: scaledClock(2) });
  try {
    const heating = r.driver.command('M109 S250');
    const queued = r.driver.send('G1 X10', 1);
    await new Promise((res) => setTimeout(res, 100));
    await r.driver.emergencyStop();
    await assert.rejects(heating, isCode('emergency_stop'));
    await assert.rejects(queued, isCode('emergency_stop'));
    await new Promise((res) => setTimeout(res, 50));
    assert.equal(r.cable.sim.halted, true);
    assert.equal(r.driver.lastReport.state, 'error');
    assert.ok(r.messages.some((m) => m.code === 'marlin.error.halted'));
    await assert.rejects(r.driver.send('G1 X1', 2), isCode('firmware_error'));
    await assert.rejects(r.driver.unlock(), (e: unknown) => e instanceof DriverError && e.params.code === 'marlin.halted_needs_reset');
  } finally {
    await r.close();
  }
});

test('thermal runaway mid-job: clear error message, job rejected, state error', { timeout: 15_000 }, async () => {
  const r = await rig({ faults: { thermalRunawayAtLine: 20 } });
  try {
    await assert.rejects(stream(r, job(50)), isCode('firmware_error'));
    const m = r.messages.find((x) => x.code === 'marlin.error.thermal_runaway');
    assert.ok(m);
    assert.equal(m.severity, 'error');
    assert.equal(m.params?.context, 'tool');
    assert.equal(r.driver.lastReport.state, 'error');
  } finally {
    await r.close();
  }
});

test('pulling the cable rejects everything pending with link_lost and says closed', { timeout: 15_000 }, async () => {
  const r = await rig();
  try {
    let closed = false;
    r.driver.on('closed', () => (closed = true));
    await r.driver.send('G4 S10', 0);
    const pending = assert.rejects(r.driver.send('G1 X5', 1), isCode('link_lost'));
    const drained = assert.rejects(r.driver.drain(), isCode('link_lost'));
    r.cable.unplug();
    await pending;
    await drained;
    assert.ok(closed);
    assert.equal(r.driver.lastReport.state, 'offline');
    await assert.rejects(r.driver.send('G1 X1', 2), isCode('link_lost'));
  } finally {
    await r.close();
  }
});

test('unknown commands, cold extrusion and too-long lines get clear messages', { timeout: 15_000 }, async () => {
  const r = await rig();
  try {
    await r.driver.send('M12345', 7);
    await r.driver.drain();
    const unknown = r.messages.find((m) => m.code === 'marlin.unknown_command');
    assert.equal(unknown?.params?.command, 'M12345');
    assert.equal(unknown?.line, 7);
    await assert.rejects(r.driver.send(`M117 ${'x'.repeat(100)}`, 8), isCode('firmware_error'));
    assert.ok(r.messages.some((m) => m.code === 'marlin.line_too_long'));
  } finally {
    await r.close();
  }
});

test('home and jog move the head and leave the job modes as they were', { timeout: 15_000 }, async () => {
  const r = await rig({ clock: scaledClock(10) });
  try {
    await r.driver.send('M83', 0);
    await r.driver.drain();
    await r.driver.home();
    assert.deepEqual(r.driver.lastReport.position, { x: 0, y: 0, z: 0 });
    await r.driver.jog({ x: 10, y: -0, z: 2, feedMmMin: 3000 });
    const p = r.cable.sim.position;
    assert.deepEqual([p.x, p.z], [10, 2]);
    assert.deepEqual(r.cable.sim.modes.relative, false);
    assert.deepEqual(r.cable.sim.modes.relativeE, true, 'M83 restored after the jog');
    await r.driver.send('G4 S5', 1);
    await assert.rejects(r.driver.jog({ x: 1, feedMmMin: 1000 }), isCode('firmware_error'), 'no jogging into a running job');
  } finally {
    await r.close();
  }
});

test('a silent port times out; one that is not Marlin is refused', { timeout: 15_000 }, async () => {
  const silent = new Duplex({ read() {}, write(_c, _e, done) { done(); } });
  const d1 = createMarlinDriver(duplexLink(silent), { greetingMs: 50, handshakeRetryMs: 100 });
  await assert.rejects(d1.connect({ timeoutMs: 400 }), isCode('timeout'));
  await d1.close();

  // Answers ok to everything but calls itself RepRapFirmware.
  const other: Duplex = new Duplex({
    read() {},
    write(chunk: Buffer, _e, done) {
      const text = chunk.toString('latin1');
      setImmediate(() => {
        if (text.includes('M115')) other.push('FIRMWARE_NAME: RepRapFirmware for Duet 3 FIRMWARE_VERSION: 3.4\nok\n');
        else other.push('ok\n');
      });
      done();
    },
  });
  const d2 = createMarlinDriver(duplexLink(other), { greetingMs: 50 });
  await assert.rejects(d2.connect({ timeoutMs: 1000 }), isCode('unexpected_firmware'));
  await d2.close();
});
