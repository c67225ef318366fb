// "I'm here": a signed-in member checks in for the fablab, a coworking day or an event, and out again
// when leaving. A coworking day is counted against the plan, and the card says how many are left.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MemberProfile, VisitPurpose, VisitView } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CalendarIcon, CheckIcon, CoffeeIcon, DoorIcon, GearIcon, SignOutIcon, SparkIcon } from '../components/icons';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatTime, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { coworkingLine, daysUsedFraction } from './coworking';

const purposeIcon = { fablab: GearIcon, coworking: CoffeeIcon, event: CalendarIcon } as const;

export function CheckInCard({ me, onChange }: { me: MemberProfile; onChange(): void }) {
  const { t } = useTranslation();
  const { call, lang, info } = useKiosk();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [choosingEvent, setChoosingEvent] = useState(false);
  /** The visit the last check-in returned: it carries this check-in's coworking count and first-visit flag. */
  const [last, setLast] = useState<VisitView | null>(null);
  const visit = me.currentVisit;
  const shown = visit && last && last.id === visit.id ? last : visit;
  const events = info.place.events;

  const act = async (f: () => Promise<VisitView | null>) => {
    setBusy(true);
    setError(null);
    try {
      setLast(await f());
      setChoosingEvent(false);
      onChange();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const checkIn = (purpose: VisitPurpose, eventId?: string) =>
    void act(() => call('visits.checkIn', { purpose, ...(eventId ? { eventId } : {}) }));
  const checkOut = () =>
    void act(async () => {
      await call('visits.checkOut', {});
      return null;
    });

  const coworking = shown?.coworking ?? null;
  const line = coworking ? coworkingLine(coworking) : null;
  const used = coworking ? daysUsedFraction(coworking) : null;

  return (
    <div className="card checkin-card" data-testid="checkin-card" data-state={shown ? 'in' : 'out'}>
      <h2>
        <DoorIcon />
        {shown ? t('visits.here') : t('visits.title')}
      </h2>
      {shown ? (
        <>
          <p className="checkin-now" data-testid="checkin-current" data-purpose={shown.purpose}>
            {t(`visits.since.${shown.purpose}`, { time: formatTime(shown.checkedInAt, lang) })}
          </p>
          {shown.firstVisitFree ? (
            <p className="checkin-free" data-testid="checkin-first-free">
              <SparkIcon size={22} />
              {t('visits.firstVisitFreeNow')}
            </p>
          ) : null}
          {line ? (
            <div className="days-left" data-testid="coworking-days" data-left={coworking?.daysLeft ?? 'unlimited'}>
              <p>
                {line.key === 'visits.daysLeft'
                  ? t('visits.daysLeft', { count: line.count, date: formatDate(line.end, lang) })
                  : t(line.key)}
              </p>
              {used !== null ? <progress className="progress-bar" max={1} value={used} aria-hidden="true" /> : null}
            </div>
          ) : null}
          <button type="button" className="btn btn-secondary btn-huge checkout-btn" data-testid="checkout" disabled={busy} onClick={checkOut}>
            <SignOutIcon />
            <span>{t('visits.checkOut')}</span>
          </button>
        </>
      ) : (
        <>
          {me.firstVisitFree ? (
            <p className="checkin-free">
              <SparkIcon size={22} />
              {t('visits.firstVisitFree')}
            </p>
          ) : (
            <p className="muted">{t('visits.lead')}</p>
          )}
          {me.coworking && me.coworking.daysLeft !== null ? (
            <p className="muted" data-testid="coworking-days-before">
              {t('visits.daysLeftPlan', { count: me.coworking.daysLeft, date: formatDate(me.coworking.periodEnd, lang) })}
            </p>
          ) : null}
          {choosingEvent ? (
            <div className="checkin-events" role="group" aria-label={t('visits.whichEvent')}>
              <p className="field-label">{t('visits.whichEvent')}</p>
              {events.map((ev) => (
                <button key={ev.id} type="button" className="btn btn-secondary checkin-event" data-testid="checkin-event" data-code={ev.id} disabled={busy} onClick={() => checkIn('event', ev.id)}>
                  <CalendarIcon />
                  <span>{pick(ev.title, lang)}</span>
                </button>
              ))}
              <button type="button" className="btn btn-ghost" onClick={() => setChoosingEvent(false)}>
                {t('visits.backToPurposes')}
              </button>
            </div>
          ) : (
            <div className="checkin-purposes">
              {(['fablab', 'coworking', 'event'] as const).map((p) => {
                const Icon = purposeIcon[p];
                return (
                  <button
                    key={p}
                    type="button"
                    className={`checkin-purpose purpose-${p}`}
                    data-testid={`checkin-${p}`}
                    disabled={busy || (p === 'event' && events.length === 0)}
                    onClick={() => (p === 'event' ? setChoosingEvent(true) : checkIn(p))}
                  >
                    <Icon size={36} />
                    <span>{t(`visits.purpose.${p}`)}</span>
                  </button>
                );
              })}
            </div>
          )}
        </>
      )}
      {error ? (
        <p className="form-error" role="alert" data-testid="checkin-error">
          {errorMessage(error, t, lang)}
        </p>
      ) : null}
      {busy ? (
        <p className="muted" role="status">
          <CheckIcon size={20} /> {t('visits.saving')}
        </p>
      ) : null}
    </div>
  );
}
