// The one test command: every *.test.ts (unit tests beside the code, cross-layer and end-to-end
// under test/) through Node's own runner with tsx. `--unit` leaves out the browser tests.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const unitOnly = process.argv.includes('--unit');
const skip = new Set(['node_modules', 'dist', 'dist-electron', 'release', 'test-results', '.git']);

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (skip.has(e.name)) return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return find(p);
    return e.name.endsWith('.test.ts') || e.name.endsWith('.test.tsx') ? [p] : [];
  });
}

const files = ['electron', 'jobs', 'renderer', 'test']
  .flatMap((d) => {
    try {
      return find(join(root, d));
    } catch {
      return [];
    }
  })
  .map((f) => relative(root, f))
  .filter((f) => !unitOnly || !f.startsWith('test/e2e/'))
  .sort();

const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
