import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ShopProduct } from '../../electron/api/types';
import { forSale, grossCents, overStock, saleLines, stepQuantity, summarise, withQuantity } from './cart';

const product = (p: Partial<ShopProduct> & Pick<ShopProduct, 'id' | 'unit'>): ShopProduct => ({
  type: 'material',
  kind: 'sheet',
  name: { fr: p.id, en: p.id },
  priceCents: 450,
  perQuantity: 1,
  stock: 40,
  lowStock: false,
  ...p,
});
const plywood = product({ id: 'plywood-3', unit: 'sheet' });
const pla = product({ id: 'pla-175', unit: 'g', kind: 'filament', priceCents: 2500, perQuantity: 1000, stock: 8000 });
const vinyl = product({ id: 'vinyl', unit: 'm', kind: 'vinyl', priceCents: 350, perQuantity: 1, stock: 2.3 });

test('one tap adds a sheet, a quarter kilo of filament, half a metre of vinyl', () => {
  assert.equal(stepQuantity(0, plywood, 1), 1);
  assert.equal(stepQuantity(0, pla, 1), 250);
  assert.equal(stepQuantity(0, vinyl, 1), 0.5);
  assert.equal(stepQuantity(1, plywood, -1), 0);
  assert.equal(stepQuantity(0, plywood, -1), 0);
});

test('never more than the shelf holds; going down returns onto the steps', () => {
  const two = { ...plywood, stock: 2 };
  assert.equal(stepQuantity(2, two, 1), 2);
  assert.equal(stepQuantity(2, vinyl, 1), 2.3);
  assert.equal(stepQuantity(2.3, vinyl, -1), 2);
  assert.equal(stepQuantity(2, vinyl, -1), 1.5);
  const halfSheet = { ...plywood, stock: 0.5 };
  assert.equal(stepQuantity(0, halfSheet, 1), 0);
});

test('prices round like the back end: 250 g at 25 €/kg is 6,25 €', () => {
  assert.equal(grossCents(pla, 250), 625);
  assert.equal(grossCents(plywood, 3), 1350);
  assert.equal(grossCents(vinyl, 1.5), 525);
  assert.equal(grossCents({ priceCents: 333, perQuantity: 1000 }, 500), 167);
  assert.equal(grossCents({ priceCents: null, perQuantity: null }, 5), 0);
});

test('the basket sums its lines, less a category discount when the screen knows it', () => {
  let cart = withQuantity(new Map(), 'plywood-3', 2);
  cart = withQuantity(cart, 'pla-175', 500);
  const s = summarise([plywood, pla, vinyl], cart, (p) => (p.kind === 'filament' ? 10 : 0));
  assert.deepEqual(
    s.lines.map((l) => [l.product.id, l.quantity, l.grossCents, l.discountCents, l.cents]),
    [
      ['plywood-3', 2, 900, 0, 900],
      ['pla-175', 500, 1250, 125, 1125],
    ],
  );
  assert.equal(s.totalCents, 2025);
  assert.deepEqual(saleLines(cart), [
    { productId: 'plywood-3', quantity: 2 },
    { productId: 'pla-175', quantity: 500 },
  ]);
  assert.equal(withQuantity(cart, 'plywood-3', 0).has('plywood-3'), false);
});

test('products without a price or stock are not for sale; a basket above the shelf is caught', () => {
  assert.equal(forSale(plywood), true);
  assert.equal(forSale({ ...plywood, stock: 0 }), false);
  assert.equal(forSale({ ...plywood, priceCents: null }), false);
  assert.deepEqual(overStock([{ ...plywood, stock: 1 }], new Map([['plywood-3', 2]])), ['plywood-3']);
  assert.deepEqual(overStock([plywood], new Map([['plywood-3', 2]])), []);
});
