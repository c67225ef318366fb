// Roles are ordered, as in the back end (electron/api/roles.ts, which the renderer may not import as
// a value): each may do what the ones before it may. Only to decide what to offer; the back end decides.
import type { Role } from '../../electron/api/types';

const order: readonly Role[] = ['visitor', 'member', 'trainer', 'manager'];

export function roleAtLeast(actual: Role, required: Role): boolean {
  return order.indexOf(actual) >= order.indexOf(required);
}
