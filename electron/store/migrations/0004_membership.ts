// Membership (consents, charter versions, visits) and safety training (module versions, quiz attempts,
// certifications, trainer sessions and their PDF documents). Nothing is ever deleted: a withdrawn
// consent, a revoked certification or an erased attestation is a new row or a stamped column, so the
// outbox can carry every change to the other kiosks of the network.
export default {
  version: 4,
  name: 'membership',
  sql: /* sql */ `
ALTER TABLE members ADD COLUMN charter_accepted_at TEXT;
-- the first check-in: the first-visit-free rule and the funders' "new members" figures read it
ALTER TABLE members ADD COLUMN first_visit_at TEXT;

-- A coworking check-in uses a day of the member's plan only if the plan covers coworking (an
-- association membership does not). Stores seeded before this knew it only from the demo's codes.
ALTER TABLE plans ADD COLUMN covers_coworking INTEGER NOT NULL DEFAULT 0;
UPDATE plans SET covers_coworking = 1 WHERE code LIKE 'coworking%';

-- Why personal data is kept: required (no membership without it), optional (asked), information
-- (legitimate interest, shown but never asked).
CREATE TABLE consent_purposes (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('required', 'optional', 'information')),
  title_json TEXT NOT NULL,
  text_json TEXT NOT NULL,
  sort INTEGER NOT NULL
);

-- One row per decision: the latest row per (member, purpose) is the member's current choice.
CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  member_id TEXT NOT NULL REFERENCES members(id),
  purpose_code TEXT NOT NULL,
  given INTEGER NOT NULL CHECK (given IN (0, 1))
);
CREATE INDEX consents_member ON consents (member_id, purpose_code, created_at);

CREATE TABLE charters (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  version TEXT NOT NULL UNIQUE,
  text_fr TEXT NOT NULL,
  text_en TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT REFERENCES members(id)
);

CREATE TABLE charter_acceptances (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  member_id TEXT NOT NULL REFERENCES members(id),
  version TEXT NOT NULL
);
CREATE INDEX charter_acceptances_member ON charter_acceptances (member_id);

CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  member_id TEXT NOT NULL REFERENCES members(id),
  purpose TEXT NOT NULL CHECK (purpose IN ('fablab', 'coworking', 'event')),
  event_id TEXT,
  -- the Paris calendar day of the check-in (YYYY-MM-DD): coworking days are counted by it
  day TEXT NOT NULL,
  checked_in_at TEXT NOT NULL,
  checked_out_at TEXT,
  -- closed by the kiosk (a check-in the next day), not by the member
  auto_closed INTEGER NOT NULL DEFAULT 0,
  -- a day of the member's plan was used by this visit; extra: beyond the plan, to be charged
  counted_day INTEGER NOT NULL DEFAULT 0,
  extra_day INTEGER NOT NULL DEFAULT 0,
  first_visit INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visits_member_day ON visits (member_id, day);
CREATE INDEX visits_open ON visits (checked_out_at) WHERE checked_out_at IS NULL;

-- Safety modules as loaded from assets/modules: a new version is a new row, never an edit.
CREATE TABLE modules (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL,
  version TEXT NOT NULL,
  title_fr TEXT NOT NULL,
  title_en TEXT NOT NULL,
  validity_months INTEGER NOT NULL CHECK (validity_months > 0),
  content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
  content_json TEXT NOT NULL,
  published_at TEXT NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE training_sessions (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  module_code TEXT NOT NULL,
  module_version TEXT NOT NULL,
  trainer_id TEXT NOT NULL REFERENCES members(id),
  step INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  ended_at TEXT
);

CREATE TABLE session_attendees (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  session_id TEXT NOT NULL REFERENCES training_sessions(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  added_at TEXT NOT NULL,
  removed_at TEXT,
  -- the practical sign-off: null not judged yet, 1 passed, 0 to redo
  signed_off INTEGER CHECK (signed_off IN (0, 1)),
  signed_off_at TEXT,
  note TEXT,
  certification_id TEXT,
  UNIQUE (session_id, member_id)
);

CREATE TABLE quiz_attempts (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  member_id TEXT NOT NULL REFERENCES members(id),
  module_code TEXT NOT NULL,
  module_version TEXT NOT NULL,
  -- the trainer session it was taken in, and who entered it (the member, or the trainer for them)
  session_id TEXT REFERENCES training_sessions(id),
  submitted_by TEXT REFERENCES members(id),
  answers_json TEXT NOT NULL,
  correct_count INTEGER NOT NULL CHECK (correct_count >= 0),
  total INTEGER NOT NULL CHECK (total > 0),
  score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
  passed INTEGER NOT NULL CHECK (passed IN (0, 1))
);
CREATE INDEX quiz_attempts_member ON quiz_attempts (member_id, module_code, created_at);

CREATE TABLE certifications (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  member_id TEXT NOT NULL REFERENCES members(id),
  module_code TEXT NOT NULL,
  module_version TEXT NOT NULL,
  -- null only for certifications brought in by the demo seed
  quiz_attempt_id TEXT REFERENCES quiz_attempts(id),
  session_id TEXT REFERENCES training_sessions(id),
  signed_off_by TEXT REFERENCES members(id),
  signed_off_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  note TEXT
);
CREATE INDEX certifications_member ON certifications (member_id, module_code, signed_off_at);
CREATE INDEX certifications_expiry ON certifications (expires_at);

-- PDFs written when a session ends, kept in the store itself (base64) so that they commit in the same
-- transaction as the session's end and travel with it. An erased member's attestation is emptied.
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('session_report', 'attestation')),
  session_id TEXT NOT NULL REFERENCES training_sessions(id),
  member_id TEXT REFERENCES members(id),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  pdf_base64 TEXT NOT NULL,
  erased_at TEXT
);
CREATE INDEX documents_session ON documents (session_id, kind, member_id);
`,
};
