// The funders' report against the ledger it is read from: a quarter of entries of every kind, written
// through the ledger's own procedures, must add up to the cent in every table of the report, in its CSV
// (read back with a parser) and in its PDF (read back with pdftotext).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ExportedFile, LedgerPage, StoredDocument, UsageReport } from '../../electron/api/models';
import { bom, parseCsv, parseMoney } from '../../electron/services/reports/csv';
import { pdfText } from '../support/pdf';
import { ledgerSums, seededLab, type Lab } from './reports-fixture';

let lab: Lab;
before(async () => {
  lab = await seededLab();
});
after(async () => {
  await lab?.backend.dispose();
});

const usage = (from: string, to: string) => lab.manager.ok<UsageReport>('reports.usage', { from, to });
const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/[\u00a0\u202f]/g, ' ');

test('the quarter holds entries of every kind and source, and more than a few hundred of them', () => {
  const db = lab.backend.store.db;
  const kinds = db.prepare("SELECT DISTINCT kind FROM ledger_entries WHERE day BETWEEN '2026-01-01' AND '2026-03-31'").pluck().all();
  assert.deepEqual(new Set(kinds), new Set(['machine_time', 'material', 'coworking_day', 'shop_sale', 'subscription', 'payment']));
  const sources = db.prepare('SELECT DISTINCT source FROM ledger_entries').pluck().all();
  for (const s of ['manual', 'visit', 'shop', 'subscription', 'payment', 'correction']) assert.ok(sources.includes(s), s);
  assert.ok(ledgerSums(lab, '2026-01-01', '2026-03-31').entries > 400);
  assert.ok((db.prepare('SELECT COUNT(*) FROM ledger_entries WHERE member_id IS NULL').pluck().get() as number) > 0, 'visitor sales');
});

for (const [from, to] of [
  ['2026-01-01', '2026-03-31'],
  ['2026-01-01', '2026-01-31'],
  ['2026-02-01', '2026-02-28'],
  ['2026-01-10', '2026-02-17'],
  ['2026-03-07', '2026-03-07'],
] as const) {
  test(`${from} to ${to}: every table of the report adds up to the ledger's SUM(amount_cents), to the cent`, async () => {
    const r = await usage(from, to);
    const l = ledgerSums(lab, from, to);
    assert.ok(l.entries > 0);
    assert.equal(r.totals.entries, l.entries);
    assert.equal(r.totals.ledgerNetCents, l.net);
    assert.equal(r.totals.paymentsCents - r.totals.revenueCents, l.net, 'payments − revenue = net');
    // Revenue lines by kind, and payment lines by method.
    assert.equal(sum(r.revenue, (x) => x.revenueCents), l.charges);
    assert.equal(sum(r.payments, (x) => x.amountCents), l.payments);
    assert.equal(sum(r.payments, (x) => x.amountCents) - sum(r.revenue, (x) => x.revenueCents), l.net);
    for (const line of r.revenue) {
      assert.equal(line.revenueCents, l.byKind[line.kind] ?? 0, line.kind);
      assert.equal(line.grossCents - line.reductionCents + line.correctionsCents, line.revenueCents, `${line.kind}: gross − reductions + corrections`);
    }
    // The same money by public, by month, and (machine time only) by machine.
    assert.equal(sum(r.byCategory, (c) => c.revenueCents), l.charges);
    assert.equal(sum(r.byMonth, (m) => m.revenueCents), l.charges);
    assert.equal(sum(r.byMonth, (m) => m.paymentsCents), l.payments);
    assert.equal(sum(r.byMachine, (m) => m.revenueCents), l.byKind.machine_time ?? 0);
    assert.equal(sum(r.materials, (m) => m.revenueCents), lab.backend.store.db
      .prepare(
        `SELECT COALESCE(-SUM(e.amount_cents), 0) FROM ledger_entries e LEFT JOIN ledger_entries o ON o.id = e.corrects_id
         WHERE e.day BETWEEN ? AND ? AND e.kind IN ('material', 'shop_sale') AND COALESCE(e.material_id, o.material_id) IS NOT NULL`,
      )
      .pluck()
      .get(from, to));
    // Quantities.
    assert.equal(r.totals.machineTimeS, l.machineS);
    assert.equal(sum(r.byMachine, (m) => m.machineTimeS), l.machineS);
    assert.equal(sum(r.byCategory, (c) => c.machineTimeS), l.machineS);
    assert.equal(r.totals.coworkingDays, l.coworkingDays);
    assert.equal(sum(r.byCategory, (c) => c.coworkingDays), l.coworkingDays);
    assert.equal(r.totals.visits, l.visits);
    assert.equal(sum(r.byCategory, (c) => c.visits), l.visits);
    assert.equal(sum(r.byMonth, (m) => m.visits), l.visits);
    // The ledger's own listing agrees.
    const page = await lab.manager.ok<LedgerPage>('ledger.list', { from, to, limit: 1 });
    assert.equal(page.sumCents, l.net);
    assert.equal(page.total, l.entries);
  });
}

test('months add up to the quarter', async () => {
  const q = await usage('2026-01-01', '2026-03-31');
  const months = await Promise.all([usage('2026-01-01', '2026-01-31'), usage('2026-02-01', '2026-02-28'), usage('2026-03-01', '2026-03-31')]);
  for (const key of ['revenueCents', 'paymentsCents', 'ledgerNetCents', 'visits', 'machineTimeS', 'coworkingDays', 'entries', 'trainingSessions', 'certifications'] as const) {
    assert.equal(sum(months, (m) => m.totals[key]), q.totals[key], key);
  }
  assert.deepEqual(q.byMonth.map((m) => m.revenueCents), months.map((m) => m.totals.revenueCents));
  assert.deepEqual(q.byMonth.map((m) => m.month), ['2026-01', '2026-02', '2026-03']);
});

test('usage by public: unique members and visits by category, visitors without an account apart', async () => {
  const r = await usage('2026-01-01', '2026-03-31');
  const db = lab.backend.store.db;
  const visits = Object.fromEntries(
    (db
      .prepare(
        `SELECT c.code, COUNT(*) AS n, COUNT(DISTINCT v.member_id) AS members FROM visits v JOIN members m ON m.id = v.member_id
         JOIN profile_categories c ON c.id = m.profile_category_id WHERE v.day BETWEEN '2026-01-01' AND '2026-03-31' GROUP BY c.code`,
      )
      .all() as { code: string; n: number; members: number }[]).map((x) => [x.code, x]),
  );
  for (const c of r.byCategory.filter((x) => x.category !== null)) {
    assert.equal(c.visits, visits[c.category!]?.n ?? 0, c.category!);
    assert.ok(c.members >= (visits[c.category!]?.members ?? 0), c.category!);
  }
  // Seven members came (the four demo members but the manager, who only wrote entries, plus four newcomers).
  assert.equal(r.totals.uniqueMembers, 7);
  assert.equal(sum(r.byCategory, (c) => c.members), 7, 'nobody changed category: each member counted once');
  assert.deepEqual(
    Object.fromEntries(r.byCategory.filter((c) => c.members > 0).map((c) => [c.category, c.members])),
    { entrepreneur: 1, pupil_student: 2, job_seeker: 1, general_public: 1, artist: 1, association: 1 },
  );
  const visitors = r.byCategory.find((c) => c.category === null);
  assert.ok(visitors, 'a row for the shop counter’s visitors');
  assert.equal(visitors.name.fr, 'Visiteurs sans compte');
  assert.equal(visitors.revenueCents, db.prepare("SELECT -SUM(amount_cents) FROM ledger_entries WHERE member_id IS NULL AND kind <> 'payment'").pluck().get());
  assert.equal(r.totals.newMembers, 7);
});

test('machines, material and training as the funders read them', async () => {
  const r = await usage('2026-01-01', '2026-03-31');
  const db = lab.backend.store.db;
  const hours = Object.fromEntries(
    (db
      .prepare(
        `SELECT m.code, SUM(e.quantity) AS s FROM ledger_entries e LEFT JOIN ledger_entries o ON o.id = e.corrects_id
         JOIN machines m ON m.id = COALESCE(e.machine_id, o.machine_id) WHERE e.kind = 'machine_time' GROUP BY m.code`,
      )
      .all() as { code: string; s: number }[]).map((x) => [x.code, x.s]),
  );
  for (const m of r.byMachine) assert.equal(m.machineTimeS, hours[m.code] ?? 0, m.code);
  assert.equal(sum(r.byMachine, (m) => m.manualUses), lab.counts.manual);
  const pla = r.materials.find((m) => m.code === 'pla-175')!;
  assert.equal(pla.unit, 'g');
  assert.equal(
    pla.usedQuantity + pla.soldQuantity,
    db.prepare("SELECT SUM(e.quantity) FROM ledger_entries e JOIN materials m ON m.id = e.material_id WHERE m.code = 'pla-175' AND e.kind IN ('material', 'shop_sale')").pluck().get(),
  );
  // Two sessions of 1 h 30: three attendees certified on the laser, one of two on the printers.
  assert.equal(r.training.sessions, 2);
  assert.equal(r.training.durationS, 2 * 5400);
  assert.equal(r.training.attendees, 5);
  assert.equal(r.training.traineeS, 5 * 5400);
  assert.equal(r.training.certifications, 4);
  assert.equal(r.training.membersCertified, 4);
  assert.deepEqual(r.training.byModule.map((m) => [m.module, m.sessions, m.attendees, m.certifications]), [
    ['fdm', 1, 2, 1],
    ['laser', 1, 3, 3],
  ]);
  assert.equal(r.training.byModule[1]!.title.fr.replace(/[\u00a0\u202f]/g, ' '), 'Découpeuse laser CO₂ : formation sécurité');
  assert.equal(sum(r.byCategory, (c) => c.membersCertified), 4);
});

test('only managers read the reports, and a bad period is refused with the field named', async () => {
  const lea = lab.members.lea.screen;
  assert.equal((await lea.call('reports.usage', { from: '2026-01-01', to: '2026-01-31' })).ok, false);
  const forbidden = await lea.call('reports.csv', { from: '2026-01-01', to: '2026-01-31' });
  assert.equal(!forbidden.ok && forbidden.error.code, 'forbidden');
  for (const [input, field] of [
    [{ from: '2026-02-30', to: '2026-03-31' }, 'from'],
    [{ from: '2026-03-31', to: '2026-01-01' }, 'to'],
    [{ from: '2020-01-01', to: '2026-01-01' }, 'to'],
    [{ from: '01/01/2026', to: '2026-01-31' }, 'from'],
  ] as const) {
    const res = await lab.manager.call('reports.usage', input);
    assert.ok(!res.ok && res.error.code === 'invalid_input' && res.error.params?.field === field, JSON.stringify(res));
  }
});

function decode(file: ExportedFile): string {
  assert.equal(file.mimeType, 'text/csv;charset=utf-8');
  const bytes = Buffer.from(file.dataBase64, 'base64');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  return bytes.toString('utf8');
}

/** The file as Python's csv module reads it (an independent parser), when Python is there. */
function pythonRows(text: string): string[][] | null {
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-csv-'));
  try {
    const file = join(dir, 'f.csv');
    writeFileSync(file, text, 'utf8');
    const r = spawnSync('python3', ['-c', 'import csv,json,sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f: print(json.dumps(list(csv.reader(f, delimiter=";"))))', file], { encoding: 'utf8' });
    // Python reads an empty line as no field at all, where ours reads one empty field: the same line.
    return r.status === 0 ? (JSON.parse(r.stdout) as string[][]).map((row) => (row.length === 0 ? [''] : row)) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the report as CSV: BOM, ";", CRLF, decimal commas, dd/mm/yyyy, and the same totals once parsed back', async () => {
  const r = await usage('2026-01-01', '2026-03-31');
  const file = await lab.manager.ok<ExportedFile>('reports.csv', { from: '2026-01-01', to: '2026-03-31' });
  assert.equal(file.fileName, 'rapport-activite-2026-01-01-2026-03-31.csv');
  const text = decode(file);
  assert.ok(text.startsWith(bom));
  assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  const rows = parseCsv(text);
  const py = pythonRows(text);
  if (py) assert.deepEqual(py, rows, 'Python’s csv module reads the same cells');
  assert.deepEqual(rows[1], ['Période', '01/01/2026', '31/03/2026']);
  const sectionRows = (title: string) => {
    const at = rows.findIndex((x) => x.length === 1 && x[0] === title);
    assert.ok(at > 0, title);
    const end = rows.findIndex((x, i) => i > at && x.length === 1 && x[0] === '');
    return rows.slice(at + 1, end < 0 ? rows.length : end);
  };
  const summary = new Map(sectionRows('Synthèse').map((x) => [x[0], x[1]]));
  assert.equal(parseMoney(summary.get('Recettes (€)')!), r.totals.revenueCents);
  assert.equal(parseMoney(summary.get('Encaissements (€)')!), r.totals.paymentsCents);
  assert.equal(parseMoney(summary.get('Solde des écritures de la période (€)')!), r.totals.ledgerNetCents);
  assert.equal(summary.get('Heures machine'), (Math.round((r.totals.machineTimeS / 3600) * 100) / 100).toString().replace('.', ','));
  const revenue = sectionRows('Recettes par nature');
  assert.equal(revenue[0]!.at(-1), 'Recettes (€)');
  const lines = revenue.slice(1, -1);
  assert.equal(lines.length, 5);
  assert.equal(sum(lines, (x) => parseMoney(x.at(-1)!)), r.totals.revenueCents);
  assert.equal(parseMoney(revenue.at(-1)!.at(-1)!), r.totals.revenueCents);
  const payments = sectionRows('Règlements reçus');
  assert.equal(sum(payments.slice(1, -1), (x) => parseMoney(x[2]!)), r.totals.paymentsCents);
  // The categories' table has a note under its total.
  const categories = sectionRows('Usage par public');
  const total = categories.findIndex((x) => x[0] === 'Total');
  assert.equal(total, r.byCategory.length + 1);
  assert.equal(sum(categories.slice(1, total), (x) => parseMoney(x.at(-1)!)), r.totals.revenueCents);
  assert.equal(parseMoney(categories[total]!.at(-1)!), r.totals.revenueCents);
  assert.equal(categories.find((x) => x[0] === "Personne en recherche d'emploi")![3], String(r.byCategory.find((c) => c.category === 'job_seeker')!.visits));
  // No dot as a decimal sign anywhere in the figures.
  for (const row of rows) for (const cell of row) if (/^-?[\d.,]+$/.test(cell)) assert.ok(!cell.includes('.'), cell);
});

test('the ledger as CSV: one line per entry, amounts that sum to the ledger, names quoted and defused', async () => {
  const file = await lab.manager.ok<ExportedFile>('reports.csv', { from: '2026-01-01', to: '2026-03-31', table: 'entries' });
  assert.equal(file.fileName, 'journal-2026-01-01-2026-03-31.csv');
  const text = decode(file);
  const rows = parseCsv(text);
  const py = pythonRows(text);
  if (py) assert.deepEqual(py, rows);
  const [header, ...body] = rows;
  assert.deepEqual(header!.slice(0, 3), ['Date', 'Heure', 'Membre']);
  const l = ledgerSums(lab, '2026-01-01', '2026-03-31');
  assert.equal(body.length, l.entries);
  const amount = header!.indexOf('Montant (€)');
  assert.equal(sum(body, (x) => parseMoney(x[amount]!)), l.net);
  for (const x of body) assert.match(x[0]!, /^\d{2}\/\d{2}\/2026$/);
  const zoe = body.filter((x) => x[2] === `'${lab.zoeName}`);
  assert.ok(zoe.length > 0, 'the name starting with "=" comes back with its apostrophe, separators and quotes intact');
  assert.ok(text.includes(`"'=Zoé ""la bricoleuse""; Gramat"`));
  assert.ok(body.some((x) => x[6]!.startsWith('Correction : ') && x[6]!.endsWith('(Geste commercial)')));
  // The export is in the audit log: it names members.
  const audit = lab.backend.store.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export'").pluck().get() as number;
  assert.ok(audit >= 1);
});

test('the report as a PDF, in French and in English, read back with pdftotext', async () => {
  const r = await usage('2026-01-01', '2026-03-31');
  const fr = await lab.manager.ok<StoredDocument>('reports.pdf', { from: '2026-01-01', to: '2026-03-31' });
  assert.equal(fr.fileName, 'rapport-activite-2026-01-01-2026-03-31.pdf');
  const text = pdfText(fr.pdfBase64);
  for (const s of [
    "Rapport d'activité",
    'La Fabrique du Causse',
    'du 1 janvier 2026 au 31 mars 2026',
    'Usage par public',
    "Personne en recherche d'emploi",
    'Visiteurs sans compte',
    'Heures machine par machine',
    'Recettes par mois',
    'Thermoformeuse',
    'Formations à la sécurité',
    'Recettes par nature',
    'Règlements reçus',
    euros(r.totals.revenueCents),
    euros(r.totals.paymentsCents),
    euros(r.totals.ledgerNetCents),
  ]) {
    assert.ok(text.includes(s), `PDF lacks ${s}`);
  }
  const en = pdfText((await lab.manager.ok<StoredDocument>('reports.pdf', { from: '2026-01-01', to: '2026-03-31', lang: 'en' })).pdfBase64);
  for (const s of ['Activity report', 'Use by public', 'Job seeker', 'Revenue by kind', 'Payments received', 'January 2026']) assert.ok(en.includes(s), `English PDF lacks ${s}`);
});

test('jobs sent to the machines count in the month of their Paris end day, completed apart', async () => {
  const store = lab.backend.store;
  const machine = (code: string) => store.db.prepare('SELECT id FROM machines WHERE code = ?').pluck().get(code) as string;
  const fileId = store.writer.insert('files', { sha256: 'a'.repeat(64), name: 'cube.gcode', kind: 'gcode', size_bytes: 10, uploaded_by: lab.members.lea.id });
  const job = (code: string, state: string, endedAt: string | null) =>
    store.writer.insert('jobs', {
      machine_id: machine(code),
      member_id: lab.members.lea.id,
      file_id: fileId,
      material_id: null,
      state,
      lines_total: 10,
      bytes_total: 10,
      started_at: endedAt,
      ended_at: endedAt,
    });
  const before = async (from: string, to: string) => (await usage(from, to)).byMachine.find((m) => m.code === 'prusa-mk4')!;
  const feb0 = await before('2026-02-01', '2026-02-28');
  const mar0 = await before('2026-03-01', '2026-03-31');
  job('prusa-mk4', 'completed', '2026-02-10T10:00:00.000Z');
  job('prusa-mk4', 'cancelled', '2026-02-11T10:00:00.000Z');
  // 23:30 UTC on 28 February is 00:30 on 1 March in Paris: a March job.
  job('prusa-mk4', 'completed', '2026-02-28T23:30:00.000Z');
  job('prusa-mk4', 'interrupted', '2026-03-02T08:00:00.000Z');
  // Still queued or running: not counted.
  job('prusa-mk4', 'queued', null);
  job('prusa-mk4', 'running', null);
  const feb = await before('2026-02-01', '2026-02-28');
  const mar = await before('2026-03-01', '2026-03-31');
  assert.deepEqual([feb.jobs - feb0.jobs, feb.jobsCompleted - feb0.jobsCompleted], [2, 1]);
  assert.deepEqual([mar.jobs - mar0.jobs, mar.jobsCompleted - mar0.jobsCompleted], [2, 1]);
  const quarter = await usage('2026-01-01', '2026-03-31');
  assert.equal(quarter.totals.jobs, sum(quarter.byMachine, (m) => m.jobs));
  assert.ok(quarter.totals.jobs >= 4);
});
