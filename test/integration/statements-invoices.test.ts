// Statements and invoices on a quarter of ledger entries: running balances that end on the ledger's
// balance, invoices numbered without a gap per year (even when issued at once or refused), immutable
// once issued (the store's triggers refuse any change), and their PDFs read back with pdftotext.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BillingSettings, InvoicePreview, InvoiceSummary, InvoiceView, LedgerPage, Statement, StoredDocument } from '../../electron/api/models';
import { pdfText } from '../support/pdf';
import { seededLab, type Lab } from './reports-fixture';

let lab: Lab;
before(async () => {
  lab = await seededLab();
});
after(async () => {
  await lab?.backend.dispose();
});

const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/[\u00a0\u202f]/g, ' ');

function ledgerBalance(memberId: string, upTo?: string): number {
  const db = lab.backend.store.db;
  return (upTo
    ? db.prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE member_id = ? AND day <= ?').pluck().get(memberId, upTo)
    : db.prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE member_id = ?').pluck().get(memberId)) as number;
}

test('a statement runs from the opening balance through each entry to the closing balance the ledger holds', async () => {
  for (const [key, m] of Object.entries(lab.members)) {
    const s = await lab.manager.ok<Statement>('statements.member', { memberId: m.id, from: '2026-01-01', to: '2026-03-31' });
    assert.equal(s.openingBalanceCents, 0, key);
    let balance = s.openingBalanceCents;
    for (const line of s.lines) {
      balance += line.amountCents;
      assert.equal(line.balanceCents, balance, `${key}: running balance`);
      assert.ok(line.label.fr.length > 0 && line.label.en.length > 0);
    }
    assert.equal(s.closingBalanceCents, balance);
    assert.equal(s.closingBalanceCents, ledgerBalance(m.id, '2026-03-31'), key);
    assert.equal(s.closingBalanceCents, s.openingBalanceCents - s.chargesCents + s.paymentsCents);
    assert.equal(s.balanceNowCents, ledgerBalance(m.id));
    // The member reads the same thing about themself, and the ledger's own page agrees on the balance.
    const mine = await m.screen.ok<Statement>('statements.mine', { from: '2026-01-01', to: '2026-03-31' });
    assert.deepEqual(mine, s);
    const page = await m.screen.ok<LedgerPage>('ledger.mine', { limit: 1 });
    assert.equal(page.balanceCents, s.balanceNowCents);
  }
  // One month's closing is the next month's opening.
  const id = lab.members.karim.id;
  const jan = await lab.manager.ok<Statement>('statements.member', { memberId: id, from: '2026-01-01', to: '2026-01-31' });
  const feb = await lab.manager.ok<Statement>('statements.member', { memberId: id, from: '2026-02-01', to: '2026-02-28' });
  assert.notEqual(jan.closingBalanceCents, 0);
  assert.equal(feb.openingBalanceCents, jan.closingBalanceCents);
});

test('statement lines say what each entry was, with quantity, unit price and what was taken off', async () => {
  const s = await lab.manager.ok<Statement>('statements.member', { memberId: lab.members.karim.id, from: '2026-01-01', to: '2026-03-31' });
  const labels = s.lines.map((l) => l.label.fr);
  assert.ok(labels.includes('Journée de coworking'));
  assert.ok(labels.includes('Forfait « 20 jours / trimestre », du 01/01/2026 au 31/03/2026'), labels.filter((l) => l.startsWith('Forfait')).join());
  assert.ok(labels.some((l) => /^Règlement – (espèces|carte bancaire|chèque|virement)$/.test(l)));
  const coworking = s.lines.filter((l) => l.kind === 'coworking_day' && l.source !== 'correction');
  // Twenty days of the quarter come with the plan; the rest are charged at the day's price.
  assert.equal(coworking.filter((l) => l.amountCents === 0 && l.reductionCents > 0).length, 20);
  assert.ok(coworking.some((l) => l.amountCents < 0));
  for (const l of coworking) assert.equal(l.amountCents + l.grossCents - l.reductionCents, 0);
  const machine = s.lines.find((l) => l.kind === 'machine_time' && l.source === 'manual');
  if (machine) assert.equal(machine.unit, 's');
});

test('only managers read someone else’s statement; a bad period is refused', async () => {
  const lea = lab.members.lea.screen;
  const r = await lea.call('statements.member', { memberId: lab.members.karim.id, from: '2026-01-01', to: '2026-01-31' });
  assert.ok(!r.ok && r.error.code === 'forbidden');
  const bad = await lea.call('statements.mine', { from: '2026-01-31', to: '2026-01-01' });
  assert.ok(!bad.ok && bad.error.code === 'invalid_input' && bad.error.params?.field === 'to');
});

const issue = (memberId: string, from: string, to: string, buyer?: object) =>
  lab.manager.call<InvoiceView>('invoices.issue', { memberId, from, to, ...(buyer ? { buyer } : {}) });

test('invoices are numbered FK-YYYY-NNNNNN without a gap, whatever is refused or issued at once', async () => {
  lab.clock.set('2026-04-02T09:00:00.000Z');
  const karim = lab.members.karim.id;
  const preview = await lab.manager.ok<InvoicePreview>('invoices.preview', { memberId: karim, from: '2026-01-01', to: '2026-01-31' });
  const first = await issue(karim, '2026-01-01', '2026-01-31');
  assert.ok(first.ok, JSON.stringify(first));
  const inv = first.value;
  assert.equal(inv.number, 'FK-2026-000001');
  assert.equal(inv.kind, 'invoice');
  assert.equal(inv.issueDay, '2026-04-02');
  assert.equal(inv.dueDay, '2026-05-02');
  assert.deepEqual(inv.lines, preview.lines);
  // The lines are the month's charges of the member, payments aside, and their total is the ledger's.
  const db = lab.backend.store.db;
  const charged = db
    .prepare("SELECT COUNT(*) AS n, -SUM(amount_cents) AS total FROM ledger_entries WHERE member_id = ? AND day BETWEEN '2026-01-01' AND '2026-01-31' AND kind <> 'payment'")
    .get(karim) as { n: number; total: number };
  assert.equal(inv.lineCount, charged.n);
  assert.equal(inv.totalTtcCents, charged.total);
  assert.equal(inv.totalHtCents, inv.totalTtcCents, 'association under the VAT franchise: no VAT');
  assert.equal(inv.totalVatCents, 0);
  // Nothing left for that month: refused, and no number used up.
  const again = await issue(karim, '2026-01-01', '2026-01-31');
  assert.ok(!again.ok && again.error.code === 'conflict' && again.error.params?.reason === 'nothing_to_invoice');
  const unknown = await issue('no-such-member', '2026-01-01', '2026-01-31');
  assert.ok(!unknown.ok && unknown.error.code === 'not_found');
  const second = await issue(lab.members.lea.id, '2026-01-01', '2026-01-31');
  assert.ok(second.ok);
  assert.equal(second.value.number, 'FK-2026-000002');
  // Several at once (two kiosk screens): distinct, consecutive numbers.
  const burst = await Promise.all(['chloe', 'asso', 'zoe', 'noah', 'karim'].map((k) => issue(lab.members[k as keyof Lab['members']].id, '2026-02-01', '2026-02-28')));
  for (const b of burst) assert.ok(b.ok, JSON.stringify(b));
  assert.deepEqual(burst.map((b) => (b.ok ? b.value.number : '')).sort(), ['FK-2026-000003', 'FK-2026-000004', 'FK-2026-000005', 'FK-2026-000006', 'FK-2026-000007']);
  const seqs = db.prepare("SELECT seq FROM invoices WHERE prefix = 'FK' AND year = 2026 ORDER BY seq").pluck().all();
  assert.deepEqual(seqs, [1, 2, 3, 4, 5, 6, 7]);
  // A new year starts again at 1.
  lab.clock.set('2027-01-04T09:00:00.000Z');
  const next = await issue(lab.members.karim.id, '2026-03-01', '2026-03-31');
  assert.ok(next.ok);
  assert.equal(next.value.number, 'FK-2027-000001');
  lab.clock.set('2026-04-03T09:00:00.000Z');
  // The statement now shows which invoice each entry is on.
  const s = await lab.manager.ok<Statement>('statements.member', { memberId: karim, from: '2026-01-01', to: '2026-01-31' });
  assert.ok(s.lines.filter((l) => l.kind !== 'payment').every((l) => l.invoiceNumber === 'FK-2026-000001'));
  assert.ok(s.lines.filter((l) => l.kind === 'payment').every((l) => l.invoiceNumber === null));
});

test('an issued invoice never changes: the store refuses updates, deletions, extra lines and numbers out of turn', async () => {
  const db = lab.backend.store.db;
  const inv = db.prepare("SELECT * FROM invoices WHERE number = 'FK-2026-000001'").get() as Record<string, string | number>;
  assert.throws(() => db.prepare('UPDATE invoices SET total_ttc_cents = 0 WHERE id = ?').run(inv.id), /immutable/);
  assert.throws(() => db.prepare('DELETE FROM invoices WHERE id = ?').run(inv.id), /immutable/);
  assert.throws(() => db.prepare("UPDATE invoice_lines SET label = 'x' WHERE invoice_id = ?").run(inv.id), /immutable/);
  assert.throws(() => db.prepare('DELETE FROM invoice_lines WHERE invoice_id = ?').run(inv.id), /immutable/);
  assert.throws(() => db.prepare('UPDATE invoice_documents SET pdf_base64 = ? WHERE invoice_id = ?').run('', inv.id), /immutable/);
  const entry = db.prepare("SELECT id FROM ledger_entries WHERE kind = 'payment' LIMIT 1").pluck().get() as string;
  const line = (invoiceId: unknown, position: number) =>
    db
      .prepare(
        `INSERT INTO invoice_lines (id, created_at, updated_at, kiosk_id, invoice_id, position, entry_id, day, kind, label, quantity, unit,
           quantity_text, unit_price_text, gross_ht_cents, reduction_ht_cents, reduction_text, amount_ht_cents, amount_ttc_cents)
         VALUES (?, 'x', 'x', 'x', ?, ?, ?, '2026-01-01', 'payment', 'x', 1, 'item', '1', '', 0, 0, '', 0, 0)`,
      )
      .run(`line-${position}`, invoiceId, position, entry);
  assert.throws(() => line(inv.id, Number(inv.line_count) + 1), /no more lines/);
  const max = db.prepare("SELECT MAX(seq) FROM invoices WHERE prefix = 'FK' AND year = 2026").pluck().get() as number;
  const invoice = (seq: number) =>
    db
      .prepare(
        `INSERT INTO invoices (id, created_at, updated_at, kiosk_id, number, prefix, year, seq, kind, issued_at, issue_day, due_day, member_id,
           period_from, period_to, seller_json, buyer_json, professional, vat_regime, vat_rate_bp, line_count, total_ht_cents, total_vat_cents,
           total_ttc_cents, mentions_json)
         VALUES (?, 'x', 'x', 'x', ?, 'FK', 2026, ?, 'invoice', 'x', 'x', 'x', ?, 'x', 'x', '{}', '{}', 0, 'franchise', 0, 1, 0, 0, 0, '[]')`,
      )
      .run(`inv-${seq}`, `FK-2026-${seq}`, seq, inv.member_id);
  assert.throws(() => invoice(max + 2), /without a gap/);
  assert.throws(() => invoice(max), /without a gap/);
  // Every issued invoice took its lines' entries once: an entry is never on two invoices.
  assert.equal(db.prepare('SELECT COUNT(*) - COUNT(DISTINCT entry_id) FROM invoice_lines').pluck().get(), 0);
});

test('the invoice PDF carries the French legal mentions, read back with pdftotext', async () => {
  const inv = await lab.manager.ok<InvoiceView>('invoices.get', { invoiceId: 'FK-2026-000001' });
  const doc = await lab.manager.ok<StoredDocument>('invoices.document', { invoiceId: inv.id });
  assert.equal(doc.fileName, 'facture-FK-2026-000001.pdf');
  const text = pdfText(doc.pdfBase64);
  for (const s of [
    'FACTURE',
    'N° FK-2026-000001',
    'Date : 02/04/2026',
    'Échéance : 02/05/2026',
    'La Fabrique du Causse',
    'Association loi 1901',
    'SIRET : 90000000100017',
    'DÉMONSTRATION',
    'Karim Haddad',
    'Prestations et fournitures du 01/01/2026 au 31/01/2026',
    'Journée de coworking',
    'TVA non applicable, art. 293 B du CGI.',
    'Paiement à 30 jours, au plus tard le 2 mai 2026.',
    'Pas d’escompte pour paiement anticipé.',
    'Net à payer',
    euros(inv.totalTtcCents),
  ]) {
    assert.ok(text.includes(s), `invoice PDF lacks ${s}`);
  }
  assert.ok(!text.includes('Total HT'), 'no VAT lines under the franchise');
  assert.ok(!text.includes('40 €'), 'a job seeker is no professional: no recovery fee mention');
  // Stored as issued: the same bytes every time.
  const again = await lab.manager.ok<StoredDocument>('invoices.document', { invoiceId: 'FK-2026-000001' });
  assert.equal(again.pdfBase64, doc.pdfBase64);
});

test('a professional’s invoice names the late payment penalties and the 40 € fee; counter payments are deducted', async () => {
  lab.clock.set('2026-04-03T10:00:00.000Z');
  const yannick = lab.members.yannick.id;
  const r = await issue(yannick, '2026-01-01', '2026-03-31', { name: 'Atelier Le Goff SARL', address: '3 rue des Forges\n46500 Gramat', siret: '90000000100017' });
  assert.ok(r.ok, JSON.stringify(r));
  const inv = r.value;
  assert.equal(inv.professional, true);
  assert.equal(inv.buyer.name, 'Atelier Le Goff SARL');
  const paidAtCounter = lab.backend.store.db
    .prepare(
      `SELECT COALESCE(SUM(p.amount_cents), 0) FROM ledger_entries p WHERE p.kind = 'payment' AND p.sale_id IN
         (SELECT sale_id FROM ledger_entries WHERE member_id = ? AND kind = 'shop_sale' AND corrects_id IS NULL AND day BETWEEN '2026-01-01' AND '2026-03-31')`,
    )
    .pluck()
    .get(yannick) as number;
  assert.equal(inv.paidCents, paidAtCounter);
  assert.equal(inv.dueCents, inv.totalTtcCents - paidAtCounter);
  const text = pdfText((await lab.manager.ok<StoredDocument>('invoices.document', { invoiceId: inv.id })).pdfBase64);
  for (const s of ['Atelier Le Goff SARL', '3 rue des Forges', 'pénalités', 'indemnité forfaitaire pour frais de', 'recouvrement de 40 €', 'L441-10']) {
    assert.ok(text.replace(/\s+/g, ' ').includes(s.replace(/\s+/g, ' ')), `invoice PDF lacks ${s}`);
  }
  if (paidAtCounter > 0) assert.ok(text.includes('Déjà réglé'));
});

test('members see their own invoices only', async () => {
  const lea = lab.members.lea.screen;
  const mine = await lea.ok<InvoiceSummary[]>('invoices.list', {});
  assert.ok(mine.length >= 1);
  assert.ok(mine.every((i) => i.memberId === lab.members.lea.id));
  const own = await lea.call<StoredDocument>('invoices.document', { invoiceId: mine[0]!.id });
  assert.ok(own.ok);
  for (const [name, input] of [
    ['invoices.document', { invoiceId: 'FK-2026-000001' }],
    ['invoices.get', { invoiceId: 'FK-2026-000001' }],
    ['invoices.list', { memberId: lab.members.karim.id }],
    ['invoices.issue', { memberId: lab.members.lea.id, from: '2026-03-01', to: '2026-03-31' }],
  ] as const) {
    const r = await lea.call(name, input);
    assert.ok(!r.ok && r.error.code === 'forbidden', `${name}: ${JSON.stringify(r)}`);
  }
  const all = await lab.manager.ok<InvoiceSummary[]>('invoices.list', { limit: 500 });
  assert.equal(all.length, lab.backend.store.db.prepare('SELECT COUNT(*) FROM invoices').pluck().get());
});

test('under VAT the invoice shows HT, the rate and TTC; earlier invoices keep what they said', async () => {
  const bad = await lab.manager.call('billing.updateSettings', { siret: '90000000100018' });
  assert.ok(!bad.ok && bad.error.code === 'invalid_input' && bad.error.params?.field === 'siret');
  const noNumber = await lab.manager.call('billing.updateSettings', { vatRegime: 'vat' });
  assert.ok(!noNumber.ok && noNumber.error.params?.field === 'vatNumber');
  const settings = await lab.manager.ok<BillingSettings>('billing.updateSettings', {
    legalName: 'Association La Fabrique du Causse',
    siret: '73282932000074',
    vatRegime: 'vat',
    vatRateBp: 2000,
    vatNumber: 'FR44732829320',
    paymentTermsDays: 0,
    bankDetails: 'IBAN FR76 3000 6000 0112 3456 7890 189',
  });
  assert.equal(settings.demo, false);
  lab.clock.set('2026-04-04T09:00:00.000Z');
  const r = await issue(lab.members.zoe.id, '2026-03-01', '2026-03-31');
  assert.ok(r.ok, JSON.stringify(r));
  const inv = r.value;
  assert.equal(inv.vatRegime, 'vat');
  assert.equal(inv.totalHtCents + inv.totalVatCents, inv.totalTtcCents);
  assert.equal(inv.totalHtCents, inv.lines.reduce((s, l) => s + l.amountHtCents, 0));
  // Each line's HT is its TTC over 1.2, to the cent; the VAT is what is left.
  for (const l of inv.lines) assert.equal(l.amountHtCents, Math.round(l.amountTtcCents / 1.2));
  assert.ok(Math.abs(inv.totalVatCents - Math.round(inv.totalHtCents * 0.2)) <= inv.lineCount);
  const text = pdfText((await lab.manager.ok<StoredDocument>('invoices.document', { invoiceId: inv.id })).pdfBase64);
  for (const s of ['Total HT', 'TVA 20 %', 'Total TTC', 'P.U. HT', 'Montant HT', 'N° TVA intracommunautaire : FR44732829320', 'SIRET : 73282932000074', 'Paiement à réception', 'IBAN FR76', euros(inv.totalHtCents), euros(inv.totalTtcCents)]) {
    assert.ok(text.includes(s), `VAT invoice PDF lacks ${s}`);
  }
  assert.ok(!text.includes('293 B') && !text.includes('DÉMONSTRATION'));
  // The first invoice was issued under the franchise and the demo identity: it still says so.
  const first = pdfText((await lab.manager.ok<StoredDocument>('invoices.document', { invoiceId: 'FK-2026-000001' })).pdfBase64);
  assert.ok(first.includes('293 B') && first.includes('SIRET : 90000000100017'));
  const old = await lab.manager.ok<InvoiceView>('invoices.get', { invoiceId: 'FK-2026-000001' });
  assert.equal(old.seller.siret, '90000000100017');
});

test('a refund of an invoiced charge goes on a credit note, numbered in the same series', async () => {
  const db = lab.backend.store.db;
  // Léa's January invoice holds charges; a manager cancels the largest one.
  const entry = db
    .prepare(
      `SELECT e.id, e.amount_cents FROM ledger_entries e JOIN invoice_lines l ON l.entry_id = e.id JOIN invoices i ON i.id = l.invoice_id
       WHERE i.member_id = ? AND e.amount_cents < 0 AND NOT EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects_id = e.id)
       ORDER BY e.amount_cents LIMIT 1`,
    )
    .get(lab.members.lea.id) as { id: string; amount_cents: number };
  assert.ok(entry, 'an invoiced charge to refund');
  const day = db.prepare('SELECT day FROM ledger_entries WHERE id = ?').pluck().get(entry.id) as string;
  lab.clock.set(`${day}T15:00:00.000Z`);
  await lab.manager.ok('ledger.correct', { entryId: entry.id, amountCents: 0, reason: 'Pièce ratée, remboursée' });
  lab.clock.set('2026-04-05T09:00:00.000Z');
  const before = db.prepare("SELECT MAX(seq) FROM invoices WHERE prefix = 'FK' AND year = 2026").pluck().get() as number;
  const r = await issue(lab.members.lea.id, day, day);
  assert.ok(r.ok, JSON.stringify(r));
  const credit = r.value;
  assert.equal(credit.kind, 'credit_note');
  assert.equal(credit.number, `FK-2026-${String(before + 1).padStart(6, '0')}`);
  assert.equal(credit.totalTtcCents, entry.amount_cents);
  const doc = await lab.manager.ok<StoredDocument>('invoices.document', { invoiceId: credit.id });
  assert.match(doc.fileName, /^avoir-FK-2026-/);
  const text = pdfText(doc.pdfBase64).replace(/\s+/g, ' ');
  assert.ok(text.includes('AVOIR'));
  assert.ok(text.includes('À rembourser ou à déduire'));
  assert.ok(text.includes('Correction : '));
  assert.ok(text.includes('Pièce ratée, remboursée'));
});
