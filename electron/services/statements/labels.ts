// How an entry reads on a statement, an invoice or a CSV line: a label naming what it is about, the
// quantity in a unit people read (hours rather than seconds), the unit price and what was taken off.
import type { LedgerUnit, Localized } from '../../api/models';
import { formats, reportTranslator, type Formats, type Translate } from '../reports/i18n';
import type { EntryRow } from './entries';

/** The unit a base unit is read in, and how many base units make one of it. */
const shown: Record<LedgerUnit, { key: string; per: number }> = {
  s: { key: 'h', per: 3600 },
  g: { key: 'g', per: 1 },
  mm2: { key: 'm2', per: 1_000_000 },
  sheet: { key: 'sheet', per: 1 },
  m: { key: 'm', per: 1 },
  day: { key: 'day', per: 1 },
  item: { key: 'item', per: 1 },
  period: { key: 'period', per: 1 },
};
/** Unit prices: filament by the kilogram, the rest by the shown unit. */
const pricedPer: Record<LedgerUnit, { key: string; per: number }> = { ...shown, g: { key: 'kg', per: 1000 } };

export function entryLabel(e: EntryRow, t: Translate, lang: 'fr' | 'en'): string {
  const f = formats(lang);
  const pick = (fr: string | null, en: string | null) => (lang === 'fr' ? fr : en) ?? fr ?? en ?? t('line.unknown');
  const base = (): string => {
    switch (e.kind) {
      case 'machine_time': {
        const machine = e.machine_name ?? t('line.unknown');
        return t((e.corrected_source ?? e.source) === 'manual' ? 'line.machine_time_manual' : 'line.machine_time', { machine });
      }
      case 'material':
        return e.machine_name
          ? t('line.material_on', { material: pick(e.material_fr, e.material_en), machine: e.machine_name })
          : t('line.material', { material: pick(e.material_fr, e.material_en) });
      case 'coworking_day':
        return t('line.coworking_day');
      case 'shop_sale':
        return t('line.shop_sale', { item: e.item_fr || e.item_en ? pick(e.item_fr, e.item_en) : pick(e.material_fr, e.material_en) });
      case 'subscription': {
        const plan = pick(e.plan_fr, e.plan_en);
        return e.period_start && e.period_end && e.period_end < '9999'
          ? t('line.subscription_period', { plan, start: f.shortDay(e.period_start), end: f.shortDay(e.period_end) })
          : t('line.subscription', { plan });
      }
      case 'payment':
        return t('line.payment', { method: t(`method.${e.payment_method ?? 'other'}`) });
    }
  };
  if (e.source !== 'correction') return base();
  return e.reason ? t('line.correction_reason', { label: base(), reason: e.reason }) : t('line.correction', { label: base() });
}

/** The label in both languages, for the API's data. */
export function entryLabels(e: EntryRow): Localized {
  return { fr: entryLabel(e, reportTranslator('fr'), 'fr'), en: entryLabel(e, reportTranslator('en'), 'en') };
}

/** A quantity in the unit people read it in: seconds as hours, mm² as m²; the unit's i18n key with it. */
export function inShownUnit(quantity: number, unit: LedgerUnit): { value: number; unit: string } {
  const s = shown[unit];
  return { value: quantity / s.per, unit: s.key };
}

export function quantityText(quantity: number, unit: LedgerUnit, t: Translate, f: Formats): string {
  const s = shown[unit];
  const value = quantity / s.per;
  return t(`unit.${s.key}`, { value: f.number(value, unit === 's' ? 2 : 3), count: Math.abs(value) === 1 ? 1 : 2 });
}

/** The unit price per the unit it is quoted in (filament per kg, time per hour), in cents (may be fractional). */
export function unitPrice(priceCents: number | null, perQuantity: number | null, unit: LedgerUnit): { cents: number; unit: string } | null {
  if (priceCents === null || perQuantity === null) return null;
  const p = pricedPer[unit];
  return { cents: (priceCents * p.per) / perQuantity, unit: p.key };
}

/** "30,00 €/h", "25,00 €/kg", "4,50 €/plaque"; empty when the entry has no unit price. `scale` divides (VAT). */
export function unitPriceText(priceCents: number | null, perQuantity: number | null, unit: LedgerUnit, t: Translate, f: Formats, scale = 1): string {
  const p = unitPrice(priceCents, perQuantity, unit);
  if (!p) return '';
  return t(`per.${p.unit}`, { price: f.money(Math.round((p.cents / scale) * 100) / 100) });
}

/** What was taken off an original charge and why: "inclus au forfait, remise 50 %". */
export function reductionText(e: EntryRow, t: Translate): string {
  if (e.source === 'correction') return '';
  const parts: string[] = [];
  if (e.quota_cents > 0) parts.push(t('reduction.quota'));
  if (e.free_cents > 0) parts.push(t('reduction.free'));
  if (e.discount_cents > 0) parts.push(t('reduction.discount', { pct: e.discount_pct }));
  return parts.join(', ');
}
