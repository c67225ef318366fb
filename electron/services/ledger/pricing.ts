// Managers edit the grid and the plans. Nothing is overwritten: each change is a new version dated from
// when it takes effect (now, or later), audited, and the rows the screens read (machine rates, material
// prices, plans) mirror whatever is in force. Entries keep the prices they were charged at.
import type { Caller } from '../../api/dispatcher';
import { DomainError } from '../../api/errors';
import type { PlanTermsView, PriceRuleView, PriceScope, PricingGrid } from '../../api/models';
import type { Store } from '../../store';
import type { RowValues } from '../../store/rows';
import type { AuditLog } from '../audit';
import { gridRows, planTermsAt, planTermsRows, ruleAt, ruleKeys, ruleVersionAt, type PlanTermsRow, type PriceRuleRow, type RuleKind } from './grid';
import { requireMachine, requireMaterial, shopItemRef } from './refs';
import { refused } from './refused';
import { stockUnitOf } from './units';

export type PriceChange = { effectiveFrom?: string | undefined; reason?: string | undefined } & (
  | { kind: 'machine_time'; machineId: string; ratePerHourCents: number }
  | { kind: 'material'; materialId: string; priceCents: number }
  | { kind: 'shop_item'; itemId: string; priceCents: number }
  | { kind: 'coworking_day'; priceCents: number }
  | { kind: 'category_discount'; profileCategory: string; scope: PriceScope; percent: number }
  | { kind: 'first_month_free'; active: boolean; months: number }
  | {
      kind: 'plan';
      planId: string;
      priceCents: number;
      period: PlanTermsRow['period'];
      includedDays: number | null;
      machineMinutesPerMonth: number;
      active: boolean;
    }
);

/** How far back a change may be dated: a clock a little behind is fine, rewriting last month is not. */
const backdateToleranceMs = 5 * 60_000;

export class Pricing {
  constructor(private readonly d: { store: Store; audit: AuditLog; now: () => Date }) {}

  grid(at: Date, history: boolean): PricingGrid {
    const db = this.d.store.db;
    const iso = at.toISOString();
    const rules = gridRows(db, iso);
    const plans = planTermsRows(db, iso);
    const inForceIds = new Set([...rules.inForce.map((r) => r.id), ...plans.inForce.map((p) => p.id)]);
    const ruleView = (r: PriceRuleRow) => this.ruleView(r, inForceIds.has(r.id));
    const planView = (p: PlanTermsRow) => this.planView(p, inForceIds.has(p.id));
    const currency = (db.prepare('SELECT currency FROM sites LIMIT 1').pluck().get() as string | undefined) ?? 'EUR';
    return {
      at: iso,
      currency,
      rules: (history ? rules.all.filter((r) => r.effective_from <= iso) : rules.inForce).map(ruleView),
      plans: (history ? plans.all.filter((p) => p.effective_from <= iso) : plans.inForce).map(planView),
      scheduled: [...rules.scheduled.map(ruleView), ...plans.scheduled.map(planView)],
    };
  }

  update(change: PriceChange, caller: Caller): PricingGrid {
    const now = this.d.now();
    const from = change.effectiveFrom === undefined ? now : new Date(change.effectiveFrom);
    if (from.getTime() < now.getTime() - backdateToleranceMs) throw refused('effective_in_past');
    const effectiveFrom = (from.getTime() < now.getTime() ? now : from).toISOString();
    const reason = change.reason || null;
    const { store, audit } = this.d;
    store.writer.transaction(() => {
      if (change.kind === 'plan') {
        const plan = store.db.prepare('SELECT id, code FROM plans WHERE code = ? OR id = ?').get(change.planId, change.planId) as { id: string; code: string } | undefined;
        if (!plan) throw new DomainError('not_found', { what: 'plan' });
        const before = planTermsAt(store.db, plan.id, effectiveFrom);
        this.insertUnique('plan_terms', {
          plan_id: plan.id,
          effective_from: effectiveFrom,
          active: change.active ? 1 : 0,
          price_cents: change.priceCents,
          period: change.period,
          included_days: change.includedDays,
          machine_s_per_month: change.machineMinutesPerMonth * 60,
          changed_by: caller.memberId,
          reason,
        });
        audit.record(caller.memberId, 'pricing.update', plan.id, { kind: 'plan', plan: plan.code, effectiveFrom, before: before ?? null, after: change, reason });
        return;
      }
      const { key, values } = this.ruleValues(change);
      const before = ruleVersionAt(store.db, key, effectiveFrom);
      this.insertUnique('price_rules', { rule_key: key, effective_from: effectiveFrom, changed_by: caller.memberId, reason, ...values });
      audit.record(caller.memberId, 'pricing.update', key, { kind: change.kind, effectiveFrom, before: before ?? null, after: change, reason });
    });
    this.refreshMirrors(now);
    return this.grid(now, false);
  }

  /** The machines', materials' and plans' rows show the grid in force (call at start and after changes). */
  refreshMirrors(at: Date): void {
    const { store } = this.d;
    const db = store.db;
    const iso = at.toISOString();
    store.writer.transaction(() => {
      const machines = db.prepare('SELECT id, rate_per_hour_cents FROM machines').all() as { id: string; rate_per_hour_cents: number }[];
      for (const m of machines) {
        const r = ruleAt(db, ruleKeys.machine(m.id), iso);
        if (!r || r.price_cents === null || r.per_quantity === null) continue;
        const rate = Math.round((r.price_cents * 3600) / r.per_quantity);
        if (rate !== m.rate_per_hour_cents) store.writer.update('machines', m.id, { rate_per_hour_cents: rate });
      }
      const materials = db.prepare('SELECT id, unit, price_cents FROM materials').all() as { id: string; unit: 'kg' | 'sheet' | 'm'; price_cents: number }[];
      for (const m of materials) {
        const r = ruleAt(db, ruleKeys.material(m.id), iso);
        if (!r || r.price_cents === null || r.per_quantity === null) continue;
        const price = Math.round((r.price_cents * stockUnitOf(m.unit).perMaterialUnit) / r.per_quantity);
        if (price !== m.price_cents) store.writer.update('materials', m.id, { price_cents: price });
      }
      const plans = db.prepare('SELECT id, price_cents, period, included_days, active FROM plans').all() as {
        id: string;
        price_cents: number;
        period: string;
        included_days: number | null;
        active: number;
      }[];
      for (const p of plans) {
        const t = planTermsAt(db, p.id, iso);
        if (!t) continue;
        const patch: RowValues = {};
        if (t.price_cents !== p.price_cents) patch.price_cents = t.price_cents;
        if (t.period !== p.period) patch.period = t.period;
        if (t.included_days !== p.included_days) patch.included_days = t.included_days;
        if (t.active !== p.active) patch.active = t.active;
        if (Object.keys(patch).length > 0) store.writer.update('plans', p.id, patch);
      }
    });
  }

  private ruleValues(change: Exclude<PriceChange, { kind: 'plan' }>): { key: string; values: RowValues & { kind: RuleKind } } {
    const db = this.d.store.db;
    switch (change.kind) {
      case 'machine_time': {
        const m = requireMachine(db, change.machineId);
        return { key: ruleKeys.machine(m.id), values: { kind: 'machine_time', machine_id: m.id, price_cents: change.ratePerHourCents, per_quantity: 3600, unit: 's' } };
      }
      case 'material': {
        const m = requireMaterial(db, change.materialId);
        const u = stockUnitOf(m.unit);
        return { key: ruleKeys.material(m.id), values: { kind: 'material', material_id: m.id, price_cents: change.priceCents, per_quantity: u.perMaterialUnit, unit: u.unit } };
      }
      case 'shop_item': {
        const item = shopItemRef(db, change.itemId);
        if (!item) throw new DomainError('not_found', { what: 'product' });
        return { key: ruleKeys.shopItem(item.id), values: { kind: 'shop_item', shop_item_id: item.id, price_cents: change.priceCents, per_quantity: 1, unit: 'item' } };
      }
      case 'coworking_day':
        return { key: ruleKeys.coworkingDay(), values: { kind: 'coworking_day', price_cents: change.priceCents, per_quantity: 1, unit: 'day' } };
      case 'category_discount': {
        const category = db.prepare('SELECT id FROM profile_categories WHERE code = ? OR id = ?').pluck().get(change.profileCategory, change.profileCategory) as string | undefined;
        if (!category) throw new DomainError('invalid_input', { field: 'profileCategory' });
        return {
          key: ruleKeys.discount(category, change.scope),
          values: { kind: 'category_discount', profile_category_id: category, scope: change.scope, discount_pct: change.percent },
        };
      }
      case 'first_month_free':
        return {
          key: ruleKeys.firstMonthFree('machine_time'),
          values: { kind: 'first_month_free', scope: 'machine_time', months: change.months, active: change.active ? 1 : 0 },
        };
    }
  }

  private insertUnique(table: 'price_rules' | 'plan_terms', values: RowValues): void {
    try {
      this.d.store.writer.insert(table, values);
    } catch (err) {
      // Two changes of one rule dated the same instant: the second must be made again.
      if (err instanceof Error && /UNIQUE/.test(err.message)) throw new DomainError('conflict', { reason: 'price_version_exists' });
      throw err;
    }
  }

  private ruleView(r: PriceRuleRow, inForce: boolean): PriceRuleView {
    const db = this.d.store.db;
    const named = (table: string, id: string | null) => {
      if (!id) return null;
      const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as { code: string; name?: string; name_fr?: string; name_en?: string } | undefined;
      if (!row) return null;
      return { id, code: row.code, name: { fr: row.name_fr ?? row.name ?? row.code, en: row.name_en ?? row.name ?? row.code } };
    };
    const category = r.profile_category_id ? (db.prepare('SELECT code FROM profile_categories WHERE id = ?').pluck().get(r.profile_category_id) as string) : null;
    return {
      id: r.id,
      key: r.rule_key,
      kind: r.kind,
      effectiveFrom: r.effective_from,
      active: r.active === 1,
      inForce,
      machine: named('machines', r.machine_id),
      material: named('materials', r.material_id),
      shopItem: named('shop_items', r.shop_item_id),
      profileCategory: category,
      scope: r.scope,
      priceCents: r.price_cents,
      perQuantity: r.per_quantity,
      unit: r.unit as PriceRuleView['unit'],
      discountPct: r.discount_pct,
      months: r.months,
      changedBy: this.memberName(r.changed_by),
      reason: r.reason,
    };
  }

  private planView(t: PlanTermsRow, inForce: boolean): PlanTermsView {
    const plan = this.d.store.db.prepare('SELECT code, name_fr, name_en, covers_coworking FROM plans WHERE id = ?').get(t.plan_id) as {
      code: string;
      name_fr: string;
      name_en: string;
      covers_coworking: number;
    };
    return {
      id: t.id,
      planId: plan.code,
      name: { fr: plan.name_fr, en: plan.name_en },
      effectiveFrom: t.effective_from,
      active: t.active === 1,
      inForce,
      priceCents: t.price_cents,
      period: t.period,
      includedDays: t.included_days,
      coversCoworking: plan.covers_coworking === 1,
      machineMinutesPerMonth: Math.round(t.machine_s_per_month / 60),
      changedBy: this.memberName(t.changed_by),
      reason: t.reason,
    };
  }

  private memberName(id: string | null): string | null {
    if (!id) return null;
    return (this.d.store.db.prepare('SELECT display_name FROM members WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
  }
}
