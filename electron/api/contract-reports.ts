// Statements, invoices, billing settings and the funders' reports. Spread into the one contract
// (contract.ts). Periods are two Paris calendar days, both inclusive (at most three years apart).
import { z } from 'zod';
import type * as M from './models';
import { proc } from './procedure';

const none = z.object({}).strict();
const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const lang = z.enum(['fr', 'en']).default('fr');
// One line typed by a manager: no control characters.
const line = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\p{Cc}]+$/u);
// A few lines (an address): newlines allowed, other control characters not.
const lines = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\x00-\x09\x0b-\x1f\x7f]+$/);
const siret = z.string().regex(/^\d{14}$/);

export const reportsContract = {
  /** The signed-in member's statement: opening balance, each entry with the balance after it, closing balance. */
  'statements.mine': proc<M.Statement>()({ input: z.object({ from: day, to: day }).strict(), role: 'member' }),
  /** Any member's statement, for a manager. */
  'statements.member': proc<M.Statement>()({ input: z.object({ memberId: id, from: day, to: day }).strict(), role: 'manager' }),
  /** What `invoices.issue` would invoice now for this member and period (entries not yet on an invoice). */
  'invoices.preview': proc<M.InvoicePreview>()({ input: z.object({ memberId: id, from: day, to: day }).strict(), role: 'manager' }),
  /**
   * Issues the next numbered invoice (PREFIX-YYYY-NNNNNN) for the member's entries of the period that no
   * invoice holds yet, payments aside, and stores its PDF. A credit note when the lines give back more
   * than they charge. Nothing to invoice: `conflict` {reason: 'nothing_to_invoice'}. `buyer` completes
   * what a professional's invoice must name (company, address, SIRET).
   */
  'invoices.issue': proc<M.InvoiceView>()({
    input: z
      .object({
        memberId: id,
        from: day,
        to: day,
        buyer: z.object({ name: line(120).optional(), address: lines(300).optional(), siret: siret.optional() }).strict().optional(),
      })
      .strict(),
    role: 'manager',
  }),
  /** Newest first: the member's own; a manager's: one member's (`memberId`) or everyone's. */
  'invoices.list': proc<M.InvoiceSummary[]>()({
    input: z.object({ memberId: id.optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    role: 'member',
  }),
  /** One invoice by id or number, with its lines (its member, or a manager). */
  'invoices.get': proc<M.InvoiceView>()({ input: z.object({ invoiceId: id }).strict(), role: 'member' }),
  /** The invoice's PDF as issued (its member, or a manager). */
  'invoices.document': proc<M.StoredDocument>()({ input: z.object({ invoiceId: id }).strict(), role: 'member' }),
  /** The seller's identity invoices print (demo values until a manager sets them). */
  'billing.settings': proc<M.BillingSettings>()({ input: none, role: 'manager' }),
  /** Changes the seller's identity for the invoices issued from now on; a SIRET failing its checksum is `invalid_input`. */
  'billing.updateSettings': proc<M.BillingSettings>()({
    input: z
      .object({
        legalName: line(120),
        legalForm: line(80),
        address: lines(300),
        postcode: z.string().regex(/^\d{5}$/),
        town: line(80),
        siret,
        vatRegime: z.enum(['franchise', 'vat']),
        vatRateBp: z.number().int().min(0).max(10_000),
        vatNumber: z.string().regex(/^FR[0-9A-Z]{2}\d{9}$/).nullable(),
        paymentTermsDays: z.number().int().min(0).max(60),
        latePenaltyText: lines(1000),
        professionalCategories: z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/)).max(20),
        bankDetails: lines(300).nullable(),
        invoicePrefix: z.string().regex(/^[A-Z][A-Z0-9]{0,11}$/),
      })
      .partial()
      .strict(),
    role: 'manager',
  }),
  /** The funders' figures for a period: by public, machine, month; material, training, coworking, revenue. */
  'reports.usage': proc<M.UsageReport>()({ input: z.object({ from: day, to: day }).strict(), role: 'manager' }),
  /** The report (`report`, titled sections) or the period's ledger (`entries`, one line each) as CSV for French spreadsheets. */
  'reports.csv': proc<M.ExportedFile>()({
    input: z.object({ from: day, to: day, table: z.enum(['report', 'entries']).default('report'), lang }).strict(),
    role: 'manager',
  }),
  /** The report as a PDF with charts, in French or English. */
  'reports.pdf': proc<M.StoredDocument>()({ input: z.object({ from: day, to: day, lang }).strict(), role: 'manager' }),
} as const;
