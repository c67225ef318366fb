// `fabkiosk report --from YYYY-MM-DD --to YYYY-MM-DD [--csv [--entries]] [--json]`: the funders' report
// from the lab's store, computed by the same function as the API's `reports.usage`. A text table by
// default, the API's JSON with --json, the spreadsheet CSV with --csv (the ledger's lines with --entries).
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import fablab from '../../assets/fablab.json';
import { DomainError } from '../api/errors';
import type { UsageReport } from '../api/models';
import { defaultDataDir } from '../paths';
import { formats, reportTranslator } from '../services/reports/i18n';
import { entriesCsv, reportCsv } from '../services/reports/report-csv';
import { usageReport } from '../services/reports/usage';
import { inShownUnit } from '../services/statements/labels';
import { openStore } from '../store';
import { seedIfEmpty } from '../store/seed';
import { CliError } from './serve';

export async function reportCommand(args: string[], env: NodeJS.ProcessEnv, t: TFunction, lang: 'fr' | 'en'): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      csv: { type: 'boolean', default: false },
      entries: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.from || !values.to || positionals.length > 0 || (values.csv && values.json) || (values.entries && !values.csv)) {
    throw new CliError('reportUsage');
  }
  const store = openStore(defaultDataDir(env));
  try {
    await seedIfEmpty(store.writer, fablab);
    if (values.csv && values.entries) {
      process.stdout.write(periodOrError(() => entriesCsv(store, values.from!, values.to!, lang), values.from, values.to));
      return 0;
    }
    const report = periodOrError(() => usageReport(store, values.from!, values.to!, new Date()), values.from, values.to);
    if (values.json) process.stdout.write(JSON.stringify(report) + '\n');
    else if (values.csv) process.stdout.write(reportCsv(report, lang));
    else process.stdout.write(textReport(report, lang) + '\n');
    return 0;
  } finally {
    store.close();
  }
}

/** A bad period is one clear line, in the user's language. */
function periodOrError<T>(run: () => T, from: string, to: string): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'invalid_input') {
      const p = err.params ?? {};
      throw new CliError(`reportPeriod.${String(p.reason ?? 'not_a_day')}`, { field: String(p.field ?? ''), value: p.field === 'to' ? to : from, from, to, maxDays: Number(p.maxDays ?? 0) });
    }
    throw err;
  }
}

type Align = 'left' | 'right';

/** Columns padded to their widest cell; figures right-aligned. */
function table(header: string[], rows: string[][], align: Align[]): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - [...c].length));
        return align[i] === 'right' ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function textReport(r: UsageReport, lang: 'fr' | 'en'): string {
  const t = reportTranslator(lang);
  const f = formats(lang, r.currency);
  const k = (key: string, params?: Record<string, string | number>) => t(`report.${key}`, params);
  const name = (l: { fr: string; en: string }) => l[lang];
  const h = (s: number) => f.hours(s);
  const int = (n: number) => f.number(n, 0);
  const money = (c: number) => f.money(c);
  const tot = r.totals;
  const right = (n: number): Align[] => ['left', ...Array<Align>(n).fill('right')];
  const out: string[] = [];
  const section = (title: string, body: string) => out.push('', title, body);
  out.push(`${k('title')} – ${r.site.name} (${r.site.town})`, k('periodLine', { from: f.shortDay(r.from), to: f.shortDay(r.to) }));
  section(
    k('summary.title'),
    table(
      [k('summary.indicator'), k('summary.value')],
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
        [k('summary.ledgerNet'), money(tot.ledgerNetCents)],
        [k('summary.entries'), int(tot.entries)],
      ],
      right(1),
    ),
  );
  section(
    k('categories.title'),
    table(
      ['category', 'members', 'newMembers', 'visits', 'certified', 'coworkingDays', 'machineHours', 'revenue'].map((c) => k(`categories.${c}`)),
      [
        ...r.byCategory.map((c) => [name(c.name), int(c.members), int(c.newMembers), int(c.visits), int(c.membersCertified), f.number(c.coworkingDays), h(c.machineTimeS), money(c.revenueCents)]),
        [k('total'), int(tot.uniqueMembers), int(tot.newMembers), int(tot.visits), int(tot.membersCertified), f.number(tot.coworkingDays), h(tot.machineTimeS), money(r.byCategory.reduce((s, c) => s + c.revenueCents, 0))],
      ],
      right(7),
    ),
  );
  section(
    k('machines.title'),
    table(
      ['machine', 'jobs', 'completed', 'manual', 'hours', 'revenue'].map((c) => k(`machines.${c}`)),
      r.byMachine.map((m) => [m.name, int(m.jobs), int(m.jobsCompleted), int(m.manualUses), h(m.machineTimeS), money(m.revenueCents)]),
      right(5),
    ),
  );
  section(
    k('months.title'),
    table(
      ['month', 'members', 'newMembers', 'visits', 'coworkingDays', 'hours', 'revenue', 'payments'].map((c) => k(`months.${c}`)),
      r.byMonth.map((m) => [f.month(m.month), int(m.members), int(m.newMembers), int(m.visits), f.number(m.coworkingDays), h(m.machineTimeS), money(m.revenueCents), money(m.paymentsCents)]),
      right(7),
    ),
  );
  if (r.materials.length > 0) {
    section(
      k('materials.title'),
      table(
        ['material', 'unit', 'used', 'sold', 'revenue'].map((c) => k(`materials.${c}`)),
        r.materials.map((m) => {
          const used = inShownUnit(m.usedQuantity, m.unit);
          return [name(m.name), t(`unitName.${used.unit}`), f.number(used.value), f.number(inShownUnit(m.soldQuantity, m.unit).value), money(m.revenueCents)];
        }),
        ['left', 'left', 'right', 'right', 'right'],
      ),
    );
  }
  if (r.training.byModule.length > 0) {
    section(
      k('training.title'),
      table(
        ['module', 'sessions', 'hours', 'attendees', 'certifications'].map((c) => k(`training.${c}`)),
        r.training.byModule.map((m) => [name(m.title), int(m.sessions), h(m.durationS), int(m.attendees), int(m.certifications)]),
        right(4),
      ),
    );
  }
  section(
    k('revenue.title'),
    table(
      ['kind', 'entries', 'gross', 'reductions', 'corrections', 'revenue'].map((c) => k(`revenue.${c}`)),
      [
        ...r.revenue.map((l) => [t(`kind.${l.kind}`), int(l.entries), money(l.grossCents), money(l.reductionCents), money(l.correctionsCents), money(l.revenueCents)]),
        [k('total'), int(r.revenue.reduce((s, l) => s + l.entries, 0)), money(r.revenue.reduce((s, l) => s + l.grossCents, 0)), money(r.revenue.reduce((s, l) => s + l.reductionCents, 0)), money(r.revenue.reduce((s, l) => s + l.correctionsCents, 0)), money(tot.revenueCents)],
      ],
      right(5),
    ),
  );
  if (r.payments.length > 0) {
    section(
      k('payments.title'),
      table(
        ['method', 'entries', 'amount'].map((c) => k(`payments.${c}`)),
        [...r.payments.map((p) => [t(`method.${p.method}`), int(p.entries), money(p.amountCents)]), [k('total'), int(r.payments.reduce((s, p) => s + p.entries, 0)), money(tot.paymentsCents)]],
        right(2),
      ),
    );
  }
  out.push('', k('check', { revenue: money(tot.revenueCents), payments: money(tot.paymentsCents), net: money(tot.ledgerNetCents) }));
  return out.join('\n');
}
