// `fabkiosk start`: Electron when its binary is installed; otherwise the web host with Debian's
// Chromium in kiosk mode on it; with no display at all, the address to open.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron binary's path, or null when the package or its binary is missing. The electron
 * package's own entry point would try to download a missing binary: we only look, never fetch.
 */
export function findElectron(appRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(appRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | null {
  return chromiumCandidates.find((p) => existsSync(p)) ?? null;
}

export function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function chromiumKioskArgs(url: string, profileDir: string, asRoot = false): string[] {
  return [
    // Chromium refuses to start as root with its sandbox; a kiosk should run as its own user (README).
    ...(asRoot ? ['--no-sandbox'] : []),
    `--app=${url}`,
    '--kiosk',
    // Without a window manager (a bare X session on a kiosk PC) --kiosk alone does not fill the screen.
    '--start-fullscreen',
    '--window-position=0,0',
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
  const asRoot = process.getuid?.() === 0;
  return waitExit(spawn(chromiumPath, chromiumKioskArgs(url, profileDir, asRoot), { stdio: 'ignore' }));
}

function waitExit(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}
