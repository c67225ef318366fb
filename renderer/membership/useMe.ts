// The signed-in member's whole profile (certifications, visit, coworking days, balance), read again
// whenever the person changes (sign-in, sign-out) or a screen asks for it.
import type { MemberProfile } from '../../electron/api/types';
import { useKiosk } from '../state/kiosk';
import { useLoad, type Loaded } from '../state/useLoad';

export function useMe(): { me: Loaded<MemberProfile>; reload(): void } {
  const { call, member } = useKiosk();
  const memberId = member?.id ?? null;
  const { state, reload } = useLoad(
    () => (memberId ? call('members.me', {}) : Promise.reject(new Error('signed out'))),
    [call, memberId],
  );
  return { me: state, reload };
}
