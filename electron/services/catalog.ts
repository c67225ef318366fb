// What the place offers and charges: profile categories, plans and materials.
import type { Catalog, Localized, Material, Plan } from '../api/models';
import type { Store } from '../store';

export function readCatalog(store: Store): Catalog {
  const db = store.db;
  const profiles = (
    db.prepare('SELECT code, name_fr, name_en FROM profile_categories ORDER BY sort').all() as {
      code: string;
      name_fr: string;
      name_en: string;
    }[]
  ).map((r) => ({ id: r.code, name: { fr: r.name_fr, en: r.name_en } }));
  const plans = (
    db.prepare('SELECT * FROM plans WHERE active = 1 ORDER BY price_cents DESC').all() as {
      code: string;
      name_fr: string;
      name_en: string;
      price_cents: number;
      period: Plan['period'];
      included_days: number | null;
      description_json: string;
    }[]
  ).map(
    (r): Plan => ({
      id: r.code,
      name: { fr: r.name_fr, en: r.name_en },
      priceCents: r.price_cents,
      period: r.period,
      includedDays: r.included_days,
      description: JSON.parse(r.description_json) as Localized,
    }),
  );
  const materials = (
    db.prepare('SELECT * FROM materials ORDER BY kind, name_fr').all() as {
      code: string;
      kind: Material['kind'];
      name_fr: string;
      name_en: string;
      unit: Material['unit'];
      price_cents: number;
      stock_qty: number;
    }[]
  ).map(
    (r): Material => ({
      id: r.code,
      kind: r.kind,
      name: { fr: r.name_fr, en: r.name_en },
      unit: r.unit,
      priceCents: r.price_cents,
      stock: r.stock_qty,
    }),
  );
  const site = db.prepare('SELECT first_month_free FROM sites LIMIT 1').get() as { first_month_free: number } | undefined;
  return { profiles, plans, materials, firstMonthFree: site?.first_month_free === 1 };
}
