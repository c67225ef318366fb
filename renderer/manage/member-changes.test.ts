import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MemberProfile } from '../../electron/api/types';
import { changesOf, formOf } from './member-changes';

const lea: MemberProfile = {
  id: 'lea',
  displayName: 'Léa Dubois',
  role: 'member',
  profileCategory: 'pupil_student',
  email: null,
  phone: '06 12 34 56 78',
  planId: 'fablab-membership',
  createdAt: '2026-01-01T00:00:00Z',
  lockedUntil: null,
  consents: [],
  charter: { accepted: '1', acceptedAt: null, current: '1', upToDate: true },
  certifications: [],
  recentVisits: [],
  currentVisit: null,
  coworking: null,
  firstVisitFree: false,
  jobsCount: 0,
  balanceCents: 0,
};

test('nothing changed, nothing sent', () => {
  assert.deepEqual(changesOf(lea, formOf(lea)), {});
});

test('only what differs, tidied; an emptied contact is sent as "" (cleared)', () => {
  const form = { ...formOf(lea), displayName: ' Léa  Dubois ', phone: '', planId: null, role: 'trainer' as const, pin: '8264' };
  assert.deepEqual(changesOf(lea, form), { phone: '', planId: null, role: 'trainer', pin: '8264' });
  assert.deepEqual(changesOf(lea, { ...formOf(lea), email: 'lea@exemple.fr' }), { email: 'lea@exemple.fr' });
});
