import { useTranslation } from 'react-i18next';
import { MachineIllustration } from '../components/MachineIllustration';
import { Soon } from '../components/Soon';

export function JobsScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen screen-jobs" data-testid="screen-jobs">
      <h1 className="screen-title">{t('jobs.title')}</h1>
      <Soon
        lead={t('jobs.lead')}
        items={[t('jobs.import'), t('jobs.preview'), t('jobs.estimate'), t('jobs.follow'), t('jobs.templates')]}
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
