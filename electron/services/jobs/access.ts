// Who may run a job on a machine. The job control asks this interface before queueing and again before
// starting, so the runner never has to know where the answer comes from.
import type { Store } from '../../store';
import type { MachineRow } from '../machines/machines';
import type { ModuleLibrary } from '../training/library';
import { standing } from '../training/certifications';

export type AccessVerdict = { ok: true } | { ok: false; code: 'not_certified'; params: Record<string, string | number> };

export interface MachineAccess {
  check(memberId: string, machine: MachineRow): AccessVerdict;
}

/** Every signed-in member may use every machine (a lab without safety modules; tests of the runner). */
export const openAccess: MachineAccess = { check: () => ({ ok: true }) };

const reasons = { none: 'missing', quiz_passed: 'not_signed_off', expired: 'expired', outdated: 'outdated' } as const;

/**
 * A machine without a required module is open to every member. Otherwise the member needs a sign-off of
 * that module on its current version, not expired and not revoked. Roles give no exemption: a trainer
 * or a manager is certified like everyone else.
 */
export function certificationAccess(store: Store, library: ModuleLibrary, now: () => Date): MachineAccess {
  return {
    check(memberId, machine) {
      const module = machine.required_module;
      if (module === null) return { ok: true };
      const s = standing(store, library, memberId, module, now());
      if (s.status === 'valid') return { ok: true };
      const params: Record<string, string | number> = { module, machine: machine.code, reason: reasons[s.status] };
      if (s.status === 'expired' && s.cert) params.expiredAt = s.cert.expires_at;
      if (s.status === 'outdated' && s.cert) {
        params.version = s.cert.module_version;
        params.current = library.currentVersion(module) ?? '';
      }
      return { ok: false, code: 'not_certified', params };
    },
  };
}
