// A price rule or a plan's terms in words, for the grid and its history: "12 €/h", "25 €/kg",
// "50 %", "1 mois offert", "250 € par mois · 2 h de machine par mois".
import type { TFunction } from 'i18next';
import type { PlanTermsView, PriceRuleView } from '../../electron/api/types';
import { formatUnitPrice } from '../ledger/amounts';
import { formatDuration, formatMoney, type Lang } from '../lib/format';

export function ruleValueText(r: PriceRuleView, t: TFunction, lang: Lang, currency: string): string {
  if (!r.active) return t('pricing.off');
  switch (r.kind) {
    case 'category_discount':
      return t('pricing.percent', { value: r.discountPct ?? 0 });
    case 'first_month_free':
      return t('pricing.freeMonths', { count: r.months ?? 1 });
    default:
      return (r.unit ? formatUnitPrice(r.priceCents, r.perQuantity, r.unit, currency, lang, t) : null) ?? t('pricing.noPrice');
  }
}

export function planValueText(p: PlanTermsView, t: TFunction, lang: Lang, currency: string): string {
  if (!p.active) return t('pricing.off');
  const parts = [t(`pricing.planPrice.${p.period}`, { price: formatMoney(p.priceCents, currency, lang) })];
  if (p.coversCoworking) parts.push(p.includedDays === null ? t('pricing.daysUnlimited') : t('pricing.days', { count: p.includedDays }));
  if (p.machineMinutesPerMonth > 0) parts.push(t('pricing.machineTime', { time: formatDuration(p.machineMinutesPerMonth * 60, lang) }));
  return parts.join(' · ');
}

/** The typed price of a rule in the unit people pay in (per hour, per kg…), in cents. */
export function typedPriceCents(r: Pick<PriceRuleView, 'priceCents' | 'perQuantity' | 'unit'>): number {
  if (r.priceCents === null || r.perQuantity === null || r.perQuantity <= 0) return 0;
  switch (r.unit) {
    case 's':
      return Math.round((r.priceCents * 3600) / r.perQuantity);
    case 'g':
      return Math.round((r.priceCents * 1000) / r.perQuantity);
    default:
      return Math.round(r.priceCents / r.perQuantity);
  }
}
