// Types the renderer may import (types only, never values: see the lint rules).
import type { z } from 'zod';
import type { Contract } from './contract';
import type { ApiEvent } from './models';
import type { Result } from './errors';

export type ProcedureName = keyof Contract;
export type InputOf<N extends ProcedureName> = z.input<Contract[N]['input']>;
export type OutputOf<N extends ProcedureName> = Exclude<Contract[N]['output'], undefined>;

/** What `window.fabkiosk` is, whichever transport provides it. */
export interface FabKioskBridge {
  call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>>;
  /** Returns a function that stops listening. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

export type * from './models';
export type * from './errors';
export type { Role } from './roles';
