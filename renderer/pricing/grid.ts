// The price grid as the manager reads it: one row per rule (a machine's hourly rate, a material's price,
// a category's discount…) with the version in force, the one scheduled next, and every earlier one;
// the same for plans. Versions come from `pricing.grid` (with `history`): never edited, only added.
import type { PlanTermsView, PriceRuleView, PriceScope, PricingGrid } from '../../electron/api/types';

export function isPlanTerms(v: PriceRuleView | PlanTermsView): v is PlanTermsView {
  return 'planId' in v;
}

export interface Versions<T> {
  /** In force at the grid's date (null: none yet, or only scheduled). */
  current: T | null;
  /** The first version scheduled after the grid's date. */
  next: T | null;
  /** Every version, newest effective date first (scheduled ones included). */
  all: T[];
}

const byNewest = <T extends { effectiveFrom: string; id: string }>(a: T, b: T) =>
  b.effectiveFrom.localeCompare(a.effectiveFrom) || b.id.localeCompare(a.id);

function collect<T extends { effectiveFrom: string; id: string; inForce: boolean }>(items: T[], keyOf: (x: T) => string): Map<string, Versions<T>> {
  const groups = new Map<string, T[]>();
  const seen = new Set<string>();
  for (const x of items) {
    if (seen.has(x.id)) continue;
    seen.add(x.id);
    const key = keyOf(x);
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  const out = new Map<string, Versions<T>>();
  for (const [key, list] of groups) {
    const all = [...list].sort(byNewest);
    const current = all.find((x) => x.inForce) ?? null;
    const later = all.filter((x) => !x.inForce && (!current || x.effectiveFrom > current.effectiveFrom));
    out.set(key, { current, next: later.at(-1) ?? null, all });
  }
  return out;
}

/** Rules by key (`machine_time:<id>`, `material:<id>`, …), in force, next and history. */
export function ruleVersions(grid: Pick<PricingGrid, 'rules' | 'scheduled'>): Map<string, Versions<PriceRuleView>> {
  const scheduled = grid.scheduled.filter((x): x is PriceRuleView => !isPlanTerms(x));
  return collect([...grid.rules, ...scheduled], (r) => r.key);
}

/** Plans by id, in force, next and history. */
export function planVersions(grid: Pick<PricingGrid, 'plans' | 'scheduled'>): Map<string, Versions<PlanTermsView>> {
  const scheduled = grid.scheduled.filter(isPlanTerms);
  return collect([...grid.plans, ...scheduled], (p) => p.planId);
}

/** Rules of one kind, in a stable order (by the thing's name, then key). */
export function rulesOfKind(versions: Map<string, Versions<PriceRuleView>>, kind: PriceRuleView['kind']): Array<[string, Versions<PriceRuleView>]> {
  const label = (v: Versions<PriceRuleView>) => {
    const r = v.current ?? v.all[0];
    return (r?.machine?.name.fr ?? r?.material?.name.fr ?? r?.shopItem?.name.fr ?? r?.profileCategory ?? '') + (r?.scope ?? '');
  };
  return [...versions].filter(([, v]) => (v.current ?? v.all[0])?.kind === kind).sort(([ka, a], [kb, b]) => label(a).localeCompare(label(b), 'fr') || ka.localeCompare(kb));
}

/** The category discount in force for a category and scope (0 when none, or switched off). */
export function discountPct(grid: Pick<PricingGrid, 'rules'>, category: string | null, scope: PriceScope): number {
  if (!category) return 0;
  const rule = grid.rules.find((r) => r.inForce && r.kind === 'category_discount' && r.profileCategory === category && r.scope === scope);
  return rule && rule.active ? (rule.discountPct ?? 0) : 0;
}

/** The rule key of a category discount, as `ruleVersions` groups them (the back end keys by category id). */
export function discountVersions(versions: Map<string, Versions<PriceRuleView>>, category: string, scope: PriceScope): Versions<PriceRuleView> | null {
  for (const v of versions.values()) {
    const r = v.current ?? v.all[0];
    if (r && r.kind === 'category_discount' && r.profileCategory === category && r.scope === scope) return v;
  }
  return null;
}
