// Roles are ordered: each one may do everything the ones before it may.
export const roles = ['visitor', 'member', 'trainer', 'manager'] as const;
export type Role = (typeof roles)[number];

export function roleAtLeast(actual: Role, required: Role): boolean {
  return roles.indexOf(actual) >= roles.indexOf(required);
}
