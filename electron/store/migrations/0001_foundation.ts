// Every synced table carries a UUIDv7 id, created_at/updated_at and the id of the kiosk that wrote the
// row, so that rows from several kiosks and sites can later be merged without renumbering anything.
export default {
  version: 1,
  name: 'foundation',
  sql: /* sql */ `
CREATE TABLE local_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  town TEXT NOT NULL,
  currency TEXT NOT NULL DEFAULT 'EUR',
  first_month_free INTEGER NOT NULL DEFAULT 0,
  idle_timeout_s INTEGER NOT NULL,
  content_json TEXT NOT NULL
);

CREATE TABLE profile_categories (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort INTEGER NOT NULL
);

CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  period TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year', 'once')),
  included_days INTEGER,
  description_json TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE materials (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('filament', 'sheet', 'vinyl', 'thermoforming')),
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('kg', 'sheet', 'm')),
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  stock_qty REAL NOT NULL DEFAULT 0,
  properties_json TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE machines (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  model TEXT NOT NULL,
  connection TEXT NOT NULL CHECK (connection IN ('serial', 'manual')),
  firmware TEXT CHECK (firmware IN ('marlin', 'grbl', 'hpgl')),
  port_path TEXT,
  baud INTEGER,
  usb_vendor_id TEXT,
  usb_product_id TEXT,
  work_x_mm REAL, work_y_mm REAL, work_z_mm REAL,
  limits_json TEXT NOT NULL DEFAULT '{}',
  required_module TEXT,
  rate_per_hour_cents INTEGER NOT NULL DEFAULT 0 CHECK (rate_per_hour_cents >= 0),
  description_json TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  profile_category_id TEXT NOT NULL REFERENCES profile_categories(id),
  role TEXT NOT NULL CHECK (role IN ('member', 'trainer', 'manager')),
  pin_hash TEXT NOT NULL,
  failed_pin_count INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  plan_id TEXT REFERENCES plans(id),
  consent_at TEXT,
  charter_version TEXT,
  erased_at TEXT
);
CREATE INDEX members_name_key ON members(name_key);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  actor_member_id TEXT REFERENCES members(id),
  action TEXT NOT NULL,
  target TEXT,
  details_json TEXT NOT NULL DEFAULT '{}'
);

-- Written in the same transaction as every change, read by the future sync to the central database.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update')),
  payload_json TEXT NOT NULL,
  synced_at TEXT
);
CREATE INDEX outbox_unsynced ON outbox(synced_at) WHERE synced_at IS NULL;
`,
};
