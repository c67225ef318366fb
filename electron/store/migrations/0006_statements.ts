// Invoices and what they need: the seller's legal identity (billing_settings, one row per site), and
// numbered invoices that snapshot their seller, buyer, lines and totals. An invoice is never edited
// nor deleted (French law: an issued invoice is corrected by a credit note, and kept ten years), and
// its number follows the previous one of its series and year without a gap: triggers refuse the rest.
const frozen = (table: string) => /* sql */ `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is immutable: issue a new document'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is immutable: issue a new document'); END;
`;

export default {
  version: 6,
  name: 'statements',
  sql: /* sql */ `
-- The seller as invoices must name it. A store created before this has no row: the kiosk writes demo
-- values (demo = 1, printed as such on every invoice) until a manager enters the real ones.
CREATE TABLE billing_settings (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  site_id TEXT NOT NULL UNIQUE REFERENCES sites(id),
  legal_name TEXT NOT NULL,
  legal_form TEXT NOT NULL,
  -- street lines, newline-separated
  address TEXT NOT NULL,
  postcode TEXT NOT NULL,
  town TEXT NOT NULL,
  siret TEXT NOT NULL CHECK (length(siret) = 14),
  -- franchise: an association under the franchise threshold ("TVA non applicable, art. 293 B du CGI");
  -- vat: ledger amounts include VAT at vat_rate_bp (basis points: 2000 = 20 %)
  vat_regime TEXT NOT NULL CHECK (vat_regime IN ('franchise', 'vat')),
  vat_rate_bp INTEGER NOT NULL DEFAULT 2000 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  vat_number TEXT,
  payment_terms_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 60),
  late_penalty_text TEXT NOT NULL,
  -- profile category codes whose members are billed as professionals (JSON array)
  professional_categories_json TEXT NOT NULL DEFAULT '[]',
  bank_details TEXT,
  -- the series of this kiosk's invoice numbers: PREFIX-YYYY-NNNNNN
  invoice_prefix TEXT NOT NULL CHECK (length(invoice_prefix) BETWEEN 1 AND 12),
  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  CHECK (vat_regime = 'franchise' OR vat_number IS NOT NULL)
);

CREATE TABLE invoices (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  number TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL CHECK (seq > 0),
  -- invoice, or credit_note when the lines credit more than they charge
  kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  issued_at TEXT NOT NULL,
  -- Paris calendar day of issue, and when payment is due
  issue_day TEXT NOT NULL,
  due_day TEXT NOT NULL,
  member_id TEXT NOT NULL REFERENCES members(id),
  -- the entries' days it covers (Paris, inclusive)
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  seller_json TEXT NOT NULL,
  buyer_json TEXT NOT NULL,
  professional INTEGER NOT NULL CHECK (professional IN (0, 1)),
  vat_regime TEXT NOT NULL CHECK (vat_regime IN ('franchise', 'vat')),
  vat_rate_bp INTEGER NOT NULL,
  line_count INTEGER NOT NULL CHECK (line_count > 0),
  total_ht_cents INTEGER NOT NULL,
  total_vat_cents INTEGER NOT NULL,
  total_ttc_cents INTEGER NOT NULL CHECK (total_ttc_cents = total_ht_cents + total_vat_cents),
  -- paid at the counter for the sales it lists, before it was issued
  paid_cents INTEGER NOT NULL DEFAULT 0,
  mentions_json TEXT NOT NULL,
  issued_by TEXT REFERENCES members(id),
  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  UNIQUE (prefix, year, seq)
);
CREATE INDEX invoices_member ON invoices (member_id, issued_at);

-- No gap, no jump: an invoice takes the number after the last one of its series and year.
CREATE TRIGGER invoices_gapless BEFORE INSERT ON invoices
WHEN NEW.seq <> (SELECT COALESCE(MAX(seq), 0) + 1 FROM invoices WHERE prefix = NEW.prefix AND year = NEW.year)
BEGIN SELECT RAISE(ABORT, 'invoice numbers follow each other without a gap'); END;

-- One row per ledger entry invoiced; an entry is on one invoice at most.
CREATE TABLE invoice_lines (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  invoice_id TEXT NOT NULL REFERENCES invoices(id),
  position INTEGER NOT NULL CHECK (position > 0),
  entry_id TEXT NOT NULL UNIQUE REFERENCES ledger_entries(id),
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  quantity REAL NOT NULL,
  unit TEXT NOT NULL,
  -- as printed: quantity in a readable unit, unit price excluding VAT
  quantity_text TEXT NOT NULL,
  unit_price_text TEXT NOT NULL,
  gross_ht_cents INTEGER NOT NULL,
  reduction_ht_cents INTEGER NOT NULL,
  reduction_text TEXT NOT NULL,
  amount_ht_cents INTEGER NOT NULL,
  amount_ttc_cents INTEGER NOT NULL,
  UNIQUE (invoice_id, position)
);

-- Lines are written with their invoice, in the same transaction; once it has them all, no more.
CREATE TRIGGER invoice_lines_complete BEFORE INSERT ON invoice_lines
WHEN NEW.position > (SELECT line_count FROM invoices WHERE id = NEW.invoice_id)
  OR (SELECT COUNT(*) FROM invoice_lines WHERE invoice_id = NEW.invoice_id) >= (SELECT line_count FROM invoices WHERE id = NEW.invoice_id)
BEGIN SELECT RAISE(ABORT, 'an issued invoice takes no more lines'); END;

-- The PDF as it was issued, kept with the invoice (base64, like the training documents).
CREATE TABLE invoice_documents (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  invoice_id TEXT NOT NULL UNIQUE REFERENCES invoices(id),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  pdf_base64 TEXT NOT NULL
);
${frozen('invoices')}
${frozen('invoice_lines')}
${frozen('invoice_documents')}
`,
};
