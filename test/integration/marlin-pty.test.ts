// The Marlin driver through the real serial stack: `serialport` on one end of a socat pseudo-terminal
// pair, the simulated firmware on the other, with the faults a long USB cable next to a stepper
// driver produces.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SerialPort } from 'serialport';
import { DriverError } from '../../jobs/machines/driver';
import { duplexLink } from '../../jobs/machines/link';
import { createMarlinDriver, type MarlinDriver, type MarlinDriverOptions } from '../../jobs/machines/marlin/driver';
import { attachMarlinSimulator, type AttachedSimulator } from '../peers/marlin/attach';
import type { MarlinSimOptions } from '../peers/marlin/simulator';
import { openPtyPair, type PtyPair } from '../support/pty';

interface Rig {
  driver: MarlinDriver;
  peer: AttachedSimulator;
  pair: PtyPair;
  close(): Promise<void>;
}

async function rig(sim: MarlinSimOptions, options: MarlinDriverOptions = {}): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-marlin-pty-'));
  const pair = await openPtyPair(join(dir, 'printer'), join(dir, 'kiosk'));
  const port = await new Promise<SerialPort>((resolve, reject) => {
    const p: SerialPort = new SerialPort({ path: pair.b, baudRate: 115200 }, (e) => (e ? reject(e) : resolve(p)));
  });
  const driver = createMarlinDriver(duplexLink(port), { greetingMs: 1500, ...options });
  // Opening the kiosk's end first, then the board greets: as a real board resets when the port opens.
  const peer = await attachMarlinSimulator(pair.a, { bootMs: 30, busyIntervalMs: 100, ...sim });
  return {
    driver,
    peer,
    pair,
    async close() {
      await driver.close().catch(() => undefined);
      await peer.close();
      await pair.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function job(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `G1 X${(10 + (i % 100) * 0.01).toFixed(2)} Y${(20 + (i % 37) * 0.01).toFixed(2)} E${(i * 0.0005).toFixed(4)}`);
}

test('5,000 lines through a noisy cable (1% corrupted, 0.5% of oks lost) arrive exactly once, in order', async () => {
  for (const advancedOk of [false, true]) {
    const r = await rig(
      { advancedOk, faults: { seed: 2024, corruptRate: 0.01, dropOkRate: 0.005 } },
      { ackTimeoutMs: 100 },
    );
    try {
      await r.driver.connect({ timeoutMs: 5000 });
      await r.driver.command('G1 F12000');
      const lines = job(5000);
      const acked: number[] = [];
      r.driver.on('acked', (tag) => acked.push(tag));
      const t0 = performance.now();
      for (let i = 0; i < lines.length; i++) await r.driver.send(lines[i] as string, i);
      await r.driver.drain();
      const seconds = (performance.now() - t0) / 1000;

      const delivered = r.peer.sim.accepted.filter((l) => l.startsWith('G1 X'));
      assert.equal(delivered.length, lines.length, 'every job line reached the firmware once');
      assert.deepEqual(delivered, lines, 'in order, unaltered');
      assert.deepEqual(acked, lines.map((_, i) => i), 'each line acknowledged once, in order');
      const s = r.driver.stats;
      const sim = r.peer.sim.stats;
      assert.ok(sim.corrupted > 20 && sim.oksDropped > 10, 'the faults did happen');
      assert.ok(s.resends > 0);
      console.log(
        `${advancedOk ? 'ADVANCED_OK' : 'plain ok   '}: ${lines.length} lines in ${seconds.toFixed(1)} s, ` +
          `${sim.corrupted} corrupted, ${sim.oksDropped} oks lost -> ${s.resends} resends, ` +
          `${s.duplicateResendsIgnored} duplicate requests ignored, ${s.lostOksRecovered} lost oks recovered, ${s.tickles} sync markers`,
      );
    } finally {
      await r.close();
    }
  }
});

test('pulling the cable rejects what is pending with link_lost and says closed', async () => {
  const r = await rig({}, { ackTimeoutMs: 300 });
  try {
    await r.driver.connect({ timeoutMs: 5000 });
    let closed = false;
    r.driver.on('closed', () => (closed = true));
    // A long dwell keeps the firmware busy so the next lines wait for room.
    await r.driver.send('G4 S30', 0);
    const lost = (e: unknown): boolean => e instanceof DriverError && e.code === 'link_lost';
    const pending = assert.rejects(r.driver.send('G1 X1', 1), lost);
    const drained = assert.rejects(r.driver.drain(), lost);
    await r.pair.close(); // socat gone: both pseudo-terminals vanish, as a USB adapter pulled out
    await pending;
    await drained;
    assert.ok(closed);
    assert.equal(r.driver.lastReport.state, 'offline');
  } finally {
    await r.close();
  }
});

test('a port that answers like Grbl is refused as unexpected firmware', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-marlin-pty-'));
  const pair = await openPtyPair(join(dir, 'grbl'), join(dir, 'kiosk'));
  const open = (path: string): Promise<SerialPort> =>
    new Promise((resolve, reject) => {
      const p: SerialPort = new SerialPort({ path, baudRate: 115200 }, (e) => (e ? reject(e) : resolve(p)));
    });
  const kiosk = await open(pair.b);
  const grbl = await open(pair.a);
  grbl.on('data', () => grbl.write('error:20\r\n'));
  const driver = createMarlinDriver(duplexLink(kiosk), { greetingMs: 100 });
  try {
    grbl.write("\r\nGrbl 1.1h ['$' for help]\r\n");
    await assert.rejects(driver.connect({ timeoutMs: 3000 }), (e: unknown) => e instanceof DriverError && e.code === 'unexpected_firmware');
  } finally {
    await driver.close();
    await new Promise<void>((resolve) => grbl.close(() => resolve()));
    await pair.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
