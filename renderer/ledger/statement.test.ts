import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StatementLine } from '../../electron/api/types';
import { checkStatement } from './statement';

const line = (entryId: string, amountCents: number, balanceCents: number): StatementLine => ({
  entryId,
  occurredAt: '2026-12-07T10:00:00Z',
  day: '2026-12-07',
  kind: amountCents < 0 ? 'shop_sale' : 'payment',
  source: amountCents < 0 ? 'shop' : 'payment',
  label: { fr: 'x', en: 'x' },
  quantity: 1,
  unit: 'sheet',
  priceCents: null,
  perQuantity: null,
  grossCents: Math.abs(amountCents),
  reductionCents: 0,
  amountCents,
  balanceCents,
  invoiceNumber: null,
});

test('balances chain from the opening to the closing balance; charges and payments add up', () => {
  const c = checkStatement({ openingBalanceCents: -500, closingBalanceCents: -400, lines: [line('a', -900, -1400), line('b', 1000, -400)] });
  assert.deepEqual(c, { chained: true, brokenAt: null, chargesCents: 900, paymentsCents: 1000 });
  assert.equal(checkStatement({ openingBalanceCents: 0, closingBalanceCents: 0, lines: [] }).chained, true);
});

test('a line whose balance does not follow is found, and a closing balance that does not match', () => {
  const broken = checkStatement({ openingBalanceCents: 0, closingBalanceCents: -1900, lines: [line('a', -900, -900), line('b', -900, -1900)] });
  assert.equal(broken.chained, false);
  assert.equal(broken.brokenAt, 'b');
  assert.equal(checkStatement({ openingBalanceCents: 0, closingBalanceCents: -100, lines: [line('a', -900, -900)] }).chained, false);
});
