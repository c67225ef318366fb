// Stock is counted in base units (grams of filament, sheets, metres, items); people count a shelf in
// kilograms, sheets, metres and items. What a manager types on the keypad for a restock, an inventory
// or an alert level, and how it becomes the base unit the back end takes.
import type { StockUnit } from '../../electron/api/types';

export interface TypedUnit {
  /** Base units per typed unit (1000 g in a kg). */
  factor: number;
  /** Decimals the keypad allows. */
  decimals: number;
  /** What is typed: `kg`, `sheet`, `m`, `item`. */
  typed: 'kg' | 'sheet' | 'm' | 'item';
}

export function typedUnit(unit: StockUnit): TypedUnit {
  switch (unit) {
    case 'g':
      return { factor: 1000, decimals: 3, typed: 'kg' };
    case 'm':
      return { factor: 1, decimals: 2, typed: 'm' };
    case 'sheet':
      return { factor: 1, decimals: 0, typed: 'sheet' };
    case 'item':
      return { factor: 1, decimals: 0, typed: 'item' };
  }
}

/** A typed quantity in base units (2,5 kg → 2500 g), rounded to the gram or the centimetre. */
export function toBase(typed: number, unit: StockUnit): number {
  const { factor, decimals } = typedUnit(unit);
  const base = typed * factor;
  return unit === 'g' ? Math.round(base) : Math.round(base * 10 ** decimals) / 10 ** decimals;
}

/** A base quantity as the keypad shows it for editing (2500 g → "2,5"). */
export function fromBase(base: number, unit: StockUnit, lang: 'fr' | 'en'): string {
  const { factor, decimals } = typedUnit(unit);
  const v = Math.round((base / factor) * 10 ** decimals) / 10 ** decimals;
  const s = String(v);
  return lang === 'fr' ? s.replace('.', ',') : s;
}
