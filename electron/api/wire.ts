// The web host's socket messages. Types only: the renderer's socket client imports them too.
import type { ApiEvent } from './models';
import type { Result } from './errors';

export interface WireCall {
  id: number;
  name: string;
  input: unknown;
}

export type WireMessage = { id: number; result: Result<unknown> } | { event: ApiEvent };

/** Path of the socket on the web host, same origin as the page (CSP `connect-src 'self'`). */
export type WirePath = '/api';
