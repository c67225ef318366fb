// Consents: which purposes a member agreed to, and when. Each decision is a row; the latest per purpose
// is in force. A required purpose cannot be withdrawn (that is closing the account); an `information`
// purpose is never asked, so it can be neither given nor refused.
import { DomainError } from '../../api/errors';
import type { ConsentPurpose, ConsentState, Localized } from '../../api/models';
import type { Store } from '../../store';

export function consentPurposes(store: Store): ConsentPurpose[] {
  const rows = store.db.prepare('SELECT code, kind, title_json, text_json FROM consent_purposes ORDER BY sort').all() as {
    code: string;
    kind: ConsentPurpose['kind'];
    title_json: string;
    text_json: string;
  }[];
  return rows.map((r) => ({
    code: r.code,
    kind: r.kind,
    title: JSON.parse(r.title_json) as Localized,
    text: JSON.parse(r.text_json) as Localized,
  }));
}

/** Checks a list of purposes given at sign-up or in the profile; returns them without duplicates. */
export function checkConsents(store: Store, given: string[]): string[] {
  const purposes = consentPurposes(store);
  const askable = new Set(purposes.filter((p) => p.kind !== 'information').map((p) => p.code));
  const unique = [...new Set(given)];
  const stray = unique.find((p) => !askable.has(p));
  if (stray !== undefined) throw new DomainError('invalid_input', { field: 'consentPurposes', value: stray });
  const missing = purposes.filter((p) => p.kind === 'required' && !unique.includes(p.code)).map((p) => p.code);
  if (missing.length > 0) throw new DomainError('consent_required', { purposes: missing.join(',') });
  return unique;
}

/** Writes a row for every purpose whose state changes (all askable ones for a new member). */
export function recordConsents(store: Store, memberId: string, given: string[]): string[] {
  const current = new Map(consentStates(store, memberId).map((c) => [c.purpose, c]));
  const changed: string[] = [];
  for (const p of consentPurposes(store)) {
    if (p.kind === 'information') continue;
    const now = given.includes(p.code);
    const before = current.get(p.code);
    if (before?.at && before.given === now) continue;
    store.writer.insert('consents', { member_id: memberId, purpose_code: p.code, given: now ? 1 : 0 });
    changed.push(`${p.code}:${now ? 'given' : 'refused'}`);
  }
  return changed;
}

export function consentStates(store: Store, memberId: string): ConsentState[] {
  const latest = new Map(
    (
      store.db
        .prepare('SELECT purpose_code, given, created_at FROM consents WHERE member_id = ? ORDER BY created_at, id')
        .all(memberId) as { purpose_code: string; given: number; created_at: string }[]
    ).map((r) => [r.purpose_code, r]),
  );
  return consentPurposes(store).map((p) => {
    const r = latest.get(p.code);
    return { purpose: p.code, kind: p.kind, given: p.kind === 'information' ? true : r?.given === 1, at: r?.created_at ?? null };
  });
}
