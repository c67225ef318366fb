// The signed-in member's own space ("Mon espace"): who the kiosk knows them as, their machine passport
// (certifications), visits and coworking days, balance and statement, the use of unconnected machines,
// invoices, jobs, and their data (consents, a copy of everything, closing the account).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CertificationList } from '../account/CertificationList';
import { BalancePanel } from '../account/BalancePanel';
import { MyDataPanel } from '../account/MyDataPanel';
import { VisitsPanel } from '../account/VisitsPanel';
import { MailIcon, PhoneIcon, ProfileIcon, SignInIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { JobList } from '../history/JobList';
import { InvoiceList } from '../ledger/InvoiceList';
import { ManualLogPanel } from '../ledger/ManualLogPanel';
import { StatementPanel } from '../ledger/StatementPanel';
import { errorMessage } from '../i18n/errors';
import { formatDate, initials } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { useCatalogLabels } from './labels';

export function AccountScreen() {
  const { t } = useTranslation();
  const { call, member, navigate, lang } = useKiosk();
  const labels = useCatalogLabels();
  const memberId = member?.id ?? null;
  const me = useLoad(() => (memberId ? call('members.me', {}) : new Promise<never>(() => {})), [call, memberId]);
  const charter = useLoad(() => call('kiosk.charter', {}), [call]);
  /** Bumped when a use is logged here: the statement reads the ledger again. */
  const [ledgerVersion, setLedgerVersion] = useState(0);

  if (!member) {
    return (
      <div className="screen screen-account" data-testid="screen-account">
        <h1 className="screen-title">{t('account.title')}</h1>
        <section className="card empty-card">
          <p>{t('account.signInFirst')}</p>
          <button type="button" className="btn btn-primary btn-huge" onClick={() => navigate('signin')}>
            <SignInIcon size={30} />
            <span>{t('nav.signIn')}</span>
          </button>
        </section>
      </div>
    );
  }

  const profile = me.state.phase === 'ready' ? me.state.value : null;
  return (
    <div className="screen screen-account" data-testid="screen-account">
      <h1 className="screen-title">{t('account.title')}</h1>
      <section className="card member-card">
        <span className="avatar avatar-large" aria-hidden="true">
          {initials(member.displayName)}
        </span>
        <div>
          <p className="member-name" data-testid="account-name">
            {member.displayName}
          </p>
          <dl className="facts facts-inline">
            <div>
              <dt>{t('account.role')}</dt>
              <dd data-testid="account-role">{t(`roles.${member.role}`)}</dd>
            </div>
            <div>
              <dt>{t('account.profile')}</dt>
              <dd data-testid="account-profile">
                <ProfileIcon code={member.profileCategory} size={22} /> {labels.profile(member.profileCategory)}
              </dd>
            </div>
            {profile ? (
              <div>
                <dt>{t('account.since')}</dt>
                <dd>{formatDate(profile.createdAt, lang)}</dd>
              </div>
            ) : null}
          </dl>
          {profile && (profile.email || profile.phone) ? (
            <p className="member-contact muted">
              {profile.email ? (
                <span>
                  <MailIcon size={20} /> {profile.email}
                </span>
              ) : null}
              {profile.phone ? (
                <span>
                  <PhoneIcon size={20} /> {profile.phone}
                </span>
              ) : null}
            </p>
          ) : null}
        </div>
      </section>

      {me.state.phase === 'loading' ? <Progress label={t('account.loading')} fraction={null} lang={lang} /> : null}
      {me.state.phase === 'failed' ? <p className="form-error">{errorMessage(me.state.error, t, lang)}</p> : null}
      {profile ? (
        <>
          <CertificationList memberId={profile.id} certifications={profile.certifications} />
          <div className="account-grid">
            <VisitsPanel me={profile} />
            <BalancePanel me={profile} />
          </div>
          <StatementPanel version={ledgerVersion} />
          <ManualLogPanel
            onLogged={() => {
              me.reload();
              setLedgerVersion((v) => v + 1);
            }}
          />
          <InvoiceList />
        </>
      ) : null}

      <section className="account-jobs" aria-labelledby="account-jobs-title" data-testid="account-jobs">
        <h2 id="account-jobs-title" className="section-title">
          {t('account.jobsTitle')}
        </h2>
        <JobList mine limit={20} emptyText={t('account.jobsNone')} />
      </section>

      {profile && charter.state.phase === 'ready' ? <MyDataPanel me={profile} purposes={charter.state.value.purposes} onChange={me.set} /> : null}
    </div>
  );
}
