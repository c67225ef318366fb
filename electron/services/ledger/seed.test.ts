import assert from 'node:assert/strict';
import { test } from 'node:test';
import fablab from '../../../assets/fablab.json';
import { openStore } from '../../store';
import { seedIfEmpty } from '../../store/seed';
import { AuditLog } from '../audit';
import { Pricing } from './pricing';
import { seedLedger } from './seed';
import { listLevels } from './stock';

test('the demo grid comes from fablab.json: rates, prices by unit, discounts, plans, shop items, stock', async () => {
  const store = openStore(':memory:');
  await seedIfEmpty(store.writer, fablab);
  assert.equal(seedLedger(store, fablab), true);
  assert.equal(seedLedger(store, fablab), false, 'once');
  const grid = new Pricing({ store, audit: new AuditLog(store), now: () => new Date('2026-06-01T00:00:00Z') }).grid(new Date('2026-06-01T00:00:00Z'), false);
  const rule = (kind: string, code: string) => grid.rules.find((r) => r.kind === kind && (r.machine?.code ?? r.material?.code ?? r.shopItem?.code ?? r.profileCategory) === code);
  assert.deepEqual([rule('machine_time', 'laser-co2')?.priceCents, rule('machine_time', 'laser-co2')?.perQuantity, rule('machine_time', 'laser-co2')?.unit], [1200, 3600, 's']);
  assert.deepEqual([rule('material', 'pla-175')?.priceCents, rule('material', 'pla-175')?.perQuantity, rule('material', 'pla-175')?.unit], [2500, 1000, 'g']);
  assert.deepEqual([rule('material', 'plywood-3')?.priceCents, rule('material', 'plywood-3')?.unit], [450, 'sheet']);
  assert.equal(rule('shop_item', 'nozzle-04')?.priceCents, 300);
  const discounts = grid.rules.filter((r) => r.kind === 'category_discount').map((r) => `${r.profileCategory}:${r.scope}:${r.discountPct}`).sort();
  assert.deepEqual(discounts, [
    'job_seeker:coworking_day:50',
    'job_seeker:machine_time:50',
    'job_seeker:subscription:50',
    'pupil_student:coworking_day:50',
    'pupil_student:machine_time:50',
    'pupil_student:subscription:50',
  ]);
  const free = grid.rules.find((r) => r.kind === 'first_month_free')!;
  assert.deepEqual([free.active, free.months, free.scope], [true, 1, 'machine_time']);
  assert.deepEqual(grid.plans.map((p) => [p.planId, p.priceCents, p.includedDays, p.machineMinutesPerMonth]).sort(), [
    ['coworking-20-days', 10000, 20, 0],
    ['coworking-permanent', 25000, null, 120],
    ['fablab-membership', 2000, null, 60],
  ]);
  const levels = new Map(listLevels(store.db, false).map((l) => [l.productId, [l.level, l.unit, l.lowStockQty]]));
  assert.deepEqual(levels.get('pla-175'), [8000, 'g', 2000]);
  assert.deepEqual(levels.get('plywood-3'), [40, 'sheet', 10]);
  assert.deepEqual(levels.get('arduino-nano'), [10, 'item', 3]);
  store.close();
});

test('a seed without a pricing block still gets a grid (machine rates and material prices), and a wrong one writes nothing', async () => {
  const store = openStore(':memory:');
  const { pricing: _omit, ...bare } = fablab;
  void _omit;
  await seedIfEmpty(store.writer, bare);
  assert.throws(() => seedLedger(store, { pricing: { ...fablab.pricing, categoryDiscounts: [{ category: 'astronaut', percent: 10, scopes: ['machine_time'] }] } }), /astronaut/);
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM price_rules').pluck().get(), 0);
  assert.equal(seedLedger(store, bare), true);
  assert.equal(store.db.prepare("SELECT COUNT(*) FROM price_rules WHERE kind = 'machine_time'").pluck().get(), 9);
  assert.equal(store.db.prepare("SELECT price_cents FROM price_rules WHERE kind = 'coworking_day'").pluck().get(), 0);
  store.close();
});
