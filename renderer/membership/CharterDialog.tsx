// Asked right after sign-in when the charter changed since this member last accepted it. Signing in is
// not blocked: "later" closes it until the next sign-in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CheckIcon, CloseIcon } from '../components/icons';
import { TextBlocks } from '../components/TextBlocks';
import { errorMessage } from '../i18n/errors';
import { formatDate, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';

export function CharterDialog({ onLater }: { onLater(): void }) {
  const { t } = useTranslation();
  const { call, lang, updateMember, inform } = useKiosk();
  const { state, reload } = useLoad(() => call('kiosk.charter', {}), [call]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const accept = async (version: string) => {
    setBusy(true);
    setError(null);
    try {
      const session = await call('members.acceptCharter', { version });
      if (session.member) updateMember(session.member);
      inform('charterAccepted');
    } catch (err) {
      const e = toApiError(err);
      setError(e);
      // A newer version came out meanwhile: show that one.
      if (e.code === 'charter_outdated') reload();
      setBusy(false);
    }
  };

  return (
    <div className="overlay" role="presentation">
      <div className="overlay-card dialog charter-dialog" role="alertdialog" aria-modal="true" aria-labelledby="charter-title" data-testid="charter-dialog">
        <h2 id="charter-title">{t('charter.newTitle')}</h2>
        <p className="charter-lead">{t('charter.newLead')}</p>
        {state.phase === 'ready' ? (
          <>
            <p className="muted">{t('charter.version', { version: state.value.version, date: formatDate(state.value.publishedAt, lang) })}</p>
            <div className="charter-text" tabIndex={0} data-testid="charter-text">
              <TextBlocks text={pick(state.value.text, lang)} />
            </div>
          </>
        ) : state.phase === 'failed' ? (
          <p className="form-error">{errorMessage(state.error, t, lang)}</p>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
        {error ? (
          <p className="form-error" role="alert">
            {errorMessage(error, t, lang)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary btn-huge" data-testid="charter-later" onClick={onLater}>
            <CloseIcon />
            <span>{t('charter.later')}</span>
          </button>
          <button
            type="button"
            className="btn btn-primary btn-huge"
            data-testid="charter-accept"
            disabled={state.phase !== 'ready' || busy}
            onClick={() => state.phase === 'ready' && void accept(state.value.version)}
          >
            <CheckIcon />
            <span>{t('charter.accept')}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
