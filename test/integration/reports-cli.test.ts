// `fabkiosk report` on the same store as the API: the same figures (the same function computes both),
// as a text table, as JSON and as CSV; a bad period is one clear line and a non-zero exit.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ExportedFile, UsageReport } from '../../electron/api/models';
import { parseCsv, parseMoney } from '../../electron/services/reports/csv';
import { repoRoot } from '../support/temp-backend';
import { ledgerSums, seededLab, type Lab } from './reports-fixture';

let lab: Lab;
before(async () => {
  lab = await seededLab();
});
after(async () => {
  await lab?.backend.dispose();
});

/** The command line from its source (the built one needs `npm run build`), on the lab's data folder. */
function cli(args: string[], lang: 'fr' | 'en' = 'fr'): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron', 'cli', 'index.ts'), 'report', ...args], {
    cwd: repoRoot,
    env: { ...process.env, FABKIOSK_DATA_DIR: lab.backend.dataDir, FABKIOSK_LANG: lang },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const euros = (cents: number, locale = 'fr-FR') => plain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100));

test('--json prints what reports.usage returns', async () => {
  const api = await lab.manager.ok<UsageReport>('reports.usage', { from: '2026-01-01', to: '2026-03-31' });
  const r = await cli(['--from', '2026-01-01', '--to', '2026-03-31', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const printed = JSON.parse(r.stdout) as UsageReport;
  assert.deepEqual({ ...printed, generatedAt: '' }, { ...api, generatedAt: '' });
  assert.equal(printed.totals.ledgerNetCents, ledgerSums(lab, '2026-01-01', '2026-03-31').net);
});

test('the text table shows the same totals, in French or in English', async () => {
  const api = await lab.manager.ok<UsageReport>('reports.usage', { from: '2026-02-01', to: '2026-02-28' });
  const fr = await cli(['--from', '2026-02-01', '--to', '2026-02-28']);
  assert.equal(fr.status, 0, fr.stderr);
  const text = plain(fr.stdout);
  assert.match(text, /^Rapport d'activité – La Fabrique du Causse/);
  assert.ok(text.includes('Période : du 01/02/2026 au 28/02/2026'));
  const row = (label: string) => text.split('\n').find((l) => l.startsWith(label));
  assert.ok(row('Recettes (€)')!.endsWith(euros(api.totals.revenueCents)), row('Recettes (€)'));
  assert.ok(row('Encaissements (€)')!.endsWith(euros(api.totals.paymentsCents)));
  assert.ok(row('Solde des écritures de la période (€)')!.endsWith(euros(api.totals.ledgerNetCents)));
  assert.ok(row('Visites (passages à l\'accueil)')!.endsWith(` ${api.totals.visits}`));
  for (const m of api.byMachine) assert.ok(text.includes(m.name), m.name);
  const en = await cli(['--from', '2026-02-01', '--to', '2026-02-28'], 'en');
  assert.equal(en.status, 0, en.stderr);
  assert.match(en.stdout, /^Activity report – La Fabrique du Causse/);
  assert.ok(plain(en.stdout).split('\n').find((l) => l.startsWith('Revenue (€)'))!.endsWith(euros(api.totals.revenueCents, 'en-GB')));
});

test('--csv prints the API’s CSV, and --csv --entries the ledger’s lines', async () => {
  const file = await lab.manager.ok<ExportedFile>('reports.csv', { from: '2026-01-01', to: '2026-03-31' });
  const api = Buffer.from(file.dataBase64, 'base64').toString('utf8');
  const r = await cli(['--from', '2026-01-01', '--to', '2026-03-31', '--csv']);
  assert.equal(r.status, 0, r.stderr);
  // Only the issue date may differ (the API's clock is the test's).
  const withoutDate = (csv: string) => parseCsv(csv).filter((row) => row[0] !== 'Édité le');
  assert.deepEqual(withoutDate(r.stdout), withoutDate(api));
  const entries = await cli(['--from', '2026-01-01', '--to', '2026-03-31', '--csv', '--entries']);
  assert.equal(entries.status, 0, entries.stderr);
  const [header, ...rows] = parseCsv(entries.stdout);
  const amount = header!.indexOf('Montant (€)');
  assert.equal(rows.reduce((s, x) => s + parseMoney(x[amount]!), 0), ledgerSums(lab, '2026-01-01', '2026-03-31').net);
});

test('bad input: one clear line on stderr and exit code 2', async () => {
  for (const [args, pattern] of [
    [['--from', '2026-01-01'], /^Utilisation : fabkiosk report/],
    [['--from', '2026-02-30', '--to', '2026-03-31'], /^Date invalide pour --from : 2026-02-30/],
    [['--from', '2026-03-31', '--to', '2026-03-01'], /^La fin de la période \(2026-03-01\) est avant son début \(2026-03-31\)/],
    [['--from', '2020-01-01', '--to', '2026-03-01'], /^Période trop longue : 1098 jours au plus/],
    [['--from', '2026-01-01', '--to', '2026-01-31', '--entries'], /^Utilisation : fabkiosk report/],
    [['--from', '2026-01-01', '--to', '2026-01-31', '--colour'], /^Option invalide/],
  ] as const) {
    const r = await cli([...args]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(r.stdout, '');
  }
});
