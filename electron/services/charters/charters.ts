// The charter: versioned texts, the newest one in force. Publishing a version asks every member again
// (their `charterCurrent` turns false) without locking anyone out.
import { DomainError } from '../../api/errors';
import type { CharterInfo, CharterVersion } from '../../api/models';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { consentPurposes } from '../members/consents';

interface CharterRow {
  id: string;
  version: string;
  text_fr: string;
  text_en: string;
  published_at: string;
  published_by: string | null;
}

export function currentCharter(store: Store): CharterRow {
  const row = store.db.prepare('SELECT * FROM charters ORDER BY published_at DESC, id DESC LIMIT 1').get() as CharterRow | undefined;
  if (!row) throw new Error('the store has no charter: it was not seeded');
  return row;
}

export function charterInfo(store: Store): CharterInfo {
  const c = currentCharter(store);
  return { version: c.version, publishedAt: c.published_at, text: { fr: c.text_fr, en: c.text_en }, purposes: consentPurposes(store) };
}

/** Refuses a version other than the one in force: the person read an older text. */
export function checkCharterVersion(store: Store, version: string): void {
  const current = currentCharter(store).version;
  if (version !== current) throw new DomainError('charter_outdated', { current });
}

export function listCharters(store: Store): CharterVersion[] {
  const current = currentCharter(store).version;
  const rows = store.db
    .prepare(
      `SELECT c.*, p.display_name AS publisher,
         (SELECT COUNT(*) FROM members m WHERE m.charter_version = c.version AND m.erased_at IS NULL) AS accepted
       FROM charters c LEFT JOIN members p ON p.id = c.published_by
       ORDER BY c.published_at DESC, c.id DESC`,
    )
    .all() as (CharterRow & { publisher: string | null; accepted: number })[];
  return rows.map((r) => ({
    version: r.version,
    publishedAt: r.published_at,
    publishedBy: r.publisher,
    text: { fr: r.text_fr, en: r.text_en },
    current: r.version === current,
    acceptedBy: r.accepted,
  }));
}

export function publishCharter(
  store: Store,
  audit: AuditLog,
  actor: string | null,
  input: { version: string; text: { fr: string; en: string } },
  now: Date,
): CharterVersion {
  const exists = store.db.prepare('SELECT 1 FROM charters WHERE version = ?').get(input.version);
  if (exists) throw new DomainError('conflict', { reason: 'version_exists', version: input.version });
  // Published now, so strictly after the one in force even when the clock stood still (tests).
  const latest = currentCharter(store).published_at;
  const at = new Date(Math.max(now.getTime(), Date.parse(latest) + 1)).toISOString();
  store.writer.transaction(() => {
    const id = store.writer.insert('charters', {
      version: input.version,
      text_fr: input.text.fr,
      text_en: input.text.en,
      published_at: at,
      published_by: actor,
    });
    audit.record(actor, 'charter.publish', id, { version: input.version });
  });
  return listCharters(store).find((c) => c.version === input.version)!;
}

/** The member accepts the version in force. */
export function acceptCharter(store: Store, audit: AuditLog, memberId: string, version: string, now: Date): void {
  checkCharterVersion(store, version);
  store.writer.transaction(() => {
    store.writer.insert('charter_acceptances', { member_id: memberId, version });
    store.writer.update('members', memberId, { charter_version: version, charter_accepted_at: now.toISOString() });
    audit.record(memberId, 'charter.accept', memberId, { version });
  });
}
