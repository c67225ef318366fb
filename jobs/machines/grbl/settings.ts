// Grbl keeps its machine configuration in EEPROM as numbered `$` settings (`$$` lists them). A board
// swapped, reflashed or "tuned" by a visitor silently changes how jobs run, so before a job the kiosk
// compares what the board says with the machine's profile: laser mode above all (with `$32=0` a laser
// stops at every power change and burns dots), then speeds, accelerations and travel.
import type { MachineProfile } from '../../gcode/profile';
import type { DriverMessage } from '../driver';

export type GrblSettings = ReadonlyMap<number, number>;

/** `$110=5000.000` → [110, '5000.000']; null for anything else (`$N0=...` startup lines included). */
export function parseSettingLine(line: string): [number, string] | null {
  if (line.charCodeAt(0) !== 36 /* $ */) return null;
  const eq = line.indexOf('=');
  if (eq < 2) return null;
  const id = line.slice(1, eq);
  if (!/^\d+$/.test(id)) return null;
  // Some builds append a description in parentheses: `$0=10 (step pulse, usec)`.
  let value = line.slice(eq + 1);
  const paren = value.indexOf('(');
  if (paren >= 0) value = value.slice(0, paren);
  return [Number(id), value.trim()];
}

/** Numeric settings from the lines `$$` printed; non-numeric values are left out. */
export function parseSettings(lines: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of lines) {
    const s = parseSettingLine(line);
    if (!s) continue;
    const n = Number(s[1]);
    if (s[1] !== '' && Number.isFinite(n)) out.set(s[0], n);
  }
  return out;
}

interface Axes3 {
  x?: number;
  y?: number;
  z?: number;
}

/** What the machine's profile expects of the board. Absent fields are not checked. */
export interface GrblExpectedSettings {
  /** `$32`: true for laser jobs. */
  laserMode?: boolean;
  /** `$110`–`$112`, mm/min. */
  maxRateMmMin?: Axes3;
  /** `$120`–`$122`, mm/s². */
  accelMmS2?: Axes3;
  /** `$130`–`$132`, mm. */
  travelMm?: Axes3;
  /** `$30`: S value for full power / full speed. */
  maxSpindle?: number;
  /** `$22`, `$20`. */
  homing?: boolean;
  softLimits?: boolean;
  /** Relative tolerance for the numeric ones (default 0.5 %: firmware rounds to 3 decimals). */
  tolerance?: number;
}

export interface SettingMismatch {
  /** `$32`, `$110`... */
  setting: string;
  expected: number;
  /** null: the board did not list this setting. */
  actual: number | null;
  severity: 'error' | 'warning';
  /** Translation key under `machines.`. */
  code: string;
  params: Record<string, string | number>;
}

const AXES = ['x', 'y', 'z'] as const;

/** Every way the board's settings differ from what is expected, most serious first. */
export function compareSettings(settings: GrblSettings, expected: GrblExpectedSettings): SettingMismatch[] {
  const out: SettingMismatch[] = [];
  const tol = expected.tolerance ?? 0.005;
  const push = (id: number, want: number, severity: 'error' | 'warning', what: string, code?: string): void => {
    const actual = settings.get(id);
    const setting = `$${id}`;
    if (actual === undefined) {
      out.push({ setting, expected: want, actual: null, severity, code: 'grbl.settings_missing', params: { setting, expected: want, what } });
      return;
    }
    const differs = want === 0 ? actual !== 0 : Math.abs(actual - want) > Math.abs(want) * tol;
    if (!differs) return;
    out.push({
      setting,
      expected: want,
      actual,
      severity,
      code: code ?? 'grbl.settings_mismatch',
      params: { setting, expected: want, actual, what },
    });
  };

  if (expected.laserMode !== undefined) {
    push(32, expected.laserMode ? 1 : 0, 'error', 'laser_mode', expected.laserMode ? 'grbl.settings_laser_mode_off' : 'grbl.settings_laser_mode_on');
  }
  if (expected.maxSpindle !== undefined) push(30, expected.maxSpindle, 'warning', 'max_spindle');
  if (expected.homing !== undefined) push(22, expected.homing ? 1 : 0, 'warning', 'homing');
  if (expected.softLimits !== undefined) push(20, expected.softLimits ? 1 : 0, 'warning', 'soft_limits');
  const groups: Array<[Axes3 | undefined, number, string]> = [
    [expected.maxRateMmMin, 110, 'max_rate'],
    [expected.accelMmS2, 120, 'acceleration'],
    [expected.travelMm, 130, 'travel'],
  ];
  for (const [values, base, what] of groups) {
    if (!values) continue;
    AXES.forEach((axis, i) => {
      const want = values[axis];
      if (want !== undefined) push(base + i, want, 'warning', `${what}_${axis}`);
    });
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/**
 * Expectations from the machine profile of jobs/gcode (the same limits the analyzer estimated the job
 * with). Laser mode is only asked for when the job is a laser job.
 */
export function expectedFromProfile(profile: MachineProfile, job: { laser?: boolean } = {}): GrblExpectedSettings {
  const out: GrblExpectedSettings = {
    maxRateMmMin: { x: profile.maxFeedMmS.x * 60, y: profile.maxFeedMmS.y * 60, z: profile.maxFeedMmS.z * 60 },
    accelMmS2: { x: profile.maxAccelMmS2.x, y: profile.maxAccelMmS2.y, z: profile.maxAccelMmS2.z },
  };
  if (profile.workArea) out.travelMm = { ...profile.workArea };
  if (profile.maxSpindleS !== undefined) out.maxSpindle = profile.maxSpindleS;
  const laser = job.laser ?? profile.kind === 'laser';
  if (laser) out.laserMode = true;
  else if (profile.laserMode === false || profile.kind === 'cnc') out.laserMode = false;
  return out;
}

/** The mismatches as messages for the board and the log. */
export function mismatchMessages(mismatches: readonly SettingMismatch[]): DriverMessage[] {
  return mismatches.map((m) => ({
    severity: m.severity,
    code: m.code,
    raw: m.actual === null ? `${m.setting} missing` : `${m.setting}=${m.actual}`,
    params: m.params,
  }));
}
