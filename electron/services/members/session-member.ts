// The member as a signed-in session carries them, read fresh from the store (a manager may have
// changed the role, a new charter may have been published since the sign-in).
import type { SessionMember } from '../../api/models';
import type { Role } from '../../api/roles';
import type { Store } from '../../store';
import { currentCharter } from '../charters/charters';

export function sessionMember(store: Store, memberId: string): SessionMember | null {
  const r = store.db
    .prepare(
      `SELECT m.id, m.display_name, m.role, p.code AS profile, m.charter_version
       FROM members m JOIN profile_categories p ON p.id = m.profile_category_id
       WHERE m.id = ? AND m.erased_at IS NULL`,
    )
    .get(memberId) as { id: string; display_name: string; role: Role; profile: string; charter_version: string | null } | undefined;
  if (!r) return null;
  return {
    id: r.id,
    displayName: r.display_name,
    role: r.role,
    profileCategory: r.profile,
    charterCurrent: r.charter_version === currentCharter(store).version,
  };
}
