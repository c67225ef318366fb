// Invoices: a member's entries of a period that no invoice holds yet, numbered PREFIX-YYYY-NNNNNN in the
// transaction that writes them (no gap: a failed issue rolls its number back with it), with the seller,
// the buyer, the lines and the totals copied in. Nothing of an issued invoice changes afterwards (the
// store's triggers refuse it); a mistake is corrected in the ledger, and the correction goes on the next
// invoice, or on a credit note when it gives back more than it charges.
import { createHash } from 'node:crypto';
import { DomainError } from '../../api/errors';
import type {
  BillingSettings,
  InvoiceBuyer,
  InvoiceLine,
  InvoicePreview,
  InvoiceSummary,
  InvoiceView,
  LedgerKind,
  LedgerUnit,
  StoredDocument,
} from '../../api/models';
import type { Store } from '../../store';
import { parisDay } from '../dates';
import { formats, reportTranslator } from '../reports/i18n';
import { addDays, checkPeriod } from '../reports/period';
import { readBillingSettings } from './billing-settings';
import { memberEntries, type EntryRow } from './entries';
import { invoicePdf } from './invoice-pdf';
import { entryLabel, quantityText, reductionText, unitPriceText } from './labels';

/** At most this many entries on one invoice: a longer period is invoiced in several. */
export const maxInvoiceLines = 2000;

export interface BuyerDetails {
  name?: string;
  address?: string;
  siret?: string;
}

interface Draft {
  entries: EntryRow[];
  lines: InvoiceLine[];
  totalHt: number;
  totalTtc: number;
  paid: number;
}

function htOf(ttcCents: number, rateBp: number): number {
  return rateBp === 0 ? ttcCents : Math.round((ttcCents * 10_000) / (10_000 + rateBp));
}

function pendingEntries(store: Store, memberId: string, from: string, to: string): EntryRow[] {
  const invoiced = new Set(
    store.db
      .prepare(
        `SELECT l.entry_id FROM invoice_lines l JOIN ledger_entries e ON e.id = l.entry_id
         WHERE e.member_id = ? AND e.day BETWEEN ? AND ?`,
      )
      .pluck()
      .all(memberId, from, to) as string[],
  );
  return memberEntries(store, memberId, from, to).filter((e) => e.kind !== 'payment' && !invoiced.has(e.id));
}

function draft(store: Store, memberId: string, from: string, to: string, seller: BillingSettings): Draft {
  const entries = pendingEntries(store, memberId, from, to);
  if (entries.length > maxInvoiceLines) throw new DomainError('invalid_input', { field: 'to', reason: 'too_many_lines', max: maxInvoiceLines });
  const t = reportTranslator('fr');
  const f = formats('fr');
  const rate = seller.vatRegime === 'vat' ? seller.vatRateBp : 0;
  const lines = entries.map((e, i): InvoiceLine => {
    const ttc = 0 - e.amount_cents;
    const ht = htOf(ttc, rate);
    const grossHt = e.source === 'correction' ? ht : htOf(e.gross_cents, rate);
    return {
      position: i + 1,
      entryId: e.id,
      day: e.day,
      kind: e.kind,
      label: entryLabel(e, t, 'fr'),
      quantity: e.quantity,
      unit: e.unit,
      quantityText: quantityText(e.quantity, e.unit, t, f),
      unitPriceText: unitPriceText(e.price_cents, e.per_quantity, e.unit, t, f, 1 + rate / 10_000),
      grossHtCents: grossHt,
      reductionHtCents: grossHt - ht,
      reductionText: reductionText(e, t),
      amountHtCents: ht,
      amountTtcCents: ttc,
    };
  });
  // A sale paid at the counter is already settled: its payment is printed as such.
  const sales = [...new Set(entries.filter((e) => e.source !== 'correction' && e.sale_id).map((e) => e.sale_id!))];
  const paid = sales.length
    ? (store.db
        .prepare(`SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE kind = 'payment' AND sale_id IN (${sales.map(() => '?').join(',')})`)
        .pluck()
        .get(...sales) as number)
    : 0;
  return {
    entries,
    lines,
    totalHt: lines.reduce((s, l) => s + l.amountHtCents, 0),
    totalTtc: lines.reduce((s, l) => s + l.amountTtcCents, 0),
    paid,
  };
}

interface MemberInfo {
  id: string;
  display_name: string;
  email: string | null;
  category: string;
}

function member(store: Store, memberId: string): MemberInfo {
  const m = store.db
    .prepare('SELECT m.id, m.display_name, m.email, c.code AS category FROM members m JOIN profile_categories c ON c.id = m.profile_category_id WHERE m.id = ?')
    .get(memberId) as MemberInfo | undefined;
  if (!m) throw new DomainError('not_found', { what: 'member' });
  return m;
}

export function previewInvoice(store: Store, memberId: string, from: string, to: string): InvoicePreview {
  const p = checkPeriod(from, to);
  member(store, memberId);
  const d = store.db.transaction(() => draft(store, memberId, p.from, p.to, readBillingSettings(store)))();
  return {
    memberId,
    from: p.from,
    to: p.to,
    lines: d.lines,
    totalHtCents: d.totalHt,
    totalVatCents: d.totalTtc - d.totalHt,
    totalTtcCents: d.totalTtc,
    paidCents: d.paid,
  };
}

function mentions(seller: BillingSettings, kind: 'invoice' | 'credit_note', professional: boolean, dueDay: string): string[] {
  const f = formats('fr');
  const out: string[] = [];
  if (seller.demo) out.push('Document de démonstration : le vendeur et son SIRET sont fictifs, ce document n’a pas de valeur.');
  if (seller.vatRegime === 'franchise') out.push('TVA non applicable, art. 293 B du CGI.');
  if (kind === 'credit_note') {
    out.push('Avoir : ce montant vient en déduction de vos prochaines factures ou vous est remboursé.');
  } else {
    out.push(
      seller.paymentTermsDays === 0
        ? `Paiement à réception, au plus tard le ${f.longDay(dueDay)}.`
        : `Paiement à ${seller.paymentTermsDays} jours, au plus tard le ${f.longDay(dueDay)}.`,
    );
    out.push('Pas d’escompte pour paiement anticipé.');
    if (professional) out.push(seller.latePenaltyText);
  }
  if (seller.bankDetails) out.push(`Règlement par virement : ${seller.bankDetails}`);
  return out;
}

export interface IssueRequest {
  memberId: string;
  from: string;
  to: string;
  buyer?: BuyerDetails;
  issuedBy: string | null;
  now: Date;
}

/** Numbers and writes the invoice in one transaction; the PDF follows (see `invoiceDocument`). */
export function issueInvoice(store: Store, r: IssueRequest): InvoiceView {
  const p = checkPeriod(r.from, r.to);
  const m = member(store, r.memberId);
  const id = store.writer.transaction(() => {
    const seller = readBillingSettings(store);
    const d = draft(store, r.memberId, p.from, p.to, seller);
    if (d.lines.length === 0) throw new DomainError('conflict', { reason: 'nothing_to_invoice' });
    const issuedAt = r.now.toISOString();
    const issueDay = parisDay(r.now);
    const year = Number(issueDay.slice(0, 4));
    const seq =
      (store.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM invoices WHERE prefix = ? AND year = ?').pluck().get(seller.invoicePrefix, year) as number) + 1;
    const number = `${seller.invoicePrefix}-${year}-${String(seq).padStart(6, '0')}`;
    const kind = d.totalTtc < 0 ? 'credit_note' : 'invoice';
    const professional = seller.professionalCategories.includes(m.category);
    const dueDay = addDays(issueDay, seller.paymentTermsDays);
    const buyer: InvoiceBuyer = {
      memberId: m.id,
      name: r.buyer?.name ?? m.display_name,
      email: m.email,
      profileCategory: m.category,
      address: r.buyer?.address ?? null,
      siret: r.buyer?.siret ?? null,
    };
    const invoiceId = store.writer.insert('invoices', {
      number,
      prefix: seller.invoicePrefix,
      year,
      seq,
      kind,
      issued_at: issuedAt,
      issue_day: issueDay,
      due_day: dueDay,
      member_id: m.id,
      period_from: p.from,
      period_to: p.to,
      seller_json: JSON.stringify(seller),
      buyer_json: JSON.stringify(buyer),
      professional: professional ? 1 : 0,
      vat_regime: seller.vatRegime,
      vat_rate_bp: seller.vatRegime === 'vat' ? seller.vatRateBp : 0,
      line_count: d.lines.length,
      total_ht_cents: d.totalHt,
      total_vat_cents: d.totalTtc - d.totalHt,
      total_ttc_cents: d.totalTtc,
      paid_cents: d.paid,
      mentions_json: JSON.stringify(mentions(seller, kind, professional, dueDay)),
      issued_by: r.issuedBy,
      demo: seller.demo ? 1 : 0,
    });
    for (const l of d.lines) {
      store.writer.insert('invoice_lines', {
        invoice_id: invoiceId,
        position: l.position,
        entry_id: l.entryId,
        day: l.day,
        kind: l.kind,
        label: l.label,
        quantity: l.quantity,
        unit: l.unit,
        quantity_text: l.quantityText,
        unit_price_text: l.unitPriceText,
        gross_ht_cents: l.grossHtCents,
        reduction_ht_cents: l.reductionHtCents,
        reduction_text: l.reductionText,
        amount_ht_cents: l.amountHtCents,
        amount_ttc_cents: l.amountTtcCents,
      });
    }
    return invoiceId;
  });
  return getInvoice(store, id);
}

interface InvoiceRow {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  issued_at: string;
  issue_day: string;
  due_day: string;
  member_id: string;
  period_from: string;
  period_to: string;
  seller_json: string;
  buyer_json: string;
  professional: number;
  vat_regime: 'franchise' | 'vat';
  vat_rate_bp: number;
  line_count: number;
  total_ht_cents: number;
  total_vat_cents: number;
  total_ttc_cents: number;
  paid_cents: number;
  mentions_json: string;
  demo: number;
}

function summary(r: InvoiceRow): InvoiceSummary {
  const buyer = JSON.parse(r.buyer_json) as InvoiceBuyer;
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    issuedAt: r.issued_at,
    issueDay: r.issue_day,
    dueDay: r.due_day,
    memberId: r.member_id,
    buyerName: buyer.name,
    from: r.period_from,
    to: r.period_to,
    vatRegime: r.vat_regime,
    vatRateBp: r.vat_rate_bp,
    totalHtCents: r.total_ht_cents,
    totalVatCents: r.total_vat_cents,
    totalTtcCents: r.total_ttc_cents,
    paidCents: r.paid_cents,
    dueCents: r.total_ttc_cents - r.paid_cents,
    lineCount: r.line_count,
    demo: r.demo === 1,
  };
}

function invoiceRow(store: Store, idOrNumber: string): InvoiceRow {
  const r = store.db.prepare('SELECT * FROM invoices WHERE id = ? OR number = ?').get(idOrNumber, idOrNumber) as InvoiceRow | undefined;
  if (!r) throw new DomainError('not_found', { what: 'invoice' });
  return r;
}

export function getInvoice(store: Store, idOrNumber: string): InvoiceView {
  const r = invoiceRow(store, idOrNumber);
  const lines = (
    store.db.prepare('SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position').all(r.id) as {
      position: number;
      entry_id: string;
      day: string;
      kind: LedgerKind;
      label: string;
      quantity: number;
      unit: LedgerUnit;
      quantity_text: string;
      unit_price_text: string;
      gross_ht_cents: number;
      reduction_ht_cents: number;
      reduction_text: string;
      amount_ht_cents: number;
      amount_ttc_cents: number;
    }[]
  ).map(
    (l): InvoiceLine => ({
      position: l.position,
      entryId: l.entry_id,
      day: l.day,
      kind: l.kind,
      label: l.label,
      quantity: l.quantity,
      unit: l.unit,
      quantityText: l.quantity_text,
      unitPriceText: l.unit_price_text,
      grossHtCents: l.gross_ht_cents,
      reductionHtCents: l.reduction_ht_cents,
      reductionText: l.reduction_text,
      amountHtCents: l.amount_ht_cents,
      amountTtcCents: l.amount_ttc_cents,
    }),
  );
  return {
    ...summary(r),
    seller: JSON.parse(r.seller_json) as BillingSettings,
    buyer: JSON.parse(r.buyer_json) as InvoiceBuyer,
    professional: r.professional === 1,
    lines,
    mentions: JSON.parse(r.mentions_json) as string[],
  };
}

/** Newest first; one member's, or everyone's. */
export function listInvoices(store: Store, memberId: string | null, limit: number): InvoiceSummary[] {
  const rows = store.db
    .prepare(`SELECT * FROM invoices WHERE (? IS NULL OR member_id = ?) ORDER BY issued_at DESC, prefix, year DESC, seq DESC LIMIT ?`)
    .all(memberId, memberId, limit) as InvoiceRow[];
  return rows.map(summary);
}

export function invoiceOwner(store: Store, idOrNumber: string): string {
  return invoiceRow(store, idOrNumber).member_id;
}

/**
 * The invoice's PDF as issued. It is written once, from the invoice's own snapshot, right after the
 * invoice (or on the first request if the kiosk stopped in between), and never again.
 */
export async function invoiceDocument(store: Store, idOrNumber: string): Promise<StoredDocument> {
  const inv = getInvoice(store, idOrNumber);
  const stored = () =>
    store.db.prepare('SELECT file_name, pdf_base64 FROM invoice_documents WHERE invoice_id = ?').get(inv.id) as
      | { file_name: string; pdf_base64: string }
      | undefined;
  const existing = stored();
  if (existing) return { fileName: existing.file_name, pdfBase64: existing.pdf_base64 };
  const pdf = await invoicePdf(inv);
  const fileName = `${inv.kind === 'credit_note' ? 'avoir' : 'facture'}-${inv.number}.pdf`;
  store.writer.transaction(() => {
    // Two requests may have rendered it at once: the first one written is the one kept.
    if (stored()) return;
    store.writer.insert('invoice_documents', {
      invoice_id: inv.id,
      file_name: fileName,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size_bytes: pdf.length,
      pdf_base64: pdf.toString('base64'),
    });
  });
  const kept = stored()!;
  return { fileName: kept.file_name, pdfBase64: kept.pdf_base64 };
}
