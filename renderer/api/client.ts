// React code wants a value or a thrown error, not a Result: this unwraps one into the other.
import type { ApiError, FabKioskBridge, InputOf, OutputOf, ProcedureName } from '../../electron/api/types';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
    this.name = 'ApiCallError';
  }
}

export type Call = <N extends ProcedureName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;

export function createCall(bridge: FabKioskBridge): Call {
  return async (name, input) => {
    let result;
    try {
      result = await bridge.call(name, input);
    } catch {
      // A transport that throws (IPC torn down) is a lost connection for the UI.
      throw new ApiCallError({ code: 'internal', params: { reason: 'disconnected' } });
    }
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  };
}

/** Whatever a call threw, as an ApiError the UI can translate. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiCallError) return err.error;
  return { code: 'internal' };
}
