// Both transports of the one contract, driven the same way, so one test body checks them both.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ApiEvent, Result } from '../../electron/api/types';
import type { WireMessage } from '../../electron/api/wire';
import type { Backend } from '../../electron/backend';
import { startHost } from '../../electron/host/server';
import { registerIpc, type IpcMainLike, type SenderLike } from '../../electron/ipc';

export interface TestClient {
  call(name: string, input?: unknown): Promise<Result<unknown>>;
  events: ApiEvent[];
  close(): Promise<void>;
}

export interface TestTransport {
  name: string;
  connect(): Promise<TestClient>;
  close(): Promise<void>;
}

/** A stand-in for Electron's ipcMain: the same handle/removeHandler shape, invoked directly. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: { sender: SenderLike }, input: unknown) => Promise<unknown>>();
  handle(channel: string, listener: (event: { sender: SenderLike }, input: unknown) => Promise<unknown>) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(channel: string, sender: SenderLike, input: unknown): Promise<unknown> {
    const h = this.handlers.get(channel);
    // Electron rejects an invoke on a channel nobody handles; so do we.
    if (!h) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    // Structured clone, as IPC does: nothing but data crosses.
    return h({ sender }, structuredClone(input)).then((r) => structuredClone(r));
  }
}

export function ipcTransport(backend: Backend): TestTransport & { ipc: FakeIpcMain; bridge: ReturnType<typeof registerIpc> } {
  const ipc = new FakeIpcMain();
  const bridge = registerIpc(ipc, backend);
  let nextSender = 1;
  return {
    name: 'Electron IPC',
    ipc,
    bridge,
    async connect() {
      const events: ApiEvent[] = [];
      const sender: SenderLike = {
        id: nextSender++,
        send: (channel, payload) => {
          if (channel === 'fabkiosk:event') events.push(structuredClone(payload) as ApiEvent);
        },
      };
      return {
        events,
        call: (name, input = {}) => ipc.invoke(`fabkiosk:${name}`, sender, input) as Promise<Result<unknown>>,
        close: async () => bridge.resetSender(sender.id),
      };
    },
    close: async () => bridge.dispose(),
  };
}

export async function webTransport(backend: Backend): Promise<TestTransport & { url: string; staticDir: string }> {
  const staticDir = mkdtempSync(join(tmpdir(), 'fabkiosk-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>FabKiosk</title>');
  const host = await startHost({ backend, staticDir, port: 0 });
  return {
    name: 'web host',
    url: host.url,
    staticDir,
    connect: () => connectSocket(host.url),
    close: () => host.close(),
  };
}

export function connectSocket(url: string, origin?: string): Promise<TestClient> {
  const ws = new WebSocket(url.replace('http', 'ws') + 'api', origin ? { origin } : {});
  const events: ApiEvent[] = [];
  const pending = new Map<number, (r: Result<unknown>) => void>();
  let nextId = 1;
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as WireMessage;
    if ('event' in msg) events.push(msg.event);
    else pending.get(msg.id)?.(msg.result);
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        events,
        call: (name, input = {}) =>
          new Promise((done) => {
            const id = nextId++;
            pending.set(id, done);
            ws.send(JSON.stringify({ id, name, input }));
          }),
        close: () =>
          new Promise((done) => {
            ws.once('close', () => done());
            ws.close();
          }),
      }),
    );
  });
}

export { waitFor } from './wait';
