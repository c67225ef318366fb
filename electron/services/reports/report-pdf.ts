// The funders' report as a PDF, in French or English: key figures, then each table with a bar chart
// of what funders look at first (who came, which machines, month by month). Drawn from the same
// report object as the API and the CSV, so the three always agree.
import type { ReportLanguage, UsageReport } from '../../api/models';
import { colors, fields, heading, renderPdf, rule, winAnsi } from '../documents/pdf';
import { parisDay } from '../dates';
import { inShownUnit, quantityText } from '../statements/labels';
import { formats, reportTranslator } from './i18n';
import { barChart, columnChart, footerOnEveryPage, gridTable } from './pdf-parts';

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
    section(k('summary.title'));
    gridTable(
      doc,
      [
        { title: k('summary.indicator'), width: 300 },
        { title: k('summary.value'), width: 120, align: 'right' },
      ],
      [
        [k('summary.uniqueMembers'), int(tot.uniqueMembers)],
        [k('summary.newMembers'), int(tot.newMembers)],
        [k('summary.visits'), int(tot.visits)],
        [k('summary.coworkingDays'), f.number(tot.coworkingDays)],
        [k('summary.machineHours'), h(tot.machineTimeS)],
        [k('summary.jobs'), int(tot.jobs)],
        [k('summary.manualUses'), int(tot.manualUses)],
        [k('summary.trainingSessions'), int(tot.trainingSessions)],
        [k('summary.trainingHours'), h(tot.trainingS)],
        [k('summary.traineeHours'), h(tot.traineeS)],
        [k('summary.certifications'), int(tot.certifications)],
        [k('summary.membersCertified'), int(tot.membersCertified)],
        [k('summary.revenue'), money(tot.revenueCents)],
        [k('summary.payments'), money(tot.paymentsCents)],
      ],
    );

    section(k('categories.title'));
    barChart(
      doc,
      k('charts.membersByCategory'),
      r.byCategory.filter((c) => c.category !== null).map((c) => ({ label: name(c.name), value: c.members, text: int(c.members) })),
    );
    gridTable(
      doc,
      [
        { title: k('categories.category'), width: 123 },
        { title: k('categories.members'), width: 50, align: 'right' },
        { title: k('categories.newMembers'), width: 50, align: 'right' },
        { title: k('categories.visits'), width: 45, align: 'right' },
        { title: k('categories.certified'), width: 50, align: 'right' },
        { title: k('categories.coworkingDays'), width: 55, align: 'right' },
        { title: k('categories.machineHours'), width: 50, align: 'right' },
        { title: k('categories.revenue'), width: 60, align: 'right' },
      ],
      [
        ...r.byCategory.map((c) => [name(c.name), int(c.members), int(c.newMembers), int(c.visits), int(c.membersCertified), f.number(c.coworkingDays), h(c.machineTimeS), money(c.revenueCents)]),
        [k('total'), int(tot.uniqueMembers), int(tot.newMembers), int(tot.visits), int(tot.membersCertified), f.number(tot.coworkingDays), h(tot.machineTimeS), money(r.byCategory.reduce((s, c) => s + c.revenueCents, 0))],
      ],
      { boldRows: new Set([r.byCategory.length]) },
    );
    doc.font('Helvetica').fontSize(8).fillColor(colors.muted).text(winAnsi(k('categories.note')), left, doc.y, { width });

    section(k('machines.title'));
    barChart(
      doc,
      k('charts.hoursByMachine'),
      r.byMachine.map((m) => ({ label: m.name, value: m.machineTimeS, text: `${h(m.machineTimeS)} h` })),
      '#3b6ea5',
    );
    gridTable(
      doc,
      [
        { title: k('machines.machine'), width: 128 },
        { title: k('machines.kind'), width: 95 },
        { title: k('machines.jobs'), width: 45, align: 'right' },
        { title: k('machines.completed'), width: 50, align: 'right' },
        { title: k('machines.manual'), width: 50, align: 'right' },
        { title: k('machines.hours'), width: 50, align: 'right' },
        { title: k('machines.revenue'), width: 65, align: 'right' },
      ],
      r.byMachine.map((m) => [m.name, t(`machineKind.${m.kind}`, { defaultValue: m.kind }), int(m.jobs), int(m.jobsCompleted), int(m.manualUses), h(m.machineTimeS), money(m.revenueCents)]),
    );

    section(k('months.title'));
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
    gridTable(
      doc,
      [
        { title: k('months.month'), width: 80 },
        { title: k('months.members'), width: 50, align: 'right' },
        { title: k('months.newMembers'), width: 55, align: 'right' },
        { title: k('months.visits'), width: 45, align: 'right' },
        { title: k('months.coworkingDays'), width: 55, align: 'right' },
        { title: k('months.hours'), width: 50, align: 'right' },
        { title: k('months.revenue'), width: 70, align: 'right' },
        { title: k('months.payments'), width: 78, align: 'right' },
      ],
      r.byMonth.map((m) => [f.month(m.month), int(m.members), int(m.newMembers), int(m.visits), f.number(m.coworkingDays), h(m.machineTimeS), money(m.revenueCents), money(m.paymentsCents)]),
    );

    section(k('materials.title'));
    if (r.materials.length === 0) doc.font('Helvetica').fontSize(10).fillColor(colors.muted).text(winAnsi(k('materials.none')), left, doc.y);
    else
      gridTable(
        doc,
        [
          { title: k('materials.material'), width: 173 },
          { title: k('materials.unit'), width: 50 },
          { title: k('materials.used'), width: 80, align: 'right' },
          { title: k('materials.sold'), width: 80, align: 'right' },
          { title: k('materials.revenue'), width: 100, align: 'right' },
        ],
        r.materials.map((m) => {
          const used = inShownUnit(m.usedQuantity, m.unit);
          return [name(m.name), t(`unitName.${used.unit}`), f.number(used.value), f.number(inShownUnit(m.soldQuantity, m.unit).value), money(m.revenueCents)];
        }),
      );

    section(k('training.title'));
    if (r.training.sessions === 0 && r.training.certifications === 0) doc.font('Helvetica').fontSize(10).fillColor(colors.muted).text(winAnsi(k('training.none')), left, doc.y);
    else
      gridTable(
        doc,
        [
          { title: k('training.module'), width: 163 },
          { title: k('training.sessions'), width: 55, align: 'right' },
          { title: k('training.hours'), width: 65, align: 'right' },
          { title: k('training.attendees'), width: 65, align: 'right' },
          { title: k('training.traineeHours'), width: 65, align: 'right' },
          { title: k('training.certifications'), width: 70, align: 'right' },
        ],
        [
          ...r.training.byModule.map((m) => [name(m.title), int(m.sessions), h(m.durationS), int(m.attendees), '', int(m.certifications)]),
          [k('total'), int(r.training.sessions), h(r.training.durationS), int(r.training.attendees), h(r.training.traineeS), int(r.training.certifications)],
        ],
        { boldRows: new Set([r.training.byModule.length]) },
      );

    section(k('revenue.title'));
    const revenueTotal = r.revenue.reduce((s, l) => s + l.revenueCents, 0);
    gridTable(
      doc,
      [
        { title: k('revenue.kind'), width: 105 },
        { title: k('revenue.entries'), width: 50, align: 'right' },
        { title: k('revenue.quantity'), width: 65, align: 'right' },
        { title: k('revenue.gross'), width: 65, align: 'right' },
        { title: k('revenue.reductions'), width: 68, align: 'right' },
        { title: k('revenue.corrections'), width: 65, align: 'right' },
        { title: k('revenue.revenue'), width: 65, align: 'right' },
      ],
      [
        ...r.revenue.map((l) => {
          return [
            t(`kind.${l.kind}`),
            int(l.entries),
            l.quantity !== null && l.unit !== null && l.unit !== 'period' ? quantityText(l.quantity, l.unit, t, f) : '',
            money(l.grossCents),
            money(l.reductionCents),
            money(l.correctionsCents),
            money(l.revenueCents),
          ];
        }),
        [k('total'), int(r.revenue.reduce((s, l) => s + l.entries, 0)), '', money(r.revenue.reduce((s, l) => s + l.grossCents, 0)), money(r.revenue.reduce((s, l) => s + l.reductionCents, 0)), money(r.revenue.reduce((s, l) => s + l.correctionsCents, 0)), money(revenueTotal)],
      ],
      { boldRows: new Set([r.revenue.length]) },
    );

    section(k('payments.title'));
    if (r.payments.length === 0) doc.font('Helvetica').fontSize(10).fillColor(colors.muted).text(winAnsi(k('payments.none')), left, doc.y);
    else
      gridTable(
        doc,
        [
          { title: k('payments.method'), width: 200 },
          { title: k('payments.entries'), width: 80, align: 'right' },
          { title: k('payments.amount'), width: 100, align: 'right' },
        ],
        [
          ...r.payments.map((p) => [t(`method.${p.method}`), int(p.entries), money(p.amountCents)]),
          [k('total'), int(r.payments.reduce((s, p) => s + p.entries, 0)), money(tot.paymentsCents)],
        ],
        { boldRows: new Set([r.payments.length]) },
      );
    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(8.5).fillColor(colors.muted);
    doc.text(winAnsi(k('check', { revenue: money(tot.revenueCents), payments: money(tot.paymentsCents), net: money(tot.ledgerNetCents) })), left, doc.y, { width });
    doc.moveDown(0.4);
    doc.text(winAnsi(k('footer', { date: f.longDay(generatedDay) })), left, doc.y, { width });
  });
}
