// Writing and reading ledger entries. Entries are only ever inserted (the store's triggers refuse any
// change); every insert goes through the row writer, so it reaches the outbox in the same transaction.
import type { LedgerEntryView, LedgerKind, LedgerPage, LedgerSource, LedgerUnit, PriceLine } from '../../api/models';
import type { Store } from '../../store';
import type { Db } from '../../store/db';
import type { RowValues } from '../../store/rows';
import { parisDay } from '../dates';
import type { Payer } from './refs';

export interface EntryRow {
  id: string;
  created_at: string;
  occurred_at: string;
  day: string;
  kind: LedgerKind;
  source: LedgerSource;
  member_id: string | null;
  visitor_label: string | null;
  profile_category_id: string | null;
  machine_id: string | null;
  material_id: string | null;
  shop_item_id: string | null;
  job_id: string | null;
  visit_id: string | null;
  sale_id: string | null;
  subscription_id: string | null;
  corrects_id: string | null;
  quantity: number;
  unit: LedgerUnit;
  price_rule_id: string | null;
  plan_terms_id: string | null;
  price_cents: number | null;
  per_quantity: number | null;
  gross_cents: number;
  quota_quantity: number;
  quota_cents: number;
  free_cents: number;
  discount_rule_id: string | null;
  discount_pct: number;
  discount_cents: number;
  amount_cents: number;
  payment_method: LedgerEntryView['paymentMethod'];
  period_start: string | null;
  period_end: string | null;
  pricing_json: string;
  reason: string | null;
  recorded_by: string | null;
}

export interface EntryRefs {
  machineId?: string | null;
  materialId?: string | null;
  shopItemId?: string | null;
  jobId?: string | null;
  visitId?: string | null;
  saleId?: string | null;
  subscriptionId?: string | null;
}

interface Common {
  occurredAt: string;
  source: LedgerSource;
  payer: Payer;
  refs?: EntryRefs;
  paymentMethod?: LedgerEntryView['paymentMethod'];
  period?: { start: string; end: string };
  reason?: string | null;
  recordedBy?: string | null;
}

function commonValues(c: Common): RowValues {
  const r = c.refs ?? {};
  return {
    occurred_at: c.occurredAt,
    day: parisDay(new Date(c.occurredAt)),
    source: c.source,
    member_id: c.payer.memberId,
    visitor_label: c.payer.memberId ? null : c.payer.visitorLabel,
    profile_category_id: c.payer.categoryId,
    machine_id: r.machineId ?? null,
    material_id: r.materialId ?? null,
    shop_item_id: r.shopItemId ?? null,
    job_id: r.jobId ?? null,
    visit_id: r.visitId ?? null,
    sale_id: r.saleId ?? null,
    subscription_id: r.subscriptionId ?? null,
    payment_method: c.paymentMethod ?? null,
    period_start: c.period?.start ?? null,
    period_end: c.period?.end ?? null,
    reason: c.reason ?? null,
    recorded_by: c.recordedBy ?? null,
  };
}

/** A charge priced by `line`: its amount is minus what is left to pay. */
export function insertCharge(store: Store, c: Common & { line: PriceLine }): string {
  const l = c.line;
  return store.writer.insert('ledger_entries', {
    ...commonValues(c),
    kind: l.kind,
    quantity: l.quantity,
    unit: l.unit,
    price_rule_id: l.priceRuleId,
    plan_terms_id: l.planTermsId,
    price_cents: l.priceCents,
    per_quantity: l.perQuantity,
    gross_cents: l.grossCents,
    quota_quantity: l.quotaQuantity,
    quota_cents: l.quotaCents,
    free_cents: l.freeCents,
    discount_rule_id: l.discountRuleId,
    discount_pct: l.discountPct,
    discount_cents: l.discountCents,
    amount_cents: -l.chargeCents,
    pricing_json: JSON.stringify({ lines: [l] }),
  });
}

/** Money received: a positive entry. */
export function insertPayment(store: Store, c: Common & { amountCents: number }): string {
  return store.writer.insert('ledger_entries', {
    ...commonValues(c),
    kind: 'payment',
    quantity: 1,
    unit: 'item',
    gross_cents: c.amountCents,
    amount_cents: c.amountCents,
    pricing_json: '{}',
  });
}

/** A correction: the difference between the corrected net and the net so far, same kind as the original. */
export function insertCorrection(store: Store, original: EntryRow, c: { occurredAt: string; quantityDelta: number; amountDelta: number; reason: string; recordedBy: string | null }): string {
  return store.writer.insert('ledger_entries', {
    occurred_at: c.occurredAt,
    day: parisDay(new Date(c.occurredAt)),
    kind: original.kind,
    source: 'correction',
    member_id: original.member_id,
    visitor_label: original.visitor_label,
    profile_category_id: original.profile_category_id,
    machine_id: original.machine_id,
    material_id: original.material_id,
    shop_item_id: original.shop_item_id,
    job_id: original.job_id,
    visit_id: original.visit_id,
    sale_id: original.sale_id,
    subscription_id: original.subscription_id,
    corrects_id: original.id,
    quantity: c.quantityDelta,
    unit: original.unit,
    price_cents: original.price_cents,
    per_quantity: original.per_quantity,
    amount_cents: c.amountDelta,
    payment_method: original.payment_method,
    period_start: original.period_start,
    period_end: original.period_end,
    pricing_json: '{}',
    reason: c.reason,
    recorded_by: c.recordedBy,
  });
}

export function entryRow(db: Db, id: string): EntryRow | undefined {
  return db.prepare('SELECT * FROM ledger_entries WHERE id = ?').get(id) as EntryRow | undefined;
}

/** A member's balance: the sum of their entries (negative: they owe the lab). */
export function memberBalance(db: Db, memberId: string): number {
  return db.prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE member_id = ?').pluck().get(memberId) as number;
}

export interface EntryFilter {
  memberId?: string | undefined;
  /** Only entries without a member (anonymous shop sales). */
  visitorsOnly?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kind?: LedgerKind | undefined;
  source?: LedgerSource | undefined;
  jobId?: string | undefined;
  saleId?: string | undefined;
  limit: number;
  offset: number;
}

interface JoinedEntry extends EntryRow {
  member_name: string | null;
  category_code: string | null;
  machine_code: string | null;
  machine_name: string | null;
  material_code: string | null;
  material_fr: string | null;
  material_en: string | null;
  item_code: string | null;
  item_fr: string | null;
  item_en: string | null;
  recorder_name: string | null;
  corrected_by: string | null;
}

const selectJoined = `SELECT e.*, mb.display_name AS member_name, pc.code AS category_code,
    mc.code AS machine_code, mc.name AS machine_name, mt.code AS material_code, mt.name_fr AS material_fr, mt.name_en AS material_en,
    si.code AS item_code, si.name_fr AS item_fr, si.name_en AS item_en, rb.display_name AS recorder_name,
    (SELECT group_concat(c.id) FROM (SELECT id FROM ledger_entries WHERE corrects_id = e.id ORDER BY id) c) AS corrected_by
  FROM ledger_entries e
  LEFT JOIN members mb ON mb.id = e.member_id
  LEFT JOIN profile_categories pc ON pc.id = e.profile_category_id
  LEFT JOIN machines mc ON mc.id = e.machine_id
  LEFT JOIN materials mt ON mt.id = e.material_id
  LEFT JOIN shop_items si ON si.id = e.shop_item_id
  LEFT JOIN members rb ON rb.id = e.recorded_by`;

function where(f: EntryFilter): { sql: string; args: Array<string | number> } {
  const w: string[] = [];
  const args: Array<string | number> = [];
  const add = (clause: string, ...values: Array<string | number>) => {
    w.push(clause);
    args.push(...values);
  };
  if (f.memberId) add('e.member_id = ?', f.memberId);
  if (f.visitorsOnly) add('e.member_id IS NULL');
  if (f.from) add('e.day >= ?', f.from);
  if (f.to) add('e.day <= ?', f.to);
  if (f.kind) add('e.kind = ?', f.kind);
  if (f.source) add('e.source = ?', f.source);
  if (f.jobId) add('e.job_id = ?', f.jobId);
  if (f.saleId) add('e.sale_id = ?', f.saleId);
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', args };
}

export function listEntries(db: Db, f: EntryFilter): LedgerPage {
  const w = where(f);
  const totals = db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(e.amount_cents), 0) AS s FROM ledger_entries e ${w.sql}`).get(...w.args) as { n: number; s: number };
  const rows = db.prepare(`${selectJoined} ${w.sql} ORDER BY e.occurred_at DESC, e.id DESC LIMIT ? OFFSET ?`).all(...w.args, f.limit, f.offset) as JoinedEntry[];
  return {
    entries: rows.map(toView),
    total: totals.n,
    sumCents: totals.s,
    balanceCents: f.memberId ? memberBalance(db, f.memberId) : null,
    offset: f.offset,
    limit: f.limit,
  };
}

export function entryView(db: Db, id: string): LedgerEntryView | null {
  const r = db.prepare(`${selectJoined} WHERE e.id = ?`).get(id) as JoinedEntry | undefined;
  return r ? toView(r) : null;
}

function toView(r: JoinedEntry): LedgerEntryView {
  const pricing = JSON.parse(r.pricing_json) as { lines?: PriceLine[] };
  return {
    id: r.id,
    occurredAt: r.occurred_at,
    day: r.day,
    createdAt: r.created_at,
    kind: r.kind,
    source: r.source,
    memberId: r.member_id,
    memberName: r.member_name,
    visitorLabel: r.visitor_label,
    profileCategory: r.category_code,
    machine: r.machine_id && r.machine_code ? { id: r.machine_id, code: r.machine_code, name: { fr: r.machine_name!, en: r.machine_name! } } : null,
    material: r.material_id && r.material_code ? { id: r.material_id, code: r.material_code, name: { fr: r.material_fr!, en: r.material_en! } } : null,
    shopItem: r.shop_item_id && r.item_code ? { id: r.shop_item_id, code: r.item_code, name: { fr: r.item_fr!, en: r.item_en! } } : null,
    jobId: r.job_id,
    visitId: r.visit_id,
    saleId: r.sale_id,
    subscriptionId: r.subscription_id,
    correctsId: r.corrects_id,
    correctedBy: r.corrected_by ? r.corrected_by.split(',') : [],
    quantity: r.quantity,
    unit: r.unit,
    priceCents: r.price_cents,
    perQuantity: r.per_quantity,
    priceRuleId: r.price_rule_id,
    grossCents: r.gross_cents,
    quotaQuantity: r.quota_quantity,
    quotaCents: r.quota_cents,
    freeCents: r.free_cents,
    discountPct: r.discount_pct,
    discountCents: r.discount_cents,
    amountCents: r.amount_cents,
    paymentMethod: r.payment_method,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    lines: pricing.lines ?? [],
    reason: r.reason,
    recordedBy: r.recorder_name,
  };
}
