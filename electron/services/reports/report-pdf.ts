// The funders' report as a PDF, in French or English: key figures, then each table with a bar chart
// of what funders look at first (who came, which machines, month by month). Drawn from the same
// report object as the API and the CSV, so the three always agree.
import type { ReportLanguage, UsageReport } from '../../api/models';
import { colors, fields, heading, renderPdf, rule, winAnsi } from '../documents/pdf';
import { parisDay } from '../dates';
import { formats, reportTranslator } from './i18n';
import { barChart, columnChart, footerOnEveryPage, gridTable } from './pdf-parts';
import { cellText, figureColumns, reportTables, type ReportTableId } from './report-tables';

/** Column widths of each table on an A4 page (483 pt between the margins). */
const COLUMN_WIDTHS: Record<ReportTableId, number[]> = {
  summary: [300, 120],
  categories: [123, 50, 50, 45, 50, 55, 50, 60],
  machines: [128, 95, 45, 50, 50, 50, 65],
  months: [80, 50, 55, 45, 55, 50, 70, 78],
  materials: [173, 50, 80, 80, 100],
  training: [163, 55, 65, 65, 65, 70],
  revenue: [88, 52, 50, 45, 62, 62, 62, 62],
  payments: [200, 80, 100],
};

export function reportPdf(r: UsageReport, lang: ReportLanguage): Promise<Buffer> {
  const t = reportTranslator(lang);
  const f = formats(lang, r.currency);
  const k = (key: string, params?: Record<string, string | number>) => t(`report.${key}`, params);
  const name = (l: { fr: string; en: string }) => l[lang];
  const h = (s: number) => f.hours(s);
  const money = (c: number) => f.money(c);
  const int = (n: number) => f.number(n, 0);
  const period = k('fromTo', { from: f.longDay(r.from), to: f.longDay(r.to) });
  const generatedDay = parisDay(new Date(r.generatedAt));
  return renderPdf({ title: `${k('title')} – ${r.site.name} – ${r.from} / ${r.to}`, createdAt: new Date(r.generatedAt) }, (doc) => {
    footerOnEveryPage(doc, (page) => `${r.site.name} – ${k('title')} – ${period} – ${k('page', { page })}`);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.font('Helvetica-Bold').fontSize(12).fillColor(colors.muted).text(winAnsi(`${r.site.name} – ${r.site.town}`));
    doc.moveDown(0.8);
    heading(doc, k('title'), 22);
    doc.font('Helvetica').fontSize(11).fillColor(colors.muted).text(winAnsi(k('subtitle')));
    doc.moveDown(0.4);
    rule(doc);
    fields(doc, [
      [k('period'), period],
      [k('generated'), f.longDay(generatedDay)],
    ]);
    doc.moveDown(0.6);

    const tot = r.totals;
    const section = (title: string) => {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
      doc.moveDown(0.6);
      doc.font('Helvetica-Bold').fontSize(14).fillColor(colors.accent).text(winAnsi(title), left, doc.y, { width });
      doc.moveDown(0.3);
    };
    // The charts funders look at first, above their table.
    const charts: Partial<Record<ReportTableId, () => void>> = {
      categories: () =>
        barChart(
          doc,
          k('charts.membersByCategory'),
          r.byCategory.filter((c) => c.category !== null).map((c) => ({ label: name(c.name), value: c.members, text: int(c.members) })),
        ),
      machines: () =>
        barChart(
          doc,
          k('charts.hoursByMachine'),
          r.byMachine.map((m) => ({ label: m.name, value: m.machineTimeS, text: `${h(m.machineTimeS)} h` })),
          '#3b6ea5',
        ),
      months: () => {
        columnChart(
          doc,
          k('charts.revenueByMonth'),
          r.byMonth.map((m) => ({ label: f.shortMonth(m.month), value: Math.max(0, m.revenueCents), text: `${f.number(m.revenueCents / 100, 0)} €` })),
        );
        columnChart(
          doc,
          k('charts.visitsByMonth'),
          r.byMonth.map((m) => ({ label: f.shortMonth(m.month), value: m.visits, text: int(m.visits) })),
          '#c0782b',
        );
      },
    };
    for (const table of reportTables(r, lang)) {
      section(table.title);
      charts[table.id]?.();
      if (table.rows.length === 0 && table.none) {
        doc.font('Helvetica').fontSize(10).fillColor(colors.muted).text(winAnsi(table.none), left, doc.y);
        continue;
      }
      const right = figureColumns(table);
      const widths = COLUMN_WIDTHS[table.id];
      const rows = (table.total ? [...table.rows, table.total] : table.rows).map((row) => row.map((c) => cellText(c, f)));
      gridTable(
        doc,
        table.header.map((title, i) => ({ title, width: widths[i]!, align: right[i] ? 'right' : 'left' })),
        rows,
        table.total ? { boldRows: new Set([table.rows.length]) } : {},
      );
      if (table.note) doc.font('Helvetica').fontSize(8).fillColor(colors.muted).text(winAnsi(table.note), left, doc.y, { width });
    }

    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(8.5).fillColor(colors.muted);
    doc.text(winAnsi(k('check', { revenue: money(tot.revenueCents), payments: money(tot.paymentsCents), net: money(tot.ledgerNetCents) })), left, doc.y, { width });
    doc.moveDown(0.4);
    doc.text(winAnsi(k('footer', { date: f.longDay(generatedDay) })), left, doc.y, { width });
  });
}
