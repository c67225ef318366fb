// The units things are counted and priced in. A material bought by the kilogram is stocked and used
// by the gram; sheets and metres are their own base unit.
import type { StockUnit } from '../../api/models';

export type MaterialUnit = 'kg' | 'sheet' | 'm';

/** The base unit a material is stocked and charged in, and how many of it make one material unit. */
export function stockUnitOf(unit: MaterialUnit): { unit: StockUnit; perMaterialUnit: number } {
  return unit === 'kg' ? { unit: 'g', perMaterialUnit: 1000 } : { unit, perMaterialUnit: 1 };
}

/** The largest quantity one sale line, manual log or correction may carry, per base unit. */
export const maxQuantity: Record<StockUnit | 's', number> = {
  g: 100_000,
  sheet: 1000,
  m: 1000,
  item: 1000,
  s: 24 * 3600,
};

/** Quantities are kept to a sensible precision (whole seconds, centigrams, millimetres), half away from zero. */
export function roundQuantity(q: number, unit: string): number {
  const step = unit === 's' || unit === 'day' || unit === 'item' || unit === 'sheet' || unit === 'period' ? 1 : unit === 'm' ? 1000 : 100;
  return (Math.sign(q) * Math.round(Math.abs(q) * step + 1e-9)) / step;
}
