// A question that must be answered before something that cannot be undone (stopping a job, starting
// one on a machine someone has to look at first). Big buttons; the safe answer has the focus.
import { useEffect, useRef, type ReactNode } from 'react';
import { CloseIcon } from './icons';

export interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  confirmIcon?: ReactNode;
  tone?: 'danger' | 'primary';
  /** False while a condition in the body (boxes to tick) is not met. */
  canConfirm?: boolean;
  busy?: boolean;
  testId?: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  confirmIcon,
  tone = 'primary',
  canConfirm = true,
  busy = false,
  testId,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
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
    <div className="overlay" role="presentation" onClick={onCancel}>
      <div
        className={`overlay-card dialog dialog-${tone}`}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="dialog-title">{title}</h2>
        {children ? <div className="dialog-body">{children}</div> : null}
        <div className="dialog-actions">
          <button ref={cancel} type="button" className="btn btn-secondary btn-huge" data-testid="dialog-cancel" onClick={onCancel}>
            <CloseIcon />
            <span>{cancelLabel}</span>
          </button>
          <button
            type="button"
            className={`btn btn-huge ${tone === 'danger' ? 'btn-danger' : 'btn-primary'}`}
            data-testid="dialog-confirm"
            disabled={!canConfirm || busy}
            onClick={onConfirm}
          >
            {confirmIcon}
            <span>{confirmLabel}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
