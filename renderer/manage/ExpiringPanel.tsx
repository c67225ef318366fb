// Certifications that expire soon (and those already expired or outdated): who to invite to the next
// session.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';
import { useModuleLabel } from '../screens/labels';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { CertificationBadge } from '../training/CertificationBadge';
import { ErrorLine } from './ErrorLine';

const windows = [30, 60, 90] as const;

export function ExpiringPanel() {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const moduleLabel = useModuleLabel();
  const [days, setDays] = useState<(typeof windows)[number]>(60);
  const { state } = useLoad(() => call('training.expiring', { withinDays: days }), [call, days]);
  return (
    <section className="card table-card" aria-labelledby="expiring-title" data-testid="expiring">
      <div className="table-head">
        <div>
          <h2 id="expiring-title">{t('manage.expiringTitle')}</h2>
          <p className="muted">{t('manage.expiringLead')}</p>
        </div>
        <div className="segmented" role="group" aria-label={t('manage.expiringWithin')}>
          {windows.map((d) => (
            <button key={d} type="button" aria-pressed={days === d} onClick={() => setDays(d)}>
              {t('manage.days', { count: d })}
            </button>
          ))}
        </div>
      </div>
      {state.phase === 'failed' ? <ErrorLine error={state.error} lang={lang} /> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('manage.colName')}</th>
              <th scope="col">{t('manage.colModule')}</th>
              <th scope="col">{t('manage.colVersion')}</th>
              <th scope="col">{t('manage.colExpires')}</th>
              <th scope="col">{t('manage.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {state.phase === 'ready' && state.value.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t('manage.expiringNone')}
                </td>
              </tr>
            ) : null}
            {state.phase === 'ready'
              ? state.value.map((c) => (
                  <tr key={`${c.memberId}-${c.module}`} data-testid="expiring-row" data-status={c.status}>
                    <th scope="row">{c.memberName}</th>
                    <td>{moduleLabel(c.module)}</td>
                    <td>{c.version}</td>
                    <td className="nowrap">{formatDate(c.expiresAt, lang)}</td>
                    <td>
                      <CertificationBadge status={c.status} lang={lang} />
                    </td>
                  </tr>
                ))
              : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
