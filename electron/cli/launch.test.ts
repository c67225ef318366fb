import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromiumKioskArgs, findElectron } from './launch';

function fakeApp(withBinary: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'fabkiosk-app-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'fabkiosk' }));
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  // If we ever required the package, this would run: it must not (it downloads in the real package).
  writeFileSync(join(pkg, 'index.js'), 'throw new Error("required")');
  writeFileSync(join(pkg, 'path.txt'), 'electron');
  if (withBinary) writeFileSync(join(pkg, 'dist', 'electron'), '');
  return root;
}

test('Electron is used only when its binary is really there, and never downloaded', () => {
  const withBinary = fakeApp(true);
  const without = fakeApp(false);
  try {
    assert.equal(findElectron(withBinary, {}), join(withBinary, 'node_modules', 'electron', 'dist', 'electron'));
    assert.equal(findElectron(without, {}), null);
    assert.equal(findElectron(tmpdir(), {}), null);
  } finally {
    rmSync(withBinary, { recursive: true, force: true });
    rmSync(without, { recursive: true, force: true });
  }
});

test('Chromium opens as an app in kiosk mode with its own profile and no phoning home', () => {
  const args = chromiumKioskArgs('http://127.0.0.1:8421/', '/data/chromium-profile');
  assert.ok(args.includes('--app=http://127.0.0.1:8421/'));
  assert.ok(args.includes('--kiosk'));
  assert.ok(args.includes('--user-data-dir=/data/chromium-profile'));
  assert.ok(args.includes('--disable-background-networking'));
  assert.ok(!args.includes('--no-sandbox'));
  assert.ok(chromiumKioskArgs('http://127.0.0.1:8421/', '/p', true).includes('--no-sandbox'), 'root needs it to start at all');
});
