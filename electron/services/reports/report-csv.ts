// The funders' report and the period's ledger as CSV files for French spreadsheets (see csv.ts). The
// report is one sheet of titled sections, each a small table; the ledger is one flat table, one line
// per entry, for the accountant.
import type { ReportLanguage, UsageReport } from '../../api/models';
import type { Store } from '../../store';
import { parisDay } from '../dates';
import { periodEntries, reductionOf } from '../statements/entries';
import { entryLabel, inShownUnit, unitPrice } from '../statements/labels';
import { toCsv, type Cell } from './csv';
import { reportTranslator } from './i18n';
import { checkPeriod } from './period';
import { reportTables } from './report-tables';

export function reportCsv(r: UsageReport, lang: ReportLanguage): string {
  const k = (key: string) => reportTranslator(lang)(`report.${key}`);
  const rows: Cell[][] = [];
  rows.push([k('title'), r.site.name, r.site.town]);
  rows.push([k('period'), { day: r.from }, { day: r.to }]);
  rows.push([k('generated'), { day: parisDay(new Date(r.generatedAt)) }]);
  for (const table of reportTables(r, lang)) {
    rows.push([], [table.title], table.header, ...table.rows);
    if (table.total) rows.push(table.total);
    if (table.note) rows.push([table.note]);
  }
  return toCsv(rows);
}

const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** Every entry of the period, one per line, amounts signed like the ledger (a charge is negative). */
export function entriesCsv(store: Store, from: string, to: string, lang: ReportLanguage): string {
  const p = checkPeriod(from, to);
  const t = reportTranslator(lang);
  const { entries, invoices } = store.db.transaction(() => ({
    entries: periodEntries(store, p.from, p.to),
    invoices: new Map(
      (store.db
        .prepare('SELECT l.entry_id, i.number FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN ledger_entries e ON e.id = l.entry_id WHERE e.day BETWEEN ? AND ?')
        .all(p.from, p.to) as { entry_id: string; number: string }[]).map((r) => [r.entry_id, r.number]),
    ),
  }))();
  const categories = new Map(
    (store.db.prepare('SELECT code, name_fr, name_en FROM profile_categories').all() as { code: string; name_fr: string; name_en: string }[]).map((c) => [
      c.code,
      lang === 'fr' ? c.name_fr : c.name_en,
    ]),
  );
  const header = ['date', 'time', 'member', 'category', 'kind', 'source', 'label', 'quantity', 'unit', 'unitPrice', 'per', 'gross', 'reductions', 'amount', 'paymentMethod', 'invoice', 'reference'].map((c) =>
    t(`entries.${c}`),
  );
  const rows: Cell[][] = [header];
  for (const e of entries) {
    const q = inShownUnit(e.quantity, e.unit);
    const price = unitPrice(e.price_cents, e.per_quantity, e.unit);
    rows.push([
      { day: e.day },
      timeFormat.format(new Date(e.occurred_at)),
      e.member_name ?? e.visitor_label ?? '',
      e.category_code ? (categories.get(e.category_code) ?? e.category_code) : t('visitors'),
      t(`kind.${e.kind}`),
      t(`source.${e.source}`),
      entryLabel(e, t, lang),
      { number: q.value, digits: 4 },
      t(`unitName.${q.unit}`),
      price ? { money: Math.round(price.cents) } : null,
      price ? t(`unitName.${price.unit}`) : null,
      e.source === 'correction' ? null : { money: e.gross_cents },
      e.source === 'correction' ? null : { money: reductionOf(e) },
      { money: e.amount_cents },
      e.payment_method ? t(`method.${e.payment_method}`) : null,
      invoices.get(e.id) ?? null,
      e.id,
    ]);
  }
  return toCsv(rows);
}
