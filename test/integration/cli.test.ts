// The built command line: help, clear one-line errors, and `start` on a machine with no display.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture } from '../support/fixtures';
import { repoRoot } from '../support/temp-backend';

const cli = join(repoRoot, 'dist-electron', 'cli.js');
const env = { ...process.env, FABKIOSK_LANG: 'fr' };

test('the built command line is there (npm run build)', () => {
  assert.ok(existsSync(cli), `${cli} missing: run npm run build`);
});

test('help lists the commands; bad input exits non-zero with one clear line', () => {
  const help = spawnSync(process.execPath, [cli, 'help'], { env, encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Utilisation : fabkiosk/);
  for (const [args, pattern] of [
    [['frobnicate'], /^Commande inconnue : frobnicate/],
    [['serve', '--port', '99999'], /^Port invalide : 99999/],
    [['serve', '--colour'], /^Option invalide/],
  ] as const) {
    const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
  const en = spawnSync(process.execPath, [cli, 'frobnicate'], { env: { ...env, FABKIOSK_LANG: 'en' }, encoding: 'utf8' });
  assert.match(en.stderr, /^Unknown command: frobnicate/);
});

test('start with no Electron binary and no display serves the demo fablab and prints its address', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fabkiosk-cli-'));
  const childEnv: NodeJS.ProcessEnv = { ...env, FABKIOSK_DATA_DIR: dataDir };
  delete childEnv.DISPLAY;
  delete childEnv.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, [cli, 'start', '--port', '0'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 15_000;
    while (!/Pas d'écran/.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null) assert.fail(`no address printed: ${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const url = /ouvert sur (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
    assert.ok(url, out);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /FabKiosk/);
    assert.ok(existsSync(join(dataDir, 'fabkiosk.sqlite')), 'the store was created and seeded on first start');
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('analyze prints one JSON object with the documented names, checked against a machine of the store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fabkiosk-cli-'));
  try {
    const file = fixture('gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode');
    const r = spawnSync(process.execPath, [cli, 'analyze', file, '--machine', 'prusa-mk4', '--material', 'pla-175', '--json'], {
      env: { ...env, FABKIOSK_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const a = JSON.parse(r.stdout) as Record<string, unknown> & { bounds: { min: object; max: object }; findings: object[] };
    for (const key of ['lines', 'layers', 'bounds', 'durationS', 'filamentMm', 'filamentG', 'laserOnS', 'findings']) assert.ok(key in a, key);
    assert.deepEqual(Object.keys(a.bounds.min), ['x', 'y', 'z']);
    assert.equal(a.layers, 75);
    const human = spawnSync(process.execPath, [cli, 'analyze', file, '--machine', 'ender-3'], { env: { ...env, FABKIOSK_DATA_DIR: dataDir }, encoding: 'utf8' });
    assert.match(human.stdout, /Durée estimée : 1\d min/);
    const unknown = spawnSync(process.execPath, [cli, 'analyze', file, '--machine', 'zmorph'], { env: { ...env, FABKIOSK_DATA_DIR: dataDir }, encoding: 'utf8' });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^Machine inconnue : zmorph\. Machines connues : .*prusa-mk4/);
    const missing = spawnSync(process.execPath, [cli, 'analyze', join(dataDir, 'nope.gcode')], { env, encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^Fichier introuvable/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
