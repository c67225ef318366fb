import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { priceOf } from './price';

const base = { priceCents: 300, perQuantity: 3600, free: false, quotaAvailable: 0, discountPct: 0 };

test('machine time is priced to the cent, pro rata of the hourly rate', () => {
  // 3 €/h: 25 min = 125 cents; 1 s = 0.083 cent rounds to 0; 18 s = 1.5 cents rounds to 2.
  assert.equal(priceOf({ ...base, quantity: 1500 }).chargeCents, 125);
  assert.equal(priceOf({ ...base, quantity: 1 }).chargeCents, 0);
  assert.equal(priceOf({ ...base, quantity: 18 }).chargeCents, 2);
});

test('the plan covers first, then the discount applies to what is left', () => {
  // 90 min at 3 €/h = 450; 60 min included = 300; 150 left, -50 % = 75 to pay.
  const p = priceOf({ ...base, quantity: 5400, quotaAvailable: 3600, discountPct: 50 });
  assert.deepEqual(p, { grossCents: 450, quotaQuantity: 3600, quotaCents: 300, freeCents: 0, discountCents: 75, chargeCents: 75 });
});

test('a free line waives the whole gross and spends no quota', () => {
  assert.deepEqual(priceOf({ ...base, quantity: 3600, free: true, quotaAvailable: 3600, discountPct: 50 }), {
    grossCents: 300,
    quotaQuantity: 0,
    quotaCents: 0,
    freeCents: 300,
    discountCents: 0,
    chargeCents: 0,
  });
});

test('no price set: zero, never a crash', () => {
  assert.equal(priceOf({ ...base, priceCents: null, perQuantity: null, quantity: 100 }).chargeCents, 0);
});

test('the parts always add up to the gross, never negative', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 100_000, noNaN: true }),
      fc.integer({ min: 0, max: 100_000 }),
      fc.integer({ min: 1, max: 5000 }),
      fc.double({ min: 0, max: 100_000, noNaN: true }),
      fc.integer({ min: 0, max: 100 }),
      fc.boolean(),
      (quantity, priceCents, perQuantity, quotaAvailable, discountPct, free) => {
        const p = priceOf({ quantity, priceCents, perQuantity, quotaAvailable, discountPct, free });
        assert.equal(p.quotaCents + p.freeCents + p.discountCents + p.chargeCents, p.grossCents);
        for (const v of Object.values(p)) assert.ok(v >= 0 && Number.isFinite(v));
      },
    ),
  );
});
