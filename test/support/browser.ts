// Debian's Chromium driven by playwright-core (no browser download), on the production renderer bundle.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { repoRoot } from './temp-backend';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const rendererDir = join(repoRoot, 'dist', 'renderer');
export const shotsDir = join(repoRoot, 'test-results');

export function assertBuilt(): void {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`no renderer bundle in ${rendererDir}: run "npm run build" first (npm test does)`);
  }
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/** Saves a screenshot under test-results/ to be looked at (CI keeps the folder as an artefact). */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(shotsDir, { recursive: true });
  const path = join(shotsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Collects page errors and CSP violations: a clean page has none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}

/** Text of an element with Intl's no-break spaces as plain ones, on one line. */
export async function textOf(l: Locator): Promise<string> {
  return (await l.innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export async function signIn(page: Page, who: { name: string; pin: string }): Promise<void> {
  await page.getByTestId('nav-signin').click();
  await page.getByTestId('signin-name').fill(who.name);
  for (const d of who.pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('session-member').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('nav-signout').click();
  await page.getByTestId('nav-signin').waitFor();
}

/** The touch keyboard's key for a character (names, addresses, numbers): never the physical keyboard. */
const keyIds: Record<string, string> = { ' ': 'space', "'": 'apostrophe', '-': 'hyphen', '.': 'dot', '@': 'at', _: 'underscore', '+': 'plus' };

export async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  for (const ch of text) {
    const id = keyIds[ch] ?? ch.toLocaleLowerCase('fr');
    await page.getByTestId(`kb-${id}`).click();
  }
}

interface Scrollable {
  scrollTop: number;
  getBoundingClientRect(): { top: number };
  scrollTo(options: { top: number; behavior: 'instant' }): void;
}

/**
 * A screenshot to look at: the passing notice closed (unless `keepNotice`), the screen scrolled to its
 * top, or so that `selector` sits near the top.
 */
export async function snap(page: Page, name: string, options: { selector?: string; keepNotice?: boolean } = {}): Promise<string> {
  const notice = page.getByTestId('notice');
  if (!options.keepNotice && (await notice.count())) await notice.getByRole('button').click();
  await page.evaluate((sel) => {
    const d = (globalThis as unknown as { document: { querySelector(s: string): Scrollable | null } }).document;
    const main = d.querySelector('#main');
    const el = sel ? d.querySelector(sel) : null;
    if (!main) return;
    // Instant: the screen scrolls smoothly for people, which a screenshot would catch halfway.
    main.scrollTo({ top: el ? main.scrollTop + el.getBoundingClientRect().top - main.getBoundingClientRect().top - 16 : 0, behavior: 'instant' });
  }, options.selector ?? null);
  await page.waitForTimeout(150);
  return shot(page, name);
}
