// Money received at the desk (cash, card, cheque, transfer): a credit on the member's account, so a
// balance can go back to zero.
import type { Caller } from '../../../api/dispatcher';
import type { LedgerEntryView, PaymentMethod } from '../../../api/models';
import type { Store } from '../../../store';
import type { AuditLog } from '../../audit';
import { entryView, insertPayment, memberBalance } from '../entries';
import { memberPayer } from '../refs';

export function recordPayment(
  store: Store,
  audit: AuditLog,
  input: { memberId: string; amountCents: number; method: PaymentMethod; reference?: string | undefined },
  caller: Caller,
  now: Date,
): { entries: LedgerEntryView[]; balanceCents: number } {
  const payer = memberPayer(store.db, input.memberId);
  const id = store.writer.transaction(() => {
    const entryId = insertPayment(store, {
      occurredAt: now.toISOString(),
      source: 'payment',
      payer,
      amountCents: input.amountCents,
      paymentMethod: input.method,
      reason: input.reference || null,
      recordedBy: caller.memberId,
    });
    audit.record(caller.memberId, 'ledger.payment', input.memberId, { entry: entryId, amountCents: input.amountCents, method: input.method });
    return entryId;
  });
  return { entries: [entryView(store.db, id)!], balanceCents: memberBalance(store.db, input.memberId) };
}
