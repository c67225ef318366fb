// A member's statement for a period: the balance before it, each entry with the balance after it, and
// the balance at its end. Read straight from the ledger, so it is the balance the member has.
import { DomainError } from '../../api/errors';
import type { Statement, StatementLine } from '../../api/models';
import type { Store } from '../../store';
import { checkPeriod } from '../reports/period';
import { balanceBefore, memberEntries, reductionOf } from './entries';
import { entryLabels } from './labels';

export function memberStatement(store: Store, memberId: string, from: string, to: string): Statement {
  const period = checkPeriod(from, to);
  // An erased member's entries stay in the ledger, anonymised: a manager may still read them.
  const member = store.db
    .prepare(
      `SELECT m.id, m.display_name, c.code AS category FROM members m JOIN profile_categories c ON c.id = m.profile_category_id WHERE m.id = ?`,
    )
    .get(memberId) as { id: string; display_name: string; category: string } | undefined;
  if (!member) throw new DomainError('not_found', { what: 'member' });
  const currency = (store.db.prepare('SELECT currency FROM sites LIMIT 1').pluck().get() as string | undefined) ?? 'EUR';
  // One read transaction: the balances and the lines see the same ledger.
  const read = store.db.transaction(() => ({
    invoiced: new Map(
      (store.db
        .prepare(
          `SELECT l.entry_id, i.number FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
           JOIN ledger_entries e ON e.id = l.entry_id WHERE e.member_id = ? AND e.day BETWEEN ? AND ?`,
        )
        .all(memberId, period.from, period.to) as { entry_id: string; number: string }[]).map((r) => [r.entry_id, r.number]),
    ),
    opening: balanceBefore(store, memberId, period.from),
    entries: memberEntries(store, memberId, period.from, period.to),
    now: balanceBefore(store, memberId, null),
  }));
  const { invoiced, opening, entries, now } = read();
  let balance = opening;
  let charges = 0;
  let payments = 0;
  const lines: StatementLine[] = entries.map((e) => {
    balance += e.amount_cents;
    if (e.kind === 'payment') payments += e.amount_cents;
    else charges -= e.amount_cents;
    return {
      entryId: e.id,
      occurredAt: e.occurred_at,
      day: e.day,
      kind: e.kind,
      source: e.source,
      label: entryLabels(e),
      quantity: e.quantity,
      unit: e.unit,
      priceCents: e.price_cents,
      perQuantity: e.per_quantity,
      grossCents: e.gross_cents,
      reductionCents: reductionOf(e),
      amountCents: e.amount_cents,
      balanceCents: balance,
      invoiceNumber: invoiced.get(e.id) ?? null,
    };
  });
  return {
    member: { id: member.id, displayName: member.display_name, profileCategory: member.category },
    from: period.from,
    to: period.to,
    openingBalanceCents: opening,
    lines,
    chargesCents: charges,
    paymentsCents: payments,
    closingBalanceCents: balance,
    balanceNowCents: now,
    currency,
  };
}
