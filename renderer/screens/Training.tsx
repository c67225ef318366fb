import { useTranslation } from 'react-i18next';
import { ShieldIcon } from '../components/icons';
import { Soon } from '../components/Soon';

export function TrainingScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen screen-training" data-testid="screen-training">
      <h1 className="screen-title">{t('training.title')}</h1>
      <Soon
        lead={t('training.lead')}
        items={[t('training.modules'), t('training.quiz'), t('training.signoff'), t('training.sessions')]}
        footer={t('training.meanwhile')}
        art={
          <div className="soon-shield">
            <ShieldIcon size={180} />
          </div>
        }
      />
    </div>
  );
}
