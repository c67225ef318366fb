// What the statement, invoice and report procedures return. Re-exported by models.ts.
// Money in integer cents, signed like the ledger in statements (a charge is negative, a payment
// positive, a balance their sum) and positive where a document counts what the lab earned (invoices,
// revenue). Days are Paris calendar days (YYYY-MM-DD), instants ISO strings; durations in seconds.
import type { Localized } from './models';
import type { LedgerKind, LedgerSource, LedgerUnit, PaymentMethod, SalePaymentMethod } from './models-ledger';

export interface StatementLine {
  entryId: string;
  occurredAt: string;
  day: string;
  kind: LedgerKind;
  source: LedgerSource;
  label: Localized;
  quantity: number;
  unit: LedgerUnit;
  /** The unit price applied: `priceCents` for `perQuantity` units (null for payments and corrections). */
  priceCents: number | null;
  perQuantity: number | null;
  grossCents: number;
  /** Taken off the gross: the plan's quota, a free period and the category discount. */
  reductionCents: number;
  /** Signed: negative for a charge, positive for a payment. */
  amountCents: number;
  /** The balance after this line. */
  balanceCents: number;
  /** The invoice this entry is on, if any. */
  invoiceNumber: string | null;
}

export interface Statement {
  member: { id: string; displayName: string; profileCategory: string };
  from: string;
  to: string;
  /** Sum of every entry before `from`. */
  openingBalanceCents: number;
  lines: StatementLine[];
  /** What the period charged (≥ 0) and what was paid in it (≥ 0). */
  chargesCents: number;
  paymentsCents: number;
  closingBalanceCents: number;
  /** The balance today, entries after `to` included. */
  balanceNowCents: number;
  currency: string;
}

export type VatRegime = 'franchise' | 'vat';

export interface BillingSettings {
  legalName: string;
  legalForm: string;
  /** Street lines, newline-separated. */
  address: string;
  postcode: string;
  town: string;
  siret: string;
  vatRegime: VatRegime;
  /** Basis points: 2000 is 20 %. */
  vatRateBp: number;
  vatNumber: string | null;
  paymentTermsDays: number;
  latePenaltyText: string;
  /** Profile category codes billed as professionals (late payment penalties and the 40 € fee). */
  professionalCategories: string[];
  bankDetails: string | null;
  invoicePrefix: string;
  /** Still the kiosk's placeholder values: every invoice says so until a manager enters the real ones. */
  demo: boolean;
}

export interface InvoiceLine {
  position: number;
  entryId: string;
  day: string;
  kind: LedgerKind;
  label: string;
  quantity: number;
  unit: LedgerUnit;
  quantityText: string;
  unitPriceText: string;
  grossHtCents: number;
  reductionHtCents: number;
  reductionText: string;
  amountHtCents: number;
  amountTtcCents: number;
}

export interface InvoiceBuyer {
  memberId: string;
  name: string;
  email: string | null;
  profileCategory: string;
  address: string | null;
  siret: string | null;
}

export interface InvoiceSummary {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  issuedAt: string;
  issueDay: string;
  dueDay: string;
  memberId: string;
  buyerName: string;
  from: string;
  to: string;
  vatRegime: VatRegime;
  vatRateBp: number;
  totalHtCents: number;
  totalVatCents: number;
  totalTtcCents: number;
  /** Already paid at the counter for the sales it lists. */
  paidCents: number;
  /** What is left to pay (negative: to refund, for a credit note). */
  dueCents: number;
  lineCount: number;
  demo: boolean;
}

export interface InvoiceView extends InvoiceSummary {
  seller: BillingSettings;
  buyer: InvoiceBuyer;
  professional: boolean;
  lines: InvoiceLine[];
  /** The legal mentions printed at the foot, in order. */
  mentions: string[];
}

/** What `invoices.issue` would put on an invoice now, without numbering anything. */
export interface InvoicePreview {
  memberId: string;
  from: string;
  to: string;
  lines: InvoiceLine[];
  totalHtCents: number;
  totalVatCents: number;
  totalTtcCents: number;
  paidCents: number;
}

/** A file made on demand (CSV): bytes in base64. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

export type ReportLanguage = 'fr' | 'en';

export interface ReportTotals {
  /** Members with a visit, a charge or a training in the period. */
  uniqueMembers: number;
  /** Members whose first check-in ever falls in the period. */
  newMembers: number;
  visits: number;
  coworkingDays: number;
  machineTimeS: number;
  /** Jobs sent to the machines that ended in the period (completed or not). */
  jobs: number;
  /** Uses of unconnected machines logged by hand. */
  manualUses: number;
  trainingSessions: number;
  /** Length of the training sessions, and that length times their attendees. */
  trainingS: number;
  traineeS: number;
  certifications: number;
  membersCertified: number;
  /** What the period charged, all kinds but payments (corrections included). */
  revenueCents: number;
  /** What was paid in the period. */
  paymentsCents: number;
  /** SUM(amount_cents) of the period's entries: paymentsCents − revenueCents. */
  ledgerNetCents: number;
  entries: number;
}

export interface CategoryUsage {
  /** Profile category code; null for visitors without an account (shop counter). */
  category: string | null;
  name: Localized;
  /** Members and visits are counted by the member's current category. */
  members: number;
  newMembers: number;
  visits: number;
  membersCertified: number;
  /** Ledger figures are counted by the category recorded with each entry. */
  coworkingDays: number;
  machineTimeS: number;
  revenueCents: number;
}

export interface MachineUsage {
  machineId: string;
  code: string;
  name: string;
  kind: string;
  jobs: number;
  jobsCompleted: number;
  manualUses: number;
  machineTimeS: number;
  revenueCents: number;
}

export interface MonthUsage {
  /** YYYY-MM */
  month: string;
  members: number;
  newMembers: number;
  visits: number;
  coworkingDays: number;
  machineTimeS: number;
  revenueCents: number;
  paymentsCents: number;
}

export interface MaterialUsage {
  materialId: string;
  code: string;
  name: Localized;
  kind: string;
  /** The base unit of the quantities: g, sheet, m, mm2. */
  unit: LedgerUnit;
  /** Used on the machines (jobs, hand-logged uses). */
  usedQuantity: number;
  /** Sold at the shop counter. */
  soldQuantity: number;
  revenueCents: number;
}

export interface TrainingModuleUsage {
  module: string;
  title: Localized;
  sessions: number;
  durationS: number;
  attendees: number;
  certifications: number;
}

export interface TrainingUsage {
  sessions: number;
  durationS: number;
  attendees: number;
  traineeS: number;
  certifications: number;
  membersCertified: number;
  byModule: TrainingModuleUsage[];
}

export interface RevenueLine {
  kind: Exclude<LedgerKind, 'payment'>;
  entries: number;
  /** Sum of the quantities (corrections included), in `unit`; null when the kind mixes units. */
  quantity: number | null;
  unit: LedgerUnit | null;
  /** Originals only: gross and what the plan, free periods and discounts took off. */
  grossCents: number;
  reductionCents: number;
  /** Corrections: what they changed (negative: refunded). */
  correctionsCents: number;
  /** gross − reductions + corrections: what the lab earned. */
  revenueCents: number;
}

export interface PaymentLine {
  method: PaymentMethod | SalePaymentMethod | 'other';
  entries: number;
  amountCents: number;
}

export interface UsageReport {
  from: string;
  to: string;
  generatedAt: string;
  site: { name: string; town: string };
  currency: string;
  totals: ReportTotals;
  byCategory: CategoryUsage[];
  byMachine: MachineUsage[];
  byMonth: MonthUsage[];
  materials: MaterialUsage[];
  training: TrainingUsage;
  revenue: RevenueLine[];
  payments: PaymentLine[];
}
