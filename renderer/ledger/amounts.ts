// How the ledger's figures read on the kiosk: balances in words a member understands (owes, in
// advance), quantities in the unit people count in (a duration, kilograms, sheets), unit prices
// ("4,50 € la plaque", "3 €/h"), a line's label in the screen's language, and amounts typed on the
// keypad back into cents.
import type { TFunction } from 'i18next';
import type { LedgerEntryView, LedgerUnit, PriceLine } from '../../electron/api/types';
import { formatDuration, formatMoney, formatNumber, localeOf, type Lang } from '../lib/format';

export type BalanceState = 'due' | 'advance' | 'settled';

/** The ledger signs from the member's side: negative means they owe the lab. */
export function balanceState(cents: number): BalanceState {
  return cents < 0 ? 'due' : cents > 0 ? 'advance' : 'settled';
}

function measure(value: number, unit: 'gram' | 'kilogram' | 'meter', lang: Lang, digits: number): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}

/** A quantity in its base unit, as people say it: "1 h 30 min", "1,2 kg", "2 plaques", "3,5 m", "1 jour". */
export function formatQuantity(quantity: number, unit: LedgerUnit, lang: Lang, t: TFunction): string {
  const formatted = formatNumber(quantity, lang, 2);
  const count = Math.abs(quantity) === 1 ? 1 : Math.round(Math.abs(quantity)) === Math.abs(quantity) ? Math.abs(quantity) : 2;
  switch (unit) {
    case 's':
      return quantity < 0 ? `−${formatDuration(-quantity, lang)}` : formatDuration(quantity, lang);
    case 'g':
      return Math.abs(quantity) >= 1000 ? measure(quantity / 1000, 'kilogram', lang, 2) : measure(quantity, 'gram', lang, 0);
    case 'mm2':
      return `${formatNumber(quantity / 1_000_000, lang, 3)} m²`;
    case 'm':
      return measure(quantity, 'meter', lang, 2);
    case 'sheet':
      return t('ledger.qty.sheet', { count, formatted });
    case 'day':
      return t('ledger.qty.day', { count, formatted });
    case 'item':
      return t('ledger.qty.item', { count, formatted });
    case 'period':
      return t('ledger.qty.period', { count, formatted });
  }
}

/**
 * A unit price: `priceCents` for `perQuantity` base units, in the unit people buy in (per hour for
 * seconds, per kg for grams). Null when no price is set.
 */
export function formatUnitPrice(priceCents: number | null, perQuantity: number | null, unit: LedgerUnit, currency: string, lang: Lang, t: TFunction): string | null {
  if (priceCents === null || perQuantity === null || perQuantity <= 0) return null;
  const money = (c: number) => formatMoney(Math.round(c), currency, lang);
  switch (unit) {
    case 's':
      return t('ledger.per.h', { price: money((priceCents * 3600) / perQuantity) });
    case 'g':
      return t('ledger.per.kg', { price: money((priceCents * 1000) / perQuantity) });
    case 'mm2':
      return t('ledger.per.m2', { price: money((priceCents * 1_000_000) / perQuantity) });
    case 'm':
      return t('ledger.per.m', { price: money(priceCents / perQuantity) });
    case 'sheet':
      return t('ledger.per.sheet', { price: money(priceCents / perQuantity) });
    case 'day':
      return t('ledger.per.day', { price: money(priceCents / perQuantity) });
    case 'item':
    case 'period':
      return t('ledger.per.item', { price: money(priceCents / perQuantity) });
  }
}

const lineKeys = ['machine_time', 'material', 'shop_material', 'shop_item', 'coworking_day', 'subscription'] as const;
type LineKey = (typeof lineKeys)[number];
const isLineKey = (k: string): k is LineKey => (lineKeys as readonly string[]).includes(k);

/** A priced line's label (`ledger.line.*` with the thing's name in the screen's language). */
export function priceLineLabel(line: Pick<PriceLine, 'labelKey' | 'labelParams' | 'kind'>, t: TFunction, lang: Lang): string {
  const p = line.labelParams;
  const name = String((lang === 'en' ? p.nameEn : p.nameFr) ?? p.nameFr ?? p.code ?? '');
  const key = line.labelKey.startsWith('ledger.line.') ? line.labelKey.slice('ledger.line.'.length) : '';
  const day = typeof p.day === 'string' ? p.day : '';
  if (isLineKey(key)) {
    return t(`ledger.line.${key}`, { name, day, start: String(p.start ?? ''), end: String(p.end ?? '') });
  }
  return t(`ledger.kind.${line.kind}`);
}

/** What an entry is, in one line: its priced line, a payment and how, a correction and why. */
export function entryLabel(e: LedgerEntryView, t: TFunction, lang: Lang): string {
  const pickName = (r: { code: string; name: { fr: string; en: string } } | null) => (r ? (lang === 'en' ? r.name.en : r.name.fr) || r.name.fr || r.code : '');
  let base: string;
  const first = e.lines[0];
  if (first) base = priceLineLabel(first, t, lang);
  else if (e.kind === 'payment') base = e.paymentMethod ? t('ledger.entry.paymentBy', { method: t(`ledger.payment.${e.paymentMethod}`) }) : t('ledger.kind.payment');
  else {
    const what = pickName(e.machine) || pickName(e.material) || pickName(e.shopItem);
    base = what ? t('ledger.entry.kindOf', { kind: t(`ledger.kind.${e.kind}`), name: what }) : t(`ledger.kind.${e.kind}`);
  }
  if (e.source === 'correction') return e.reason ? t('ledger.entry.correctionOf', { label: base, reason: e.reason }) : t('ledger.entry.correction', { label: base });
  return base;
}

/** The largest amount a keypad takes: the API's own limit (100 000 €). */
export const maxAmountCents = 10_000_000;

/**
 * An amount typed on the keypad ("12", "12,5", "12.50") in cents; null when it is not one (empty, more
 * than two decimals, too large).
 */
export function parseAmount(text: string): number | null {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d{1,6}(\.\d{0,2})?$/.test(s)) return null;
  const [whole = '0', frac = ''] = s.split('.');
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return cents <= maxAmountCents ? cents : null;
}

/** A decimal number typed on the keypad ("2,5"); null if it is not one. */
export function parseDecimal(text: string, maxDecimals = 3): number | null {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  const re = new RegExp(`^\\d{1,7}(\\.\\d{0,${maxDecimals}})?$`);
  if (!re.test(s)) return null;
  return Number(s);
}

/** Cents as the keypad shows them for editing ("12,5" → "12,50"; whole euros without decimals). */
export function amountText(cents: number, lang: Lang): string {
  const sep = lang === 'fr' ? ',' : '.';
  const whole = Math.trunc(Math.abs(cents) / 100);
  const rest = Math.abs(cents) % 100;
  return rest === 0 ? String(whole) : `${whole}${sep}${String(rest).padStart(2, '0')}`;
}
