// A member's whole profile, as they see it (`members.me`) and as a manager sees it (`members.get`).
import { DomainError } from '../../api/errors';
import type { MemberProfile } from '../../api/models';
import type { Role } from '../../api/roles';
import type { Store } from '../../store';
import { currentCharter } from '../charters/charters';
import { certificationViews } from '../training/certifications';
import type { ModuleLibrary } from '../training/library';
import type { Visits } from '../visits/visits';
import { memberBalance } from '../ledger/entries';
import { consentStates } from './consents';

export interface MemberRow {
  id: string;
  display_name: string;
  role: Role;
  profile: string;
  plan: string | null;
  email: string | null;
  phone: string | null;
  created_at: string;
  locked_until: string | null;
  charter_version: string | null;
  charter_accepted_at: string | null;
  first_visit_at: string | null;
}

export function memberRow(store: Store, memberId: string): MemberRow {
  const r = store.db
    .prepare(
      `SELECT m.id, m.display_name, m.role, p.code AS profile, pl.code AS plan, m.email, m.phone, m.created_at,
         m.locked_until, m.charter_version, m.charter_accepted_at, m.first_visit_at
       FROM members m JOIN profile_categories p ON p.id = m.profile_category_id LEFT JOIN plans pl ON pl.id = m.plan_id
       WHERE m.id = ? AND m.erased_at IS NULL`,
    )
    .get(memberId) as MemberRow | undefined;
  if (!r) throw new DomainError('not_found', { what: 'member' });
  return r;
}

export function memberProfile(store: Store, library: ModuleLibrary, visits: Visits, memberId: string, now: Date): MemberProfile {
  const r = memberRow(store, memberId);
  const current = currentCharter(store).version;
  const jobsCount = store.db.prepare('SELECT COUNT(*) FROM jobs WHERE member_id = ?').pluck().get(memberId) as number;
  return {
    id: r.id,
    displayName: r.display_name,
    role: r.role,
    profileCategory: r.profile,
    email: r.email,
    phone: r.phone,
    planId: r.plan,
    createdAt: r.created_at,
    lockedUntil: r.locked_until,
    consents: consentStates(store, memberId),
    charter: { accepted: r.charter_version, acceptedAt: r.charter_accepted_at, current, upToDate: r.charter_version === current },
    certifications: certificationViews(store, library, memberId, now),
    recentVisits: visits.recent(memberId, 10),
    currentVisit: visits.current(memberId),
    coworking: visits.coworking(memberId),
    firstVisitFree: visits.firstVisitFree(memberId),
    jobsCount,
    balanceCents: memberBalance(store.db, memberId),
  };
}
