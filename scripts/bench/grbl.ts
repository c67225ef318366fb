// Grbl streaming benchmark: raster-like short moves (`G1 X12.3 Y6.7 S300`, what a laser engraving is
// made of) through the real serial stack (serialport on a socat pty) into the simulated Grbl 1.1h, with
// wire-rate emulation on (11,520 bytes/s each way at 115,200 baud). The link is the bottleneck by
// design (each move takes ~1 ms, a line ~1.8 ms on the wire), so the figure to watch is lines/s against
// the link's own limit: character counting should come close to it, send-response cannot.
// The simulator runs in its own process (test/peers/grbl/main.ts), as a board is its own device: the
// driver's process does only what the kiosk's would.
//
//   node --import tsx scripts/bench/grbl.ts [--lines 20000]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SerialPort } from 'serialport';
import { createGrblDriver, type StreamingMode } from '../../jobs/machines/grbl/driver';
import { compactLine } from '../../jobs/machines/grbl/scan';
import { duplexLink } from '../../jobs/machines/link';
import type { GrblSimStats } from '../../test/peers/grbl/simulator';

export interface GrblBenchRow {
  name: string;
  linesPerS: number;
  bytesPerS: number;
  /** 11,520 bytes/s ÷ mean line length (newline included): the most any sender could do. */
  linkLimitLinesPerS: number;
  durationS: number;
}

const BAUD = 115_200;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIMULATOR = fileURLToPath(new URL('../../test/peers/grbl/main.ts', import.meta.url));
const LINK_BYTES_PER_S = BAUD / 10;

/** A serpentine raster: 0.1 mm steps at 6000 mm/min (1 ms each), power changing on every move. */
export function rasterLines(n: number): string[] {
  const out: string[] = [];
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / 400);
    const col = i % 400;
    const x = (row % 2 === 0 ? col : 399 - col) * 0.1 + 2.345;
    seed = (seed * 1103515245 + 12345) >>> 0;
    out.push(`G1 X${x.toFixed(3)} Y${(row * 0.1 + 6.7).toFixed(1)} S${seed % 1000}`);
  }
  return out;
}

async function socatPair(dir: string, name: string): Promise<{ a: string; b: string; close(): Promise<void> }> {
  const a = join(dir, `${name}-board`);
  const b = join(dir, `${name}-host`);
  const proc = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  const end = Date.now() + 5000;
  while (!(existsSync(a) && existsSync(b))) {
    if (proc.exitCode !== null || Date.now() > end) throw new Error('socat did not start (apt-get install socat)');
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    a,
    b,
    close: () =>
      new Promise((done) => {
        if (proc.exitCode !== null) return done();
        proc.once('exit', () => done());
        proc.kill('SIGTERM');
      }),
  };
}

/** Starts the simulator process on `path`; resolves once it has its port open. */
async function startSimulator(path: string): Promise<{ child: ChildProcess; stop(): Promise<GrblSimStats & { lines: number }> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SIMULATOR, '--port', path, '--baud-delay'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes(' on ')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`simulator exited (${code}): ${err}`)));
  });
  return {
    child,
    stop: () =>
      new Promise((resolve, reject) => {
        child.once('exit', () => {
          try {
            resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as GrblSimStats & { lines: number });
          } catch {
            reject(new Error(`no statistics from the simulator: ${err}`));
          }
        });
        child.kill('SIGTERM');
      }),
  };
}

async function run(dir: string, name: string, streaming: StreamingMode, compact: boolean, lines: readonly string[]): Promise<GrblBenchRow> {
  const pair = await socatPair(dir, name.replace(/\W+/g, '-'));
  const port = new SerialPort({ path: pair.b, baudRate: BAUD, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  const driver = createGrblDriver(duplexLink(port), { streaming, compactWhitespace: compact });
  const sim = await startSimulator(pair.a);
  let stopped = false;
  try {
    await driver.connect();
    await driver.command('G90 G21 M4 S0 F6000');
    // Untimed warm-up (both processes' JIT), then the head parked on the first point, so the timing
    // is the raster and not a travel move.
    const warm = lines.slice(0, Math.min(500, lines.length));
    for (let i = 0; i < warm.length; i++) await driver.send(warm[i]!, -1 - i);
    await driver.drain();
    await driver.command(lines[0]!);
    const idleBy = Date.now() + 5000;
    while (driver.lastReport.state !== 'idle' && Date.now() < idleBy) await new Promise((r) => setTimeout(r, 20));
    const started = performance.now();
    for (let i = 0; i < lines.length; i++) await driver.send(lines[i]!, i + 1);
    await driver.drain();
    const durationS = (performance.now() - started) / 1000;
    await driver.close();
    const stats = await sim.stop();
    stopped = true;
    // $I, $$, the set-up line, the warm-up, the parking line, then the job.
    const before = 4 + warm.length;
    if (stats.overflowBytes !== 0 || stats.lines !== lines.length + before) {
      throw new Error(`${name}: ${stats.lines - before}/${lines.length} lines, ${stats.overflowBytes} bytes dropped`);
    }
    const bytes = lines.reduce((sum, l) => sum + (compact ? compactLine(l) : l).length + 1, 0);
    return {
      name,
      linesPerS: lines.length / durationS,
      bytesPerS: bytes / durationS,
      linkLimitLinesPerS: LINK_BYTES_PER_S / (bytes / lines.length),
      durationS,
    };
  } finally {
    await driver.close();
    if (!stopped) await sim.stop().catch(() => undefined);
    await pair.close();
  }
}

export async function benchGrbl(opts: { lines: number } = { lines: 20_000 }): Promise<GrblBenchRow[]> {
  const lines = rasterLines(opts.lines);
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-bench-grbl-'));
  try {
    return [
      await run(dir, 'character-counting', 'character-counting', false, lines),
      await run(dir, 'send-response', 'send-response', false, lines),
      await run(dir, 'character-counting, spaces removed', 'character-counting', true, lines),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatGrblBench(rows: readonly GrblBenchRow[]): string {
  const head = ['streaming', 'lines/s', 'bytes/s', 'link limit lines/s', 'of limit', 'duration s'];
  const body = rows.map((r) => [
    r.name,
    r.linesPerS.toFixed(0),
    r.bytesPerS.toFixed(0),
    r.linkLimitLinesPerS.toFixed(0),
    `${((100 * r.linesPerS) / r.linkLimitLinesPerS).toFixed(1)} %`,
    r.durationS.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--lines');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 20_000;
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write('--lines needs a positive whole number\n');
    process.exit(2);
  }
  process.stderr.write(`Grbl streaming: ${n} raster lines over a socat pty at ${BAUD} baud (wire rate emulated)…\n`);
  const rows = await benchGrbl({ lines: n });
  process.stdout.write(formatGrblBench(rows) + '\n');
}
