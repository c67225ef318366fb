// Debian's Chromium driven by playwright-core (no browser download), on the production renderer bundle.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
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
