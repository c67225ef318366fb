// The first screen, and the one people see from across the room: who we are, what we offer, when we
// are open, what the machines are doing right now, and what it costs.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificationView, MachineSummary, Plan } from '../../electron/api/types';
import { CausseLandscape } from '../components/CausseLandscape';
import { CalendarIcon, ClockIcon, GearIcon, OfferIcon, PinIcon, ShieldIcon, SignInIcon, SparkIcon, UserIcon } from '../components/icons';
import { MachineIllustration } from '../components/MachineIllustration';
import { StatusBadge } from '../components/StatusBadge';
import { formatMoney, pick } from '../lib/format';
import { useMe } from '../membership/useMe';
import { offersFirstMonth } from '../membership/plans';
import { useKiosk } from '../state/kiosk';
import { CheckInCard } from '../visits/CheckInCard';
import { PresenceLine } from '../visits/PresenceLine';
import { useModuleLabel } from './labels';

/** "Scanner 3D" named "Scanner 3D": say the model instead of the kind twice. */
function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  return norm(a) === norm(b);
}

/** The member's standing for the module a machine needs: "trained", "to renew", or nothing to say. */
function TrainingNote({ machine, certifications }: { machine: MachineSummary; certifications: CertificationView[] | null }) {
  const { t } = useTranslation();
  const moduleLabel = useModuleLabel();
  if (!machine.requiredModule) return null;
  const cert = certifications?.find((c) => c.module === machine.requiredModule);
  const state = cert?.status ?? 'none';
  return (
    <p className={`training-note training-${certifications ? state : 'anon'}`} data-testid="machine-training" data-state={certifications ? state : 'anon'}>
      <ShieldIcon size={20} />
      <span>
        {certifications && state === 'valid'
          ? t('welcome.trained')
          : certifications && (state === 'expired' || state === 'outdated')
            ? t('welcome.toRenew', { module: moduleLabel(machine.requiredModule) })
            : t('welcome.needsTraining', { module: moduleLabel(machine.requiredModule) })}
      </span>
    </p>
  );
}

export function WelcomeScreen() {
  const { t } = useTranslation();
  const { info, catalog, machines, member, lang, navigate } = useKiosk();
  const { me, reload } = useMe();
  /** Bumped by a check-in or out, so the count of people in follows at once. */
  const [visits, setVisits] = useState(0);
  const place = info.place;
  const certifications = member && me.phase === 'ready' ? me.value.certifications : null;
  /** The first event is the place's heartbeat (the OpenLab): it gets a card beside the title. */
  const highlight = place.events[0];

  const period = (p: Plan['period']) => t(`plan.${p}`);

  return (
    <div className="screen screen-welcome" data-testid="screen-welcome">
      <section className="hero">
        <div className="hero-inner">
          <div className="hero-text">
            <p className="kicker">{member ? t('welcome.hello', { name: member.displayName }) : t('welcome.kicker')}</p>
            <h1 data-testid="place-name">{place.name}</h1>
            <p className="town">
              <PinIcon size={26} />
              {place.town}
            </p>
            <PresenceLine version={visits} />
            <p className="tagline">{pick(place.tagline, lang)}</p>
            <p className="description">{pick(place.description, lang)}</p>
            <div className="cta-row">
              {member ? (
                <>
                  <button type="button" className="btn btn-primary btn-huge" data-testid="cta-account" onClick={() => navigate('account')}>
                    <UserIcon size={30} />
                    <span>{t('welcome.ctaAccount')}</span>
                  </button>
                  <button type="button" className="btn btn-secondary btn-huge" data-testid="cta-training" onClick={() => navigate('training')}>
                    <ShieldIcon size={30} />
                    <span>{t('welcome.ctaTraining')}</span>
                  </button>
                </>
              ) : (
                <>
                  <button type="button" className="btn btn-primary btn-huge" data-testid="cta-signup" onClick={() => navigate('signup')}>
                    <UserIcon size={30} />
                    <span>{t('welcome.ctaSignUp')}</span>
                  </button>
                  <button type="button" className="btn btn-secondary btn-huge" data-testid="cta-signin" onClick={() => navigate('signin')}>
                    <SignInIcon size={30} />
                    <span>{t('welcome.ctaSignIn')}</span>
                  </button>
                </>
              )}
            </div>
          </div>
          <aside className="hero-side">
            {member && me.phase === 'ready' ? (
              <CheckInCard
                me={me.value}
                onChange={() => {
                  reload();
                  setVisits((v) => v + 1);
                }}
              />
            ) : null}
            <div className="card hours-card">
              <h2>
                <ClockIcon />
                {t('welcome.hoursTitle')}
              </h2>
              <dl className="hours">
                {place.openingHours.map((slot) => (
                  <div key={slot.days.fr + slot.hours} className="hours-row">
                    <dt>{pick(slot.days, lang)}</dt>
                    <dd>{slot.hours}</dd>
                  </div>
                ))}
              </dl>
            </div>
            {highlight ? (
              <div className="card highlight-card">
                <span className="event-icon">
                  <CalendarIcon size={30} />
                </span>
                <div>
                  <p className="highlight-label">{t('welcome.highlight')}</p>
                  <p className="highlight-title">{pick(highlight.title, lang)}</p>
                  <p className="event-when">{pick(highlight.when, lang)}</p>
                </div>
              </div>
            ) : null}
            {catalog?.firstMonthFree && !member ? (
              <div className="card free-card">
                <SparkIcon size={34} />
                <div>
                  <p className="free-title">{t('welcome.firstMonthFree')}</p>
                  <p>{t('welcome.firstMonthFreeText')}</p>
                </div>
              </div>
            ) : null}
          </aside>
        </div>
        <CausseLandscape />
      </section>

      <section className="section" aria-labelledby="offers-title">
        <h2 id="offers-title" className="section-title">
          {t('welcome.offersTitle')}
        </h2>
        <div className="offers">
          {place.offers.map((offer) => (
            <article key={offer.id} className={`card offer offer-${offer.icon}`}>
              <span className="offer-icon">
                <OfferIcon icon={offer.icon} />
              </span>
              <h3>{pick(offer.title, lang)}</h3>
              <p>{pick(offer.text, lang)}</p>
            </article>
          ))}
        </div>
      </section>

      <section className="section" aria-labelledby="machines-title">
        <div className="section-head">
          <div>
            <h2 id="machines-title" className="section-title">
              {t('welcome.machinesTitle')}
            </h2>
            <p className="section-lead">{t('welcome.machinesLead')}</p>
          </div>
          <button type="button" className="btn btn-secondary" onClick={() => navigate('machines')}>
            <GearIcon />
            <span>{t('welcome.ctaMachines')}</span>
          </button>
        </div>
        {machines.length === 0 ? (
          <p className="empty">{t('welcome.noMachines')}</p>
        ) : (
          <div className="machine-grid">
            {machines.map((m) => (
              <article key={m.id} className="card machine-card" data-testid="machine-card" data-code={m.code} data-status={m.status}>
                <div className="machine-art-wrap">
                  <MachineIllustration kind={m.kind} />
                </div>
                <div className="machine-card-body">
                  <h3>{m.name}</h3>
                  <p className="muted">{sameWords(t(`kind.${m.kind}`), m.name) ? m.model : t(`kind.${m.kind}`)}</p>
                  <StatusBadge status={m.status} />
                  <TrainingNote machine={m} certifications={certifications} />
                </div>
              </article>
            ))}
          </div>
        )}
      </section>

      <div className="section two-col">
        <section aria-labelledby="events-title">
          <h2 id="events-title" className="section-title">
            {t('welcome.eventsTitle')}
          </h2>
          <div className="events">
            {place.events.map((ev) => (
              <article key={ev.id} className="card event">
                <span className="event-icon">
                  <CalendarIcon size={30} />
                </span>
                <div>
                  <h3>{pick(ev.title, lang)}</h3>
                  <p className="event-when">{pick(ev.when, lang)}</p>
                  <p>{pick(ev.text, lang)}</p>
                </div>
              </article>
            ))}
          </div>
        </section>
        <section aria-labelledby="plans-title">
          <h2 id="plans-title" className="section-title">
            {t('welcome.plansTitle')}
          </h2>
          <p className="section-lead">{t('welcome.plansLead')}</p>
          {catalog?.firstMonthFree ? (
            <p className="ribbon">
              <SparkIcon size={24} />
              {t('welcome.firstMonthFreeText')}
            </p>
          ) : null}
          <div className="plans">
            {(catalog?.plans ?? []).map((plan) => (
              <article key={plan.id} className="card plan" data-testid="plan-card" data-plan={plan.id}>
                <div className="plan-main">
                  <h3>{pick(plan.name, lang)}</h3>
                  <p>{pick(plan.description, lang)}</p>
                  {plan.includedDays !== null ? (
                    <p className="muted">{t('welcome.includedDays', { count: plan.includedDays })}</p>
                  ) : null}
                </div>
                <p className="price">
                  <span className="price-amount">{formatMoney(plan.priceCents, info.currency, lang)}</span>
                  <span className="price-period">{period(plan.period)}</span>
                  {catalog && offersFirstMonth(catalog, plan) ? <span className="plan-free-tag">{t('welcome.firstMonthFree')}</span> : null}
                </p>
              </article>
            ))}
          </div>
          {member ? (
            <p className="muted small-note">{t('welcome.askDesk')}</p>
          ) : (
            <button type="button" className="btn btn-primary btn-huge plans-cta" data-testid="plans-signup" onClick={() => navigate('signup')}>
              <UserIcon size={30} />
              <span>{t('welcome.ctaSignUp')}</span>
            </button>
          )}
        </section>
      </div>
    </div>
  );
}
