// Money received at the desk from a member (cash, card, cheque, transfer): a credit on their account.
// Their balance is shown, with a tap to settle it in full.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, LedgerWriteResult, MemberSummary, PaymentMethod } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { formatMoney } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { amountText, parseAmount } from './amounts';
import { FormDialog } from './FormDialog';
import { MemberPicker } from './MemberPicker';
import { NumberPad } from './NumberPad';
import { TextEntry } from './TextEntry';

const methods: readonly PaymentMethod[] = ['cash', 'card', 'cheque', 'transfer'];

export function PaymentDialog({ member: initial, onDone, onCancel }: { member: MemberSummary | null; onDone(result: LedgerWriteResult): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { call, lang, info } = useKiosk();
  const [member, setMember] = useState<MemberSummary | null>(initial);
  const [balance, setBalance] = useState<number | null>(null);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const cents = parseAmount(amount);
  const money = (c: number) => formatMoney(c, info.currency, lang);

  useEffect(() => {
    setBalance(null);
    if (!member) return;
    let live = true;
    call('ledger.list', { memberId: member.id, limit: 1, offset: 0 })
      .then((page) => live && setBalance(page.balanceCents))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [call, member]);

  const submit = async () => {
    if (!member || cents === null || cents <= 0) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await call('ledger.recordPayment', { memberId: member.id, amountCents: cents, method, ...(reference.trim() ? { reference: reference.trim() } : {}) }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t('ledger.pay.title')}
      lead={t('ledger.pay.lead')}
      confirmLabel={cents ? t('ledger.pay.record', { amount: money(cents) }) : t('ledger.pay.recordNone')}
      canConfirm={member !== null && cents !== null && cents > 0}
      busy={busy}
      error={error}
      testId="payment-dialog"
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <MemberPicker value={member} onChange={setMember} label={t('ledger.member.search')} testId="payment-member" />
      {member && balance !== null ? (
        <p className="payment-balance" data-testid="payment-balance" data-cents={balance}>
          {t(`ledger.pay.balance.${balance < 0 ? 'due' : balance > 0 ? 'advance' : 'settled'}`, { amount: money(Math.abs(balance)) })}
          {balance < 0 ? (
            <button type="button" className="chip" data-testid="payment-settle" onClick={() => setAmount(amountText(-balance, lang))}>
              {t('ledger.pay.settle', { amount: money(-balance) })}
            </button>
          ) : null}
        </p>
      ) : null}
      {member ? (
        <div className="form-columns">
          <NumberPad value={amount} onChange={setAmount} label={t('ledger.pay.amount')} reading={cents !== null ? money(cents) : null} testId="payment-amount" />
          <div className="form-stack">
            <span className="field-label">{t('ledger.pay.method')}</span>
            <div className="chips" role="group" aria-label={t('ledger.pay.method')}>
              {methods.map((m) => (
                <button key={m} type="button" className="chip" aria-pressed={method === m} data-testid={`payment-method-${m}`} onClick={() => setMethod(m)}>
                  {t(`ledger.payment.${m}`)}
                </button>
              ))}
            </div>
            <TextEntry label={t('ledger.pay.reference')} hint={t('ledger.pay.referenceHint')} value={reference} onChange={setReference} maxLength={120} testId="payment-reference" />
          </div>
        </div>
      ) : null}
    </FormDialog>
  );
}
