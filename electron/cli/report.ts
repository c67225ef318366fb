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
import { cellText, figureColumns, reportTables } from '../services/reports/report-tables';
import { usageReport } from '../services/reports/usage';
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

/** Columns padded to their widest cell; figures right-aligned. */
function table(header: string[], rows: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - [...c].length));
        return right[i] ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function textReport(r: UsageReport, lang: 'fr' | 'en'): string {
  const t = reportTranslator(lang);
  const f = formats(lang, r.currency);
  const k = (key: string, params?: Record<string, string | number>) => t(`report.${key}`, params);
  const tot = r.totals;
  const out: string[] = [`${k('title')} – ${r.site.name} (${r.site.town})`, k('periodLine', { from: f.shortDay(r.from), to: f.shortDay(r.to) })];
  for (const tb of reportTables(r, lang)) {
    out.push('', tb.title);
    if (tb.rows.length === 0 && tb.none) {
      out.push(tb.none);
      continue;
    }
    const lines = (tb.total ? [...tb.rows, tb.total] : tb.rows).map((row) => row.map((c) => cellText(c, f)));
    out.push(table(tb.header, lines, figureColumns(tb)));
    if (tb.note) out.push(tb.note);
  }
  out.push('', k('check', { revenue: f.money(tot.revenueCents), payments: f.money(tot.paymentsCents), net: f.money(tot.ledgerNetCents) }));
  return out.join('\n');
}
