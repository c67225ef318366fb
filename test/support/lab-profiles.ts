// The demo lab's printers and materials as the store hands them to the jobs (assets/fablab.json through
// the same conversion the back end uses), and the lab's locked slicing profiles: for the print tests.
import { join } from 'node:path';
import fablab from '../../assets/fablab.json';
import type { MachineProfile, MaterialProfile } from '../../jobs/gcode';
import { machineProfile } from '../../electron/services/machines/profile';
import type { MachineRow } from '../../electron/services/machines/machines';

export const profilesDir = join(import.meta.dirname, '..', '..', 'assets', 'profiles');

export function labMachine(code: string): MachineProfile {
  const m = fablab.machines.find((x) => x.code === code);
  if (!m) throw new Error(`no machine ${code} in fablab.json`);
  const row = {
    id: code,
    code,
    name: m.name,
    kind: m.kind,
    firmware: m.firmware,
    work_x_mm: m.workArea?.x ?? null,
    work_y_mm: m.workArea?.y ?? null,
    work_z_mm: m.workArea?.z ?? null,
    limits_json: JSON.stringify(m.limits ?? {}),
  } as unknown as MachineRow;
  return machineProfile(row);
}

export function labMaterial(code: string): MaterialProfile {
  const m = fablab.materials.find((x) => x.code === code);
  if (!m) throw new Error(`no material ${code} in fablab.json`);
  const p = m.properties as unknown as Record<string, number>;
  return { id: code, name: m.name.fr, diameterMm: p.diameterMm, densityGCm3: p.densityGCm3, maxNozzleC: p.maxNozzleC, maxBedC: p.maxBedC };
}
