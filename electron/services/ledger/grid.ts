// The price grid as stored: versioned rules (a rule's versions share a key; the one in force at an
// instant has the latest effective_from not after it) and versioned plan terms.
import type { PriceScope } from '../../api/models';
import type { Db } from '../../store/db';

export type RuleKind = 'machine_time' | 'material' | 'shop_item' | 'coworking_day' | 'category_discount' | 'first_month_free';

export interface PriceRuleRow {
  id: string;
  created_at: string;
  rule_key: string;
  kind: RuleKind;
  effective_from: string;
  active: number;
  machine_id: string | null;
  material_id: string | null;
  shop_item_id: string | null;
  profile_category_id: string | null;
  scope: PriceScope | null;
  price_cents: number | null;
  per_quantity: number | null;
  unit: string | null;
  discount_pct: number | null;
  months: number | null;
  changed_by: string | null;
  reason: string | null;
}

export interface PlanTermsRow {
  id: string;
  created_at: string;
  plan_id: string;
  effective_from: string;
  active: number;
  price_cents: number;
  period: 'month' | 'quarter' | 'year' | 'once';
  included_days: number | null;
  machine_s_per_month: number;
  changed_by: string | null;
  reason: string | null;
}

export const ruleKeys = {
  machine: (machineId: string) => `machine_time:${machineId}`,
  material: (materialId: string) => `material:${materialId}`,
  shopItem: (itemId: string) => `shop_item:${itemId}`,
  coworkingDay: () => 'coworking_day',
  discount: (categoryId: string, scope: PriceScope) => `category_discount:${categoryId}:${scope}`,
  firstMonthFree: (scope: PriceScope) => `first_month_free:${scope}`,
};

/** The seeded grid is in force from before any entry can exist. */
export const seedEffectiveFrom = '2000-01-01T00:00:00.000Z';

/** The version of a rule in force at `at` (ISO), inactive ones included: the caller decides. */
export function ruleVersionAt(db: Db, key: string, at: string): PriceRuleRow | undefined {
  return db
    .prepare('SELECT * FROM price_rules WHERE rule_key = ? AND effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1')
    .get(key, at) as PriceRuleRow | undefined;
}

/** The rule in force at `at`, if there is one and it is active. */
export function ruleAt(db: Db, key: string, at: string): PriceRuleRow | undefined {
  const r = ruleVersionAt(db, key, at);
  return r && r.active === 1 ? r : undefined;
}

export function planTermsAt(db: Db, planId: string, at: string): PlanTermsRow | undefined {
  return db
    .prepare('SELECT * FROM plan_terms WHERE plan_id = ? AND effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1')
    .get(planId, at) as PlanTermsRow | undefined;
}

/** Every rule key's version in force at `at` (inactive ones included), and the versions after it. */
export function gridRows(db: Db, at: string): { inForce: PriceRuleRow[]; scheduled: PriceRuleRow[]; all: PriceRuleRow[] } {
  const all = db.prepare('SELECT * FROM price_rules ORDER BY rule_key, effective_from DESC, id DESC').all() as PriceRuleRow[];
  const inForce: PriceRuleRow[] = [];
  const seen = new Set<string>();
  for (const r of all) {
    if (r.effective_from > at || seen.has(r.rule_key)) continue;
    seen.add(r.rule_key);
    inForce.push(r);
  }
  return { inForce, scheduled: all.filter((r) => r.effective_from > at), all };
}

export function planTermsRows(db: Db, at: string): { inForce: PlanTermsRow[]; scheduled: PlanTermsRow[]; all: PlanTermsRow[] } {
  const all = db.prepare('SELECT * FROM plan_terms ORDER BY plan_id, effective_from DESC, id DESC').all() as PlanTermsRow[];
  const inForce: PlanTermsRow[] = [];
  const seen = new Set<string>();
  for (const r of all) {
    if (r.effective_from > at || seen.has(r.plan_id)) continue;
    seen.add(r.plan_id);
    inForce.push(r);
  }
  return { inForce, scheduled: all.filter((r) => r.effective_from > at), all };
}
