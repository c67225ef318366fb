// The member's plan, coworking days of the period, and last visits.
import { useTranslation } from 'react-i18next';
import type { MemberProfile } from '../../electron/api/types';
import { CalendarIcon } from '../components/icons';
import { formatDate, formatTime } from '../lib/format';
import { useCatalogLabels } from '../screens/labels';
import { useKiosk } from '../state/kiosk';
import { daysUsedFraction } from '../visits/coworking';

export function VisitsPanel({ me }: { me: MemberProfile }) {
  const { t } = useTranslation();
  const { lang } = useKiosk();
  const labels = useCatalogLabels();
  const cw = me.coworking;
  const used = cw ? daysUsedFraction(cw) : null;
  return (
    <section className="card account-card" aria-labelledby="visits-title" data-testid="account-visits">
      <h2 id="visits-title">
        <CalendarIcon />
        {t('account.visitsTitle')}
      </h2>
      <p className="account-plan">
        {t('account.plan')} <strong>{labels.plan(me.planId)}</strong>
      </p>
      {cw && cw.daysIncluded !== null ? (
        <div className="days-left">
          <p>{t('account.daysUsed', { used: cw.daysUsed, count: cw.daysIncluded, start: formatDate(cw.periodStart, lang), end: formatDate(cw.periodEnd, lang) })}</p>
          {used !== null ? <progress className="progress-bar" max={1} value={used} aria-hidden="true" /> : null}
        </div>
      ) : null}
      {me.recentVisits.length === 0 ? (
        <p className="muted">{t('account.visitsNone')}</p>
      ) : (
        <ul className="visit-list">
          {me.recentVisits.slice(0, 6).map((v) => (
            <li key={v.id}>
              <span className="visit-purpose">{t(`visits.purpose.${v.purpose}`)}</span>
              <span className="muted">
                {formatDate(v.checkedInAt, lang)} · {formatTime(v.checkedInAt, lang, new Date(v.checkedInAt))}
                {v.checkedOutAt ? ` – ${formatTime(v.checkedOutAt, lang, new Date(v.checkedOutAt))}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
