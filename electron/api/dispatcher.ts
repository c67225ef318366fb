// The one dispatcher: every transport hands it (session, procedure name, raw input) and gets a Result.
// It validates the input against the contract, checks the caller's role, then calls the service.
import type { z } from 'zod';
import { contract, type Contract } from './contract';
import { DomainError, type ApiError, type FieldIssue, type Result } from './errors';
import { roleAtLeast, type Role } from './roles';
import type { OutputOf, ProcedureName } from './types';

export interface Caller {
  sessionId: string;
  role: Role;
  memberId: string | null;
}

export type Handlers = {
  [N in ProcedureName]: (
    input: z.output<Contract[N]['input']>,
    caller: Caller,
  ) => OutputOf<N> | Promise<OutputOf<N>>;
};

export interface CallerSource {
  /** Resolves the session (creating an anonymous one if needed) and records activity. */
  caller(sessionId: string): Caller;
}

export type Dispatch = (sessionId: string, name: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatcher(
  handlers: Handlers,
  sessions: CallerSource,
  onInternalError: (name: string, err: unknown) => void = () => {},
): Dispatch {
  return async (sessionId, name, input) => {
    if (typeof name !== 'string' || !Object.hasOwn(contract, name)) {
      return fail({ code: 'unknown_procedure', params: { name: String(name).slice(0, 80) } });
    }
    const procName = name as ProcedureName;
    const proc = contract[procName];
    const caller = sessions.caller(sessionId);
    // Role before validation, so that a refused caller learns nothing about the input's shape.
    if (!roleAtLeast(caller.role, proc.role)) {
      return fail({
        code: caller.role === 'visitor' ? 'unauthenticated' : 'forbidden',
        params: { procedure: procName, required: proc.role },
      });
    }
    const parsed = proc.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(toFieldIssue);
      return fail({ code: 'invalid_input', params: { field: issues[0]?.field ?? '' }, issues });
    }
    try {
      const handler = handlers[procName] as (i: unknown, c: Caller) => unknown;
      return { ok: true, value: (await handler(parsed.data, caller)) ?? null };
    } catch (err) {
      if (err instanceof DomainError) return fail(err.params ? { code: err.code, params: err.params } : { code: err.code });
      onInternalError(procName, err);
      return fail({ code: 'internal', params: { procedure: procName } });
    }
  };
}

function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}

function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const field = issue.path.map(String).join('.');
  // Unknown keys are reported on the object; name the stray key itself so the caller sees it.
  if (issue.code === 'unrecognized_keys') {
    return { field: issue.keys.join(','), rule: 'unrecognized_key', detail: issue.message };
  }
  return { field, rule: issue.code, detail: issue.message };
}
