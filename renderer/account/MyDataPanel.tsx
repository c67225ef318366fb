// The member's data: the consents they gave (the optional ones can be changed here), a copy of
// everything the kiosk holds (a JSON file), and closing the account.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ConsentPurpose, MemberProfile } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CheckIcon, CloseIcon, DownloadIcon, LockIcon, TrashIcon } from '../components/icons';
import { errorMessage } from '../i18n/errors';
import { downloadBlob } from '../lib/download';
import { pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { CloseAccountDialog } from './CloseAccountDialog';

export function MyDataPanel({ me, purposes, onChange }: { me: MemberProfile; purposes: ConsentPurpose[]; onChange(p: MemberProfile): void }) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);

  const given = me.consents.filter((c) => c.given).map((c) => c.purpose);
  const toggle = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = given.includes(code) ? given.filter((c) => c !== code) : [...given, code];
      onChange(await call('members.setConsents', { purposes: next }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const exportData = async () => {
    setBusy(true);
    setError(null);
    try {
      const e = await call('members.exportData', {});
      downloadBlob(new Blob([e.json], { type: 'application/json' }), e.fileName);
      setExported(e.fileName);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card account-card my-data" aria-labelledby="data-title" data-testid="account-data">
      <h2 id="data-title">
        <LockIcon />
        {t('account.dataTitle')}
      </h2>
      <ul className="consent-summary">
        {purposes
          .filter((p) => p.kind !== 'information')
          .map((p) => {
            const yes = given.includes(p.code);
            return (
              <li key={p.code} data-testid="my-consent" data-code={p.code} data-given={yes}>
                <span className="consent-summary-text">
                  <span className="consent-summary-title">{pick(p.title, lang)}</span>
                  <span className="muted">{p.kind === 'required' ? t('signup.consentKind.required') : t('signup.consentKind.optional')}</span>
                </span>
                {p.kind === 'optional' ? (
                  <button type="button" className={`yes-no-btn ${yes ? 'is-yes' : 'is-no'}`} aria-pressed={yes} disabled={busy} onClick={() => void toggle(p.code)}>
                    {yes ? <CheckIcon size={22} /> : <CloseIcon size={22} />}
                    <span>{yes ? t('account.consentOn') : t('account.consentOff')}</span>
                  </button>
                ) : (
                  <span className="pill pill-ok">{t('account.consentOn')}</span>
                )}
              </li>
            );
          })}
      </ul>
      <div className="data-actions">
        <button type="button" className="btn btn-secondary btn-huge" data-testid="export-data" disabled={busy} onClick={() => void exportData()}>
          <DownloadIcon />
          <span>{t('account.export')}</span>
        </button>
        <button type="button" className="btn btn-danger-outline btn-huge" data-testid="close-account" disabled={busy} onClick={() => setClosing(true)}>
          <TrashIcon />
          <span>{t('account.close')}</span>
        </button>
      </div>
      {exported ? (
        <p className="ok-line" role="status" data-testid="export-done">
          <CheckIcon size={22} />
          {t('account.exported', { name: exported })}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {errorMessage(error, t, lang)}
        </p>
      ) : null}
      {closing ? <CloseAccountDialog onCancel={() => setClosing(false)} /> : null}
    </section>
  );
}
