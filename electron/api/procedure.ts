// One procedure of the contract: its input schema, its output type and the role it needs.
import type { z } from 'zod';
import type { Role } from './roles';

export interface Procedure<I extends z.ZodType, O> {
  input: I;
  role: Role;
  /** Phantom: carries the output type only. */
  output?: O;
}

export function proc<O>() {
  return <I extends z.ZodType>(def: { input: I; role: Role }): Procedure<I, O> => def;
}
