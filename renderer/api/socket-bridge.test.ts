import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiEvent } from '../../electron/api/types';
import { createSocketBridge, defaultBackoff, type ConnectionInfo, type SocketLike, type Timers } from './socket-bridge';

class FakeSocket implements SocketLike {
  sent: string[] = [];
  closed = false;
  onopen: ((ev: object) => void) | null = null;
  onclose: ((ev: object) => void) | null = null;
  onerror: ((ev: object) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    if (this.closed) throw new Error('closed');
    this.sent.push(data);
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.onopen?.({});
  }
  drop(): void {
    this.closed = true;
    this.onerror?.({});
    this.onclose?.({});
  }
  reply(data: unknown): void {
    this.onmessage?.({ data: JSON.stringify(data) });
  }
  calls(): { id: number; name: string; input: unknown }[] {
    return this.sent.map((s) => JSON.parse(s) as { id: number; name: string; input: unknown });
  }
}

class FakeTimers implements Timers {
  pending: { fn: () => void; ms: number; id: number }[] = [];
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.push({ fn, ms, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }
  runNext(): number {
    const p = this.pending.shift();
    if (!p) throw new Error('no timer is scheduled');
    p.fn();
    return p.ms;
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers = new FakeTimers();
  const bridge = createSocketBridge({
    url: 'ws://kiosk/api',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    timers,
  });
  const last = (): FakeSocket => {
    const s = sockets.at(-1);
    if (!s) throw new Error('no socket');
    return s;
  };
  return { bridge, sockets, timers, last };
}

const tick = () => new Promise((r) => setImmediate(r));

test('queues calls until the socket opens, then matches replies by id', async () => {
  const { bridge, last } = setup();
  assert.equal(last().url, 'ws://kiosk/api');
  assert.equal(bridge.connection().state, 'connecting');
  const a = bridge.call('kiosk.info', {});
  const b = bridge.call('members.list', { query: 'lea' });
  assert.deepEqual(last().sent, []);
  last().open();
  assert.equal(bridge.connection().state, 'open');
  const [ca, cb] = last().calls();
  if (!ca || !cb) throw new Error('two calls sent');
  assert.equal(ca.name, 'kiosk.info');
  assert.deepEqual(cb.input, { query: 'lea' });
  assert.notEqual(ca.id, cb.id);
  // Replies may come in any order.
  last().reply({ id: cb.id, result: { ok: true, value: [] } });
  last().reply({ id: ca.id, result: { ok: false, error: { code: 'internal' } } });
  assert.deepEqual(await b, { ok: true, value: [] });
  assert.deepEqual(await a, { ok: false, error: { code: 'internal' } });
});

test('sends at once when open and ignores junk and unknown ids', async () => {
  const { bridge, last } = setup();
  last().open();
  const p = bridge.call('session.current', {});
  const call = last().calls()[0];
  if (!call) throw new Error('a call sent');
  last().onmessage?.({ data: 'not json' });
  last().onmessage?.({ data: 42 });
  last().reply({ id: 999, result: { ok: true, value: 1 } });
  last().reply(null);
  last().reply({ id: call.id, result: { ok: true, value: { role: 'visitor', member: null } } });
  assert.deepEqual(await p, { ok: true, value: { role: 'visitor', member: null } });
});

test('dispatches events to listeners until they unsubscribe', () => {
  const { bridge, last } = setup();
  last().open();
  const seen: ApiEvent[] = [];
  const off = bridge.onEvent((e) => seen.push(e));
  bridge.onEvent(() => {
    throw new Error('a faulty listener');
  });
  const ev: ApiEvent = { type: 'machine.status', machineId: 'm1', status: 'running' };
  last().reply({ event: ev });
  off();
  last().reply({ event: { type: 'session.ended', reason: 'idle' } });
  assert.deepEqual(seen, [ev]);
});

test('a closing socket fails its pending calls as disconnected and reconnects with backoff', async () => {
  const { bridge, sockets, timers, last } = setup();
  const states: ConnectionInfo[] = [];
  bridge.onConnection((i) => states.push(i));
  last().open();
  const pending = bridge.call('session.touch', {});
  last().drop();
  assert.deepEqual(await pending, { ok: false, error: { code: 'internal', params: { reason: 'disconnected' } } });
  assert.equal(bridge.connection().state, 'closed');

  // Calls made while closed wait for the next socket.
  const queued = bridge.call('kiosk.info', {});
  assert.equal(timers.runNext(), defaultBackoff(0));
  assert.equal(sockets.length, 2);
  // The server is still down: the delay grows.
  last().drop();
  assert.equal(timers.runNext(), defaultBackoff(1));
  assert.ok(defaultBackoff(1) > defaultBackoff(0));
  last().open();
  assert.equal(bridge.connection().opens, 2);
  const call = last().calls()[0];
  if (!call) throw new Error('a call sent');
  assert.equal(call.name, 'kiosk.info');
  last().reply({ id: call.id, result: { ok: true, value: 'x' } });
  assert.deepEqual(await queued, { ok: true, value: 'x' });
  assert.deepEqual(
    states.map((s) => s.state),
    ['open', 'closed', 'connecting', 'closed', 'connecting', 'open'],
  );
  // After a successful open the backoff starts again from the first delay.
  last().drop();
  assert.equal(timers.runNext(), defaultBackoff(0));
});

test('the backoff is capped', () => {
  assert.equal(defaultBackoff(0), 500);
  assert.equal(defaultBackoff(20), 10_000);
});

test('dispose resolves everything as disconnected and stops reconnecting', async () => {
  const { bridge, timers, last } = setup();
  const queued = bridge.call('kiosk.info', {});
  bridge.dispose();
  assert.equal(last().closed, true);
  assert.deepEqual(await queued, { ok: false, error: { code: 'internal', params: { reason: 'disconnected' } } });
  assert.deepEqual(await bridge.call('kiosk.info', {}), {
    ok: false,
    error: { code: 'internal', params: { reason: 'disconnected' } },
  });
  await tick();
  assert.equal(timers.pending.length, 0);
});
