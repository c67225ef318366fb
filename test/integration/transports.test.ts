// The one contract over its two transports: same validation, same role checks, same events.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fablab from '../../assets/fablab.json';
import type { MachineSummary } from '../../electron/api/types';
import { openPtyPair } from '../support/pty';
import { demo, tempBackend, type TempBackend } from '../support/temp-backend';
import { ipcTransport, waitFor, webTransport, type TestTransport } from '../support/transports';

const ptyDir = mkdtempSync(join(tmpdir(), 'fabkiosk-pty-'));
const laserPort = join(ptyDir, 'ttyLASER');
const seed = structuredClone(fablab);
seed.machines.find((m) => m.code === 'laser-co2')!.portPath = laserPort;

for (const make of [ipcTransport, webTransport]) {
  describe(`${make === ipcTransport ? 'Electron IPC' : 'web host'} transport`, () => {
    let backend: TempBackend;
    let transport: TestTransport;
    before(async () => {
      backend = await tempBackend({ seed });
      transport = await make(backend);
    });
    after(async () => {
      await transport.close();
      backend.dispose();
    });

    test('a malformed call gets invalid_input naming the field', async () => {
      const c = await transport.connect();
      const r = await c.call('session.signIn', { name: 'Léa Dubois', pin: 'abcd' });
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'invalid_input');
      assert.equal(r.error.params?.field, 'pin');
      const r2 = await c.call('members.list', 'not an object');
      assert.ok(!r2.ok && r2.error.code === 'unauthenticated', 'role is checked before the input');
      await c.close();
    });

    test('calls above the caller\'s role are refused; the right role passes', async () => {
      const c = await transport.connect();
      const asVisitor = await c.call('members.list', {});
      assert.ok(!asVisitor.ok && asVisitor.error.code === 'unauthenticated');
      assert.ok((await c.call('session.signIn', demo.member)).ok);
      const asMember = await c.call('audit.list', {});
      assert.ok(!asMember.ok && asMember.error.code === 'forbidden');
      await c.call('session.signOut');
      assert.ok((await c.call('session.signIn', demo.manager)).ok);
      const asManager = await c.call('members.list', { query: 'dubois' });
      assert.ok(asManager.ok);
      assert.deepEqual((asManager.value as { displayName: string }[]).map((m) => m.displayName), ['Léa Dubois']);
      await c.close();
    });

    test('sessions are per screen: signing in on one leaves the other anonymous', async () => {
      const one = await transport.connect();
      const two = await transport.connect();
      assert.ok((await one.call('session.signIn', demo.manager)).ok);
      const cur = await two.call('session.current');
      assert.deepEqual(cur, { ok: true, value: { role: 'visitor', member: null } });
      await one.call('session.signOut');
      assert.deepEqual(one.events, [{ type: 'session.ended', reason: 'signed_out' }]);
      assert.deepEqual(two.events, []);
      await one.close();
      await two.close();
    });

    test('a machine plugged in is pushed to every screen as a status event', async () => {
      const c = await transport.connect();
      const list = (await c.call('machines.list')).ok ? ((await c.call('machines.list')) as { value: MachineSummary[] }).value : [];
      const laser = list.find((m) => m.code === 'laser-co2')!;
      assert.equal(laser.status, 'offline');
      assert.equal(list.find((m) => m.code === 'thermoformer')!.status, 'manual');
      const pty = await openPtyPair(laserPort, join(ptyDir, 'ttyLASER-sim'));
      backend.statusBoard.refresh();
      await waitFor(() => c.events.length > 0);
      assert.deepEqual(c.events, [{ type: 'machine.status', machineId: laser.id, status: 'connected' }]);
      await pty.close();
      await waitFor(() => {
        backend.statusBoard.refresh();
        return c.events.length > 1;
      });
      assert.deepEqual(c.events[1], { type: 'machine.status', machineId: laser.id, status: 'offline' });
      await c.close();
    });
  });
}
