// A new member: checked whole before anything is written (charter version, required consents, PIN,
// category, plan, name), then written in one transaction with their consents and charter acceptance.
import { DomainError } from '../../api/errors';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { nameKey } from '../auth/name-key';
import { hashPin } from '../auth/pin';
import { checkCharterVersion } from '../charters/charters';
import { checkConsents, recordConsents } from './consents';
import { checkPinStrength } from './pin-rules';

export interface NewMember {
  displayName: string;
  email?: string | undefined;
  phone?: string | undefined;
  profileCategory: string;
  planId: string | null;
  pin: string;
  consentPurposes: string[];
  charterVersion: string;
}

export function profileCategoryId(store: Store, code: string): string {
  const id = store.db.prepare('SELECT id FROM profile_categories WHERE code = ?').pluck().get(code) as string | undefined;
  if (!id) throw new DomainError('invalid_input', { field: 'profileCategory' });
  return id;
}

export function planRowId(store: Store, code: string | null): string | null {
  if (code === null) return null;
  const id = store.db.prepare('SELECT id FROM plans WHERE code = ? AND active = 1').pluck().get(code) as string | undefined;
  if (!id) throw new DomainError('invalid_input', { field: 'planId' });
  return id;
}

/** The key sign-in looks the name up by; refuses a name nobody could type back, or one already taken. */
export function freeNameKey(store: Store, displayName: string, exceptMemberId?: string): string {
  const key = nameKey(displayName);
  if (key === '') throw new DomainError('invalid_input', { field: 'displayName' });
  const taken = store.db
    .prepare('SELECT id FROM members WHERE name_key = ? AND erased_at IS NULL AND id IS NOT ?')
    .pluck()
    .get(key, exceptMemberId ?? null);
  if (taken) throw new DomainError('name_taken', { name: displayName });
  return key;
}

export function contact(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/** Returns the new member's id. `via` says who typed it: the person at the kiosk, or a trainer in a session. */
export async function createMember(
  store: Store,
  audit: AuditLog,
  input: NewMember,
  via: { actor: string | null; sessionId?: string },
  now: () => Date,
): Promise<string> {
  const check = () => {
    checkCharterVersion(store, input.charterVersion);
    const consents = checkConsents(store, input.consentPurposes);
    checkPinStrength(input.pin);
    return { consents, category: profileCategoryId(store, input.profileCategory), plan: planRowId(store, input.planId), key: freeNameKey(store, input.displayName) };
  };
  check();
  const pinHash = await hashPin(input.pin);
  // Checked again after the slow hash: another screen may have taken the name meanwhile.
  return store.writer.transaction(() => {
    const { consents, category, plan, key } = check();
    const at = now().toISOString();
    const id = store.writer.insert('members', {
      display_name: input.displayName,
      name_key: key,
      email: contact(input.email),
      phone: contact(input.phone),
      profile_category_id: category,
      role: 'member',
      pin_hash: pinHash,
      plan_id: plan,
      consent_at: at,
      charter_version: input.charterVersion,
      charter_accepted_at: at,
    });
    recordConsents(store, id, consents);
    store.writer.insert('charter_acceptances', { member_id: id, version: input.charterVersion });
    // No name or contact in the audit trail: it outlives an erased account.
    audit.record(via.actor ?? id, 'member.sign_up', id, {
      profile: input.profileCategory,
      plan: input.planId,
      consents,
      charter: input.charterVersion,
      ...(via.sessionId ? { trainingSession: via.sessionId } : {}),
    });
    return id;
  });
}
