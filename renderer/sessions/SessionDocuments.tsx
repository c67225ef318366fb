// The session's PDFs once it ended: the report, then one attestation per certified attendee. The CSP
// lets no frame or object show a blob, so they are downloaded (to print or send), not embedded.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, TrainingSessionView } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { ClipboardIcon, DownloadIcon, StampIcon } from '../components/icons';
import { errorMessage } from '../i18n/errors';
import { downloadBase64 } from '../lib/download';
import { useKiosk } from '../state/kiosk';

export function SessionDocuments({ session }: { session: TrainingSessionView }) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const nameOf = (id: string | null) => session.attendees.find((a) => a.memberId === id)?.name ?? '—';

  const download = async (memberId: string | null) => {
    const key = memberId ?? 'report';
    setBusy(key);
    setError(null);
    try {
      const doc = await call('sessions.document', { sessionId: session.id, ...(memberId ? { memberId } : {}) });
      downloadBase64(doc.pdfBase64, 'application/pdf', doc.fileName);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card session-docs" aria-labelledby="docs-title" data-testid="session-documents">
      <h2 id="docs-title">{t('sessions.docsTitle')}</h2>
      <p className="muted">{t('sessions.docsLead')}</p>
      <ul>
        {session.documents.map((d) => (
          <li key={`${d.kind}-${d.memberId ?? ''}`} data-testid="session-document" data-kind={d.kind} data-member={d.memberId ?? ''}>
            <span className="doc-icon" aria-hidden="true">
              {d.kind === 'report' ? <ClipboardIcon size={34} /> : <StampIcon size={34} />}
            </span>
            <span className="doc-name">
              <span>{d.kind === 'report' ? t('sessions.report') : t('sessions.attestation', { name: nameOf(d.memberId) })}</span>
              <span className="muted">{d.fileName}</span>
            </span>
            <button type="button" className="btn btn-secondary" data-testid="document-download" disabled={busy !== null} onClick={() => void download(d.memberId)}>
              <DownloadIcon />
              <span>{busy === (d.memberId ?? 'report') ? t('sessions.downloading') : t('sessions.download')}</span>
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="form-error" role="alert">
          {errorMessage(error, t, lang)}
        </p>
      ) : null}
    </section>
  );
}
