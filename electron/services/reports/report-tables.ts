// The funders' report as tables: one model of its sections (title, columns, rows, total line, note),
// drawn three ways — the CSV (report-csv.ts), the PDF (report-pdf.ts) and the command line's text —
// so that the three always show the same rows, columns and totals. Cells are typed (csv.ts): the CSV
// writes them as spreadsheet values, the PDF and the text through the language's formats.
import type { ReportLanguage, UsageReport } from '../../api/models';
import { inShownUnit } from '../statements/labels';
import type { Cell } from './csv';
import type { Formats } from './i18n';
import { reportTranslator } from './i18n';

export type ReportTableId = 'summary' | 'categories' | 'machines' | 'months' | 'materials' | 'training' | 'revenue' | 'payments';

export interface ReportTable {
  id: ReportTableId;
  title: string;
  header: string[];
  rows: Cell[][];
  /** The total line, or null. Members are counted once each: a total is the period's, not always the rows' sum. */
  total: Cell[] | null;
  /** A sentence under the table, or null. */
  note: string | null;
  /** What to say instead of an empty table (no material sold, no session held…), or null. */
  none: string | null;
}

const hours = (s: number): Cell => ({ number: s / 3600, digits: 2 });
const int = (n: number): Cell => ({ number: n, digits: 0 });
const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

export function reportTables(r: UsageReport, lang: ReportLanguage): ReportTable[] {
  const t = reportTranslator(lang);
  const k = (key: string) => t(`report.${key}`);
  const name = (l: { fr: string; en: string }) => l[lang];
  const heads = (id: ReportTableId, columns: string[]) => columns.map((c) => k(`${id}.${c}`));
  const table = (id: ReportTableId, columns: string[], rows: Cell[][], total: Cell[] | null, extra: Partial<Pick<ReportTable, 'note' | 'none'>> = {}): ReportTable => ({
    id,
    title: k(`${id}.title`),
    header: heads(id, columns),
    rows,
    total,
    note: extra.note ?? null,
    none: extra.none ?? null,
  });
  const tot = r.totals;
  return [
    table(
      'summary',
      ['indicator', 'value'],
      [
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
      ],
      null,
    ),
    table(
      'categories',
      ['category', 'members', 'newMembers', 'visits', 'certified', 'coworkingDays', 'machineHours', 'revenue'],
      r.byCategory.map((c) => [name(c.name), int(c.members), int(c.newMembers), int(c.visits), int(c.membersCertified), { number: c.coworkingDays }, hours(c.machineTimeS), { money: c.revenueCents }]),
      [k('total'), int(tot.uniqueMembers), int(tot.newMembers), int(tot.visits), int(tot.membersCertified), { number: tot.coworkingDays }, hours(tot.machineTimeS), { money: sum(r.byCategory, (c) => c.revenueCents) }],
      { note: k('categories.note') },
    ),
    table(
      'machines',
      ['machine', 'kind', 'jobs', 'completed', 'manual', 'hours', 'revenue'],
      r.byMachine.map((m) => [m.name, t(`machineKind.${m.kind}`, { defaultValue: m.kind }), int(m.jobs), int(m.jobsCompleted), int(m.manualUses), hours(m.machineTimeS), { money: m.revenueCents }]),
      [k('total'), null, int(sum(r.byMachine, (m) => m.jobs)), int(sum(r.byMachine, (m) => m.jobsCompleted)), int(sum(r.byMachine, (m) => m.manualUses)), hours(sum(r.byMachine, (m) => m.machineTimeS)), { money: sum(r.byMachine, (m) => m.revenueCents) }],
    ),
    table(
      'months',
      ['month', 'members', 'newMembers', 'visits', 'coworkingDays', 'hours', 'revenue', 'payments'],
      r.byMonth.map((m) => [{ month: m.month }, int(m.members), int(m.newMembers), int(m.visits), { number: m.coworkingDays }, hours(m.machineTimeS), { money: m.revenueCents }, { money: m.paymentsCents }]),
      [k('total'), int(tot.uniqueMembers), int(tot.newMembers), int(tot.visits), { number: tot.coworkingDays }, hours(tot.machineTimeS), { money: sum(r.byMonth, (m) => m.revenueCents) }, { money: sum(r.byMonth, (m) => m.paymentsCents) }],
    ),
    table(
      'materials',
      ['material', 'unit', 'used', 'sold', 'revenue'],
      r.materials.map((m) => {
        const used = inShownUnit(m.usedQuantity, m.unit);
        const sold = inShownUnit(m.soldQuantity, m.unit);
        return [name(m.name), t(`unitName.${used.unit}`), { number: used.value }, { number: sold.value }, { money: m.revenueCents }];
      }),
      null,
      { none: k('materials.none') },
    ),
    table(
      'training',
      ['module', 'sessions', 'hours', 'attendees', 'traineeHours', 'certifications'],
      r.training.byModule.map((m) => [name(m.title), int(m.sessions), hours(m.durationS), int(m.attendees), null, int(m.certifications)]),
      [k('total'), int(r.training.sessions), hours(r.training.durationS), int(r.training.attendees), hours(r.training.traineeS), int(r.training.certifications)],
      { none: k('training.none') },
    ),
    table(
      'revenue',
      ['kind', 'entries', 'quantity', 'unit', 'gross', 'reductions', 'corrections', 'revenue'],
      r.revenue.map((l) => {
        const q = l.quantity !== null && l.unit !== null ? inShownUnit(l.quantity, l.unit) : null;
        return [t(`kind.${l.kind}`), int(l.entries), q ? { number: q.value } : null, q ? t(`unitName.${q.unit}`) : null, { money: l.grossCents }, { money: l.reductionCents }, { money: l.correctionsCents }, { money: l.revenueCents }];
      }),
      [k('total'), int(sum(r.revenue, (l) => l.entries)), null, null, { money: sum(r.revenue, (l) => l.grossCents) }, { money: sum(r.revenue, (l) => l.reductionCents) }, { money: sum(r.revenue, (l) => l.correctionsCents) }, { money: sum(r.revenue, (l) => l.revenueCents) }],
    ),
    table(
      'payments',
      ['method', 'entries', 'amount'],
      r.payments.map((p) => [t(`method.${p.method}`), int(p.entries), { money: p.amountCents }]),
      [k('total'), int(sum(r.payments, (p) => p.entries)), { money: sum(r.payments, (p) => p.amountCents) }],
      { none: k('payments.none') },
    ),
  ];
}

/** A cell as the PDF and the text report show it, in the report's language. */
export function cellText(cell: Cell, f: Formats): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if ('money' in cell) return f.money(cell.money);
  if ('number' in cell) return f.number(cell.number, cell.digits);
  if ('month' in cell) return f.month(cell.month);
  return f.shortDay(cell.day);
}

/** Columns of figures (amounts, numbers), which are right-aligned. */
export function figureColumns(table: ReportTable): boolean[] {
  const lines = table.total ? [...table.rows, table.total] : table.rows;
  const figure = (c: Cell | undefined) => c !== null && c !== undefined && typeof c !== 'string' && ('money' in c || 'number' in c);
  return table.header.map((_, i) => lines.some((row) => figure(row[i])));
}
