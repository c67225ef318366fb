// The membership, charter and visit procedures, wired to their services. Role checks are the
// contract's; what depends on whose data it is (own profile, own PIN) is checked here.
import type { Caller, Handlers } from '../../api/dispatcher';
import { DomainError } from '../../api/errors';
import type { SessionInfo } from '../../api/models';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { verifyPin } from '../auth/pin';
import type { SessionStore } from '../auth/sessions';
import { acceptCharter, charterInfo, listCharters, publishCharter } from '../charters/charters';
import type { ModuleLibrary } from '../training/library';
import type { TrainingSessions } from '../training/sessions';
import type { Visits } from '../visits/visits';
import { checkConsents, recordConsents } from './consents';
import { eraseMember } from './erase';
import { exportMember } from './export';
import { listMembers } from './list';
import { memberProfile } from './profile';
import { sessionMember } from './session-member';
import { createMember } from './sign-up';
import { updateMember } from './update';

export interface MembershipDeps {
  store: Store;
  audit: AuditLog;
  sessions: SessionStore;
  visits: Visits;
  library: ModuleLibrary;
  trainingSessions: TrainingSessions;
  now: () => Date;
}

function self(caller: Caller): string {
  if (!caller.memberId) throw new DomainError('unauthenticated');
  return caller.memberId;
}

export function membershipHandlers(d: MembershipDeps) {
  const { store, audit, sessions, visits, library, now } = d;
  const signedIn = (sessionId: string, memberId: string): SessionInfo => {
    const member = sessionMember(store, memberId);
    if (!member) throw new DomainError('not_found', { what: 'member' });
    sessions.signIn(sessionId, member);
    return { role: member.role, member };
  };
  const refresh = (memberId: string) => sessions.refreshMember(memberId, sessionMember(store, memberId));
  const erase = async (memberId: string, by: { actor: string | null; self: boolean }) => {
    eraseMember(store, audit, memberId, by, now());
    sessions.refreshMember(memberId, null);
    await d.trainingSessions.rewriteReportsOf(memberId);
  };

  return {
    'kiosk.charter': () => charterInfo(store),
    'visits.current': () => visits.presence(),
    'visits.checkIn': ({ purpose, eventId }, caller) => visits.checkIn(self(caller), purpose, eventId),
    'visits.checkOut': (_, caller) => visits.checkOut(self(caller)),

    'members.signUp': async (input, caller) => {
      const id = await createMember(store, audit, input, { actor: null }, now);
      if (caller.memberId) audit.record(caller.memberId, 'session.sign_out', caller.memberId, { reason: 'sign_up' });
      audit.record(id, 'session.sign_in', id);
      return signedIn(caller.sessionId, id);
    },
    'members.me': (_, caller) => memberProfile(store, library, visits, self(caller), now()),
    'members.acceptCharter': ({ version }, caller) => {
      const id = self(caller);
      acceptCharter(store, audit, id, version, now());
      return signedIn(caller.sessionId, id);
    },
    'members.setConsents': ({ purposes }, caller) => {
      const id = self(caller);
      const given = checkConsents(store, purposes);
      store.writer.transaction(() => {
        const changed = recordConsents(store, id, given);
        if (changed.length > 0) audit.record(id, 'consent.change', id, { changed });
      });
      return memberProfile(store, library, visits, id, now());
    },
    'members.exportData': (_, caller) => {
      const id = self(caller);
      const data = exportMember(store, library, visits, id, now());
      audit.record(id, 'member.export', id);
      return data;
    },
    'members.closeAccount': async ({ pin }, caller) => {
      const id = self(caller);
      const hash = store.db.prepare('SELECT pin_hash FROM members WHERE id = ?').pluck().get(id) as string;
      if (!(await verifyPin(pin, hash))) throw new DomainError('bad_credentials');
      await erase(id, { actor: id, self: true });
      return { role: 'visitor', member: null };
    },
    'members.get': ({ memberId }) => memberProfile(store, library, visits, memberId, now()),
    'members.update': async (edit, caller) => {
      await updateMember(store, audit, caller.memberId, edit);
      refresh(edit.memberId);
      return memberProfile(store, library, visits, edit.memberId, now());
    },
    'members.erase': async ({ memberId }, caller) => {
      await erase(memberId, { actor: caller.memberId, self: memberId === caller.memberId });
      return null;
    },
    'members.search': ({ query }) => listMembers(store, query, 20),

    'charters.list': () => listCharters(store),
    'charters.publish': (input, caller) => {
      const published = publishCharter(store, audit, caller.memberId, input, now());
      return published;
    },
  } satisfies Partial<Handlers>;
}
