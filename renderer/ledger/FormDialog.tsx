// A dialog holding a small form (a payment, a correction, a restock, a new price): wider than a
// question, scrolling when the touch keyboard or the keypad makes it taller than the screen. The
// safe answer (cancel) has the focus; Escape cancels.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/api/types';
import { CheckIcon, CloseIcon } from '../components/icons';
import { ErrorLine } from '../manage/ErrorLine';
import { useKiosk } from '../state/kiosk';
import '../styles/ledger.css';

export interface FormDialogProps {
  title: string;
  lead?: string;
  children: ReactNode;
  confirmLabel: string;
  canConfirm: boolean;
  busy: boolean;
  error: ApiError | null;
  testId: string;
  tone?: 'primary' | 'danger';
  onConfirm(): void;
  onCancel(): void;
}

export function FormDialog({ title, lead, children, confirmLabel, canConfirm, busy, error, testId, tone = 'primary', onConfirm, onCancel }: FormDialogProps) {
  const { t } = useTranslation();
  const { lang } = useKiosk();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="overlay" role="presentation">
      <div className={`overlay-card dialog dialog-${tone} form-dialog`} role="dialog" aria-modal="true" aria-labelledby={`${testId}-title`} data-testid={testId}>
        <h2 id={`${testId}-title`}>{title}</h2>
        {lead ? <p className="form-dialog-lead">{lead}</p> : null}
        <div className="form-dialog-body">{children}</div>
        {error ? <ErrorLine error={error} lang={lang} /> : null}
        <div className="dialog-actions">
          <button ref={cancel} type="button" className="btn btn-secondary btn-huge" data-testid="dialog-cancel" onClick={onCancel}>
            <CloseIcon />
            <span>{t('ledger.ui.cancel')}</span>
          </button>
          <button
            type="button"
            className={`btn btn-huge ${tone === 'danger' ? 'btn-danger' : 'btn-primary'}`}
            data-testid="dialog-confirm"
            disabled={!canConfirm || busy}
            onClick={onConfirm}
          >
            <CheckIcon />
            <span>{busy ? t('ledger.ui.saving') : confirmLabel}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
