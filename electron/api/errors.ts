// Errors travel as data (never as thrown Error objects) so that IPC's structured clone and the
// socket's JSON carry exactly the same thing, and every client can translate them by code.
export type ApiErrorCode =
  | 'invalid_input'
  | 'unknown_procedure'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'bad_credentials'
  | 'account_locked'
  | 'session_expired'
  | 'conflict'
  | 'unsupported_file'
  | 'file_too_large'
  /** The machine is not connected, busy, or in a state that does not allow it (alarm, running...). */
  | 'machine_unavailable'
  /**
   * The member may not use this machine. params: `module` (code), `machine` (code), `reason`:
   * `missing` (never certified), `not_signed_off` (quiz passed, practical sign-off to do),
   * `expired` (with `expiredAt`), `outdated` (signed off on `version`, the module is now `current`).
   */
  | 'not_certified'
  /** Sign-up: someone already has this name; params `name`. Add an initial or the town. */
  | 'name_taken'
  /** Sign-up or PIN change: too easy to guess; params `rule`: `repeated` (1111) or `sequence` (1234, 9876). */
  | 'weak_pin'
  /** A required consent purpose was not given; params `purposes` (codes, comma-separated). */
  | 'consent_required'
  /** The charter accepted is not the one in force; params `current` (its version). */
  | 'charter_outdated'
  /** A practical sign-off needs the quiz passed first on this module version; params `module`, `version`. */
  | 'quiz_not_passed'
  /** The file's check found errors for this machine: it would not run right. */
  | 'job_refused'
  /** Not enough on the shelf for a sale; params `product` (code), `available`, `unit`. */
  | 'insufficient_stock'
  /** The ledger refuses the request; params `reason` (see electron/services/ledger/refused.ts) and details. */
  | 'ledger_refused'
  /**
   * A drawing, image, model or template could not become a job; params `reason` (the preparation's own
   * code: svg_script, model_too_large, slicer_failed…, translated under prepare.*) and its values.
   */
  | 'preparation_failed'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "pin" or "items.0.qty"; "" for the whole input. */
  field: string;
  /** Machine-readable rule that failed: too_small, invalid_type, invalid_format, ... */
  rule: string;
  /** English detail from the validator, for logs; the UI translates `rule` instead. */
  detail: string;
}

export interface ApiError {
  code: ApiErrorCode;
  /** Values the translated message needs (field names, attempts left, lock end, ...). */
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services; the dispatcher turns it into an `ApiError`. */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
  }
}
