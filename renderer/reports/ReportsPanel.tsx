// The funders' report on screen: a period, then who came (by public), what the machines did (by
// machine, by month), the material used, training hours and members certified, coworking days and
// revenue, as figures and bar charts; the same report to download as CSV (for a spreadsheet) or PDF.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, UsageReport } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { DownloadIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { formatQuantity } from '../ledger/amounts';
import { PeriodPicker } from '../ledger/PeriodPicker';
import { monthDate, parisDay, presetPeriod, type Period } from '../ledger/periods';
import { downloadBase64 } from '../lib/download';
import { formatDateTime, formatMoney, formatNumber, localeOf, pick } from '../lib/format';
import { ErrorLine } from '../manage/ErrorLine';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { BarChart, type BarRow } from './BarChart';
import '../styles/ledger.css';

type CategoryMeasure = 'members' | 'visits' | 'machineTimeS' | 'revenueCents' | 'coworkingDays';
type MonthMeasure = 'visits' | 'machineTimeS' | 'revenueCents' | 'coworkingDays';
type Download = 'csv' | 'entries' | 'pdf';

const categoryMeasures: readonly CategoryMeasure[] = ['members', 'visits', 'coworkingDays', 'machineTimeS', 'revenueCents'];
const monthMeasures: readonly MonthMeasure[] = ['visits', 'coworkingDays', 'machineTimeS', 'revenueCents'];

/** Hours with one decimal: funders count machine and training time in hours. */
function hours(seconds: number, lang: 'fr' | 'en'): string {
  return `${formatNumber(seconds / 3600, lang, 1)} h`;
}

export function ReportsPanel() {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('lastMonth', parisDay(new Date())));
  const { state } = useLoad(() => call('reports.usage', period), [call, period.from, period.to]);
  const [categoryMeasure, setCategoryMeasure] = useState<CategoryMeasure>('members');
  const [monthMeasure, setMonthMeasure] = useState<MonthMeasure>('visits');
  const [busy, setBusy] = useState<Download | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const download = async (what: Download) => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'pdf') {
        const doc = await call('reports.pdf', { ...period, lang });
        downloadBase64(doc.pdfBase64, 'application/pdf', doc.fileName);
      } else {
        const file = await call('reports.csv', { ...period, table: what === 'csv' ? 'report' : 'entries', lang });
        downloadBase64(file.dataBase64, file.mimeType, file.fileName);
      }
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  };

  const report = state.phase === 'ready' ? state.value : null;
  const money = (c: number) => formatMoney(c, report?.currency ?? 'EUR', lang);
  const num = (n: number) => formatNumber(n, lang, 0);
  const measureText = (m: CategoryMeasure | MonthMeasure, v: number) => (m === 'machineTimeS' ? hours(v, lang) : m === 'revenueCents' ? money(v) : num(v));

  return (
    <div className="reports" data-testid="reports-panel">
      <section className="card table-card reports-head">
        <div className="table-head">
          <div>
            <h2>{t('reports.title')}</h2>
            <p className="muted">{t('reports.lead')}</p>
          </div>
          <div className="row-actions">
            <button type="button" className="btn btn-primary" data-testid="report-csv" disabled={busy !== null || !report} onClick={() => void download('csv')}>
              <DownloadIcon />
              <span>{busy === 'csv' ? t('reports.downloading') : t('reports.csv')}</span>
            </button>
            <button type="button" className="btn btn-secondary" data-testid="report-entries" disabled={busy !== null || !report} onClick={() => void download('entries')}>
              <DownloadIcon />
              <span>{busy === 'entries' ? t('reports.downloading') : t('reports.entriesCsv')}</span>
            </button>
            <button type="button" className="btn btn-secondary" data-testid="report-pdf" disabled={busy !== null || !report} onClick={() => void download('pdf')}>
              <DownloadIcon />
              <span>{busy === 'pdf' ? t('reports.downloading') : t('reports.pdf')}</span>
            </button>
          </div>
        </div>
        <PeriodPicker period={period} onChange={setPeriod} testId="report-period" />
        {error ? <ErrorLine error={error} lang={lang} /> : null}
      </section>

      {state.phase === 'loading' ? <Progress label={t('reports.loading')} fraction={null} lang={lang} /> : null}
      {state.phase === 'failed' ? <ErrorLine error={state.error} lang={lang} /> : null}
      {report ? <ReportBody report={report} categoryMeasure={categoryMeasure} setCategoryMeasure={setCategoryMeasure} monthMeasure={monthMeasure} setMonthMeasure={setMonthMeasure} measureText={measureText} /> : null}
    </div>
  );
}

function ReportBody({
  report: r,
  categoryMeasure,
  setCategoryMeasure,
  monthMeasure,
  setMonthMeasure,
  measureText,
}: {
  report: UsageReport;
  categoryMeasure: CategoryMeasure;
  setCategoryMeasure(m: CategoryMeasure): void;
  monthMeasure: MonthMeasure;
  setMonthMeasure(m: MonthMeasure): void;
  measureText(m: CategoryMeasure | MonthMeasure, v: number): string;
}) {
  const { t } = useTranslation();
  const { lang } = useKiosk();
  const money = (c: number) => formatMoney(c, r.currency, lang);
  const num = (n: number) => formatNumber(n, lang, 0);
  const tt = r.totals;

  type TotalKey = Exclude<keyof typeof tt, 'entries' | 'ledgerNetCents'>;
  const totals: Array<{ key: TotalKey; value: number; text: string; tone: string }> = [
    { key: 'uniqueMembers', value: tt.uniqueMembers, text: num(tt.uniqueMembers), tone: 'green' },
    { key: 'newMembers', value: tt.newMembers, text: num(tt.newMembers), tone: 'green' },
    { key: 'visits', value: tt.visits, text: num(tt.visits), tone: 'green' },
    { key: 'coworkingDays', value: tt.coworkingDays, text: num(tt.coworkingDays), tone: 'green' },
    { key: 'machineTimeS', value: tt.machineTimeS, text: hours(tt.machineTimeS, lang), tone: 'ochre' },
    { key: 'jobs', value: tt.jobs, text: num(tt.jobs), tone: 'ochre' },
    { key: 'manualUses', value: tt.manualUses, text: num(tt.manualUses), tone: 'ochre' },
    { key: 'trainingSessions', value: tt.trainingSessions, text: num(tt.trainingSessions), tone: 'stone' },
    { key: 'trainingS', value: tt.trainingS, text: hours(tt.trainingS, lang), tone: 'stone' },
    { key: 'traineeS', value: tt.traineeS, text: hours(tt.traineeS, lang), tone: 'stone' },
    { key: 'membersCertified', value: tt.membersCertified, text: num(tt.membersCertified), tone: 'stone' },
    { key: 'certifications', value: tt.certifications, text: num(tt.certifications), tone: 'stone' },
    { key: 'revenueCents', value: tt.revenueCents, text: money(tt.revenueCents), tone: 'terra' },
    { key: 'paymentsCents', value: tt.paymentsCents, text: money(tt.paymentsCents), tone: 'terra' },
  ];

  // Time is charted in hours, so the axis reads 0, ¼, ½, ¾, 1 h rather than 0 to 5 000 s.
  const chartValue = (m: CategoryMeasure | MonthMeasure, v: number) => (m === 'machineTimeS' ? v / 3600 : v);
  const categoryRows: BarRow[] = r.byCategory.map((c) => ({
    key: c.category ?? 'visitors',
    label: c.category === null ? t('reports.visitors') : pick(c.name, lang),
    value: chartValue(categoryMeasure, c[categoryMeasure]),
    valueText: measureText(categoryMeasure, c[categoryMeasure]),
  }));
  const machineRows: BarRow[] = [...r.byMachine]
    .sort((a, b) => b.machineTimeS - a.machineTimeS || a.name.localeCompare(b.name, lang))
    .map((m) => ({
      key: m.code,
      label: m.name,
      note: [m.jobs > 0 ? t('reports.jobs', { count: m.jobs }) : '', m.manualUses > 0 ? t('reports.manualUses', { count: m.manualUses }) : ''].filter(Boolean).join(' · ') || undefined,
      value: m.machineTimeS / 3600,
      valueText: hours(m.machineTimeS, lang),
    }));
  const monthFormat = new Intl.DateTimeFormat(localeOf(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthRows: BarRow[] = r.byMonth.map((m) => ({
    key: m.month,
    label: monthFormat.format(monthDate(m.month)),
    value: chartValue(monthMeasure, m[monthMeasure]),
    valueText: measureText(monthMeasure, m[monthMeasure]),
  }));
  const revenueRows: BarRow[] = r.revenue.map((x) => ({
    key: x.kind,
    label: t(`ledger.kind.${x.kind}`),
    note: t('reports.entries', { count: x.entries }),
    value: x.revenueCents,
    valueText: money(x.revenueCents),
  }));
  const moduleRows: BarRow[] = r.training.byModule.map((m) => ({
    key: m.module,
    label: pick(m.title, lang),
    note: t('reports.sessions', { count: m.sessions }),
    value: m.attendees,
    valueText: t('reports.attendees', { count: m.attendees }),
  }));

  return (
    <>
      <p className="muted report-generated" data-testid="report-generated">
        {t('reports.generated', { site: r.site.name, date: formatDateTime(r.generatedAt, lang) })}
      </p>
      <dl className="report-totals" data-testid="report-totals">
        {totals.map((x) => (
          <div key={x.key} className={`report-total tone-${x.tone}`} data-testid={`report-total-${x.key}`} data-value={x.value}>
            <dt>{t(`reports.total.${x.key}`)}</dt>
            <dd>{x.text}</dd>
          </div>
        ))}
      </dl>

      <div className="report-grid">
        <section className="card report-card" data-testid="report-by-category">
          <div className="report-card-head">
            <h3>{t('reports.byCategory')}</h3>
            <div className="chips measure-chips" role="group" aria-label={t('reports.measure')}>
              {categoryMeasures.map((m) => (
                <button key={m} type="button" className="chip" aria-pressed={categoryMeasure === m} data-testid={`category-measure-${m}`} onClick={() => setCategoryMeasure(m)}>
                  {t(`reports.measures.${m}`)}
                </button>
              ))}
            </div>
          </div>
          <BarChart rows={categoryRows} title={t(`reports.measures.${categoryMeasure}`)} testId="chart-category" />
        </section>

        <section className="card report-card" data-testid="report-by-machine">
          <div className="report-card-head">
            <h3>{t('reports.byMachine')}</h3>
          </div>
          <BarChart rows={machineRows} title={t('reports.machineHours')} testId="chart-machine" tone="ochre" scaleText={(top) => hours(top * 3600, lang)} />
        </section>

        <section className="card report-card" data-testid="report-by-month">
          <div className="report-card-head">
            <h3>{t('reports.byMonth')}</h3>
            <div className="chips measure-chips" role="group" aria-label={t('reports.measure')}>
              {monthMeasures.map((m) => (
                <button key={m} type="button" className="chip" aria-pressed={monthMeasure === m} data-testid={`month-measure-${m}`} onClick={() => setMonthMeasure(m)}>
                  {t(`reports.measures.${m}`)}
                </button>
              ))}
            </div>
          </div>
          <BarChart rows={monthRows} title={t(`reports.measures.${monthMeasure}`)} testId="chart-month" />
        </section>

        <section className="card report-card" data-testid="report-revenue">
          <div className="report-card-head">
            <h3>{t('reports.revenue')}</h3>
          </div>
          <BarChart rows={revenueRows} title={t('reports.revenueByKind')} testId="chart-revenue" tone="terra" />
          {r.payments.length > 0 ? (
            <table className="table report-table">
              <caption>{t('reports.payments')}</caption>
              <tbody>
                {r.payments.map((p) => (
                  <tr key={p.method}>
                    <th scope="row">{p.method === 'other' ? t('reports.otherMethod') : t(`ledger.payment.${p.method}`)}</th>
                    <td className="num">{t('reports.entries', { count: p.entries })}</td>
                    <td className="num">{money(p.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>

        <section className="card report-card" data-testid="report-training">
          <div className="report-card-head">
            <h3>{t('reports.training')}</h3>
          </div>
          <p className="report-line">
            {t('reports.trainingLine', { sessions: r.training.sessions, hours: hours(r.training.durationS, lang), traineeHours: hours(r.training.traineeS, lang), certified: r.training.membersCertified })}
          </p>
          <BarChart rows={moduleRows} title={t('reports.attendeesByModule')} testId="chart-training" tone="terra" />
        </section>

        <section className="card report-card" data-testid="report-materials">
          <div className="report-card-head">
            <h3>{t('reports.materials')}</h3>
          </div>
          {r.materials.length === 0 ? (
            <p className="muted">{t('reports.chartEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.material')}</th>
                    <th scope="col" className="num">
                      {t('reports.used')}
                    </th>
                    <th scope="col" className="num">
                      {t('reports.sold')}
                    </th>
                    <th scope="col" className="num">
                      {t('reports.revenueCol')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.materials.map((m) => (
                    <tr key={m.code} data-testid="report-material" data-code={m.code}>
                      <th scope="row">{pick(m.name, lang)}</th>
                      <td className="num nowrap">{formatQuantity(m.usedQuantity, m.unit, lang, t)}</td>
                      <td className="num nowrap">{formatQuantity(m.soldQuantity, m.unit, lang, t)}</td>
                      <td className="num nowrap">{money(m.revenueCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
