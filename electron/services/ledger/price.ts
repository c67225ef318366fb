// How a quantity becomes an amount: gross at the unit price, then a free period, then the plan's quota,
// then the profile category's discount on what is left. Pure, so quotes and charges agree.
export interface PriceInput {
  quantity: number;
  /** `priceCents` for `perQuantity` units; null prices at zero (no rule set yet). */
  priceCents: number | null;
  perQuantity: number | null;
  /** The whole line is waived (first month, first visit). */
  free: boolean;
  /** How much of `quantity` the plan may still cover. */
  quotaAvailable: number;
  discountPct: number;
}

export interface PriceBreakdown {
  grossCents: number;
  quotaQuantity: number;
  quotaCents: number;
  freeCents: number;
  discountCents: number;
  /** What is left to pay, ≥ 0. */
  chargeCents: number;
}

function cents(quantity: number, priceCents: number | null, perQuantity: number | null): number {
  if (priceCents === null || perQuantity === null || quantity <= 0) return 0;
  // One rounding per figure, half away from zero, on an exact-enough product.
  return Math.round((quantity * priceCents) / perQuantity + 1e-9);
}

export function priceOf(i: PriceInput): PriceBreakdown {
  const quantity = Math.max(0, i.quantity);
  const grossCents = cents(quantity, i.priceCents, i.perQuantity);
  if (i.free) return { grossCents, quotaQuantity: 0, quotaCents: 0, freeCents: grossCents, discountCents: 0, chargeCents: 0 };
  const quotaQuantity = Math.min(quantity, Math.max(0, i.quotaAvailable));
  const left = quotaQuantity >= quantity ? 0 : cents(quantity - quotaQuantity, i.priceCents, i.perQuantity);
  const quotaCents = grossCents - left;
  const pct = Math.min(100, Math.max(0, i.discountPct));
  const discountCents = Math.round((left * pct) / 100);
  return { grossCents, quotaQuantity, quotaCents, freeCents: 0, discountCents, chargeCents: left - discountCents };
}
