import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demo, tempBackend } from '../../../test/support/temp-backend';

function clock(start = Date.parse('2026-11-23T10:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

test('a wrong PIN says how many tries are left; the third locks the account for five minutes', async () => {
  const c = clock();
  const b = await tempBackend({ now: c.now });
  try {
    const s = b.openSession();
    const wrong = { name: demo.member.name, pin: '0000' };
    const r1 = await b.dispatch(s, 'session.signIn', wrong);
    assert.deepEqual(r1, { ok: false, error: { code: 'bad_credentials', params: { attemptsLeft: 2 } } });
    const r2 = await b.dispatch(s, 'session.signIn', wrong);
    assert.ok(!r2.ok && r2.error.params?.attemptsLeft === 1);
    const r3 = await b.dispatch(s, 'session.signIn', wrong);
    assert.ok(!r3.ok && r3.error.code === 'account_locked');
    assert.equal(!r3.ok && r3.error.params?.until, '2026-11-23T10:05:00.000Z');
    // Even the right PIN is refused while locked.
    const r4 = await b.dispatch(s, 'session.signIn', demo.member);
    assert.ok(!r4.ok && r4.error.code === 'account_locked');
    c.advance(5 * 60_000 + 1);
    const r5 = await b.dispatch(s, 'session.signIn', { name: 'lea DUBOIS', pin: demo.member.pin });
    assert.ok(r5.ok && r5.value && (r5.value as { member: { displayName: string } }).member.displayName === 'Léa Dubois');
  } finally {
    b.dispose();
  }
});

test('the failure count survives a restart of the kiosk', async () => {
  const first = await tempBackend();
  const s = first.openSession();
  await first.dispatch(s, 'session.signIn', { name: demo.member.name, pin: '9999' });
  await first.dispatch(s, 'session.signIn', { name: demo.member.name, pin: '9999' });
  first.close();
  const { createBackend } = await import('../../backend');
  const second = await createBackend({ dataDir: first.dataDir, pollMs: 0 });
  const r = await second.dispatch(second.openSession(), 'session.signIn', { name: demo.member.name, pin: '9999' });
  assert.ok(!r.ok && r.error.code === 'account_locked');
  second.close();
});

test('an unknown name gets the generic refusal, without a count', async () => {
  const b = await tempBackend();
  try {
    const r = await b.dispatch(b.openSession(), 'session.signIn', { name: 'Personne Inconnue', pin: '1234' });
    assert.deepEqual(r, { ok: false, error: { code: 'bad_credentials' } });
  } finally {
    b.dispose();
  }
});

test('signing in gives the member role; the idle timeout ends it and tells the screen', async () => {
  const c = clock();
  const b = await tempBackend({ now: c.now, idleTimeoutS: 60 });
  try {
    const events: unknown[] = [];
    b.events.subscribe((e, sid) => events.push([e, sid]));
    const s = b.openSession();
    const r = await b.dispatch(s, 'session.signIn', demo.manager);
    assert.ok(r.ok);
    assert.ok((await b.dispatch(s, 'members.list', {})).ok);
    c.advance(59_000);
    assert.ok((await b.dispatch(s, 'session.touch', {})).ok);
    c.advance(59_000);
    assert.ok((await b.dispatch(s, 'members.list', {})).ok, 'activity kept the session alive');
    c.advance(61_000);
    const after = await b.dispatch(s, 'members.list', {});
    assert.ok(!after.ok && after.error.code === 'unauthenticated');
    assert.deepEqual(events, [[{ type: 'session.ended', reason: 'idle' }, s]]);
    const audit = b.store.db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
    assert.deepEqual(audit, ['session.sign_in']);
  } finally {
    b.dispose();
  }
});
