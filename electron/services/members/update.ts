// A manager's edits to a member: checked whole, then written at once, with the audit naming the fields
// changed (never their personal values: the audit trail outlives an erased account).
import { DomainError } from '../../api/errors';
import type { Role } from '../../api/roles';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { hashPin } from '../auth/pin';
import { memberRow } from './profile';
import { checkPinStrength } from './pin-rules';
import { contact, freeNameKey, planRowId, profileCategoryId } from './sign-up';

export interface MemberEdit {
  memberId: string;
  displayName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  profileCategory?: string | undefined;
  planId?: string | null | undefined;
  role?: Exclude<Role, 'visitor'> | undefined;
  pin?: string | undefined;
  unlock?: true | undefined;
}

/** Refuses to leave the kiosk without any manager. */
export function keepOneManager(store: Store, memberId: string): void {
  const others = store.db
    .prepare("SELECT COUNT(*) FROM members WHERE role = 'manager' AND erased_at IS NULL AND id <> ?")
    .pluck()
    .get(memberId) as number;
  if (others === 0) throw new DomainError('conflict', { reason: 'last_manager' });
}

export async function updateMember(store: Store, audit: AuditLog, actor: string | null, edit: MemberEdit): Promise<void> {
  const check = () => {
    const current = memberRow(store, edit.memberId);
    const patch: Record<string, string | number | null> = {};
    const changed: Record<string, string | number | boolean | null> = {};
    if (edit.displayName !== undefined && edit.displayName !== current.display_name) {
      patch.display_name = edit.displayName;
      patch.name_key = freeNameKey(store, edit.displayName, edit.memberId);
      changed.displayName = true;
    }
    if (edit.email !== undefined) {
      patch.email = contact(edit.email);
      changed.email = true;
    }
    if (edit.phone !== undefined) {
      patch.phone = contact(edit.phone);
      changed.phone = true;
    }
    if (edit.profileCategory !== undefined) {
      patch.profile_category_id = profileCategoryId(store, edit.profileCategory);
      changed.profileCategory = edit.profileCategory;
    }
    if (edit.planId !== undefined) {
      patch.plan_id = planRowId(store, edit.planId);
      changed.plan = edit.planId;
    }
    if (edit.role !== undefined && edit.role !== current.role) {
      if (current.role === 'manager') keepOneManager(store, edit.memberId);
      patch.role = edit.role;
      changed.role = edit.role;
    }
    if (edit.pin !== undefined) {
      checkPinStrength(edit.pin);
      changed.pin = true;
    }
    if (edit.unlock || edit.pin !== undefined) {
      patch.failed_pin_count = 0;
      patch.locked_until = null;
      if (edit.unlock) changed.unlocked = true;
    }
    return { patch, changed };
  };
  check();
  const pinHash = edit.pin !== undefined ? await hashPin(edit.pin) : null;
  store.writer.transaction(() => {
    const { patch, changed } = check();
    if (pinHash) patch.pin_hash = pinHash;
    if (Object.keys(patch).length === 0) return;
    store.writer.update('members', edit.memberId, patch);
    audit.record(actor, 'member.update', edit.memberId, changed);
  });
}
