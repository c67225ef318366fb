// What the engine derives once from the machine profile: the dialect it reads the G-code in, the kind
// of work as a small integer for the hot path, and the planner's limits.

import type { PlannerSettings } from './planner';
import { DEFAULT_MACHINE, type MachineProfile } from './profile';
import type { AnalyzeOptions } from './types';

// Machine kinds as small integers: compared on every move.
export const KC_FDM = 0;
export const KC_LASER = 1;
export const KC_CNC = 2; // cnc, vinyl: every feed move works
export const KC_OTHER = 3; // unknown: extrusion or a beam

export function kindCode(m: MachineProfile | null): number {
  if (!m) return KC_OTHER;
  return m.kind === 'fdm' ? KC_FDM : m.kind === 'laser' ? KC_LASER : m.kind === 'other' ? KC_OTHER : KC_CNC;
}

/** Grbl semantics (rapids at the axes' max rates, per-axis acceleration only, P in seconds…). */
export function isGrblish(m: MachineProfile | undefined | null): boolean {
  if (!m) return false;
  return m.firmware === 'grbl' || (m.firmware === null && (m.kind === 'laser' || m.kind === 'cnc' || m.kind === 'vinyl'));
}

/** The motion planner's limits for a machine (defaults when none). */
export function plannerSettings(opts: AnalyzeOptions): PlannerSettings {
  const m = opts.machine;
  const p: MachineProfile = m ?? DEFAULT_MACHINE;
  const grbl = isGrblish(m);
  const j = p.jerkMmS;
  return {
    maxFeed: [p.maxFeedMmS.x, p.maxFeedMmS.y, p.maxFeedMmS.z, p.maxFeedMmS.e ?? Infinity],
    maxAccel: [p.maxAccelMmS2.x, p.maxAccelMmS2.y, p.maxAccelMmS2.z, p.maxAccelMmS2.e ?? Infinity],
    // Grbl has no print/travel acceleration: only the per-axis limits.
    printAccel: grbl ? Infinity : (p.printAccelMmS2 ?? Infinity),
    travelAccel: grbl ? Infinity : (p.travelAccelMmS2 ?? p.printAccelMmS2 ?? Infinity),
    retractAccel: grbl ? Infinity : (p.retractAccelMmS2 ?? p.printAccelMmS2 ?? Infinity),
    junctionDeviation: p.junctionDeviationMm ?? 0.013,
    useJerk: j !== undefined,
    jerk: [j?.x ?? 10, j?.y ?? 10, j?.z ?? 0.3, j?.e ?? 5],
    minFeed: p.minFeedMmS ?? 0,
    minTravelFeed: p.minTravelFeedMmS ?? 0,
    blocks: p.plannerBlocks ?? (grbl ? 16 : 32),
    // Marlin's JD_HANDLE_SMALL_SEGMENTS (on by default); not in Grbl.
    smallSegments: m !== undefined && !grbl && m.firmware !== null,
  };
}
