// `fabkiosk ports` and `fabkiosk send` from the built command line, to firmware simulators behind
// real pseudo-terminals: a laser engraving to Grbl, a print to Marlin, and the JSON summary DESIGN.md names.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { attachGrbl } from '../peers/grbl/attach';
import { attachMarlinSimulator } from '../peers/marlin/attach';
import { scaledClock } from '../peers/marlin/clock';
import { fixture } from '../support/fixtures';
import { openPtyPair } from '../support/pty';
import { repoRoot } from '../support/temp-backend';

const cli = join(repoRoot, 'dist-electron', 'cli.js');
const env = { ...process.env, FABKIOSK_LANG: 'fr' };
const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-send-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sendable = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/;.*$/, '').replace(/\([^)]*\)/g, '').trim())
    .filter(Boolean);

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('send streams a laser engraving to Grbl: every line once, in order, and a JSON summary', async () => {
  const pty = await openPtyPair(join(dir, 'laser-kiosk'), join(dir, 'laser-board'));
  const board = await attachGrbl(pty.b, {});
  try {
    const file = fixture('gcode/laser/t2laser-raster-snippet.nc');
    const r = await run(['send', file, '--port', pty.a, '--firmware', 'grbl', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout) as { linesSent: number; linesAcked: number; resends: number; errors: number; durationS: number; outcome: string };
    const lines = sendable(readFileSync(file, 'latin1'));
    assert.equal(summary.outcome, 'completed');
    assert.equal(summary.linesAcked, summary.linesSent);
    assert.equal(summary.resends, 0);
    assert.ok(typeof summary.durationS === 'number');
    // The firmware's log holds the file's lines, in order, once (plus the final G4 P0 sync).
    const received = board.sim.log.filter((l) => !l.startsWith('$'));
    assert.deepEqual(received.slice(-lines.length - 1, -1), lines);
    assert.match(r.stderr, /Connecté : grbl/);
  } finally {
    await board.close();
    await pty.close();
  }
});

test('send to Marlin recovers from corrupted lines by resends; a bad option is one clear line', async () => {
  const pty = await openPtyPair(join(dir, 'mk4-kiosk'), join(dir, 'mk4-board'));
  const board = await attachMarlinSimulator(pty.b, { clock: scaledClock(200), faults: { seed: 7, corruptRate: 0.02 } });
  try {
    const moves = ['G28', 'M83', 'G1 Z0.3 F600', ...Array.from({ length: 400 }, (_, i) => `G1 X${(i % 50) + 10} Y${(i % 37) + 10} E0.05 F2400`)];
    const file = join(dir, 'moves.gcode');
    writeFileSync(file, moves.join('\n') + '\n');
    const r = await run(['send', file, '--port', pty.a, '--firmware', 'marlin', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout) as { linesSent: number; linesAcked: number; resends: number };
    assert.ok(summary.resends > 0, 'some lines were corrupted on the way and sent again');
    const got = board.sim.accepted.filter((l) => !/^M(110|115|105|155|400)\b/.test(l));
    assert.deepEqual(got, moves);
  } finally {
    await board.close();
    await pty.close();
  }
  const bad = spawnSync(process.execPath, [cli, 'send', 'x.gcode', '--port', '/dev/null', '--firmware', 'smoothie'], { env, encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^Firmware inconnu : smoothie/);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
});

test('ports lists what the system sees, as JSON too, without failing when udev is missing', () => {
  const r = spawnSync(process.execPath, [cli, 'ports', '--json'], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { ports: unknown[]; error: string | null };
  assert.ok(Array.isArray(out.ports));
});
