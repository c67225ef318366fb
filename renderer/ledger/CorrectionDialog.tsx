// Correcting an entry: the ledger is append-only, so the correction is a new entry carrying the
// difference, with its reason; the original stays as it was. The manager types what the entry should
// amount to (0 cancels it), and optionally its right quantity.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, LedgerEntryView, LedgerWriteResult } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { formatDateTime, formatMoney } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { amountText, entryLabel, formatQuantity, parseAmount, parseDecimal } from './amounts';
import { FormDialog } from './FormDialog';
import { NumberPad } from './NumberPad';
import { TextEntry } from './TextEntry';

/** Reasons a desk gives most often, one tap each; anything else is typed. */
const reasons = ['typo', 'returned', 'failed', 'goodwill'] as const;

export function CorrectionDialog({
  entry,
  currentCents,
  onDone,
  onCancel,
}: {
  entry: LedgerEntryView;
  /** What the entry amounts to now, its corrections included (signed like the ledger). */
  currentCents: number;
  onDone(result: LedgerWriteResult): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { call, lang, info } = useKiosk();
  const payment = entry.kind === 'payment';
  const [amount, setAmount] = useState(amountText(Math.abs(currentCents), lang));
  const [withQuantity, setWithQuantity] = useState(false);
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const magnitude = parseAmount(amount);
  const signed = magnitude === null ? null : payment ? magnitude : -magnitude;
  // Machine time is typed in minutes, stored in seconds.
  const factor = entry.unit === 's' ? 60 : 1;
  const typed = withQuantity ? parseDecimal(quantity) : null;
  const q = typed === null ? null : Math.round(typed * factor * 1000) / 1000;
  const money = (c: number) => formatMoney(c, info.currency, lang);
  const ok = signed !== null && reason.trim().length >= 3 && signed !== currentCents && (!withQuantity || q !== null);

  const submit = async () => {
    if (signed === null) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await call('ledger.correct', { entryId: entry.id, amountCents: signed, ...(q !== null ? { quantity: q } : {}), reason: reason.trim() }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t('ledger.correct.title')}
      lead={t('ledger.correct.lead')}
      confirmLabel={t('ledger.correct.confirm')}
      canConfirm={ok}
      busy={busy}
      error={error}
      testId="correct-dialog"
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <p className="correct-summary">
        <strong>{entryLabel(entry, t, lang)}</strong>
        <span>{entry.memberName ?? entry.visitorLabel ?? '—'}</span>
        <span>{formatDateTime(entry.occurredAt, lang)}</span>
        {entry.kind !== 'payment' ? <span>{formatQuantity(entry.quantity, entry.unit, lang, t)}</span> : null}
        <span>
          {t('ledger.correct.now')} <strong data-testid="correct-current">{money(currentCents)}</strong>
        </span>
      </p>
      <div className="form-columns">
        <div className="form-stack">
          <NumberPad
            value={amount}
            onChange={setAmount}
            label={payment ? t('ledger.correct.paymentAmount') : t('ledger.correct.chargeAmount')}
            reading={magnitude !== null ? money(magnitude) : null}
            testId="correct-amount"
          />
          <button type="button" className="chip" data-testid="correct-cancel-entry" onClick={() => setAmount('0')}>
            {t('ledger.correct.cancelEntry')}
          </button>
        </div>
        <div className="form-stack">
          <span className="field-label">{t('ledger.correct.reason')}</span>
          <div className="chips reason-chips" role="group" aria-label={t('ledger.correct.reason')}>
            {reasons.map((r) => {
              const text = t(`ledger.correct.reasons.${r}`);
              return (
                <button key={r} type="button" className="chip" aria-pressed={reason === text} data-testid={`correct-reason-${r}`} onClick={() => setReason(text)}>
                  {text}
                </button>
              );
            })}
          </div>
          <TextEntry label={t('ledger.correct.reasonOther')} hint={t('ledger.correct.reasonHint')} value={reason} onChange={setReason} maxLength={300} testId="correct-reason" />
          {entry.kind !== 'payment' ? (
            withQuantity ? (
              <NumberPad value={quantity} onChange={setQuantity} label={entry.unit === 's' ? t('ledger.correct.quantityMinutes') : t('ledger.correct.quantity')} reading={q !== null ? formatQuantity(q, entry.unit, lang, t) : null} decimals={3} testId="correct-quantity" />
            ) : (
              <button type="button" className="btn btn-secondary" onClick={() => setWithQuantity(true)}>
                {t('ledger.correct.alsoQuantity')}
              </button>
            )
          ) : null}
        </div>
      </div>
    </FormDialog>
  );
}
