// A statement read back: each line's balance must be the one before it plus its amount, from the
// opening balance to the closing one. The screen shows a statement only as the back end computed it,
// and says so if the figures do not chain (a line missing from a page, a bug): a member's account is
// the one place where a wrong sum is worse than no sum.
import type { Statement } from '../../electron/api/types';

export interface StatementCheck {
  /** Opening + every amount = closing, and each line's balance follows from the one before. */
  chained: boolean;
  /** The first line whose balance does not follow (its entry id), if any. */
  brokenAt: string | null;
  /** What the period charged and paid, summed from the lines (≥ 0 each). */
  chargesCents: number;
  paymentsCents: number;
}

export function checkStatement(s: Pick<Statement, 'openingBalanceCents' | 'closingBalanceCents' | 'lines'>): StatementCheck {
  let balance = s.openingBalanceCents;
  let brokenAt: string | null = null;
  let chargesCents = 0;
  let paymentsCents = 0;
  for (const line of s.lines) {
    balance += line.amountCents;
    if (line.amountCents < 0) chargesCents -= line.amountCents;
    else paymentsCents += line.amountCents;
    if (brokenAt === null && line.balanceCents !== balance) brokenAt = line.entryId;
  }
  return { chained: brokenAt === null && balance === s.closingBalanceCents, brokenAt, chargesCents, paymentsCents };
}
