// `fabkiosk start`: Electron when its binary is installed; otherwise the web host with Debian's
// Chromium in kiosk mode on it; with no display at all, the address to open.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The Electron binary's path, or null when the package or its downloaded binary is missing. */
export function findElectron(appRoot: string): string | null {
  try {
    // The electron package's main export is the binary's path; it throws when the binary was never downloaded.
    const path = createRequire(join(appRoot, 'package.json'))('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | null {
  return chromiumCandidates.find((p) => existsSync(p)) ?? null;
}

export function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function chromiumKioskArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    '--kiosk',
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--noerrdialogs',
    '--disable-infobars',
    '--disable-translate',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
    '--check-for-update-interval=31536000',
  ];
}

export function runElectron(electronPath: string, appRoot: string): Promise<number> {
  return waitExit(spawn(electronPath, [appRoot], { stdio: 'inherit' }));
}

export function runChromium(chromiumPath: string, url: string, profileDir: string): Promise<number> {
  return waitExit(spawn(chromiumPath, chromiumKioskArgs(url, profileDir), { stdio: 'ignore' }));
}

function waitExit(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}
