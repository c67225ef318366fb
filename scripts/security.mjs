// Electron security scan (electronegativity) over the shell and the page it loads. The scanner
// always exits 0, so this script reads its CSV and fails on any HIGH finding.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = pkg.devDependencies.electron;
const work = mkdtempSync(join(tmpdir(), 'fabkiosk-security-'));
try {
  // What ships: the Electron-side sources (not their tests) and the page with its CSP.
  cpSync(join(root, 'electron'), join(work, 'electron'), { recursive: true, filter: (p) => !p.endsWith('.test.ts') });
  cpSync(join(root, 'renderer', 'index.html'), join(work, 'renderer', 'index.html'));
  cpSync(join(root, 'package.json'), join(work, 'package.json'));
  const csv = join(work, 'findings.csv');
  execFileSync(
    join(root, 'node_modules', '.bin', 'electronegativity'),
    ['-i', work, '-o', csv, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const severity = (row) => row.split(',')[1]?.replaceAll('"', '');
  const counts = {};
  for (const row of rows) counts[severity(row)] = (counts[severity(row)] ?? 0) + 1;
  for (const row of rows) console.log(`  ${row.split(',').slice(0, 5).join(' ')}`);
  console.log(`electronegativity (Electron ${electronVersion}): ${rows.length} findings`, counts);
  const high = rows.filter((r) => ['HIGH', 'CRITICAL'].includes(severity(r)));
  if (high.length > 0) {
    console.error(`security: ${high.length} HIGH finding(s): fix them before this lands.`);
    process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
