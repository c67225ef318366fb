// Who may run a job on a machine. The training capability decides from certifications; until it is
// wired in, the kiosk asks this interface, so the runner never has to know where the answer comes from.
import type { MachineRow } from '../machines/machines';

export type AccessVerdict = { ok: true } | { ok: false; code: 'not_certified'; params: Record<string, string | number> };

export interface MachineAccess {
  check(memberId: string, machine: MachineRow): AccessVerdict;
}

/** Every signed-in member may use every machine (a lab without safety modules yet). */
export const openAccess: MachineAccess = { check: () => ({ ok: true }) };
