import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDispatcher, type Caller, type Handlers } from './dispatcher';
import { DomainError } from './errors';
import type { Role } from './roles';

function setup(role: Role, overrides: Partial<Handlers> = {}) {
  const calls: string[] = [];
  const handler = (name: string) => () => {
    calls.push(name);
    return null as never;
  };
  const handlers = new Proxy({} as Handlers, {
    get: (_t, name: string) => (overrides as Record<string, unknown>)[name] ?? handler(name),
  });
  const caller: Caller = { sessionId: 's1', role, memberId: role === 'visitor' ? null : 'm1' };
  const errors: unknown[] = [];
  const dispatch = createDispatcher(handlers, { caller: () => caller }, (_n, e) => errors.push(e));
  return { dispatch, calls, errors };
}

test('a malformed call is refused with the offending field named, and the service is not called', async () => {
  const { dispatch, calls } = setup('visitor');
  const r = await dispatch('s1', 'session.signIn', { name: 'Léa Dubois', pin: '12a' });
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.error.code === 'invalid_input');
  assert.equal(!r.ok && r.error.params?.field, 'pin');
  assert.deepEqual(calls, []);
});

test('a missing field and a stray field are both named', async () => {
  const { dispatch } = setup('visitor');
  const missing = await dispatch('s1', 'session.signIn', { pin: '1234' });
  assert.ok(!missing.ok && missing.error.issues?.some((i) => i.field === 'name' && i.rule === 'invalid_type'));
  const stray = await dispatch('s1', 'session.signIn', { name: 'A', pin: '1234', admin: true });
  assert.ok(!stray.ok && stray.error.issues?.some((i) => i.field === 'admin' && i.rule === 'unrecognized_key'));
});

test('a call above the caller\'s role is refused before validation', async () => {
  const visitor = setup('visitor');
  const r1 = await visitor.dispatch('s1', 'members.list', { query: 42 });
  assert.ok(!r1.ok && r1.error.code === 'unauthenticated');
  const member = setup('member');
  const r2 = await member.dispatch('s1', 'audit.list', {});
  assert.ok(!r2.ok && r2.error.code === 'forbidden' && r2.error.params?.required === 'manager');
  assert.deepEqual([...visitor.calls, ...member.calls], []);
});

test('the required role or above passes, with schema defaults applied', async () => {
  let seen: unknown;
  const { dispatch } = setup('manager', {
    'audit.list': (input) => {
      seen = input;
      return [];
    },
  });
  const r = await dispatch('s1', 'audit.list', {});
  assert.deepEqual(r, { ok: true, value: [] });
  assert.deepEqual(seen, { limit: 100 });
});

test('unknown procedures and prototype names are refused', async () => {
  const { dispatch } = setup('manager');
  for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
    const r = await dispatch('s1', name, {});
    assert.ok(!r.ok && r.error.code === 'unknown_procedure', name);
  }
});

test('domain errors pass through with their params; other failures are hidden as internal', async () => {
  const { dispatch, errors } = setup('visitor', {
    'session.signIn': () => {
      throw new DomainError('bad_credentials', { attemptsLeft: 2 });
    },
    'kiosk.info': () => {
      throw new Error('disk on fire at /secret/path');
    },
  });
  const r1 = await dispatch('s1', 'session.signIn', { name: 'Léa', pin: '0000' });
  assert.deepEqual(r1, { ok: false, error: { code: 'bad_credentials', params: { attemptsLeft: 2 } } });
  const r2 = await dispatch('s1', 'kiosk.info', {});
  assert.deepEqual(r2, { ok: false, error: { code: 'internal', params: { procedure: 'kiosk.info' } } });
  assert.equal(errors.length, 1);
});
