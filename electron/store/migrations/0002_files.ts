// Files makers bring (G-code, and later STL, SVG, DXF, images): stored once, by their sha256.
export default {
  version: 2,
  name: 'files',
  sql: /* sql */ `
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  uploaded_by TEXT REFERENCES members(id)
);
`,
};
