// Jobs sent to the machines, with the durable position of each (the last line the firmware
// acknowledged) so that nothing that ran is ever lost; and the USB serial number that finds a machine
// again whatever port it reappears on.
export default {
  version: 3,
  name: 'jobs',
  sql: /* sql */ `
ALTER TABLE machines ADD COLUMN usb_serial_number TEXT;

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  machine_id TEXT NOT NULL REFERENCES machines(id),
  -- null once the member's account is closed: the job stays, anonymised
  member_id TEXT REFERENCES members(id),
  file_id TEXT NOT NULL REFERENCES files(id),
  material_id TEXT REFERENCES materials(id),
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'paused', 'completed', 'cancelled', 'failed', 'interrupted')),
  lines_total INTEGER NOT NULL CHECK (lines_total >= 0),
  bytes_total INTEGER NOT NULL CHECK (bytes_total >= 0),
  layers_total INTEGER NOT NULL DEFAULT 0,
  estimate_s REAL NOT NULL DEFAULT 0,
  -- the analysis' figures for the whole file: filament, laser time (JSON)
  plan_json TEXT NOT NULL DEFAULT '{}',
  -- where this attempt starts (a resumed print), and the job it carries on
  from_line INTEGER NOT NULL DEFAULT 1,
  from_byte INTEGER NOT NULL DEFAULT 0,
  from_layer INTEGER NOT NULL DEFAULT 0,
  resumes_job_id TEXT REFERENCES jobs(id),
  -- progress, written as lines are acknowledged
  acked_line INTEGER NOT NULL DEFAULT 0,
  acked_byte INTEGER NOT NULL DEFAULT 0,
  sent_line INTEGER NOT NULL DEFAULT 0,
  layer INTEGER NOT NULL DEFAULT 0,
  elapsed_s REAL NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  resends INTEGER NOT NULL DEFAULT 0,
  started_at TEXT,
  ended_at TEXT,
  end_reason TEXT,
  end_params_json TEXT NOT NULL DEFAULT '{}',
  -- what actually ran, for the ledger (JSON, set when the job ends)
  consumption_json TEXT
);
CREATE INDEX jobs_machine_state ON jobs (machine_id, state);
CREATE INDEX jobs_member ON jobs (member_id, created_at);
`,
};
