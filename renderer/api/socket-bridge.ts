// The web host's transport: the same FabKioskBridge as Electron's preload, over one WebSocket to
// `/api` on the page's own origin. Calls made before the socket is open wait in a queue; replies are
// matched by id; events go to every listener. When the socket closes, the calls it carried resolve
// with `internal`/`disconnected` and a new socket is opened after a growing delay. The server opens a
// new, anonymous session for each socket: whoever listens to `onConnection` must forget the member.
import type { ApiEvent, FabKioskBridge, InputOf, OutputOf, ProcedureName, Result } from '../../electron/api/types';
import type { WireCall, WireMessage } from '../../electron/api/wire';

/**
 * The part of the browser's WebSocket this client uses (a fake one in tests). Handlers are declared
 * with `never` parameters so that the DOM's WebSocket fits; the client reads only `data` of messages.
 */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  onopen: ((ev: never) => unknown) | null;
  onclose: ((ev: never) => unknown) | null;
  onerror: ((ev: never) => unknown) | null;
  onmessage: ((ev: never) => unknown) | null;
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface ConnectionInfo {
  state: ConnectionState;
  /** How many times a socket has opened: above 1, the server has forgotten the previous session. */
  opens: number;
}

export interface ConnectionSource {
  connection(): ConnectionInfo;
  onConnection(listener: (info: ConnectionInfo) => void): () => void;
}

export interface SocketBridge extends FabKioskBridge, ConnectionSource {
  /** Closes the socket for good: pending and queued calls resolve as disconnected. */
  dispose(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SocketBridgeOptions {
  url: string;
  createSocket: (url: string) => SocketLike;
  /** Delay before the n-th reconnection attempt (n from 0). */
  backoffMs?: (attempt: number) => number;
  timers?: Timers;
}

export const defaultBackoff = (attempt: number): number => Math.min(500 * 2 ** attempt, 10_000);

const disconnected: Result<never> = { ok: false, error: { code: 'internal', params: { reason: 'disconnected' } } };

type Resolve = (result: Result<unknown>) => void;

export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const backoff = options.backoffMs ?? defaultBackoff;
  const timers: Timers = options.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
  };

  const eventListeners = new Set<(event: ApiEvent) => void>();
  const connectionListeners = new Set<(info: ConnectionInfo) => void>();
  /** Calls written to the current socket, waiting for their reply. */
  const inFlight = new Map<number, Resolve>();
  /** Calls waiting for a socket to open. */
  const queue: { call: WireCall; resolve: Resolve }[] = [];

  let socket: SocketLike | null = null;
  let info: ConnectionInfo = { state: 'connecting', opens: 0 };
  let nextId = 1;
  let attempt = 0;
  let retryTimer: unknown = null;
  let disposed = false;

  function setState(state: ConnectionState): void {
    info = { state, opens: state === 'open' ? info.opens + 1 : info.opens };
    for (const l of [...connectionListeners]) {
      try {
        l(info);
      } catch {
        // A faulty listener must not break the transport.
      }
    }
  }

  function send(call: WireCall, resolve: Resolve): void {
    if (socket && info.state === 'open') {
      try {
        socket.send(JSON.stringify(call));
        inFlight.set(call.id, resolve);
        return;
      } catch {
        // The socket is closing: keep the call for the next one.
      }
    }
    queue.push({ call, resolve });
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let msg: WireMessage;
    try {
      msg = JSON.parse(data) as WireMessage;
    } catch {
      return;
    }
    if (typeof msg !== 'object' || msg === null) return;
    if ('event' in msg) {
      for (const l of [...eventListeners]) {
        try {
          l(msg.event);
        } catch {
          // Listeners are the UI's business; keep dispatching to the others.
        }
      }
      return;
    }
    if ('id' in msg && typeof msg.id === 'number') {
      const resolve = inFlight.get(msg.id);
      if (!resolve) return;
      inFlight.delete(msg.id);
      resolve(msg.result);
    }
  }

  function connect(): void {
    retryTimer = null;
    if (disposed) return;
    setState('connecting');
    let s: SocketLike;
    try {
      s = options.createSocket(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      attempt = 0;
      setState('open');
      const waiting = queue.splice(0, queue.length);
      for (const q of waiting) send(q.call, q.resolve);
    };
    s.onmessage = (ev: { data: unknown }) => {
      if (socket === s) onMessage(ev.data);
    };
    s.onerror = () => {
      // A close event always follows; reconnection happens there.
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      failInFlight();
      if (disposed) return;
      setState('closed');
      scheduleReconnect();
    };
  }

  function failInFlight(): void {
    const pending = [...inFlight.values()];
    inFlight.clear();
    for (const resolve of pending) resolve(disconnected);
  }

  function scheduleReconnect(): void {
    if (disposed || retryTimer !== null) return;
    const delay = backoff(attempt);
    attempt += 1;
    retryTimer = timers.setTimeout(connect, delay);
  }

  connect();

  return {
    call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>> {
      if (disposed) return Promise.resolve(disconnected);
      return new Promise<Result<OutputOf<N>>>((resolve) => {
        const call: WireCall = { id: nextId++, name, input };
        // The socket carries JSON: the reply is the procedure's output by contract.
        send(call, resolve as Resolve);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => {
        eventListeners.delete(listener);
      };
    },
    connection: () => info,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => {
        connectionListeners.delete(listener);
      };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      retryTimer = null;
      const s = socket;
      socket = null;
      failInFlight();
      for (const q of queue.splice(0, queue.length)) q.resolve(disconnected);
      try {
        s?.close();
      } catch {
        // Already closed.
      }
      setState('closed');
    },
  };
}
