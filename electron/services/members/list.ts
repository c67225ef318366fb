// Members as managers list them, and as trainers find them to add to a session.
import type { MemberSummary } from '../../api/models';
import type { Role } from '../../api/roles';
import type { Store } from '../../store';
import { nameKey } from '../auth/name-key';
import { currentCharter } from '../charters/charters';

export function listMembers(store: Store, query?: string, limit = 500): MemberSummary[] {
  const key = query ? `%${nameKey(query)}%` : '%';
  const current = currentCharter(store).version;
  const rows = store.db
    .prepare(
      `SELECT m.id, m.display_name, m.role, p.code AS profile, pl.code AS plan, m.locked_until, m.created_at, m.charter_version
       FROM members m JOIN profile_categories p ON p.id = m.profile_category_id
       LEFT JOIN plans pl ON pl.id = m.plan_id
       WHERE m.erased_at IS NULL AND m.name_key LIKE ? ORDER BY m.name_key LIMIT ?`,
    )
    .all(key, limit) as {
    id: string;
    display_name: string;
    role: Role;
    profile: string;
    plan: string | null;
    locked_until: string | null;
    created_at: string;
    charter_version: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    role: r.role,
    profileCategory: r.profile,
    charterCurrent: r.charter_version === current,
    planId: r.plan,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
  }));
}
