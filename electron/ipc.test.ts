import assert from 'node:assert/strict';
import { test } from 'node:test';
import { procedureNames } from './api/procedure-names';
import { demo, tempBackend } from '../test/support/temp-backend';
import { ipcTransport } from '../test/support/transports';

test('one handler per procedure of the contract, all removed on dispose', async () => {
  const backend = await tempBackend();
  const t = ipcTransport(backend);
  assert.deepEqual([...t.ipc.handlers.keys()].sort(), procedureNames.map((n) => `fabkiosk:${n}`).sort());
  await t.close();
  assert.equal(t.ipc.handlers.size, 0);
  backend.dispose();
});

test('a reloaded or crashed window starts again as an anonymous visitor', async () => {
  const backend = await tempBackend();
  const t = ipcTransport(backend);
  const win = await t.connect();
  assert.ok((await win.call('session.signIn', demo.manager)).ok);
  assert.ok((await win.call('members.list', {})).ok);
  await win.close(); // what main.ts does on did-start-loading and render-process-gone
  const r = await win.call('members.list', {});
  assert.ok(!r.ok && r.error.code === 'unauthenticated');
  await t.close();
  backend.dispose();
});
