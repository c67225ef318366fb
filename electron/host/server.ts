// The web host: the built renderer and the API over a WebSocket, on the loopback interface only.
// It is the second transport of the one contract; everything behind `dispatch` is shared with IPC.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WireCall, WireMessage } from '../api/wire';
import type { Backend } from '../backend';
import { securityHeaders, serveStatic } from './static-files';

export interface HostOptions {
  backend: Backend;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A call is a few hundred bytes; anything near this is not a call. */
const maxMessageBytes = 1024 * 1024;

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const root = resolve(opts.staticDir);
  const server = createServer((req, res) => {
    if (!allowedHost(req, port())) {
      res.writeHead(421, { ...securityHeaders, 'Content-Type': 'text/plain' });
      return void res.end('misdirected request');
    }
    serveStatic(root, req, res);
  });
  const port = () => (server.address() as AddressInfo | null)?.port ?? 0;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const sockets = new Map<WebSocket, string>();

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://host');
    // Another web page open on this machine must not be able to drive the kiosk: browsers always
    // send Origin on a WebSocket, so a foreign one is refused (and Host guards against DNS rebinding).
    if (url.pathname !== '/api' || !allowedHost(req, port()) || !allowedOrigin(req, port())) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return void socket.destroy();
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    const sessionId = opts.backend.openSession();
    sockets.set(ws, sessionId);
    ws.on('message', (data, isBinary) => {
      const call = isBinary ? null : parseCall(data.toString());
      if (!call) {
        return send(ws, { id: -1, result: { ok: false, error: { code: 'invalid_input', params: { field: 'message' } } } });
      }
      void opts.backend.dispatch(sessionId, call.name, call.input).then((result) => send(ws, { id: call.id, result }));
    });
    ws.on('close', () => {
      sockets.delete(ws);
      opts.backend.closeSession(sessionId);
    });
    ws.on('error', () => ws.terminate());
  });

  const unsubscribe = opts.backend.events.subscribe((event, target) => {
    for (const [ws, sessionId] of sockets) if (!target || target === sessionId) send(ws, { event });
  });

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const url = `http://127.0.0.1:${port()}/`;
      resolveStart({
        url,
        port: port(),
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const ws of sockets.keys()) ws.terminate();
            wss.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function send(ws: WebSocket, message: WireMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function parseCall(text: string): WireCall | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const { id, name, input } = v as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof name !== 'string') return null;
  return { id, name, input };
}

function allowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function allowedOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
