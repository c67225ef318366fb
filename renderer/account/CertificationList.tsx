// The member's "machine passport": each module, where they stand, until when, which machines it
// opens, and the attestation of the session that certified them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, CertificationView } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { DownloadIcon, GearIcon, ShieldIcon } from '../components/icons';
import { errorMessage } from '../i18n/errors';
import { downloadBase64 } from '../lib/download';
import { formatDate, formatPercent, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { CertificationBadge } from '../training/CertificationBadge';
import { machineNames } from '../training/labels';

export function CertificationList({ memberId, certifications }: { memberId: string; certifications: CertificationView[] }) {
  const { t } = useTranslation();
  const { call, lang, machines, navigate } = useKiosk();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const attestation = async (c: CertificationView) => {
    if (!c.sessionId) return;
    setBusy(c.module);
    setError(null);
    try {
      const doc = await call('sessions.document', { sessionId: c.sessionId, memberId });
      downloadBase64(doc.pdfBase64, 'application/pdf', doc.fileName);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  };

  const started = certifications.filter((c) => c.status !== 'none');
  const notYet = certifications.filter((c) => c.status === 'none');
  return (
    <section className="card account-card" aria-labelledby="certs-title" data-testid="account-certifications">
      <h2 id="certs-title">
        <ShieldIcon />
        {t('account.certsTitle')}
      </h2>
      {started.length === 0 ? (
        <div className="empty-inline">
          <p className="muted">{t('account.certsNone')}</p>
          <button type="button" className="btn btn-primary" onClick={() => navigate('training')}>
            <ShieldIcon />
            <span>{t('account.toTraining')}</span>
          </button>
        </div>
      ) : null}
      <ul className="cert-list">
        {started.map((c) => (
          <li key={c.module} className={`cert-item cert-item-${c.status}`} data-testid="certification" data-module={c.module} data-status={c.status}>
            <div className="cert-main">
              <p className="cert-title">{pick(c.title, lang)}</p>
              <CertificationBadge status={c.status} expiresAt={c.expiresAt} lang={lang} />
              <p className="muted cert-detail">
                {[
                  c.quizScore !== null ? t('account.quizScore', { score: formatPercent(c.quizScore, lang) }) : null,
                  c.signedOffAt ? t('account.signedOff', { date: formatDate(c.signedOffAt, lang), name: c.signedOffBy ?? '—' }) : null,
                  c.version ? t('account.version', { version: c.version }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {c.machines.length > 0 ? (
                <p className="cert-machines">
                  <GearIcon size={20} />
                  {machineNames(c.machines, machines).join(', ')}
                </p>
              ) : null}
            </div>
            {c.sessionId && c.signedOffAt ? (
              <button type="button" className="btn btn-secondary" data-testid="attestation-download" disabled={busy !== null} onClick={() => void attestation(c)}>
                <DownloadIcon />
                <span>{t('account.attestation')}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {notYet.length > 0 && started.length > 0 ? (
        <p className="module-chips">
          <span className="muted">{t('account.certsOthers')}</span>
          {notYet.map((c) => (
            <span key={c.module} className="pill">
              {pick(c.title, lang)}
            </span>
          ))}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {errorMessage(error, t, lang)}
        </p>
      ) : null}
    </section>
  );
}
