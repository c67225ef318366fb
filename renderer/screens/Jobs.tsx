// Preparing a job. Its first real capability: checking a G-code file against a machine of the lab,
// with a 3D preview. Laser and print preparation and templates come later: the panel below says so.
import { useTranslation } from 'react-i18next';
import { SignInIcon } from '../components/icons';
import { MachineIllustration } from '../components/MachineIllustration';
import { Soon } from '../components/Soon';
import { GcodeCheck } from '../gcode/GcodeCheck';
import { useKiosk } from '../state/kiosk';

export function JobsScreen() {
  const { t } = useTranslation();
  const { member, navigate } = useKiosk();
  return (
    <div className="screen screen-jobs" data-testid="screen-jobs">
      <div className="jobs-head">
        <h1 className="screen-title">{t('jobs.title')}</h1>
        <p className="screen-lead">{t('gcode.lead')}</p>
      </div>
      {member ? (
        <GcodeCheck />
      ) : (
        <section className="card empty-card">
          <p>{t('jobs.signIn')}</p>
          <button type="button" className="btn btn-primary btn-huge" onClick={() => navigate('signin')}>
            <SignInIcon size={30} />
            <span>{t('nav.signIn')}</span>
          </button>
        </section>
      )}
      <Soon
        lead={t('jobs.soonLead')}
        items={[t('jobs.laser'), t('jobs.slice'), t('jobs.templates')]}
        footer={t('jobs.meanwhile')}
        art={
          <div className="soon-art-pair">
            <MachineIllustration kind="fdm" />
            <MachineIllustration kind="laser" />
          </div>
        }
      />
    </div>
  );
}
