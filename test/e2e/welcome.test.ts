// The kiosk as a visitor meets it, in Debian's Chromium, through the web host, on the built renderer.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import fablab from '../../assets/fablab.json';
import { startHost, type RunningHost } from '../../electron/host/server';
import { assertBuilt, launchChromium, rendererDir, shot, watchConsole } from '../support/browser';
import { openPtyPair } from '../support/pty';
import { demo, tempBackend, type TempBackend } from '../support/temp-backend';

const ptyDir = mkdtempSync(join(tmpdir(), 'fabkiosk-e2e-pty-'));
const laserPort = join(ptyDir, 'ttyLASER');
const seed = structuredClone(fablab);
seed.machines.find((m) => m.code === 'laser-co2')!.portPath = laserPort;

async function kiosk(idleTimeoutS: number) {
  const backend = await tempBackend({ seed, idleTimeoutS, pollMs: 250 });
  const host = await startHost({ backend, staticDir: rendererDir, port: 0 });
  return { backend, host };
}

let browser: Browser;
before(async () => {
  assertBuilt();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

describe('welcome, language, sign-in', () => {
  let k: { backend: TempBackend; host: RunningHost };
  let page: Page;
  let problems: string[];
  before(async () => {
    k = await kiosk(600);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    problems = watchConsole(page);
    await page.goto(k.host.url);
  });
  after(async () => {
    await page.close();
    await k.host.close();
    k.backend.dispose();
  });

  test('the welcome screen shows the place in French, its machines with live status and its prices', async () => {
    await page.getByTestId('screen-welcome').waitFor();
    assert.equal(await page.getByTestId('place-name').textContent(), 'La Fabrique du Causse');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal(await page.getByTestId('lang-fr').getAttribute('aria-pressed'), 'true');
    assert.match((await page.getByTestId('nav-signin').textContent()) ?? '', /Se connecter/);
    const cards = page.getByTestId('machine-card');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 9);
    assert.equal(await page.locator('[data-testid=machine-card][data-code=laser-co2]').getAttribute('data-status'), 'offline');
    assert.equal(await page.locator('[data-testid=machine-card][data-code=thermoformer]').getAttribute('data-status'), 'manual');
    const text = (await page.getByTestId('screen-welcome').innerText()).replace(/\s/g, ' ');
    assert.match(text, /Fablab, coworking et formations au cœur du Causse/);
    assert.match(text, /250 € par mois/);
    assert.match(text, /OpenLab/);
    await shot(page, 'welcome-fr');
  });

  test('a machine plugged in turns "connected" on the screen without a reload', async () => {
    const pty = await openPtyPair(laserPort, join(ptyDir, 'ttyLASER-sim'));
    try {
      await page.locator('[data-testid=machine-card][data-code=laser-co2][data-status=connected]').waitFor({ timeout: 5000 });
    } finally {
      await pty.close();
    }
    await page.locator('[data-testid=machine-card][data-code=laser-co2][data-status=offline]').waitFor({ timeout: 5000 });
  });

  test('the language switch turns the whole screen to English, prices included', async () => {
    await page.getByTestId('lang-en').click();
    await page.locator('html[lang=en]').waitFor({ state: 'attached' });
    assert.match((await page.getByTestId('nav-signin').textContent()) ?? '', /Sign in/);
    const text = (await page.getByTestId('screen-welcome').innerText()).replace(/\s/g, ' ');
    assert.match(text, /Fablab, coworking and training in the heart of the Causse/);
    assert.match(text, /€250 per month/);
    assert.doesNotMatch(text, /Se connecter|Horaires/);
    await shot(page, 'welcome-en');
    await page.getByTestId('lang-fr').click();
    await page.locator('html[lang=fr]').waitFor({ state: 'attached' });
  });

  test('sign-in with a wrong PIN says so and how many tries are left, then the right PIN signs in', async () => {
    await page.getByTestId('nav-signin').click();
    await page.getByTestId('screen-signin').waitFor();
    await page.getByTestId('signin-name').fill(demo.member.name);
    for (const d of '0000') await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    const error = page.getByTestId('signin-error');
    await error.waitFor();
    const message = (await error.textContent()) ?? '';
    assert.match(message, /incorrect/i);
    assert.match(message, /2/);
    await shot(page, 'signin-wrong-pin');
    await page.getByTestId('pin-clear').click();
    for (const d of demo.member.pin) await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('session-member').waitFor();
    assert.equal(await page.getByTestId('session-member').textContent(), 'Léa Dubois');
    assert.equal(await page.getByTestId('nav-manage').count(), 0, 'a member sees no manager area');
    await page.getByTestId('nav-signout').click();
    await page.getByTestId('nav-signin').waitFor();
    assert.deepEqual(problems, []);
  });
});

describe('idle timeout', () => {
  test('left alone, the kiosk warns, ends the session and returns to the French welcome screen', async () => {
    const k = await kiosk(12);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(k.host.url);
      await page.getByTestId('lang-en').click();
      await page.getByTestId('nav-signin').click();
      await page.getByTestId('signin-name').fill(demo.manager.name);
      for (const d of demo.manager.pin) await page.getByTestId(`pin-key-${d}`).click();
      await page.getByTestId('pin-submit').click();
      await page.getByTestId('nav-manage').click();
      await page.getByTestId('members-table').waitFor();
      const started = Date.now();
      await page.getByTestId('idle-warning').waitFor({ timeout: 15_000 });
      await shot(page, 'idle-warning');
      await page.getByTestId('screen-welcome').waitFor({ timeout: 15_000 });
      const elapsed = (Date.now() - started) / 1000;
      assert.ok(elapsed < 14, `returned after ${elapsed.toFixed(1)} s`);
      assert.equal(await page.getByTestId('session-member').count(), 0);
      assert.equal(await page.getByTestId('nav-manage').count(), 0);
      await page.locator('html[lang=fr]').waitFor({ state: 'attached' });
    } finally {
      await page.close();
      await k.host.close();
      k.backend.dispose();
    }
  });
});
