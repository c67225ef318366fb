// The ledger and what prices it: append-only entries (SQLite refuses any UPDATE or DELETE on them), a
// versioned price grid and versioned plan terms (a change is a new dated row, so past entries keep the
// price they were charged at), shop items, stock as movements, shop sales and plan subscriptions.
// Described column by column in electron/services/ledger/README.md.
const appendOnly = (table: string) => /* sql */ `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: write a new row'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: write a new row'); END;
`;

export default {
  version: 5,
  name: 'ledger',
  sql: /* sql */ `
-- Alert level for the manager, in the material's stock unit (g for filament sold by the kg, sheet, m).
ALTER TABLE materials ADD COLUMN low_stock_qty REAL CHECK (low_stock_qty IS NULL OR low_stock_qty >= 0);

-- Things the shop sells besides the materials (a microcontroller board, a kit, a spare nozzle).
CREATE TABLE shop_items (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT 'item' CHECK (unit IN ('item')),
  low_stock_qty REAL CHECK (low_stock_qty IS NULL OR low_stock_qty >= 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- The price grid. A rule is identified across its versions by rule_key; the version in force at a
-- moment is the one with the latest effective_from not after it. Rows are never edited.
CREATE TABLE price_rules (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  rule_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('machine_time', 'material', 'shop_item', 'coworking_day', 'category_discount', 'first_month_free')),
  effective_from TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  machine_id TEXT REFERENCES machines(id),
  material_id TEXT REFERENCES materials(id),
  shop_item_id TEXT REFERENCES shop_items(id),
  profile_category_id TEXT REFERENCES profile_categories(id),
  -- what a discount or a free period applies to
  scope TEXT CHECK (scope IN ('machine_time', 'material', 'shop_item', 'coworking_day', 'subscription')),
  -- a price: price_cents for per_quantity units (300 cents per 3600 s; 2500 cents per 1000 g)
  price_cents INTEGER CHECK (price_cents IS NULL OR price_cents >= 0),
  per_quantity REAL CHECK (per_quantity IS NULL OR per_quantity > 0),
  unit TEXT CHECK (unit IN ('s', 'g', 'mm2', 'sheet', 'm', 'day', 'item')),
  discount_pct INTEGER CHECK (discount_pct IS NULL OR (discount_pct BETWEEN 0 AND 100)),
  months INTEGER CHECK (months IS NULL OR months > 0),
  changed_by TEXT REFERENCES members(id),
  reason TEXT,
  UNIQUE (rule_key, effective_from),
  CHECK (kind NOT IN ('machine_time', 'material', 'shop_item', 'coworking_day') OR (price_cents IS NOT NULL AND per_quantity IS NOT NULL AND unit IS NOT NULL)),
  CHECK (kind <> 'category_discount' OR (profile_category_id IS NOT NULL AND scope IS NOT NULL AND discount_pct IS NOT NULL)),
  CHECK (kind <> 'first_month_free' OR (scope IS NOT NULL AND months IS NOT NULL))
);
CREATE INDEX price_rules_key ON price_rules (rule_key, effective_from);

-- A plan's price and quotas over time (the plans row keeps its identity and names, and mirrors the
-- terms in force for the screens that read it).
CREATE TABLE plan_terms (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans(id),
  effective_from TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  period TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year', 'once')),
  -- coworking days per plan period (null: unlimited when the plan covers coworking)
  included_days INTEGER CHECK (included_days IS NULL OR included_days >= 0),
  -- machine time included per calendar month, in seconds (0: none)
  machine_s_per_month INTEGER NOT NULL DEFAULT 0 CHECK (machine_s_per_month >= 0),
  changed_by TEXT REFERENCES members(id),
  reason TEXT,
  UNIQUE (plan_id, effective_from)
);

-- A member buys a plan for one period.
CREATE TABLE subscriptions (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  member_id TEXT NOT NULL REFERENCES members(id),
  plan_id TEXT NOT NULL REFERENCES plans(id),
  plan_terms_id TEXT NOT NULL REFERENCES plan_terms(id),
  -- Paris calendar days, both inclusive
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  recorded_by TEXT REFERENCES members(id),
  UNIQUE (member_id, plan_id, period_start)
);

-- One sale at the shop counter: its lines are ledger entries (kind shop_sale) carrying sale_id.
CREATE TABLE shop_sales (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  member_id TEXT REFERENCES members(id),
  visitor_label TEXT,
  payment_method TEXT NOT NULL CHECK (payment_method IN ('cash', 'card', 'cheque', 'account')),
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
  sold_by TEXT REFERENCES members(id),
  CHECK (member_id IS NOT NULL OR visitor_label IS NOT NULL),
  CHECK (payment_method <> 'account' OR member_id IS NOT NULL)
);

-- What a laser or CNC job used from the stock, as the maker says (latest row wins; default one sheet
-- of the job's sheet material).
CREATE TABLE job_material_declarations (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  job_id TEXT NOT NULL REFERENCES jobs(id),
  material_id TEXT REFERENCES materials(id),
  sheets INTEGER NOT NULL CHECK (sheets BETWEEN 0 AND 100),
  declared_by TEXT REFERENCES members(id)
);
CREATE INDEX job_material_declarations_job ON job_material_declarations (job_id);

CREATE TABLE ledger_entries (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  -- when it happened (a job's end, a check-in, a sale) and its Paris calendar day
  occurred_at TEXT NOT NULL,
  day TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('machine_time', 'material', 'coworking_day', 'shop_sale', 'subscription', 'payment')),
  source TEXT NOT NULL CHECK (source IN ('job', 'manual', 'visit', 'shop', 'subscription', 'payment', 'correction')),
  member_id TEXT REFERENCES members(id),
  visitor_label TEXT,
  -- the member's profile category when it happened (the funders' reports count by it)
  profile_category_id TEXT REFERENCES profile_categories(id),
  machine_id TEXT REFERENCES machines(id),
  material_id TEXT REFERENCES materials(id),
  shop_item_id TEXT REFERENCES shop_items(id),
  job_id TEXT REFERENCES jobs(id),
  visit_id TEXT REFERENCES visits(id),
  sale_id TEXT REFERENCES shop_sales(id),
  subscription_id TEXT REFERENCES subscriptions(id),
  corrects_id TEXT REFERENCES ledger_entries(id),
  -- what was used, in the base unit named by unit
  quantity REAL NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('s', 'g', 'mm2', 'sheet', 'm', 'day', 'item', 'period')),
  -- the price applied, as it was: price_cents for per_quantity units, from this rule version
  price_rule_id TEXT REFERENCES price_rules(id),
  plan_terms_id TEXT REFERENCES plan_terms(id),
  price_cents INTEGER CHECK (price_cents IS NULL OR price_cents >= 0),
  per_quantity REAL CHECK (per_quantity IS NULL OR per_quantity > 0),
  gross_cents INTEGER NOT NULL DEFAULT 0 CHECK (gross_cents >= 0),
  -- part of quantity the plan covered, and its value
  quota_quantity REAL NOT NULL DEFAULT 0 CHECK (quota_quantity >= 0),
  quota_cents INTEGER NOT NULL DEFAULT 0 CHECK (quota_cents >= 0),
  -- waived by a free period (first month, first visit)
  free_cents INTEGER NOT NULL DEFAULT 0 CHECK (free_cents >= 0),
  discount_rule_id TEXT REFERENCES price_rules(id),
  discount_pct INTEGER NOT NULL DEFAULT 0 CHECK (discount_pct BETWEEN 0 AND 100),
  discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
  -- signed: a charge is negative, a payment or credit positive; a balance is their sum
  amount_cents INTEGER NOT NULL,
  payment_method TEXT CHECK (payment_method IN ('cash', 'card', 'cheque', 'transfer', 'account')),
  period_start TEXT,
  period_end TEXT,
  -- the breakdown as computed (label keys, rule ids), for statements
  pricing_json TEXT NOT NULL DEFAULT '{}',
  reason TEXT,
  -- who wrote it (the member, a trainer or manager for them); null for the job runner and check-ins
  recorded_by TEXT REFERENCES members(id),
  CHECK (member_id IS NOT NULL OR visitor_label IS NOT NULL),
  CHECK (source = 'correction' OR kind = 'payment' OR amount_cents = -(gross_cents - quota_cents - free_cents - discount_cents)),
  CHECK (source = 'correction' OR kind <> 'payment' OR (amount_cents > 0 AND amount_cents = gross_cents)),
  CHECK ((source = 'correction') = (corrects_id IS NOT NULL)),
  CHECK (source <> 'correction' OR (reason IS NOT NULL AND length(trim(reason)) > 0))
);
-- A job, a coworking day and a subscription are charged once, whatever crashes and recoveries happen.
CREATE UNIQUE INDEX ledger_once_per_job ON ledger_entries (job_id, kind) WHERE job_id IS NOT NULL AND corrects_id IS NULL;
CREATE UNIQUE INDEX ledger_once_per_coworking_day ON ledger_entries (member_id, day) WHERE kind = 'coworking_day' AND corrects_id IS NULL;
CREATE UNIQUE INDEX ledger_once_per_subscription ON ledger_entries (subscription_id, kind) WHERE subscription_id IS NOT NULL AND corrects_id IS NULL;
CREATE INDEX ledger_member ON ledger_entries (member_id, occurred_at);
CREATE INDEX ledger_day ON ledger_entries (day, kind);
CREATE INDEX ledger_corrects ON ledger_entries (corrects_id) WHERE corrects_id IS NOT NULL;
CREATE INDEX ledger_sale ON ledger_entries (sale_id) WHERE sale_id IS NOT NULL;

-- Stock as movements: the level of a material or shop item is the sum of its movements, in its stock
-- unit. materials.stock_qty mirrors it in the material's own unit (kg, sheet, m) for the catalog.
CREATE TABLE stock_movements (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  material_id TEXT REFERENCES materials(id),
  shop_item_id TEXT REFERENCES shop_items(id),
  kind TEXT NOT NULL CHECK (kind IN ('initial', 'sale', 'job', 'manual_use', 'restock', 'inventory')),
  -- signed: negative leaves the stock
  quantity REAL NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('g', 'sheet', 'm', 'item')),
  -- an inventory: the level counted on the shelf
  counted_qty REAL,
  -- a restock: what it cost the lab (optional)
  cost_cents INTEGER CHECK (cost_cents IS NULL OR cost_cents >= 0),
  entry_id TEXT REFERENCES ledger_entries(id),
  job_id TEXT REFERENCES jobs(id),
  sale_id TEXT REFERENCES shop_sales(id),
  reason TEXT,
  recorded_by TEXT REFERENCES members(id),
  CHECK ((material_id IS NULL) <> (shop_item_id IS NULL))
);
CREATE UNIQUE INDEX stock_once_per_job ON stock_movements (job_id, material_id) WHERE job_id IS NOT NULL;
CREATE INDEX stock_material ON stock_movements (material_id, created_at);
CREATE INDEX stock_item ON stock_movements (shop_item_id, created_at);
${appendOnly('ledger_entries')}
${appendOnly('price_rules')}
${appendOnly('plan_terms')}
${appendOnly('subscriptions')}
${appendOnly('shop_sales')}
${appendOnly('stock_movements')}
${appendOnly('job_material_declarations')}
`,
};
