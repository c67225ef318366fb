// The Grbl driver through the real serial stack: `serialport` on one end of a socat pseudo-terminal
// pair, the simulated board on the other, as with a USB laser on the kiosk.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test, type TestContext } from 'node:test';
import { SerialPort } from 'serialport';
import { DriverError } from '../../jobs/machines/driver';
import { createGrblDriver, type GrblDriverOptions } from '../../jobs/machines/grbl/driver';
import { duplexLink } from '../../jobs/machines/link';
import { attachGrbl } from '../peers/grbl/attach';
import type { GrblSimulatorOptions } from '../peers/grbl/simulator';
import { openPtyPair } from '../support/pty';

const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-grbl-pty-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let pairs = 0;

async function rig(t: TestContext, sim: GrblSimulatorOptions = {}, options: GrblDriverOptions = {}) {
  const n = ++pairs;
  const pair = await openPtyPair(join(dir, `grbl${n}`), join(dir, `ttyHOST${n}`));
  const port = new SerialPort({ path: pair.b, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  port.on('error', () => {});
  const driver = createGrblDriver(duplexLink(port), { pollMs: 50, ...options });
  const acked: number[] = [];
  let closed = 0;
  driver.on('acked', (tag) => acked.push(tag));
  driver.on('closed', () => closed++);
  // The board powers up once the host has its port open, so the greeting reaches it.
  const peer = await attachGrbl(pair.a, { timeScale: 20, ...sim });
  t.after(async () => {
    await driver.close();
    await peer.close();
    await pair.close();
  });
  await driver.connect();
  return { pair, peer, driver, acked, closed: () => closed };
}

async function stream(driver: ReturnType<typeof createGrblDriver>, lines: readonly string[]): Promise<DriverError | null> {
  try {
    for (let i = 0; i < lines.length; i++) await driver.send(lines[i]!, i + 1);
    await driver.drain();
    return null;
  } catch (e) {
    assert.ok(e instanceof DriverError);
    return e;
  }
}

const raster = (n: number): string[] => ['G90 G21 M4 S0 F6000', ...Array.from({ length: n }, (_, i) => `G1 X${((i % 200) * 0.1).toFixed(1)} Y${(Math.floor(i / 200) * 0.1).toFixed(1)} S${(i * 37) % 1000}`)];

describe('Grbl over a socat pty', () => {
  test('streams 3,000 lines: all delivered once, in order, no byte dropped; overrides cross as raw bytes', async (t) => {
    const { peer, driver, acked } = await rig(t);
    const lines = raster(3000);
    const job = stream(driver, lines);
    await driver.override('feed', '+10');
    assert.equal(await job, null);
    assert.deepEqual(peer.sim.log.filter((l) => !l.startsWith('$')), lines);
    assert.equal(acked.length, lines.length);
    assert.equal(peer.sim.stats.overflowBytes, 0);
    assert.ok(peer.sim.stats.maxRxUsed > 64, `buffer kept busy (max ${peer.sim.stats.maxRxUsed})`);
    assert.ok(peer.sim.stats.realtime.includes(0x91));
    assert.equal(peer.sim.stats.unknownRealtimeBytes, 0, 'no UTF-8 on the wire');
    assert.equal(driver.lastReport.overrides?.feed, 110);
  });

  test('at the wire rate (115,200 baud), character counting keeps the link busy', async (t) => {
    const { driver } = await rig(t, { baud: 115_200, timeScale: 50 });
    const lines = raster(400);
    const bytes = lines.reduce((s, l) => s + l.length + 1, 0);
    const started = performance.now();
    assert.equal(await stream(driver, lines), null);
    const seconds = (performance.now() - started) / 1000;
    const share = bytes / seconds / 11_520;
    assert.ok(share > 0.5, `${Math.round(share * 100)} % of the link's 11,520 bytes/s`);
  });

  test('cable pulled mid-job (socat killed): the job ends with link_lost and the driver says closed', async (t) => {
    const { pair, driver, closed } = await rig(t, { timeScale: 1 });
    const job = stream(driver, raster(2000));
    await new Promise((r) => setTimeout(r, 200));
    await pair.close();
    const err = await job;
    assert.equal(err?.code, 'link_lost');
    assert.equal(closed(), 1);
    assert.equal(driver.lastReport.state, 'offline');
  });

  test('board dead behind its USB adapter (port stays open, silence): a clear timeout, not a hang', async (t) => {
    const { peer, driver } = await rig(t, { timeScale: 1 }, { ackTimeoutMs: 400 });
    const job = stream(driver, raster(2000));
    await new Promise((r) => setTimeout(r, 200));
    await peer.unplug();
    const err = await job;
    assert.equal(err?.code, 'timeout');
    assert.equal(err?.params.code, 'grbl.no_response');
  });
});
