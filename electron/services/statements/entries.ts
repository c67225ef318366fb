// Ledger entries as statements, invoices and the detailed CSV read them: with the names of what they
// are about (machine, material, shop item, plan) and, for a correction, of the entry it corrects.
import type { LedgerKind, LedgerSource, LedgerUnit } from '../../api/models';
import type { Store } from '../../store';

export interface EntryRow {
  id: string;
  occurred_at: string;
  day: string;
  kind: LedgerKind;
  source: LedgerSource;
  member_id: string | null;
  member_name: string | null;
  visitor_label: string | null;
  category_code: string | null;
  machine_id: string | null;
  machine_name: string | null;
  material_id: string | null;
  material_fr: string | null;
  material_en: string | null;
  item_fr: string | null;
  item_en: string | null;
  plan_fr: string | null;
  plan_en: string | null;
  sale_id: string | null;
  corrects_id: string | null;
  corrected_source: LedgerSource | null;
  quantity: number;
  unit: LedgerUnit;
  price_cents: number | null;
  per_quantity: number | null;
  gross_cents: number;
  quota_cents: number;
  free_cents: number;
  discount_pct: number;
  discount_cents: number;
  amount_cents: number;
  payment_method: string | null;
  period_start: string | null;
  period_end: string | null;
  reason: string | null;
}

// A correction may or may not repeat what its original points at: the original's references fill in.
const select = /* sql */ `
SELECT e.id, e.occurred_at, e.day, e.kind, e.source, e.member_id, mb.display_name AS member_name, e.visitor_label,
  c.code AS category_code,
  COALESCE(e.machine_id, o.machine_id) AS machine_id, ma.name AS machine_name,
  COALESCE(e.material_id, o.material_id) AS material_id, mt.name_fr AS material_fr, mt.name_en AS material_en,
  si.name_fr AS item_fr, si.name_en AS item_en, pl.name_fr AS plan_fr, pl.name_en AS plan_en,
  COALESCE(e.sale_id, o.sale_id) AS sale_id, e.corrects_id, o.source AS corrected_source,
  e.quantity, e.unit, e.price_cents, e.per_quantity, e.gross_cents, e.quota_cents, e.free_cents, e.discount_pct,
  e.discount_cents, e.amount_cents, COALESCE(e.payment_method, o.payment_method) AS payment_method,
  COALESCE(e.period_start, o.period_start) AS period_start, COALESCE(e.period_end, o.period_end) AS period_end, e.reason
FROM ledger_entries e
LEFT JOIN ledger_entries o ON o.id = e.corrects_id
LEFT JOIN members mb ON mb.id = e.member_id
LEFT JOIN profile_categories c ON c.id = e.profile_category_id
LEFT JOIN machines ma ON ma.id = COALESCE(e.machine_id, o.machine_id)
LEFT JOIN materials mt ON mt.id = COALESCE(e.material_id, o.material_id)
LEFT JOIN shop_items si ON si.id = COALESCE(e.shop_item_id, o.shop_item_id)
LEFT JOIN subscriptions s ON s.id = COALESCE(e.subscription_id, o.subscription_id)
LEFT JOIN plans pl ON pl.id = s.plan_id`;

const order = 'ORDER BY e.day, e.occurred_at, e.id';

/** One member's entries of the period, in the order they happened. */
export function memberEntries(store: Store, memberId: string, from: string, to: string): EntryRow[] {
  return store.db.prepare(`${select} WHERE e.member_id = ? AND e.day BETWEEN ? AND ? ${order}`).all(memberId, from, to) as EntryRow[];
}

/** Every entry of the period (members and visitors), in the order they happened. */
export function periodEntries(store: Store, from: string, to: string): EntryRow[] {
  return store.db.prepare(`${select} WHERE e.day BETWEEN ? AND ? ${order}`).all(from, to) as EntryRow[];
}

/** What a member owes (negative) or has in credit before a day, or overall. */
export function balanceBefore(store: Store, memberId: string, day: string | null): number {
  const sql = day === null
    ? 'SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE member_id = ?'
    : 'SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE member_id = ? AND day < ?';
  return store.db.prepare(sql).pluck().get(...(day === null ? [memberId] : [memberId, day])) as number;
}

/** What the plan, a free period and the category discount took off an original charge. */
export function reductionOf(e: EntryRow): number {
  return e.source === 'correction' ? 0 : e.quota_cents + e.free_cents + e.discount_cents;
}
