// Closing one's account: what goes (name, contact, code, consents) and what stays, anonymised (jobs,
// visits, certifications: the ledger and the funders' figures need them). The PIN confirms it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CloseIcon, TrashIcon } from '../components/icons';
import { PinDots, PinPad, pinMax } from '../components/PinPad';
import { errorMessage } from '../i18n/errors';
import { useKiosk } from '../state/kiosk';

export function CloseAccountDialog({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const { call, lang, signedOut } = useKiosk();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const confirm = async () => {
    if (pin.length < 4 || busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('members.closeAccount', { pin });
      signedOut('accountClosed');
    } catch (err) {
      setError(toApiError(err));
      setPin('');
      setBusy(false);
    }
  };

  return (
    <div className="overlay" role="presentation" onClick={onCancel}>
      <div className="overlay-card dialog dialog-danger close-dialog" role="alertdialog" aria-modal="true" aria-labelledby="close-title" data-testid="close-dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="close-title">{t('account.closeTitle')}</h2>
        <div className="close-grid">
          <div className="close-text">
            <p className="close-gone">{t('account.closeGone')}</p>
            <p>{t('account.closeKept')}</p>
            <p className="muted">{t('account.closeFinal')}</p>
            {error ? (
              <p className="form-error" role="alert" data-testid="close-error">
                {error.code === 'bad_credentials' ? t('account.closeBadPin') : errorMessage(error, t, lang)}
              </p>
            ) : null}
            <button type="button" className="btn btn-secondary btn-huge" data-testid="close-cancel" onClick={onCancel}>
              <CloseIcon />
              <span>{t('account.closeCancel')}</span>
            </button>
          </div>
          <div className="close-pin">
            <p className="field-label">
              <TrashIcon />
              {t('account.closePin')}
            </p>
            <PinDots length={pin.length} />
            <PinPad
              onDigit={(d) => setPin((p) => (p.length >= pinMax ? p : p + d))}
              onClear={() => setPin('')}
              onBackspace={() => setPin((p) => p.slice(0, -1))}
              onSubmit={() => void confirm()}
              disabled={busy}
              busy={busy}
              submitLabel={t('account.closeConfirm')}
              danger
            />
          </div>
        </div>
      </div>
    </div>
  );
}
