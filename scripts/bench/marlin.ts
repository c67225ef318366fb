// Streaming speed of the Marlin driver over a real pseudo-terminal (socat) at 115200 baud, against
// the simulated firmware with wire-rate emulation on (10 bits a byte, both directions): once with
// ADVANCED_OK (the firmware's command buffer kept full) and once with plain oks (one line in flight,
// as OctoPrint streams). The link's own limit is 11520 bytes/s over the mean framed line length.
//
// Alone: node --import tsx scripts/bench/marlin.ts [--lines N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SerialPort } from 'serialport';
import { duplexLink } from '../../jobs/machines/link';
import { createMarlinDriver } from '../../jobs/machines/marlin/driver';
import { attachMarlinSimulator } from '../../test/peers/marlin/attach';
import { openPtyPair } from '../../test/support/pty';

const BAUD = 115200;
const WIRE_BYTES_PER_S = BAUD / 10;

export interface MarlinBenchResult {
  name: string;
  linesPerS: number;
  bytesPerS: number;
  linkLimitLinesPerS: number;
  durationS: number;
}

/** Short moves, the kind a slicer writes for curves: tiny so that the wire, not the motion, is the limit. */
function moves(n: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const x = (12 + (i % 500) * 0.001).toFixed(3);
    const y = (6.7 + (i % 7) * 0.01).toFixed(2);
    out[i] = `G1 X${x} Y${y} E${(0.0123 + (i % 10) * 0.0001).toFixed(4)}`;
  }
  return out;
}

async function run(name: string, advancedOk: boolean, lines: string[]): Promise<MarlinBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-bench-marlin-'));
  const pair = await openPtyPair(join(dir, 'printer'), join(dir, 'kiosk'));
  const port = await new Promise<SerialPort>((resolve, reject) => {
    const p: SerialPort = new SerialPort({ path: pair.b, baudRate: BAUD }, (e) => (e ? reject(e) : resolve(p)));
  });
  const driver = createMarlinDriver(duplexLink(port), { useAdvancedOk: advancedOk, window: 1, greetingMs: 3000 });
  const peer = await attachMarlinSimulator(pair.a, { advancedOk, wireBaud: BAUD, bootMs: 50 });
  try {
    await driver.connect({ timeoutMs: 10_000 });
    // Mode and a fast feed set outside the timing, as a job's start G-code would.
    for (const setup of ['G90', 'M83', 'G1 F9000']) await driver.command(setup);
    const bytes0 = driver.stats.bytesSent;
    const t0 = performance.now();
    for (let i = 0; i < lines.length; i++) await driver.send(lines[i] as string, i);
    await driver.drain();
    const durationS = (performance.now() - t0) / 1000;
    const bytes = driver.stats.bytesSent - bytes0;
    const meanLine = bytes / lines.length;
    const accepted = peer.sim.accepted.filter((l) => l.startsWith('G1 X')).length;
    if (accepted !== lines.length) throw new Error(`${name}: the firmware took ${accepted} of ${lines.length} lines`);
    return {
      name,
      linesPerS: lines.length / durationS,
      bytesPerS: bytes / durationS,
      linkLimitLinesPerS: WIRE_BYTES_PER_S / meanLine,
      durationS,
    };
  } finally {
    await driver.close().catch(() => undefined);
    await peer.close();
    await pair.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchMarlin(opts: { lines: number } = { lines: 20000 }): Promise<MarlinBenchResult[]> {
  const lines = moves(opts.lines);
  return [await run('Marlin ADVANCED_OK (buffer kept full)', true, lines), await run('Marlin plain ok (1 line in flight)', false, lines)];
}

export function formatMarlinBench(results: readonly MarlinBenchResult[]): string {
  const pad = (s: string, w: number): string => s.padStart(w);
  const out = [`${'streaming'.padEnd(40)}${pad('lines/s', 10)}${pad('bytes/s', 10)}${pad('link max', 10)}${pad('% link', 8)}${pad('time s', 9)}`];
  for (const r of results) {
    out.push(
      `${r.name.padEnd(40)}${pad(r.linesPerS.toFixed(0), 10)}${pad(r.bytesPerS.toFixed(0), 10)}${pad(r.linkLimitLinesPerS.toFixed(0), 10)}${pad(((100 * r.linesPerS) / r.linkLimitLinesPerS).toFixed(0), 8)}${pad(r.durationS.toFixed(2), 9)}`,
    );
  }
  const [fast, slow] = results;
  if (fast && slow) out.push(`ADVANCED_OK is ${(fast.linesPerS / slow.linesPerS).toFixed(2)}x plain ok`);
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--lines');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 20000;
  console.log(formatMarlinBench(await benchMarlin({ lines: n })));
}
