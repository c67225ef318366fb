// Where the kiosk keeps its data. Same folder as Electron's userData on Linux, so the Electron shell
// and the web host share one store; FABKIOSK_DATA_DIR overrides both (tests, several kiosks on one box).
import { homedir } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FABKIOSK_DATA_DIR) return env.FABKIOSK_DATA_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'FabKiosk');
}

/** FABKIOSK_IDLE_S shortens the idle timeout (tests, demos); otherwise the site's own applies. */
export function idleTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = Number(env.FABKIOSK_IDLE_S);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

/** The installed package's root (where package.json sits), found from any bundled or source file. */
export function appRootFrom(startDir: string): string {
  let dir = startDir;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'fabkiosk') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package root not found above ${startDir}`);
    dir = parent;
  }
}
