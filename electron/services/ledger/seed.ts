// The demo grid, once: every machine's hourly rate and every material's price as the first version of
// their rule, the plans' terms, the categories' discounts, the first-month-free rule, the shop's extra
// items, and the stock on the shelves as its first movement. Runs on a fresh store right after the
// fablab itself, and on a store created before the ledger at its first start with it.
import type { Store } from '../../store';
import { ledgerSeedSchema, type LedgerSeed } from './seed-schema';
import { ruleKeys, seedEffectiveFrom } from './grid';
import { stockUnitOf, type MaterialUnit } from './units';
import { mirrorMaterialStock } from './stock';

/** Returns false when the grid exists already. Throws (writing nothing) on a category or plan the seed does not know. */
export function seedLedger(store: Store, raw: unknown): boolean {
  const db = store.db;
  if (db.prepare('SELECT 1 FROM price_rules LIMIT 1').get() !== undefined) return false;
  const pricing: LedgerSeed = ledgerSeedSchema.parse((raw as { pricing?: unknown } | null)?.pricing ?? { coworkingDayCents: 0 });
  const w = store.writer;
  const from = seedEffectiveFrom;
  w.transaction(() => {
    const rule = (key: string, values: Record<string, string | number | null>) =>
      w.insert('price_rules', { rule_key: key, effective_from: from, changed_by: null, reason: 'seed', ...values });

    for (const m of db.prepare('SELECT id, rate_per_hour_cents FROM machines').all() as { id: string; rate_per_hour_cents: number }[]) {
      rule(ruleKeys.machine(m.id), { kind: 'machine_time', machine_id: m.id, price_cents: m.rate_per_hour_cents, per_quantity: 3600, unit: 's' });
    }
    const materials = db.prepare('SELECT id, code, kind, name_fr, name_en, unit, price_cents, stock_qty FROM materials').all() as {
      id: string;
      code: string;
      kind: 'filament' | 'sheet' | 'vinyl' | 'thermoforming';
      name_fr: string;
      name_en: string;
      unit: MaterialUnit;
      price_cents: number;
      stock_qty: number;
    }[];
    for (const m of materials) {
      const u = stockUnitOf(m.unit);
      rule(ruleKeys.material(m.id), { kind: 'material', material_id: m.id, price_cents: m.price_cents, per_quantity: u.perMaterialUnit, unit: u.unit });
      const low = pricing.lowStock[m.code];
      if (low !== undefined) w.update('materials', m.id, { low_stock_qty: low });
      if (m.stock_qty > 0) {
        w.insert('stock_movements', { material_id: m.id, kind: 'initial', quantity: m.stock_qty * u.perMaterialUnit, unit: u.unit, reason: 'seed' });
      }
      mirrorMaterialStock(store, { ...m, low_stock_qty: low ?? null });
    }
    rule(ruleKeys.coworkingDay(), { kind: 'coworking_day', price_cents: pricing.coworkingDayCents, per_quantity: 1, unit: 'day' });
    const siteFree = db.prepare('SELECT first_month_free FROM sites LIMIT 1').pluck().get() === 1;
    rule(ruleKeys.firstMonthFree('machine_time'), { kind: 'first_month_free', scope: 'machine_time', months: pricing.firstMonthFreeMonths, active: siteFree ? 1 : 0 });
    for (const d of pricing.categoryDiscounts) {
      const category = db.prepare('SELECT id FROM profile_categories WHERE code = ?').pluck().get(d.category) as string | undefined;
      if (!category) throw new Error(`seed: pricing discount for unknown profile category ${d.category}`);
      for (const scope of d.scopes) {
        rule(ruleKeys.discount(category, scope), { kind: 'category_discount', profile_category_id: category, scope, discount_pct: d.percent });
      }
    }
    const plans = db.prepare('SELECT id, code, price_cents, period, included_days, active FROM plans').all() as {
      id: string;
      code: string;
      price_cents: number;
      period: string;
      included_days: number | null;
      active: number;
    }[];
    for (const code of Object.keys(pricing.planMachineMinutesPerMonth)) {
      if (!plans.some((p) => p.code === code)) throw new Error(`seed: pricing machine minutes for unknown plan ${code}`);
    }
    for (const p of plans) {
      w.insert('plan_terms', {
        plan_id: p.id,
        effective_from: from,
        active: p.active,
        price_cents: p.price_cents,
        period: p.period,
        included_days: p.included_days,
        machine_s_per_month: (pricing.planMachineMinutesPerMonth[p.code] ?? 0) * 60,
        changed_by: null,
        reason: 'seed',
      });
    }
    for (const item of pricing.shopItems) {
      if (materials.some((m) => m.code === item.code)) throw new Error(`seed: shop item ${item.code} has a material's code`);
      const id = w.insert('shop_items', { code: item.code, name_fr: item.name.fr, name_en: item.name.en, unit: 'item', low_stock_qty: item.lowStock, active: 1 });
      rule(ruleKeys.shopItem(id), { kind: 'shop_item', shop_item_id: id, price_cents: item.priceCents, per_quantity: 1, unit: 'item' });
      if (item.stock > 0) w.insert('stock_movements', { shop_item_id: id, kind: 'initial', quantity: item.stock, unit: 'item', reason: 'seed' });
    }
  });
  return true;
}
