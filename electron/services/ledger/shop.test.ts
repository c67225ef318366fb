import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../api/errors';
import { listEntries } from './entries';
import { demoNames, testLedger } from './ledger.testutil';
import { sell, shopProducts } from './shop';
import { listLevels, requireProduct, stockLevel } from './stock';

const refusal = (code: string, reason?: string) => (err: unknown) =>
  err instanceof DomainError && err.code === code && (reason === undefined || err.params?.reason === reason);

test('a sale takes the stock off the shelf, and the low-stock alert appears', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const manager = t.caller(demoNames.manager);
  // Acrylic: 12 sheets, alert at 4. Sell 8 to Léa on her account.
  const sale = sell(t.store, t.audit, { memberId: t.memberId(demoNames.lea), lines: [{ productId: 'acrylic-3', quantity: 8 }], paymentMethod: 'account' }, manager, t.now());
  assert.equal(sale.totalCents, 8 * 1800);
  assert.equal(sale.balanceCents, -14_400);
  assert.deepEqual(sale.lowStock.map((l) => [l.productId, l.level, l.low]), [['acrylic-3', 4, true]]);
  assert.equal(stockLevel(t.store.db, requireProduct(t.store.db, 'acrylic-3')), 4);
  assert.equal(t.store.db.prepare("SELECT stock_qty FROM materials WHERE code = 'acrylic-3'").pluck().get(), 4);
  assert.deepEqual(listLevels(t.store.db, true).map((l) => l.productId), ['acrylic-3']);
  assert.equal(shopProducts(t.store, t.now()).find((p) => p.id === 'acrylic-3')!.lowStock, true);
  t.close();
});

test('a sale paid at the counter leaves the balance as it was; an anonymous visitor pays and balances to zero', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const manager = t.caller(demoNames.manager);
  const paid = sell(t.store, t.audit, { memberId: t.memberId(demoNames.karim), lines: [{ productId: 'pla-175', quantity: 1000 }, { productId: 'nozzle-04', quantity: 2 }], paymentMethod: 'cash' }, manager, t.now());
  // A 1 kg spool at 25 € and two nozzles at 3 €: no discount on consumables, sold at cost.
  assert.equal(paid.totalCents, 3100);
  assert.equal(paid.balanceCents, 0);
  assert.deepEqual(paid.entries.map((e) => [e.kind, e.amountCents, e.paymentMethod]), [
    ['shop_sale', -2500, 'cash'],
    ['shop_sale', -600, 'cash'],
    ['payment', 3100, 'cash'],
  ]);
  const visitor = sell(t.store, t.audit, { visitorLabel: 'Visiteur', lines: [{ productId: 'vinyl-adhesive', quantity: 1.5 }], paymentMethod: 'card' }, manager, t.now());
  assert.equal(visitor.totalCents, 525);
  assert.equal(visitor.memberId, null);
  const anonymous = listEntries(t.store.db, { visitorsOnly: true, limit: 10, offset: 0 });
  assert.equal(anonymous.total, 2);
  assert.equal(anonymous.sumCents, 0);
  assert.equal(stockLevel(t.store.db, requireProduct(t.store.db, 'vinyl-adhesive')), 23.5);
  assert.equal(stockLevel(t.store.db, requireProduct(t.store.db, 'pla-175')), 7000);
  t.close();
});

test('not enough on the shelf: refused, and nothing is written', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const manager = t.caller(demoNames.manager);
  const count = () => t.store.db.prepare('SELECT (SELECT COUNT(*) FROM ledger_entries) + (SELECT COUNT(*) FROM shop_sales) + (SELECT COUNT(*) FROM stock_movements)').pluck().get();
  const before = count();
  assert.throws(
    () => sell(t.store, t.audit, { memberId: t.memberId(demoNames.lea), lines: [{ productId: 'mdf-3', quantity: 2 }, { productId: 'acrylic-3', quantity: 13 }], paymentMethod: 'cash' }, manager, t.now()),
    (err) => refusal('insufficient_stock')(err) && (err as DomainError).params?.available === 12,
  );
  assert.equal(count(), before);
  t.close();
});

test('a member buys for themself, on account only; a sale on account needs a member', async () => {
  const t = await testLedger('2026-06-01T09:00:00.000Z');
  const lea = t.caller(demoNames.lea);
  const line = [{ productId: 'plywood-3', quantity: 1 }];
  const own = sell(t.store, t.audit, { lines: line, paymentMethod: 'account' }, lea, t.now());
  assert.equal(own.balanceCents, -450);
  assert.throws(() => sell(t.store, t.audit, { memberId: t.memberId(demoNames.karim), lines: line, paymentMethod: 'account' }, lea, t.now()), refusal('forbidden'));
  assert.throws(() => sell(t.store, t.audit, { visitorLabel: 'Un ami', lines: line, paymentMethod: 'cash' }, lea, t.now()), refusal('forbidden'));
  assert.throws(() => sell(t.store, t.audit, { lines: line, paymentMethod: 'cash' }, lea, t.now()), refusal('ledger_refused', 'account_only'));
  assert.throws(() => sell(t.store, t.audit, { visitorLabel: 'Visiteur', lines: line, paymentMethod: 'account' }, t.caller(demoNames.manager), t.now()), refusal('ledger_refused', 'account_needs_member'));
  assert.throws(() => sell(t.store, t.audit, { lines: [{ productId: 'plywood-3', quantity: 1.5 }], paymentMethod: 'account' }, lea, t.now()), refusal('invalid_input'));
  t.close();
});
