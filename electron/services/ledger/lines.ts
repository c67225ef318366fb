// One priced line per thing used, from the grid in force at that instant and the payer's situation
// (category, plan, joining date). Charges and quotes both come through here.
import type { LedgerUnit, PriceLine, PriceScope } from '../../api/models';
import type { Db } from '../../store/db';
import { addMonths, parisDay, planPeriod } from '../dates';
import { planTermsAt, ruleAt, ruleKeys, type PlanTermsRow, type PriceRuleRow } from './grid';
import { priceOf } from './price';
import type { MachineRef, MaterialRef, Payer, ShopItemRef } from './refs';
import { roundQuantity, stockUnitOf } from './units';

export interface LineContext {
  db: Db;
  payer: Payer;
  /** ISO instant the thing is used at: it picks the rules in force. */
  at: string;
}

function discount(c: LineContext, scope: PriceScope): { id: string | null; pct: number } {
  if (!c.payer.categoryId) return { id: null, pct: 0 };
  const r = ruleAt(c.db, ruleKeys.discount(c.payer.categoryId, scope), c.at);
  return r && r.discount_pct ? { id: r.id, pct: r.discount_pct } : { id: null, pct: 0 };
}

/** True within the member's first month(s) after joining, when the grid's free-period rule is on for `scope`. */
export function inFreePeriod(c: LineContext, scope: PriceScope): boolean {
  if (!c.payer.joinedAt) return false;
  const r = ruleAt(c.db, ruleKeys.firstMonthFree(scope), c.at);
  if (!r || !r.months) return false;
  return c.at < addMonths(new Date(c.payer.joinedAt), r.months).toISOString();
}

export function payerPlanTerms(c: LineContext): PlanTermsRow | undefined {
  if (!c.payer.planId) return undefined;
  const t = planTermsAt(c.db, c.payer.planId, c.at);
  return t && t.active === 1 ? t : undefined;
}

/** Machine seconds the member's plan covered already in the Paris calendar month of `at`. */
export function machineQuotaUsedS(db: Db, memberId: string, at: string): number {
  const { start, end } = planPeriod('month', parisDay(new Date(at)), parisDay(new Date(at)));
  return db
    .prepare("SELECT COALESCE(SUM(quota_quantity), 0) FROM ledger_entries WHERE member_id = ? AND kind = 'machine_time' AND day BETWEEN ? AND ?")
    .pluck()
    .get(memberId, start, end) as number;
}

/** Seconds of machine time the plan still covers this month; null without a machine quota. */
export function machineQuotaLeftS(c: LineContext): number | null {
  const terms = payerPlanTerms(c);
  if (!terms || terms.machine_s_per_month <= 0 || !c.payer.memberId) return null;
  return Math.max(0, terms.machine_s_per_month - machineQuotaUsedS(c.db, c.payer.memberId, c.at));
}

function line(
  kind: PriceLine['kind'],
  labelKey: string,
  labelParams: Record<string, string | number>,
  quantity: number,
  unit: LedgerUnit,
  rule: PriceRuleRow | undefined,
  opts: { free?: PriceLine['freeReason']; quota?: number; planTermsId?: string | null; discount?: { id: string | null; pct: number } },
): PriceLine {
  const q = roundQuantity(quantity, unit);
  const d = opts.discount ?? { id: null, pct: 0 };
  const p = priceOf({
    quantity: q,
    priceCents: rule?.price_cents ?? null,
    perQuantity: rule?.per_quantity ?? null,
    free: opts.free !== undefined && opts.free !== null,
    quotaAvailable: opts.quota ?? 0,
    discountPct: d.pct,
  });
  return {
    kind,
    labelKey,
    labelParams,
    quantity: q,
    unit,
    priceCents: rule?.price_cents ?? null,
    perQuantity: rule?.per_quantity ?? null,
    priceRuleId: rule?.id ?? null,
    grossCents: p.grossCents,
    quotaQuantity: p.quotaQuantity,
    quotaCents: p.quotaCents,
    planTermsId: p.quotaQuantity > 0 ? (opts.planTermsId ?? null) : null,
    freeCents: p.freeCents,
    freeReason: opts.free ?? null,
    discountPct: p.discountCents > 0 ? d.pct : 0,
    discountCents: p.discountCents,
    discountRuleId: p.discountCents > 0 ? d.id : null,
    chargeCents: p.chargeCents,
  };
}

/**
 * Machine time: free in the first month after joining if the grid says so, then the plan's machine
 * minutes of the month, then the category discount. `quotaSpentS`: seconds of quota already promised to
 * earlier lines of the same quote.
 */
export function machineTimeLine(c: LineContext, machine: MachineRef, seconds: number, quotaSpentS = 0): PriceLine {
  const rule = ruleAt(c.db, ruleKeys.machine(machine.id), c.at);
  const params = { code: machine.code, nameFr: machine.name, nameEn: machine.name };
  if (inFreePeriod(c, 'machine_time')) return line('machine_time', 'ledger.line.machine_time', params, seconds, 's', rule, { free: 'first_month' });
  const left = machineQuotaLeftS(c);
  return line('machine_time', 'ledger.line.machine_time', params, seconds, 's', rule, {
    quota: left === null ? 0 : Math.max(0, left - quotaSpentS),
    planTermsId: payerPlanTerms(c)?.id ?? null,
    discount: discount(c, 'machine_time'),
  });
}

/** Material used on a machine or sold at the shop, in its stock unit (g, sheet, m). */
export function materialLine(c: LineContext, material: MaterialRef, quantity: number): PriceLine {
  const rule = ruleAt(c.db, ruleKeys.material(material.id), c.at);
  const unit = stockUnitOf(material.unit).unit;
  const params = { code: material.code, nameFr: material.name_fr, nameEn: material.name_en };
  return line('material', 'ledger.line.material', params, quantity, unit, rule, {
    ...(inFreePeriod(c, 'material') ? { free: 'first_month' as const } : {}),
    discount: discount(c, 'material'),
  });
}

/** A material or shop item sold at the counter. */
export function saleLine(c: LineContext, product: { material: MaterialRef } | { item: ShopItemRef }, quantity: number): PriceLine {
  if ('material' in product) {
    const l = materialLine(c, product.material, quantity);
    return { ...l, kind: 'shop_sale', labelKey: 'ledger.line.shop_material' };
  }
  const item = product.item;
  const rule = ruleAt(c.db, ruleKeys.shopItem(item.id), c.at);
  const params = { code: item.code, nameFr: item.name_fr, nameEn: item.name_en };
  return line('shop_sale', 'ledger.line.shop_item', params, quantity, 'item', rule, {
    ...(inFreePeriod(c, 'shop_item') ? { free: 'first_month' as const } : {}),
    discount: discount(c, 'shop_item'),
  });
}

/**
 * A coworking day: covered by the plan (a counted day, or an unlimited plan), free as the first visit,
 * or charged at the day rate less the category discount.
 */
export function coworkingLine(c: LineContext, day: string, how: { covered: boolean; firstVisitFree: boolean }): PriceLine {
  const rule = ruleAt(c.db, ruleKeys.coworkingDay(), c.at);
  const params = { day };
  if (how.covered) {
    return line('coworking_day', 'ledger.line.coworking_day', params, 1, 'day', rule, { quota: 1, planTermsId: payerPlanTerms(c)?.id ?? null });
  }
  if (how.firstVisitFree) return line('coworking_day', 'ledger.line.coworking_day', params, 1, 'day', rule, { free: 'first_visit' });
  return line('coworking_day', 'ledger.line.coworking_day', params, 1, 'day', rule, { discount: discount(c, 'coworking_day') });
}

/** A plan bought for one period, at its terms' price less the category discount. */
export function subscriptionLine(c: LineContext, plan: { code: string; name_fr: string; name_en: string }, terms: PlanTermsRow, period: { start: string; end: string }): PriceLine {
  const d = discount(c, 'subscription');
  const p = priceOf({ quantity: 1, priceCents: terms.price_cents, perQuantity: 1, free: false, quotaAvailable: 0, discountPct: d.pct });
  return {
    kind: 'subscription',
    labelKey: 'ledger.line.subscription',
    labelParams: { code: plan.code, nameFr: plan.name_fr, nameEn: plan.name_en, start: period.start, end: period.end },
    quantity: 1,
    unit: 'period',
    priceCents: terms.price_cents,
    perQuantity: 1,
    priceRuleId: null,
    grossCents: p.grossCents,
    quotaQuantity: 0,
    quotaCents: 0,
    planTermsId: terms.id,
    freeCents: 0,
    freeReason: null,
    discountPct: p.discountCents > 0 ? d.pct : 0,
    discountCents: p.discountCents,
    discountRuleId: p.discountCents > 0 ? d.id : null,
    chargeCents: p.chargeCents,
  };
}
