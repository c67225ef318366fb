// The price of a prepared job in words and figures: each line's quantity in its unit, its amount, the
// total. Pure (the translation function is given).
import { formatDuration, formatNumber, formatUnit, type Lang } from '../lib/format';

type T = (key: string, options?: Record<string, unknown>) => string;

/** A quantity in the unit the ledger counts it in (seconds, grams, square millimetres, sheets…). */
export function quantityText(quantity: number, unit: string, lang: Lang, t: T): string {
  switch (unit) {
    case 's':
      return formatDuration(quantity, lang);
    case 'g':
      return formatUnit(quantity, 'gram', lang, quantity < 100 ? 1 : 0);
    case 'mm2':
      // A maker thinks of a sheet's area in cm².
      return `${formatNumber(quantity / 100, lang, 1)} cm²`;
    case 'm':
      return formatUnit(quantity, 'meter', lang, 2);
    case 'mm':
      return formatUnit(quantity, 'millimeter', lang, 0);
    case 'sheet':
      return t('prepare.quote.sheets', { count: quantity, formatted: formatNumber(quantity, lang, 2) });
    case 'h':
      return formatDuration(quantity * 3600, lang);
    default:
      return `${formatNumber(quantity, lang, 2)} ${unit}`;
  }
}
