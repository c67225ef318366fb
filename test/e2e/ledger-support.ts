// What the ledger, shop and reports end-to-end tests share: a kiosk on a fresh back end in Chromium
// (downloads accepted), a manager's or member's session on the same back end to set the scene and to
// check what the screens show against the API, and screenshots kept beside the other tests'
// (test-results/) and in <tmp>/shots to be looked at.
import { copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host/server';
import { rendererDir, snap, watchConsole } from '../support/browser';
import { screen, tempBackend, type TempBackend } from '../support/temp-backend';

export const shotsCopyDir = process.env.FABKIOSK_SHOTS ?? join(tmpdir(), 'shots');

/** A screenshot to look at, in test-results/ and in <tmp>/shots. */
export async function look(page: Page, name: string, options: { selector?: string; keepNotice?: boolean } = {}): Promise<string> {
  const path = await snap(page, name, options);
  mkdirSync(shotsCopyDir, { recursive: true });
  const copy = join(shotsCopyDir, `${name}.png`);
  copyFileSync(path, copy);
  return copy;
}

export interface LedgerKiosk {
  backend: TempBackend;
  host: RunningHost;
  page: Page;
  problems: string[];
  close(): Promise<void>;
}

export async function openKiosk(browser: Browser): Promise<LedgerKiosk> {
  const backend = await tempBackend({ idleTimeoutS: 900 });
  const host = await startHost({ backend, staticDir: rendererDir, port: 0 });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const problems = watchConsole(page);
  await page.goto(host.url);
  return {
    backend,
    host,
    page,
    problems,
    async close() {
      await page.close();
      await host.close();
      await backend.dispose();
    },
  };
}

/** A session of its own on the kiosk's back end, to set the scene or read what the screens should show. */
export const apiAs = screen;

/** Waits until a data attribute of the first matching element has a value the test accepts. */
export async function waitAttr(page: Page, selector: string, attr: string, ok: (v: string | null) => boolean, timeout = 15_000): Promise<string | null> {
  const l = page.locator(selector).first();
  const end = Date.now() + timeout;
  for (;;) {
    const v = (await l.count()) ? await l.getAttribute(attr) : null;
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${selector}[${attr}] is still ${String(v)} after ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}
