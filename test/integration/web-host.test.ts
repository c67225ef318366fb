// What only the web host does: serve the renderer safely and refuse foreign pages and garbage.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { tempBackend, type TempBackend } from '../support/temp-backend';
import { connectSocket, webTransport } from '../support/transports';

let backend: TempBackend;
let web: Awaited<ReturnType<typeof webTransport>>;
before(async () => {
  backend = await tempBackend();
  web = await webTransport(backend);
});
after(async () => {
  await web.close();
  backend.dispose();
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const u = new URL(web.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the page is served with a strict CSP and no-sniff', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.match(String(r.headers['content-security-policy']), /default-src 'self'; script-src 'self'/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
});

test('no file outside the renderer folder can be read', async () => {
  for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/nope.js']) {
    const r = await get(path);
    assert.equal(r.status, 404, path);
  }
});

test('a request for another host name is refused (DNS rebinding)', async () => {
  const r = await get('/', { Host: 'evil.example:80' });
  assert.equal(r.status, 421);
});

test('a page from another origin cannot open the API socket', async () => {
  await assert.rejects(connectSocket(web.url, 'http://evil.example'), /403/);
  const ok = await connectSocket(web.url, web.url.replace(/\/$/, ''));
  await ok.close();
});

test('a message that is not a call gets a clear error and the socket stays usable', async () => {
  const ws = new WebSocket(web.url.replace('http', 'ws') + 'api');
  await new Promise((r) => ws.once('open', r));
  const replies: unknown[] = [];
  ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
  ws.send('{not json');
  ws.send(JSON.stringify({ id: 'x', name: 'kiosk.info' }));
  ws.send(JSON.stringify({ id: 7, name: 'kiosk.info', input: {} }));
  while (replies.length < 3) await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(replies[0], { id: -1, result: { ok: false, error: { code: 'invalid_input', params: { field: 'message' } } } });
  assert.equal((replies[2] as { id: number; result: { ok: boolean } }).result.ok, true);
  ws.close();
});
