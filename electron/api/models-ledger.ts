// What the ledger, shop, stock and pricing procedures return. Re-exported by models.ts.
// Money in integer cents. Entries are signed from the member's side: a charge is negative, a payment
// positive, and a balance is their sum (negative: the member owes the lab). Quotes count what is to pay,
// so their figures are positive.
import type { Localized } from './models';

export type LedgerKind = 'machine_time' | 'material' | 'coworking_day' | 'shop_sale' | 'subscription' | 'payment';
export type LedgerSource = 'job' | 'manual' | 'visit' | 'shop' | 'subscription' | 'payment' | 'correction';
/** Base units: seconds, grams, square millimetres, sheets, metres, days, items, a plan period. */
export type LedgerUnit = 's' | 'g' | 'mm2' | 'sheet' | 'm' | 'day' | 'item' | 'period';
export type StockUnit = 'g' | 'sheet' | 'm' | 'item';
export type PaymentMethod = 'cash' | 'card' | 'cheque' | 'transfer';
export type SalePaymentMethod = 'cash' | 'card' | 'cheque' | 'account';
/** What a category discount or a free period applies to. */
export type PriceScope = 'machine_time' | 'material' | 'shop_item' | 'coworking_day' | 'subscription';

/** One priced line, as quoted before a job and as kept with the entry it became. */
export interface PriceLine {
  kind: LedgerKind;
  /**
   * i18n key of the line's label (`ledger.line.machine_time`...) and its values: `code`, `nameFr` and
   * `nameEn` of the machine, material, item or plan (the translation's `{{name}}` takes the one of the
   * screen's language), `day`, `start`, `end` (YYYY-MM-DD).
   */
  labelKey: string;
  labelParams: Record<string, string | number>;
  quantity: number;
  unit: LedgerUnit;
  /** The unit price: `priceCents` for `perQuantity` units (300 for 3600 s is 3 €/h); null: no price set. */
  priceCents: number | null;
  perQuantity: number | null;
  priceRuleId: string | null;
  grossCents: number;
  /** Part of the quantity the member's plan includes, and its value. */
  quotaQuantity: number;
  quotaCents: number;
  planTermsId: string | null;
  /** Waived by a free period: `first_month` (machine time, first month after joining), `first_visit`. */
  freeCents: number;
  freeReason: 'first_month' | 'first_visit' | null;
  discountPct: number;
  discountCents: number;
  discountRuleId: string | null;
  /** What is left to pay: gross − quota − free − discount (≥ 0). */
  chargeCents: number;
}

/** A prepared job (or a manual use) priced before it happens. */
export interface Quote {
  at: string;
  memberId: string | null;
  profileCategory: string | null;
  planId: string | null;
  currency: string;
  lines: PriceLine[];
  grossCents: number;
  quotaCents: number;
  freeCents: number;
  discountCents: number;
  /** To pay (≥ 0). */
  totalCents: number;
  /** Machine seconds of the plan left this month before this job (null: no machine quota). */
  machineQuotaLeftS: number | null;
}

export interface NamedRef {
  id: string;
  code: string;
  name: Localized;
}

export interface LedgerEntryView {
  id: string;
  occurredAt: string;
  /** Paris calendar day (YYYY-MM-DD). */
  day: string;
  createdAt: string;
  kind: LedgerKind;
  source: LedgerSource;
  memberId: string | null;
  memberName: string | null;
  visitorLabel: string | null;
  /** Code of the member's profile category when it happened. */
  profileCategory: string | null;
  machine: NamedRef | null;
  material: NamedRef | null;
  shopItem: NamedRef | null;
  jobId: string | null;
  visitId: string | null;
  saleId: string | null;
  subscriptionId: string | null;
  correctsId: string | null;
  /** Corrections written against this entry, oldest first. */
  correctedBy: string[];
  quantity: number;
  unit: LedgerUnit;
  priceCents: number | null;
  perQuantity: number | null;
  priceRuleId: string | null;
  grossCents: number;
  quotaQuantity: number;
  quotaCents: number;
  freeCents: number;
  discountPct: number;
  discountCents: number;
  /** Signed: negative for a charge, positive for a payment. */
  amountCents: number;
  paymentMethod: SalePaymentMethod | PaymentMethod | null;
  periodStart: string | null;
  periodEnd: string | null;
  lines: PriceLine[];
  reason: string | null;
  recordedBy: string | null;
}

export interface LedgerPage {
  entries: LedgerEntryView[];
  /** Entries matching the filter (all pages). */
  total: number;
  /** Sum of `amountCents` over every matching entry (all pages). */
  sumCents: number;
  /** The member's balance when the page is about one member; null otherwise. */
  balanceCents: number | null;
  offset: number;
  limit: number;
}

export interface ShopProduct {
  /** The material's or shop item's code. */
  id: string;
  type: 'material' | 'item';
  /** Material kind (`filament`, `sheet`, ...) or `item`. */
  kind: string;
  name: Localized;
  /** Quantities are given in this unit (g for filament sold by the kg). */
  unit: StockUnit;
  /** The price: `priceCents` for `perQuantity` units; null if none is set (not for sale). */
  priceCents: number | null;
  perQuantity: number | null;
  /** Level on the shelf, in `unit`. */
  stock: number;
  lowStock: boolean;
}

export interface SaleResult {
  saleId: string;
  memberId: string | null;
  visitorLabel: string | null;
  paymentMethod: SalePaymentMethod;
  totalCents: number;
  entries: LedgerEntryView[];
  /** The member's balance after the sale (null for a visitor). */
  balanceCents: number | null;
  /** Products of the sale now at or under their alert level. */
  lowStock: StockLevel[];
}

export interface StockLevel {
  productId: string;
  type: 'material' | 'item';
  name: Localized;
  unit: StockUnit;
  level: number;
  lowStockQty: number | null;
  low: boolean;
  lastMovementAt: string | null;
}

export interface StockMovementView {
  id: string;
  at: string;
  productId: string;
  kind: 'initial' | 'sale' | 'job' | 'manual_use' | 'restock' | 'inventory';
  quantity: number;
  unit: StockUnit;
  countedQty: number | null;
  costCents: number | null;
  entryId: string | null;
  jobId: string | null;
  saleId: string | null;
  reason: string | null;
  recordedBy: string | null;
}

export interface PriceRuleView {
  id: string;
  key: string;
  kind: 'machine_time' | 'material' | 'shop_item' | 'coworking_day' | 'category_discount' | 'first_month_free';
  effectiveFrom: string;
  active: boolean;
  /** This version is the one in force at the grid's date. */
  inForce: boolean;
  machine: NamedRef | null;
  material: NamedRef | null;
  shopItem: NamedRef | null;
  profileCategory: string | null;
  scope: PriceScope | null;
  priceCents: number | null;
  perQuantity: number | null;
  unit: LedgerUnit | null;
  discountPct: number | null;
  months: number | null;
  changedBy: string | null;
  reason: string | null;
}

export interface PlanTermsView {
  id: string;
  planId: string;
  name: Localized;
  effectiveFrom: string;
  active: boolean;
  inForce: boolean;
  priceCents: number;
  period: 'month' | 'quarter' | 'year' | 'once';
  includedDays: number | null;
  coversCoworking: boolean;
  machineMinutesPerMonth: number;
  changedBy: string | null;
  reason: string | null;
}

export interface PricingGrid {
  at: string;
  currency: string;
  /** Versions in force at `at` (and, with `history`, every version, newest first per rule). */
  rules: PriceRuleView[];
  plans: PlanTermsView[];
  /** Versions that take effect after `at`. */
  scheduled: Array<PriceRuleView | PlanTermsView>;
}

export interface SubscriptionView {
  id: string;
  memberId: string;
  planId: string;
  periodStart: string;
  periodEnd: string;
  priceCents: number;
  entry: LedgerEntryView;
  balanceCents: number;
}

/** What a ledger write returns: the entries written and the member's balance after it (null for a visitor). */
export interface LedgerWriteResult {
  entries: LedgerEntryView[];
  balanceCents: number | null;
}

/** The material a laser/CNC (or print) job is charged for, as its maker declared it. */
export interface JobMaterialDeclaration {
  jobId: string;
  /** Material code; null: the job's own material. */
  materialId: string | null;
  sheets: number;
}
