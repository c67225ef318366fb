// The ledger through the dispatcher, as the screens will call it: who may do what (checked in the back
// end, whatever the screen shows), a sale, a payment, the balance on the member's profile, the stock.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LedgerPage, LedgerWriteResult, MemberProfile, MemberSummary, PricingGrid, SaleResult, ShopProduct, StockLevel } from '../../electron/api/models';
import { demo, screen, tempBackend, type TempBackend } from '../support/temp-backend';

let backend: TempBackend;
type Screen = Awaited<ReturnType<typeof screen>>;
let manager: Screen;
let trainer: Screen;
let lea: Screen;
let visitor: Screen;
let ids: Record<'lea' | 'karim', string>;

before(async () => {
  backend = await tempBackend();
  [manager, trainer, lea, visitor] = await Promise.all([screen(backend, demo.manager), screen(backend, demo.trainer), screen(backend, demo.member), screen(backend)]);
  const members = await manager.ok<MemberSummary[]>('members.list', {});
  const find = (name: string) => members.find((m) => m.displayName === name)!.id;
  ids = { lea: find(demo.member.name), karim: find(demo.karim.name) };
});
after(() => backend.dispose());

test('roles: a member cannot correct, list everyone, sell to someone else, touch the grid or the stock', async () => {
  const forbidden = async (s: Screen, name: string, input: unknown, code = 'forbidden') => {
    const r = await s.call(name, input);
    assert.ok(!r.ok && r.error.code === code, `${name}: ${JSON.stringify(r)}`);
  };
  await forbidden(lea, 'ledger.correct', { entryId: 'x', amountCents: 0, reason: 'Je ne veux pas payer' });
  await forbidden(lea, 'ledger.list', {});
  await forbidden(lea, 'ledger.recordPayment', { memberId: ids.lea, amountCents: 100, method: 'cash' });
  await forbidden(lea, 'shop.sell', { memberId: ids.karim, lines: [{ productId: 'mdf-3', quantity: 1 }], paymentMethod: 'account' });
  await forbidden(lea, 'shop.sell', { visitorLabel: 'Un copain', lines: [{ productId: 'mdf-3', quantity: 1 }], paymentMethod: 'cash' });
  await forbidden(lea, 'pricing.update', { kind: 'coworking_day', priceCents: 0 });
  await forbidden(lea, 'stock.restock', { productId: 'mdf-3', quantity: 10 });
  await forbidden(lea, 'plans.subscribe', { planId: 'coworking-20-days', memberId: ids.karim });
  await forbidden(lea, 'ledger.logManual', { machineId: 'sewing', minutes: 10, memberId: ids.karim });
  await forbidden(trainer, 'ledger.correct', { entryId: 'x', amountCents: 0, reason: 'erreur' });
  await forbidden(visitor, 'ledger.mine', {}, 'unauthenticated');
  await forbidden(visitor, 'shop.sell', { lines: [{ productId: 'mdf-3', quantity: 1 }], paymentMethod: 'cash' }, 'unauthenticated');
  // The shop's shelf is public.
  const products = await visitor.ok<ShopProduct[]>('shop.products');
  assert.ok(products.some((p) => p.id === 'nozzle-04' && p.priceCents === 300 && p.stock === 20));
  // Nothing of the above wrote an entry.
  assert.equal((await manager.ok<LedgerPage>('ledger.list', {})).total, 0);
});

test('a sale on account, then a payment: the balance on the member\'s profile follows the ledger', async () => {
  const sale = await manager.ok<SaleResult>('shop.sell', { memberId: ids.lea, lines: [{ productId: 'plywood-3', quantity: 2 }, { productId: 'pla-175', quantity: 250 }], paymentMethod: 'account' });
  // 2 sheets at 4,50 € and 250 g at 25 €/kg.
  assert.equal(sale.totalCents, 900 + 625);
  const mine = await lea.ok<LedgerPage>('ledger.mine', {});
  assert.equal(mine.balanceCents, -1525);
  assert.equal(mine.total, 2);
  assert.equal((await lea.ok<MemberProfile>('members.me')).balanceCents, -1525);
  const paid = await manager.ok<LedgerWriteResult>('ledger.recordPayment', { memberId: ids.lea, amountCents: 1525, method: 'cheque', reference: 'Chèque n° 0012' });
  assert.equal(paid.balanceCents, 0);
  assert.equal((await manager.ok<MemberProfile>('members.get', { memberId: ids.lea })).balanceCents, 0);
  const list = await manager.ok<LedgerPage>('ledger.list', { memberId: ids.lea, kind: 'payment' });
  assert.equal(list.entries[0]!.reason, 'Chèque n° 0012');
  assert.equal(list.entries[0]!.recordedBy, demo.manager.name);
});

test('a coworking check-in is a day in the ledger; a correction by the manager', async () => {
  const karim = await screen(backend, demo.karim);
  await karim.ok('visits.checkIn', { purpose: 'coworking' });
  const mine = await karim.ok<LedgerPage>('ledger.mine', {});
  assert.equal(mine.entries.length, 1);
  assert.equal(mine.entries[0]!.kind, 'coworking_day');
  assert.equal(mine.entries[0]!.amountCents, 0, 'one of his plan\'s 20 days');
  // A manual log by a trainer for Karim, then a manager's correction of it.
  const logged = await trainer.ok<LedgerWriteResult>('ledger.logManual', { machineId: 'scanner-3d', minutes: 30, memberId: ids.karim, note: 'Scan d\'un buste' });
  // First month after joining: machine time is free.
  assert.equal(logged.entries[0]!.amountCents, 0);
  assert.equal(logged.entries[0]!.freeCents, 300);
  const c = await manager.call<LedgerWriteResult>('ledger.correct', { entryId: logged.entries[0]!.id, amountCents: -150, reason: 'Scan pour un client, facturé' });
  assert.ok(c.ok, JSON.stringify(c));
  assert.equal(c.value.balanceCents, -150);
  const bad = await manager.call('ledger.correct', { entryId: logged.entries[0]!.id, amountCents: -150, reason: 'deux fois' });
  assert.ok(!bad.ok && bad.error.code === 'ledger_refused' && bad.error.params?.reason === 'no_change');
});

test('stock: restock, inventory, alert level; the grid: a change audited, a bad change refused by field', async () => {
  await manager.ok('stock.setThreshold', { productId: 'mdf-3', lowStockQty: 35 });
  let low = await manager.ok<StockLevel[]>('stock.list', { lowOnly: true });
  assert.ok(low.some((l) => l.productId === 'mdf-3' && l.level === 30));
  await manager.ok('stock.restock', { productId: 'mdf-3', quantity: 20, costCents: 4000, reason: 'Livraison' });
  const counted = await manager.ok<StockLevel>('stock.adjust', { productId: 'mdf-3', countedQuantity: 48, reason: 'Inventaire : deux plaques abîmées' });
  assert.equal(counted.level, 48);
  low = await manager.ok<StockLevel[]>('stock.list', { lowOnly: true });
  assert.ok(!low.some((l) => l.productId === 'mdf-3'));
  const half = await manager.call('stock.restock', { productId: 'mdf-3', quantity: 0.5 });
  assert.ok(!half.ok && half.error.code === 'invalid_input');

  const grid = await manager.ok<PricingGrid>('pricing.update', { kind: 'category_discount', profileCategory: 'artist', scope: 'machine_time', percent: 30, reason: 'Vote de l\'assemblée' });
  assert.ok(grid.rules.some((r) => r.kind === 'category_discount' && r.profileCategory === 'artist' && r.discountPct === 30 && r.changedBy === demo.manager.name));
  const bad = await manager.call('pricing.update', { kind: 'category_discount', profileCategory: 'artist', scope: 'everything', percent: 30 });
  assert.ok(!bad.ok && bad.error.code === 'invalid_input' && bad.error.params?.field === 'scope', JSON.stringify(bad));
  const audit = await manager.ok<{ action: string }[]>('audit.list', { limit: 20 });
  assert.ok(audit.some((a) => a.action === 'pricing.update'));
  const history = await manager.ok<PricingGrid>('pricing.grid', { history: true });
  assert.ok(history.plans.length >= 3);
});
