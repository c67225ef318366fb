// The transient message at the bottom of the screen (session ended, connection back, call failed).
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';
import type { Lang } from '../lib/format';
import type { Notice as NoticeData } from '../state/kiosk';
import { CloseIcon } from './icons';

export function Notice({ notice, lang, onClose }: { notice: NoticeData; lang: Lang; onClose(): void }) {
  const { t } = useTranslation();
  const text = notice.kind === 'error' ? errorMessage(notice.error, t, lang) : t(`notice.${notice.key}`);
  return (
    <div className={`notice notice-${notice.kind}`} data-testid="notice" role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span className="notice-text">{text}</span>
      <button type="button" className="icon-btn" onClick={onClose} aria-label={t('notice.close')}>
        <CloseIcon />
      </button>
    </div>
  );
}
