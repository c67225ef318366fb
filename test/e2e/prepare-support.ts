// What the job preparation end-to-end tests share: a kiosk on a fresh back end in Chromium, and
// screenshots kept twice, beside the other tests' (test-results/) and in <tmp>/shots to be looked at.
import { copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host/server';
import { assertBuilt, launchChromium, rendererDir, signIn, snap, watchConsole } from '../support/browser';
import { tempBackend, type TempBackend } from '../support/temp-backend';

export const shotsCopyDir = process.env.FABKIOSK_SHOTS ?? join(tmpdir(), 'shots');

export async function look(page: Page, name: string, options: { selector?: string; keepNotice?: boolean } = {}): Promise<void> {
  const path = await snap(page, name, options);
  mkdirSync(shotsCopyDir, { recursive: true });
  copyFileSync(path, join(shotsCopyDir, `${name}.png`));
}

/** Text with Intl's no-break spaces as plain ones, on one line. */
export async function text(l: Locator): Promise<string> {
  return (await l.innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export interface Kiosk {
  backend: TempBackend;
  host: RunningHost;
  page: Page;
  problems: string[];
  close(): Promise<void>;
}

export async function openKiosk(browser: Browser, backend?: TempBackend): Promise<Kiosk> {
  const b = backend ?? (await tempBackend({ idleTimeoutS: 900 }));
  const host = await startHost({ backend: b, staticDir: rendererDir, port: 0 });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = watchConsole(page);
  await page.goto(host.url);
  return {
    backend: b,
    host,
    page,
    problems,
    async close() {
      await page.close();
      await host.close();
      await b.dispose();
    },
  };
}

/** Chromium for the whole test file, on the built renderer: launched before its tests, closed after. */
export function chromiumForFile(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    assertBuilt();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running yet');
    return browser;
  };
}

/** A kiosk for the describe block this is called in, signed in as `who` when given. */
export function kioskForSuite(browser: () => Browser, who?: { name: string; pin: string }): () => Kiosk {
  let kiosk: Kiosk | undefined;
  before(async () => {
    kiosk = await openKiosk(browser());
    if (who) await signIn(kiosk.page, who);
  });
  after(async () => {
    await kiosk?.close();
  });
  return () => {
    if (!kiosk) throw new Error('the kiosk is not open yet');
    return kiosk;
  };
}

/** Waits until a data attribute of the element has a value the test accepts. */
export async function waitAttr(page: Page, selector: string, attr: string, ok: (v: string | null) => boolean, timeout = 30_000): Promise<string | null> {
  const l = page.locator(selector).first();
  const end = Date.now() + timeout;
  for (;;) {
    const v = (await l.count()) ? await l.getAttribute(attr) : null;
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${selector}[${attr}] is still ${String(v)} after ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}
