// The signed-in member's own space: who the kiosk thinks you are, and your jobs (what ran, what it
// used, and a way to carry on an interrupted one). Certifications and the ledger come with later work.
import { useTranslation } from 'react-i18next';
import { SignInIcon } from '../components/icons';
import { Soon } from '../components/Soon';
import { JobList } from '../history/JobList';
import { initials } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { useCatalogLabels } from './labels';

export function AccountScreen() {
  const { t } = useTranslation();
  const { member, navigate } = useKiosk();
  const labels = useCatalogLabels();

  return (
    <div className="screen screen-account" data-testid="screen-account">
      <h1 className="screen-title">{t('account.title')}</h1>
      {member ? (
        <>
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
                  <dd data-testid="account-profile">{labels.profile(member.profileCategory)}</dd>
                </div>
              </dl>
            </div>
          </section>
          <section className="account-jobs" aria-labelledby="account-jobs-title" data-testid="account-jobs">
            <h2 id="account-jobs-title" className="section-title">
              {t('account.jobsTitle')}
            </h2>
            <JobList mine limit={20} emptyText={t('account.jobsNone')} />
          </section>
          <Soon lead={t('account.soonLead')} items={[t('account.certifications'), t('account.ledger')]} />
        </>
      ) : (
        <section className="card empty-card">
          <p>{t('account.signInFirst')}</p>
          <button type="button" className="btn btn-primary btn-huge" onClick={() => navigate('signin')}>
            <SignInIcon size={30} />
            <span>{t('nav.signIn')}</span>
          </button>
        </section>
      )}
    </div>
  );
}
