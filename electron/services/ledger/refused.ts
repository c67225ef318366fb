// Why the ledger refuses a request: one error code, the reason in its params (translated in the UI).
import { DomainError } from '../../api/errors';

export type RefusalReason =
  /** A machine the kiosk drives is charged from its jobs; logging it by hand is for trainers (SD-card prints). */
  | 'driven_machine'
  | 'nothing_to_log'
  | 'future_date'
  | 'too_old'
  /** Only an original entry is corrected; a correction is corrected by correcting the original again. */
  | 'correct_the_original'
  | 'no_change'
  /** A charge cannot become a credit, nor a payment a charge. */
  | 'wrong_sign'
  | 'already_subscribed'
  | 'plan_inactive'
  /** A sale on account needs a member. */
  | 'account_needs_member'
  /** A member alone at the kiosk puts a purchase on their account; the desk records money received. */
  | 'account_only'
  | 'not_for_sale'
  | 'material_kind'
  | 'job_charged'
  | 'code_taken'
  | 'effective_in_past';

export function refused(reason: RefusalReason, params: Record<string, string | number> = {}): DomainError {
  return new DomainError('ledger_refused', { reason, ...params });
}
