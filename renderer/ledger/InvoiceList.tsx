// Invoices, newest first, each with its PDF as issued (downloaded: the kiosk's CSP shows no PDF in the
// page). The member's own; for a manager, one member's or everyone's.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { DownloadIcon, JobIcon } from '../components/icons';
import { downloadBase64 } from '../lib/download';
import { formatDate, formatMoney, localeOf } from '../lib/format';
import { ErrorLine } from '../manage/ErrorLine';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { dayDate, formatDayShort } from './periods';

export function InvoiceList({ memberId, version = 0, showBuyer = false, title }: { memberId?: string; version?: number; showBuyer?: boolean; title?: string }) {
  const { t } = useTranslation();
  const { call, lang, info } = useKiosk();
  const { state } = useLoad(() => call('invoices.list', memberId ? { memberId, limit: 100 } : { limit: 100 }), [call, memberId, version]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const money = (c: number) => formatMoney(c, info.currency, lang);
  const day = (d: string) => formatDate(dayDate(d), lang);

  const download = async (invoiceId: string) => {
    setBusy(invoiceId);
    setError(null);
    try {
      const doc = await call('invoices.document', { invoiceId });
      downloadBase64(doc.pdfBase64, 'application/pdf', doc.fileName);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card table-card" aria-labelledby="invoices-title" data-testid="invoice-list">
      <div className="table-head">
        <h2 id="invoices-title">
          <JobIcon /> {title ?? t('ledger.invoices.title')}
        </h2>
        {state.phase === 'ready' ? <span className="pill">{t('ledger.invoices.count', { count: state.value.length })}</span> : null}
      </div>
      {state.phase === 'failed' ? <ErrorLine error={state.error} lang={lang} /> : null}
      {error ? <ErrorLine error={error} lang={lang} /> : null}
      {state.phase === 'ready' && state.value.length === 0 ? <p className="muted" data-testid="invoices-empty">{t('ledger.invoices.none')}</p> : null}
      {state.phase === 'ready' && state.value.length > 0 ? (
        <div className="table-wrap">
          <table className="table invoice-table">
            <thead>
              <tr>
                <th scope="col">{t('ledger.invoices.number')}</th>
                {showBuyer ? <th scope="col">{t('ledger.col.member')}</th> : null}
                <th scope="col">{t('ledger.invoices.issued')}</th>
                <th scope="col">{t('ledger.invoices.period')}</th>
                <th scope="col" className="num">
                  {t('ledger.invoices.total')}
                </th>
                <th scope="col" className="num">
                  {t('ledger.invoices.due')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('ledger.invoices.pdf')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.value.map((inv) => (
                <tr key={inv.id} data-testid="invoice-row" data-number={inv.number}>
                  <th scope="row">
                    <span className="nowrap">{inv.number}</span>
                    {inv.kind === 'credit_note' ? <span className="pill pill-ok invoice-pill">{t('ledger.invoices.creditNote')}</span> : null}
                    {inv.demo ? <span className="pill pill-warn invoice-pill">{t('ledger.invoices.demo')}</span> : null}
                  </th>
                  {showBuyer ? <td>{inv.buyerName}</td> : null}
                  <td className="nowrap">{day(inv.issueDay)}</td>
                  <td className="nowrap">{t('ledger.period.readoutShort', { from: formatDayShort(inv.from, localeOf(lang)), to: formatDayShort(inv.to, localeOf(lang)) })}</td>
                  <td className="num nowrap">{money(inv.totalTtcCents)}</td>
                  <td className="num nowrap">{money(inv.dueCents)}</td>
                  <td>
                    <button type="button" className="btn btn-secondary" data-testid="invoice-pdf" disabled={busy !== null} onClick={() => void download(inv.id)}>
                      <DownloadIcon />
                      <span>{busy === inv.id ? t('ledger.invoices.downloading') : t('ledger.invoices.pdf')}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
