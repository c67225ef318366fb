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

const hours = (s: number): Cell => ({ number: s / 3600, digits: 2 });
const int = (n: number): Cell => ({ number: n, digits: 0 });

export function reportCsv(r: UsageReport, lang: ReportLanguage): string {
  const t = reportTranslator(lang);
  const k = (key: string) => t(`report.${key}`);
  const name = (l: { fr: string; en: string }) => l[lang];
  const rows: Cell[][] = [];
  const section = (title: string, header: string[], body: Cell[][], total?: Cell[]) => {
    rows.push([], [title], header, ...body);
    if (total) rows.push(total);
  };
  const tot = r.totals;
  rows.push([k('title'), r.site.name, r.site.town]);
  rows.push([k('period'), { day: r.from }, { day: r.to }]);
  rows.push([k('generated'), { day: parisDay(new Date(r.generatedAt)) }]);
  section(k('summary.title'), [k('summary.indicator'), k('summary.value')], [
    [k('summary.uniqueMembers'), int(tot.uniqueMembers)],
    [k('summary.newMembers'), int(tot.newMembers)],
    [k('summary.visits'), int(tot.visits)],
    [k('summary.coworkingDays'), { number: tot.coworkingDays }],
    [k('summary.machineHours'), hours(tot.machineTimeS)],
    [k('summary.jobs'), int(tot.jobs)],
    [k('summary.manualUses'), int(tot.manualUses)],
    [k('summary.trainingSessions'), int(tot.trainingSessions)],
    [k('summary.trainingHours'), hours(tot.trainingS)],
    [k('summary.traineeHours'), hours(tot.traineeS)],
    [k('summary.certifications'), int(tot.certifications)],
    [k('summary.membersCertified'), int(tot.membersCertified)],
    [k('summary.revenue'), { money: tot.revenueCents }],
    [k('summary.payments'), { money: tot.paymentsCents }],
    [k('summary.ledgerNet'), { money: tot.ledgerNetCents }],
    [k('summary.entries'), int(tot.entries)],
  ]);
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  section(
    k('categories.title'),
    ['category', 'members', 'newMembers', 'visits', 'certified', 'coworkingDays', 'machineHours', 'revenue'].map((c) => k(`categories.${c}`)),
    r.byCategory.map((c) => [name(c.name), int(c.members), int(c.newMembers), int(c.visits), int(c.membersCertified), { number: c.coworkingDays }, hours(c.machineTimeS), { money: c.revenueCents }]),
    // Members counted once each: the total is the period's, not the sum of the rows.
    [k('total'), int(tot.uniqueMembers), int(tot.newMembers), int(tot.visits), int(tot.membersCertified), { number: tot.coworkingDays }, hours(tot.machineTimeS), { money: sum(r.byCategory, (c) => c.revenueCents) }],
  );
  rows.push([k('categories.note')]);
  section(
    k('machines.title'),
    [k('machines.machine'), k('machines.kind'), k('machines.jobs'), k('machines.completed'), k('machines.manual'), k('machines.hours'), k('machines.revenue')],
    r.byMachine.map((m) => [m.name, t(`machineKind.${m.kind}`, { defaultValue: m.kind }), int(m.jobs), int(m.jobsCompleted), int(m.manualUses), hours(m.machineTimeS), { money: m.revenueCents }]),
    [k('total'), null, int(sum(r.byMachine, (m) => m.jobs)), int(sum(r.byMachine, (m) => m.jobsCompleted)), int(sum(r.byMachine, (m) => m.manualUses)), hours(sum(r.byMachine, (m) => m.machineTimeS)), { money: sum(r.byMachine, (m) => m.revenueCents) }],
  );
  section(
    k('months.title'),
    ['month', 'members', 'newMembers', 'visits', 'coworkingDays', 'hours', 'revenue', 'payments'].map((c) => k(`months.${c}`)),
    r.byMonth.map((m) => [m.month.slice(5, 7) + '/' + m.month.slice(0, 4), int(m.members), int(m.newMembers), int(m.visits), { number: m.coworkingDays }, hours(m.machineTimeS), { money: m.revenueCents }, { money: m.paymentsCents }]),
    [k('total'), int(tot.uniqueMembers), int(tot.newMembers), int(tot.visits), { number: tot.coworkingDays }, hours(tot.machineTimeS), { money: sum(r.byMonth, (m) => m.revenueCents) }, { money: sum(r.byMonth, (m) => m.paymentsCents) }],
  );
  section(
    k('materials.title'),
    [k('materials.material'), k('materials.unit'), k('materials.used'), k('materials.sold'), k('materials.revenue')],
    r.materials.map((m) => {
      const used = inShownUnit(m.usedQuantity, m.unit);
      const sold = inShownUnit(m.soldQuantity, m.unit);
      return [name(m.name), t(`unitName.${used.unit}`), { number: used.value }, { number: sold.value }, { money: m.revenueCents }];
    }),
  );
  section(
    k('training.title'),
    ['module', 'sessions', 'hours', 'attendees', 'traineeHours', 'certifications'].map((c) => k(`training.${c}`)),
    r.training.byModule.map((m) => [name(m.title), int(m.sessions), hours(m.durationS), int(m.attendees), null, int(m.certifications)]),
    [k('total'), int(r.training.sessions), hours(r.training.durationS), int(r.training.attendees), hours(r.training.traineeS), int(r.training.certifications)],
  );
  section(
    k('revenue.title'),
    ['kind', 'entries', 'quantity', 'unit', 'gross', 'reductions', 'corrections', 'revenue'].map((c) => k(`revenue.${c}`)),
    r.revenue.map((l) => {
      const q = l.quantity !== null && l.unit !== null ? inShownUnit(l.quantity, l.unit) : null;
      return [t(`kind.${l.kind}`), int(l.entries), q ? { number: q.value } : null, q ? t(`unitName.${q.unit}`) : null, { money: l.grossCents }, { money: l.reductionCents }, { money: l.correctionsCents }, { money: l.revenueCents }];
    }),
    [k('total'), int(sum(r.revenue, (l) => l.entries)), null, null, { money: sum(r.revenue, (l) => l.grossCents) }, { money: sum(r.revenue, (l) => l.reductionCents) }, { money: sum(r.revenue, (l) => l.correctionsCents) }, { money: sum(r.revenue, (l) => l.revenueCents) }],
  );
  section(
    k('payments.title'),
    [k('payments.method'), k('payments.entries'), k('payments.amount')],
    r.payments.map((p) => [t(`method.${p.method}`), int(p.entries), { money: p.amountCents }]),
    [k('total'), int(sum(r.payments, (p) => p.entries)), { money: sum(r.payments, (p) => p.amountCents) }],
  );
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
