// Closing an account (GDPR erasure): the person disappears, what they did stays for the ledger and the
// funders' figures, attached to an id that no longer leads to anyone. Names and contact go; so do the
// attestations bearing the name; session reports are written again without it.
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { eraseAttestations } from '../documents/documents';
import { keepOneManager } from './update';
import { memberRow } from './profile';

export const erasedName = 'Membre supprimé';

export function eraseMember(store: Store, audit: AuditLog, memberId: string, by: { actor: string | null; self: boolean }, now: Date): void {
  const row = memberRow(store, memberId);
  if (row.role === 'manager') keepOneManager(store, memberId);
  const at = now.toISOString();
  const w = store.writer;
  w.transaction(() => {
    w.update('members', memberId, {
      display_name: erasedName,
      // Nobody can type an empty key: the account can never be signed in to again.
      name_key: '',
      email: null,
      phone: null,
      pin_hash: '',
      failed_pin_count: 0,
      locked_until: null,
      consent_at: null,
      role: 'member',
      erased_at: at,
    });
    const open = store.db.prepare('SELECT id FROM visits WHERE member_id = ? AND checked_out_at IS NULL').pluck().all(memberId) as string[];
    for (const id of open) w.update('visits', id, { checked_out_at: at, auto_closed: 1 });
    eraseAttestations(store, memberId, at);
    audit.record(by.actor, 'member.erase', memberId, { self: by.self });
  });
}
