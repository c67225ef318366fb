// What a manager changed in a profile, as the fields `members.update` takes: only those that differ,
// so that an edit of the plan does not rewrite the name (and the audit log says what really changed).
import type { MemberProfile, Role } from '../../electron/api/types';

export interface MemberForm {
  displayName: string;
  email: string;
  phone: string;
  profileCategory: string;
  planId: string | null;
  role: Exclude<Role, 'visitor'>;
  /** '' = unchanged. */
  pin: string;
}

export function formOf(p: MemberProfile): MemberForm {
  return {
    displayName: p.displayName,
    email: p.email ?? '',
    phone: p.phone ?? '',
    profileCategory: p.profileCategory,
    planId: p.planId,
    role: p.role === 'visitor' ? 'member' : p.role,
    pin: '',
  };
}

export type MemberChanges = Partial<Omit<MemberForm, 'pin'>> & { pin?: string };

export function changesOf(before: MemberProfile, form: MemberForm): MemberChanges {
  const was = formOf(before);
  const out: MemberChanges = {};
  const name = form.displayName.replace(/\s+/gu, ' ').trim();
  if (name !== was.displayName) out.displayName = name;
  if (form.email.trim() !== was.email) out.email = form.email.trim();
  if (form.phone.trim() !== was.phone) out.phone = form.phone.trim();
  if (form.profileCategory !== was.profileCategory) out.profileCategory = form.profileCategory;
  if (form.planId !== was.planId) out.planId = form.planId;
  if (form.role !== was.role) out.role = form.role;
  if (form.pin) out.pin = form.pin;
  return out;
}
