// Picks the transport: Electron's preload provides `window.fabkiosk`; in a plain browser (the web host,
// and every end-to-end test) the renderer opens its own socket to the same origin.
import type { FabKioskBridge } from '../../electron/api/types';
import { createSocketBridge, type ConnectionInfo, type ConnectionSource } from './socket-bridge';

declare global {
  interface Window {
    fabkiosk?: FabKioskBridge;
  }
}

export interface Transport {
  bridge: FabKioskBridge;
  connection: ConnectionSource;
}

/** Electron's IPC has no socket to lose: it is always open. */
const alwaysOpen: ConnectionSource = {
  connection: (): ConnectionInfo => ({ state: 'open', opens: 1 }),
  onConnection: () => () => {},
};

export function socketUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/api`;
}

export function createTransport(): Transport {
  const preload = window.fabkiosk;
  if (preload) return { bridge: preload, connection: alwaysOpen };
  const socket = createSocketBridge({
    url: socketUrl(window.location),
    createSocket: (url) => new WebSocket(url),
  });
  return { bridge: socket, connection: socket };
}
