// Membership through the real dispatcher: sign-up and its refusals (which write nothing), the charter
// asked again after a new version, consents, check-in with coworking days and the free first visit,
// managers' edits, data export, account closure that keeps the jobs anonymised, and the PIN lockout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
  AuditEntry,
  CharterInfo,
  CharterVersion,
  JobView,
  MemberExport,
  MemberProfile,
  MemberSummary,
  Presence,
  SessionInfo,
  StoredFile,
  VisitView,
} from '../../electron/api/models';
import { demo, screen, tempBackend, type TempBackend } from '../support/temp-backend';

function clock(start = Date.parse('2026-11-23T08:30:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms), set: (iso: string) => (t = Date.parse(iso)) };
}

const newcomer = {
  displayName: 'Zoé Lambert',
  email: 'zoe.lambert@example.org',
  phone: '06 12 34 56 78',
  profileCategory: 'artist',
  planId: 'coworking-20-days',
  pin: '4826',
  consentPurposes: ['membership', 'certifications', 'newsletter'],
  charterVersion: '1',
};

/** Rows of every table a sign-up writes to, to show that a refusal wrote nothing. */
function footprint(b: TempBackend): number[] {
  return ['members', 'consents', 'charter_acceptances', 'outbox', 'audit_log'].map(
    (t) => b.store.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number,
  );
}

test('a visitor signs up at the kiosk with the charter and consents, and is signed in', async () => {
  const b = await tempBackend();
  try {
    const v = await screen(b);
    const charter = await v.ok<CharterInfo>('kiosk.charter');
    assert.equal(charter.version, '1');
    assert.match(charter.text.fr, /Charte/);
    assert.deepEqual(
      charter.purposes.map((p) => [p.code, p.kind]),
      [['membership', 'required'], ['certifications', 'required'], ['newsletter', 'optional'], ['statistics', 'information']],
    );
    const session = await v.ok<SessionInfo>('members.signUp', newcomer);
    assert.equal(session.role, 'member');
    assert.deepEqual({ ...session.member, id: '' }, { id: '', displayName: 'Zoé Lambert', role: 'member', profileCategory: 'artist', charterCurrent: true });
    assert.deepEqual((await v.ok<SessionInfo>('session.current')).member?.id, session.member!.id);

    const me = await v.ok<MemberProfile>('members.me');
    assert.equal(me.email, 'zoe.lambert@example.org');
    assert.equal(me.planId, 'coworking-20-days');
    assert.deepEqual(me.consents.map((c) => [c.purpose, c.given]), [['membership', true], ['certifications', true], ['newsletter', true], ['statistics', true]]);
    assert.deepEqual(me.charter, { accepted: '1', acceptedAt: me.charter.acceptedAt, current: '1', upToDate: true });
    assert.ok(me.certifications.length >= 5 && me.certifications.every((c) => c.status === 'none'));
    assert.equal(me.firstVisitFree, true);
    assert.equal(me.balanceCents, 0);

    // The same person signs in again with the name typed any way.
    const again = await screen(b);
    assert.ok((await again.call('session.signIn', { name: 'zoe LAMBERT', pin: '4826' })).ok);
    // The audit trail records the sign-up without the name or the contact details: it outlives an erasure.
    const row = b.store.db.prepare("SELECT details_json FROM audit_log WHERE action = 'member.sign_up'").pluck().get() as string;
    assert.ok(!row.includes('Zoé') && !row.includes('example.org'), row);
    assert.deepEqual(JSON.parse(row).consents, ['membership', 'certifications', 'newsletter']);
  } finally {
    await b.dispose();
  }
});

test('a sign-up with a missing consent, an old charter, an easy PIN, a taken name or a bad field is refused and writes nothing', async () => {
  const b = await tempBackend();
  try {
    const v = await screen(b);
    const before = footprint(b);
    const refusals: [Record<string, unknown>, string, Record<string, unknown> | undefined][] = [
      [{ consentPurposes: ['membership'] }, 'consent_required', { purposes: 'certifications' }],
      [{ consentPurposes: [] }, 'consent_required', { purposes: 'membership,certifications' }],
      [{ consentPurposes: ['membership', 'certifications', 'statistics'] }, 'invalid_input', { field: 'consentPurposes', value: 'statistics' }],
      [{ consentPurposes: ['membership', 'certifications', 'marketing'] }, 'invalid_input', { field: 'consentPurposes', value: 'marketing' }],
      [{ charterVersion: '0' }, 'charter_outdated', { current: '1' }],
      [{ pin: '1111' }, 'weak_pin', { rule: 'repeated' }],
      [{ pin: '3456' }, 'weak_pin', { rule: 'sequence' }],
      [{ pin: '876543' }, 'weak_pin', { rule: 'sequence' }],
      [{ displayName: 'lea dubois' }, 'name_taken', { name: 'lea dubois' }],
      [{ displayName: '!!!' }, 'invalid_input', { field: 'displayName' }],
      [{ profileCategory: 'astronaut' }, 'invalid_input', { field: 'profileCategory' }],
      [{ planId: 'gold' }, 'invalid_input', { field: 'planId' }],
      [{ email: 'not an email' }, 'invalid_input', { field: 'email' }],
      [{ phone: 'call me' }, 'invalid_input', { field: 'phone' }],
      [{ pin: '12a4' }, 'invalid_input', { field: 'pin' }],
      [{ displayName: 'Zoé\u0007' }, 'invalid_input', { field: 'displayName' }],
      [{ role: 'manager' }, 'invalid_input', { field: 'role' }],
    ];
    for (const [change, code, params] of refusals) {
      const r = await v.call('members.signUp', { ...newcomer, ...change });
      assert.ok(!r.ok, JSON.stringify(change));
      assert.equal(r.error.code, code, JSON.stringify(change));
      assert.deepEqual(r.error.params, params, JSON.stringify(change));
    }
    assert.deepEqual(footprint(b), before);
    assert.equal((await v.ok<SessionInfo>('session.current')).role, 'visitor');
    // Empty contact fields mean none.
    const s = await v.ok<SessionInfo>('members.signUp', { ...newcomer, email: '', phone: '', planId: null });
    const me = await v.ok<MemberProfile>('members.me');
    assert.deepEqual([me.email, me.phone, me.planId], [null, null, null]);
    assert.ok(s.member);
  } finally {
    await b.dispose();
  }
});

test('a new charter version is asked again at the next sign-in, without blocking it', async () => {
  const b = await tempBackend();
  try {
    const manager = await screen(b, demo.manager);
    const lea = await screen(b, demo.member);
    const refused = await lea.call('charters.publish', { version: '2', text: { fr: 'x', en: 'x' } });
    assert.ok(!refused.ok && refused.error.code === 'forbidden');
    const v2 = await manager.ok<CharterVersion>('charters.publish', {
      version: '2',
      text: { fr: 'Charte, version 2.\n\n1. Les machines se réservent sur le kiosque.', en: 'Charter, version 2.\n\n1. Machines are booked on the kiosk.' },
    });
    assert.equal(v2.current, true);
    assert.equal(v2.publishedBy, 'Camille Martin');
    const dup = await manager.call('charters.publish', { version: '2', text: { fr: 'x', en: 'x' } });
    assert.deepEqual(!dup.ok && dup.error, { code: 'conflict', params: { reason: 'version_exists', version: '2' } });

    // Already signed in: the session says so on its next look; a new sign-in too.
    assert.equal((await lea.ok<SessionInfo>('session.current')).member?.charterCurrent, false);
    const fresh = await screen(b);
    const signIn = await fresh.ok<SessionInfo>('session.signIn', demo.member);
    assert.equal(signIn.member?.charterCurrent, false);
    assert.equal((await fresh.ok<CharterInfo>('kiosk.charter')).version, '2');
    const me = await fresh.ok<MemberProfile>('members.me');
    assert.deepEqual([me.charter.accepted, me.charter.current, me.charter.upToDate], ['1', '2', false]);
    const old = await fresh.call('members.acceptCharter', { version: '1' });
    assert.deepEqual(!old.ok && old.error, { code: 'charter_outdated', params: { current: '2' } });
    const accepted = await fresh.ok<SessionInfo>('members.acceptCharter', { version: '2' });
    assert.equal(accepted.member?.charterCurrent, true);
    // A sign-up must accept the version in force.
    const late = await (await screen(b)).call('members.signUp', newcomer);
    assert.ok(!late.ok && late.error.code === 'charter_outdated');

    const list = await manager.ok<CharterVersion[]>('charters.list');
    assert.deepEqual(list.map((c) => [c.version, c.current, c.acceptedBy]), [['2', true, 1], ['1', false, 3]]);
    const audit = await manager.ok<AuditEntry[]>('audit.list', { limit: 50 });
    assert.ok(audit.some((a) => a.action === 'charter.publish'));
    assert.ok(audit.some((a) => a.action === 'charter.accept' && a.actor === 'Léa Dubois'));
  } finally {
    await b.dispose();
  }
});

test('optional consents can be withdrawn, required ones cannot', async () => {
  const b = await tempBackend();
  try {
    const v = await screen(b);
    await v.ok('members.signUp', newcomer);
    const me = await v.ok<MemberProfile>('members.setConsents', { purposes: ['membership', 'certifications'] });
    assert.equal(me.consents.find((c) => c.purpose === 'newsletter')?.given, false);
    const r = await v.call('members.setConsents', { purposes: ['certifications'] });
    assert.deepEqual(!r.ok && r.error, { code: 'consent_required', params: { purposes: 'membership' } });
    const rows = b.store.db.prepare("SELECT given FROM consents WHERE purpose_code = 'newsletter' ORDER BY created_at, id").pluck().all();
    assert.deepEqual(rows, [1, 0]);
  } finally {
    await b.dispose();
  }
});

test('check-in: the first visit is free, a coworking day is counted once per Paris day against the plan', async () => {
  const c = clock();
  const b = await tempBackend({ now: c.now, idleTimeoutS: 1e9 });
  try {
    const v = await screen(b);
    await v.ok('members.signUp', newcomer);
    const first = await v.ok<VisitView>('visits.checkIn', { purpose: 'fablab' });
    assert.equal(first.firstVisitFree, true);
    assert.equal(first.coworking, null);
    const cowork = await v.ok<VisitView>('visits.checkIn', { purpose: 'coworking' });
    assert.equal(cowork.firstVisitFree, false);
    assert.deepEqual(cowork.coworking, {
      plan: 'coworking-20-days',
      counted: true,
      extra: false,
      daysIncluded: 20,
      daysUsed: 1,
      daysLeft: 19,
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
    });
    assert.ok((await v.ok<MemberProfile>('members.me')).recentVisits[1]!.checkedOutAt, 'the fablab visit was closed by the coworking check-in');
    const same = await v.ok<VisitView>('visits.checkIn', { purpose: 'coworking' });
    assert.equal(same.id, cowork.id, 'checking in twice is one visit');
    assert.deepEqual(await (await screen(b)).ok<Presence>('visits.current'), { total: 1, byPurpose: { fablab: 0, coworking: 1, event: 0 } });
    const out = await v.ok<VisitView>('visits.checkOut');
    assert.ok(out.checkedOutAt);
    const none = await v.call('visits.checkOut');
    assert.deepEqual(!none.ok && none.error, { code: 'not_found', params: { what: 'visit' } });
    // Back in the afternoon: the same day, not counted again.
    c.advance(5 * 3600_000);
    const afternoon = await v.ok<VisitView>('visits.checkIn', { purpose: 'coworking' });
    assert.deepEqual([afternoon.coworking?.counted, afternoon.coworking?.daysLeft], [false, 19]);
    // 23:30 in Paris is still the same day (22:30 UTC); 00:30 is the next one, and the forgotten visit is closed.
    c.set('2026-11-23T22:30:00Z');
    assert.equal((await v.ok<VisitView>('visits.checkIn', { purpose: 'coworking' })).coworking?.daysLeft, 19);
    c.set('2026-11-23T23:30:00Z');
    const next = await v.ok<VisitView>('visits.checkIn', { purpose: 'coworking' });
    assert.deepEqual([next.coworking?.counted, next.coworking?.daysLeft], [true, 18]);
    assert.equal(b.store.db.prepare('SELECT COUNT(*) FROM visits WHERE auto_closed = 1').pluck().get(), 1);
    // A new quarter gives the days back.
    c.set('2027-01-05T09:00:00Z');
    const q1 = await v.ok<VisitView>('visits.checkIn', { purpose: 'coworking' });
    assert.deepEqual([q1.coworking?.daysUsed, q1.coworking?.daysLeft, q1.coworking?.periodStart], [1, 19, '2027-01-01']);

    // Léa's association membership covers no coworking: her day is an extra one, for the ledger.
    const lea = await screen(b, demo.member);
    const extra = await lea.ok<VisitView>('visits.checkIn', { purpose: 'coworking' });
    assert.deepEqual([extra.coworking?.counted, extra.coworking?.extra], [false, true]);
    // Events are the site's own.
    const event = await lea.ok<VisitView>('visits.checkIn', { purpose: 'event', eventId: 'openlab' });
    assert.equal(event.eventId, 'openlab');
    const unknown = await lea.call('visits.checkIn', { purpose: 'event', eventId: 'rave' });
    assert.ok(!unknown.ok && unknown.error.code === 'invalid_input');
    const anonymous = await (await screen(b)).call('visits.checkIn', { purpose: 'fablab' });
    assert.ok(!anonymous.ok && anonymous.error.code === 'unauthenticated');
  } finally {
    await b.dispose();
  }
});

test('managers search, read and edit profiles; every change is audited; the last manager keeps the role', async () => {
  const b = await tempBackend();
  try {
    const manager = await screen(b, demo.manager);
    const karim = (await manager.ok<MemberSummary[]>('members.list', { query: 'haddad' }))[0]!;
    const profile = await manager.ok<MemberProfile>('members.get', { memberId: karim.id });
    assert.equal(profile.certifications.find((c) => c.module === 'laser')?.status, 'expired');
    const k = await screen(b, demo.karim);
    const updated = await manager.ok<MemberProfile>('members.update', {
      memberId: karim.id,
      displayName: 'Karim Haddad-Benali',
      email: 'karim@example.org',
      profileCategory: 'entrepreneur',
      planId: 'coworking-permanent',
      role: 'trainer',
    });
    assert.deepEqual([updated.displayName, updated.email, updated.profileCategory, updated.planId, updated.role], ['Karim Haddad-Benali', 'karim@example.org', 'entrepreneur', 'coworking-permanent', 'trainer']);
    // Karim's open screen follows his new role.
    assert.equal((await k.ok<SessionInfo>('session.current')).role, 'trainer');
    const taken = await manager.call('members.update', { memberId: karim.id, displayName: 'Léa Dubois' });
    assert.ok(!taken.ok && taken.error.code === 'name_taken');
    const me = (await manager.ok<SessionInfo>('session.current')).member!;
    const last = await manager.call('members.update', { memberId: me.id, role: 'member' });
    assert.deepEqual(!last.ok && last.error, { code: 'conflict', params: { reason: 'last_manager' } });
    const weak = await manager.call('members.update', { memberId: karim.id, pin: '0000' });
    assert.ok(!weak.ok && weak.error.code === 'weak_pin');
    await manager.ok('members.update', { memberId: karim.id, pin: '2580', unlock: true });
    assert.ok((await (await screen(b)).call('session.signIn', { name: 'Karim Haddad-Benali', pin: '2580' })).ok);
    const audit = await manager.ok<AuditEntry[]>('audit.list', { limit: 20 });
    const edits = audit.filter((a) => a.action === 'member.update' && a.target === karim.id);
    assert.equal(edits.length, 2);
    assert.ok(!JSON.stringify(edits).includes('example.org'), 'values of personal fields stay out of the audit');

    const lea = await screen(b, demo.member);
    for (const [name, input] of [['members.get', { memberId: karim.id }], ['members.update', { memberId: karim.id, role: 'manager' }], ['members.list', {}]] as const) {
      const r = await lea.call(name, input);
      assert.ok(!r.ok && r.error.code === 'forbidden', name);
    }
    const unknown = await manager.call('members.get', { memberId: 'nobody' });
    assert.ok(!unknown.ok && unknown.error.code === 'not_found');
  } finally {
    await b.dispose();
  }
});

test('a member exports their data, then closes their account: the person is erased, the jobs stay anonymised', async () => {
  const b = await tempBackend();
  try {
    const lea = await screen(b, demo.member);
    const gcode = Buffer.from('G21\nG90\nM82\nM104 S210\nM140 S60\nM109 S210\nG28\nG92 E0\nG1 Z0.3 F600\nG1 X50 Y50 E2 F1200\nM104 S0\n');
    const { uploadId } = await lea.ok<{ uploadId: string }>('files.uploadBegin', { name: 'porte-clés.gcode', size: gcode.length });
    await lea.ok('files.uploadChunk', { uploadId, offset: 0, data: gcode.toString('base64') });
    const file = await lea.ok<StoredFile>('files.uploadFinish', { uploadId });
    const job = await lea.ok<JobView>('jobs.queue', { fileId: file.id, machineId: 'prusa-mk4', materialId: 'pla-175' });
    await lea.ok('visits.checkIn', { purpose: 'fablab' });

    const exported = await lea.ok<MemberExport>('members.exportData');
    assert.match(exported.fileName, /\.json$/);
    assert.equal(exported.data.profile.displayName, 'Léa Dubois');
    assert.deepEqual(exported.data.jobs.map((j) => [j.id, j.file]), [[job.id, 'porte-clés.gcode']]);
    assert.equal(exported.data.visits.length, 1);
    assert.deepEqual(exported.data.certifications.map((c) => c.module).sort(), ['fdm', 'laser']);
    assert.deepEqual(exported.data.charterAcceptances.map((a) => a.version), ['1']);
    assert.deepEqual(JSON.parse(exported.json).profile.displayName, 'Léa Dubois');

    const wrong = await lea.call('members.closeAccount', { pin: '9999' });
    assert.ok(!wrong.ok && wrong.error.code === 'bad_credentials');
    const leaId = (await lea.ok<SessionInfo>('session.current')).member!.id;
    const other = await screen(b, demo.member);
    const closed = await lea.ok<SessionInfo>('members.closeAccount', { pin: demo.member.pin });
    assert.deepEqual(closed, { role: 'visitor', member: null });
    assert.equal((await other.ok<SessionInfo>('session.current')).role, 'visitor', 'every screen she was signed in on is signed out');

    const row = b.store.db.prepare('SELECT display_name, name_key, email, phone, pin_hash, erased_at FROM members WHERE id = ?').get(leaId) as Record<string, string | null>;
    assert.deepEqual({ ...row, erased_at: row.erased_at !== null }, { display_name: 'Membre supprimé', name_key: '', email: null, phone: null, pin_hash: '', erased_at: true });
    const jobRow = b.store.db.prepare('SELECT member_id FROM jobs WHERE id = ?').pluck().get(job.id);
    assert.equal(jobRow, leaId, 'the job keeps its member id for the ledger');
    const manager = await screen(b, demo.manager);
    const jobs = await manager.ok<JobView[]>('jobs.list', { limit: 10 });
    assert.equal(jobs.find((j) => j.id === job.id)?.memberName, 'Membre supprimé');
    assert.ok(!(await manager.ok<MemberSummary[]>('members.list', {})).some((m) => m.id === leaId));
    const signIn = await (await screen(b)).call('session.signIn', demo.member);
    assert.deepEqual(!signIn.ok && signIn.error, { code: 'bad_credentials' });
    const audit = await manager.ok<AuditEntry[]>('audit.list', { limit: 20 });
    assert.ok(audit.some((a) => a.action === 'member.export'));
    assert.ok(audit.some((a) => a.action === 'member.erase' && a.details.self === true));
    // Her name is free again.
    assert.ok((await (await screen(b)).call('members.signUp', { ...newcomer, displayName: 'Léa Dubois' })).ok);
  } finally {
    await b.dispose();
  }
});

test('a new member is locked out for five minutes after three wrong PINs, like everyone', async () => {
  const c = clock();
  const b = await tempBackend({ now: c.now });
  try {
    await (await screen(b)).ok('members.signUp', newcomer);
    const s = await screen(b);
    const wrong = { name: newcomer.displayName, pin: '7777' };
    assert.deepEqual((await s.call('session.signIn', wrong)), { ok: false, error: { code: 'bad_credentials', params: { attemptsLeft: 2 } } });
    await s.call('session.signIn', wrong);
    const locked = await s.call('session.signIn', wrong);
    assert.deepEqual(!locked.ok && locked.error, { code: 'account_locked', params: { until: '2026-11-23T08:35:00.000Z' } });
    const right = await s.call('session.signIn', { name: newcomer.displayName, pin: newcomer.pin });
    assert.ok(!right.ok && right.error.code === 'account_locked');
    c.advance(5 * 60_000 + 1);
    assert.ok((await s.call('session.signIn', { name: newcomer.displayName, pin: newcomer.pin })).ok);
  } finally {
    await b.dispose();
  }
});
