// Name + PIN sign-in with a lockout: after `maxAttempts` wrong PINs the account is locked for a while.
// The counter lives in the store, so restarting the kiosk does not reset it.
import { DomainError } from '../../api/errors';
import type { SessionMember } from '../../api/models';
import type { Role } from '../../api/roles';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { nameKey } from './name-key';
import { verifyPin } from './pin';
import { sessionMember } from '../members/session-member';

export interface LockoutPolicy {
  maxAttempts: number;
  lockMs: number;
}

export const defaultLockout: LockoutPolicy = { maxAttempts: 3, lockMs: 5 * 60_000 };

interface MemberRow {
  id: string;
  display_name: string;
  role: Role;
  profile_code: string;
  pin_hash: string;
  failed_pin_count: number;
  locked_until: string | null;
}

export async function checkCredentials(
  store: Store,
  audit: AuditLog,
  name: string,
  pin: string,
  now: () => Date,
  policy: LockoutPolicy = defaultLockout,
): Promise<SessionMember> {
  const candidates = store.db
    .prepare(
      `SELECT m.id, m.display_name, m.role, p.code AS profile_code, m.pin_hash, m.failed_pin_count, m.locked_until
       FROM members m JOIN profile_categories p ON p.id = m.profile_category_id
       WHERE m.name_key = ? AND m.erased_at IS NULL ORDER BY m.id`,
    )
    .all(nameKey(name)) as MemberRow[];
  if (candidates.length === 0) throw new DomainError('bad_credentials');

  const at = now();
  const open = candidates.filter((c) => !c.locked_until || Date.parse(c.locked_until) <= at.getTime());
  // Two members may share a name: the PIN tells them apart.
  for (const c of open) {
    if (await verifyPin(pin, c.pin_hash)) {
      store.writer.transaction(() => {
        if (c.failed_pin_count !== 0 || c.locked_until !== null) {
          store.writer.update('members', c.id, { failed_pin_count: 0, locked_until: null });
        }
        audit.record(c.id, 'session.sign_in', c.id);
      });
      return sessionMember(store, c.id)!;
    }
  }
  if (open.length === 0) {
    const until = candidates.map((c) => c.locked_until!).sort()[0]!;
    throw new DomainError('account_locked', { until });
  }
  // Wrong PIN: count it against every unlocked homonym, since we cannot know which one was meant.
  let attemptsLeft = policy.maxAttempts;
  let lockedUntil: string | null = null;
  store.writer.transaction(() => {
    for (const c of open) {
      const failures = c.failed_pin_count + 1;
      if (failures >= policy.maxAttempts) {
        lockedUntil = new Date(at.getTime() + policy.lockMs).toISOString();
        store.writer.update('members', c.id, { failed_pin_count: 0, locked_until: lockedUntil });
        audit.record(null, 'member.locked', c.id, { until: lockedUntil });
      } else {
        store.writer.update('members', c.id, { failed_pin_count: failures });
        attemptsLeft = Math.min(attemptsLeft, policy.maxAttempts - failures);
      }
    }
  });
  if (lockedUntil) throw new DomainError('account_locked', { until: lockedUntil });
  throw new DomainError('bad_credentials', { attemptsLeft });
}
