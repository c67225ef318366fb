// The audit log: who did what, when, to whom. Every change made on the kiosk lands here.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, AuditEntry } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { RefreshIcon } from '../components/icons';
import { formatDateTime, formatTime } from '../lib/format';
import { useAuditActionLabel } from '../screens/labels';
import { useKiosk } from '../state/kiosk';
import { ErrorLine } from './ErrorLine';

const auditLimit = 100;

export function AuditPanel({ names }: { names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const actionLabel = useAuditActionLabel();
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      setAudit(await call('audit.list', { limit: auditLimit }));
      setError(null);
    } catch (err) {
      setError(toApiError(err));
    }
  }, [call]);
  useEffect(() => {
    void load();
  }, [load]);

  const details = (e: AuditEntry) =>
    Object.entries(e.details)
      .map(([k, v]) =>
        k === 'until' && typeof v === 'string' ? t('manage.until', { time: formatTime(v, lang) }) : `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`,
      )
      .join(' · ');

  return (
    <section className="card table-card" aria-labelledby="audit-title">
      <div className="table-head">
        <div>
          <h2 id="audit-title">{t('manage.audit')}</h2>
          <p className="muted">{t('manage.auditLead')}</p>
        </div>
        <button type="button" className="btn btn-secondary" data-testid="audit-refresh" onClick={() => void load()}>
          <RefreshIcon />
          <span>{t('manage.refresh')}</span>
        </button>
      </div>
      {error ? <ErrorLine error={error} lang={lang} /> : null}
      <div className="table-wrap">
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('manage.colAt')}</th>
              <th scope="col">{t('manage.colActor')}</th>
              <th scope="col">{t('manage.colAction')}</th>
              <th scope="col">{t('manage.colTarget')}</th>
              <th scope="col">{t('manage.colDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {audit === null && !error ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t('manage.loading')}
                </td>
              </tr>
            ) : null}
            {audit?.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t('manage.noAudit')}
                </td>
              </tr>
            ) : null}
            {audit?.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <td className="nowrap">{formatDateTime(e.at, lang)}</td>
                <td>{e.actor ?? <span className="muted">{t('manage.system')}</span>}</td>
                <td>{actionLabel(e.action)}</td>
                <td>{e.target ? (names.get(e.target) ?? <code>{e.target.slice(0, 8)}</code>) : '—'}</td>
                <td className="audit-details">{details(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
