// What the store knows of a machine and a material, as the G-code engine's profiles.
import type { AxisLimits, Firmware, MachineKind, MachineProfile, MaterialProfile } from '../../../jobs/gcode';
import type { Store } from '../../store';
import type { MachineRow } from './machines';

interface StoredLimits {
  maxNozzleC?: number;
  maxBedC?: number;
  laserMode?: boolean;
  maxSpindleS?: number;
  maxFeedMmS?: Partial<AxisLimits>;
  maxAccelMmS2?: Partial<AxisLimits>;
  printAccelMmS2?: number;
  travelAccelMmS2?: number;
  junctionDeviationMm?: number;
  jerkMmS?: Partial<AxisLimits>;
  dialect?: 'marlin' | 'prusa' | 'grbl';
  workOriginMm?: { x: number; y: number; z: number };
}

const analyzedKinds: readonly MachineKind[] = ['fdm', 'laser', 'cnc', 'vinyl'];

// Conservative stand-ins for a limit the lab has not entered: slow rather than optimistic.
const fallbackFeed: AxisLimits = { x: 100, y: 100, z: 5, e: 25 };
const fallbackAccel: AxisLimits = { x: 500, y: 500, z: 100, e: 1000 };

function axes(given: Partial<AxisLimits> | undefined, fallback: AxisLimits): AxisLimits {
  return { ...fallback, ...given };
}

export function machineProfile(row: MachineRow): MachineProfile {
  const limits = JSON.parse(row.limits_json) as StoredLimits;
  const kind: MachineKind = analyzedKinds.includes(row.kind as MachineKind) ? (row.kind as MachineKind) : 'other';
  const firmware: Firmware = limits.dialect ?? (row.firmware === 'marlin' || row.firmware === 'grbl' ? row.firmware : null);
  const profile: MachineProfile = {
    id: row.code,
    name: row.name,
    kind,
    firmware,
    workArea:
      row.work_x_mm === null || row.work_y_mm === null ? null : { x: row.work_x_mm, y: row.work_y_mm, z: row.work_z_mm ?? 0 },
    maxFeedMmS: axes(limits.maxFeedMmS, fallbackFeed),
    maxAccelMmS2: axes(limits.maxAccelMmS2, fallbackAccel),
    plannerBlocks: firmware === 'grbl' ? 16 : 32,
  };
  if (limits.printAccelMmS2) profile.printAccelMmS2 = limits.printAccelMmS2;
  if (limits.travelAccelMmS2) profile.travelAccelMmS2 = limits.travelAccelMmS2;
  if (limits.jerkMmS) profile.jerkMmS = axes(limits.jerkMmS, { x: 10, y: 10, z: 0.3, e: 5 });
  if (limits.junctionDeviationMm) profile.junctionDeviationMm = limits.junctionDeviationMm;
  if (limits.maxNozzleC) profile.maxNozzleC = limits.maxNozzleC;
  if (limits.maxBedC) profile.maxBedC = limits.maxBedC;
  if (limits.laserMode !== undefined) profile.laserMode = limits.laserMode;
  if (limits.maxSpindleS) profile.maxSpindleS = limits.maxSpindleS;
  if (limits.workOriginMm) profile.workOrigin = limits.workOriginMm;
  return profile;
}

export function findMachine(store: Store, idOrCode: string): MachineRow | undefined {
  return store.db.prepare('SELECT * FROM machines WHERE (id = ? OR code = ?) AND active = 1').get(idOrCode, idOrCode) as
    | MachineRow
    | undefined;
}

export function materialProfile(store: Store, idOrCode: string): MaterialProfile | undefined {
  const row = store.db.prepare('SELECT code, name_fr, properties_json FROM materials WHERE id = ? OR code = ?').get(idOrCode, idOrCode) as
    | { code: string; name_fr: string; properties_json: string }
    | undefined;
  if (!row) return undefined;
  const p = JSON.parse(row.properties_json) as Record<string, number>;
  return {
    id: row.code,
    name: row.name_fr,
    diameterMm: p.diameterMm,
    densityGCm3: p.densityGCm3,
    maxNozzleC: p.maxNozzleC,
    maxBedC: p.maxBedC,
  };
}
