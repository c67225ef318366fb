// "Still there?": the last seconds before the kiosk goes back to the welcome screen.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HourglassIcon } from './icons';

export function IdleOverlay({ remainingS, signedIn, onStay }: { remainingS: number; signedIn: boolean; onStay(): void }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  return (
    // A tap anywhere on the overlay counts as "I'm here".
    <div className="overlay" data-testid="idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" onClick={onStay}>
      <div className="overlay-card">
        <HourglassIcon size={56} className="overlay-icon" />
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p className="countdown" aria-hidden="true">
          {remainingS}
        </p>
        <p>
          {t('idle.text', { count: remainingS })}
          {signedIn ? ` ${t('idle.signedIn')}` : ''}
        </p>
        <button ref={button} type="button" className="btn btn-primary btn-huge" data-testid="idle-stay" onClick={onStay}>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
