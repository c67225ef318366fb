// A mistake in the ledger is never edited away: a manager writes a correction, a new entry of the same
// kind that carries the difference between the corrected figures and the entry's net so far (the
// original plus its earlier corrections), with the reason.
import type { Caller } from '../../../api/dispatcher';
import { DomainError } from '../../../api/errors';
import type { LedgerEntryView } from '../../../api/models';
import type { Store } from '../../../store';
import type { AuditLog } from '../../audit';
import { entryRow, entryView, insertCorrection, memberBalance } from '../entries';
import { refused } from '../refused';
import { roundQuantity } from '../units';

export interface Correction {
  entryId: string;
  /** The entry's corrected amount, signed like entries (a charge ≤ 0, a payment ≥ 0); 0 cancels it. */
  amountCents: number;
  /** The corrected quantity, in the entry's unit; unchanged if omitted. */
  quantity?: number | undefined;
  reason: string;
}

export function correctEntry(store: Store, audit: AuditLog, input: Correction, caller: Caller, now: Date): { entries: LedgerEntryView[]; balanceCents: number | null } {
  const original = entryRow(store.db, input.entryId);
  if (!original) throw new DomainError('not_found', { what: 'entry' });
  if (original.corrects_id) throw refused('correct_the_original', { entryId: original.corrects_id });
  if (original.kind === 'payment' ? input.amountCents < 0 : input.amountCents > 0) throw refused('wrong_sign');
  const id = store.writer.transaction(() => {
    const net = store.db
      .prepare('SELECT SUM(amount_cents) AS amount, SUM(quantity) AS quantity FROM ledger_entries WHERE id = ? OR corrects_id = ?')
      .get(original.id, original.id) as { amount: number; quantity: number };
    const amountDelta = input.amountCents - net.amount;
    const quantityDelta = input.quantity === undefined ? 0 : roundQuantity(input.quantity - net.quantity, original.unit);
    if (amountDelta === 0 && quantityDelta === 0) throw refused('no_change');
    const entryId = insertCorrection(store, original, { occurredAt: now.toISOString(), amountDelta, quantityDelta, reason: input.reason, recordedBy: caller.memberId });
    audit.record(caller.memberId, 'ledger.correct', original.id, {
      correction: entryId,
      before: { amountCents: net.amount, quantity: net.quantity },
      after: { amountCents: input.amountCents, quantity: input.quantity ?? net.quantity },
      reason: input.reason,
    });
    return entryId;
  });
  return { entries: [entryView(store.db, id)!], balanceCents: original.member_id ? memberBalance(store.db, original.member_id) : null };
}
