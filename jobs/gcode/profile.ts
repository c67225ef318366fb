// Machine and material profiles the G-code analyzer checks a job against, with the motion limits its
// planner uses to estimate the duration. Pure data: no Node API, usable from a browser Web Worker.

export type MachineKind = 'fdm' | 'laser' | 'cnc' | 'vinyl' | 'other';

/**
 * Firmware dialect. `marlin` is vanilla Marlin 2; `prusa` is Prusa's Marlin fork (adds M862.x, M572, M74…);
 * `grbl` is Grbl 1.1 (lasers, CNC, vinyl cutters). `null` = unknown: no unknown-command check.
 */
export type Firmware = 'marlin' | 'prusa' | 'grbl' | null;

export interface AxisLimits {
  x: number;
  y: number;
  z: number;
  e?: number;
}

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface MachineProfile {
  id?: string;
  name?: string;
  kind: MachineKind;
  firmware: Firmware;
  /** Size of the work area (bed, laser bed, CNC table) in mm; `null` = unknown, not checked. */
  workArea: Vec3 | null;
  /** Minimum corner of the work area in machine coordinates (default 0,0,0). */
  workOrigin?: Vec3;
  /** How far travel moves may leave the work area before a warning (default 5 mm). */
  travelMarginMm?: number;
  /** Position after homing (G28 on Marlin, $H on Grbl); default = workOrigin. */
  homeMm?: Vec3;
  /** Per-axis maximum feed rates, mm/s (Marlin M203, Grbl $110–$112 ÷ 60). Also the rapid (G0) rates on Grbl. */
  maxFeedMmS: AxisLimits;
  /** Per-axis maximum accelerations, mm/s² (Marlin M201, Grbl $120–$122). */
  maxAccelMmS2: AxisLimits;
  /** Marlin M204 P / T / R (printing, travel, retraction accelerations). Ignored by Grbl (per-axis only). */
  printAccelMmS2?: number;
  travelAccelMmS2?: number;
  retractAccelMmS2?: number;
  /** Junction deviation (Grbl `$11`, Marlin JD). Used when no `jerkMmS` is given. */
  junctionDeviationMm?: number;
  /** Classic jerk (Marlin CLASSIC_JERK, Prusa): instantaneous speed change per axis, mm/s. Wins over JD. */
  jerkMmS?: AxisLimits;
  /** Minimum printing and travel feed rates (Marlin M205 S / T), mm/s. */
  minFeedMmS?: number;
  minTravelFeedMmS?: number;
  /** Look-ahead depth of the firmware planner (BLOCK_BUFFER_SIZE): 16 on Grbl/AVR, 64 on 32-bit Marlin/Prusa. */
  plannerBlocks?: number;
  /** Arc segment length (Marlin MM_PER_ARC_SEGMENT, default 1 mm) or Grbl `$12` arc tolerance (default 0.002 mm). */
  arcSegmentMm?: number;
  arcToleranceMm?: number;
  maxNozzleC?: number;
  maxBedC?: number;
  /** Grbl `$32`: laser mode (no stop on S changes, laser off on G0). Default true for lasers. */
  laserMode?: boolean;
  /** Grbl `$30`: S value for full spindle speed / laser power (default 1000). */
  maxSpindleS?: number;
  /** Commands this machine's firmware knows beyond the dialect's list, e.g. ['M862.3', 'M900']. */
  extraCommands?: string[];
}

export interface MaterialProfile {
  id?: string;
  name?: string;
  /** Filament diameter, mm (default 1.75). */
  diameterMm?: number;
  /** Density, g/cm³ (default 1.24, PLA). */
  densityGCm3?: number;
  maxNozzleC?: number;
  /** Below this nozzle target an extrusion is a cold extrusion (default 170, Marlin EXTRUDE_MINTEMP). */
  minNozzleC?: number;
  maxBedC?: number;
}

export const DEFAULT_FILAMENT_DIAMETER_MM = 1.75;
export const DEFAULT_FILAMENT_DENSITY_G_CM3 = 1.24;
export const DEFAULT_MIN_NOZZLE_C = 170;

/**
 * Planner limits used when no machine is given: Marlin 2's stock defaults (Configuration.h) with a
 * realistic acceleration. Only the duration estimate uses them; no finding depends on them.
 */
export const DEFAULT_MACHINE: Readonly<MachineProfile> = Object.freeze({
  name: 'default (Marlin 2 stock limits)',
  kind: 'other',
  firmware: null,
  workArea: null,
  maxFeedMmS: { x: 300, y: 300, z: 5, e: 25 },
  maxAccelMmS2: { x: 3000, y: 3000, z: 100, e: 10000 },
  printAccelMmS2: 1500,
  travelAccelMmS2: 1500,
  retractAccelMmS2: 1500,
  jerkMmS: { x: 10, y: 10, z: 0.3, e: 5 },
  plannerBlocks: 32,
});

/** An Ender-3-like bed slinger on Marlin 2 (the lab's locked PrusaSlicer printer profile). */
export const GENERIC_FDM: Readonly<MachineProfile> = Object.freeze({
  id: 'generic-fdm',
  name: 'Generic FDM printer (Marlin 2, 220×220×250)',
  kind: 'fdm',
  firmware: 'marlin',
  workArea: { x: 220, y: 220, z: 250 },
  maxFeedMmS: { x: 500, y: 500, z: 12, e: 120 },
  maxAccelMmS2: { x: 9000, y: 9000, z: 500, e: 10000 },
  printAccelMmS2: 1500,
  travelAccelMmS2: 1500,
  retractAccelMmS2: 1500,
  jerkMmS: { x: 10, y: 10, z: 0.2, e: 2.5 },
  plannerBlocks: 32,
  maxNozzleC: 260,
  maxBedC: 100,
});

/** A diode laser engraver on Grbl 1.1 in laser mode. */
export const GENERIC_LASER: Readonly<MachineProfile> = Object.freeze({
  id: 'generic-laser',
  name: 'Generic diode laser (Grbl 1.1, 400×400)',
  kind: 'laser',
  firmware: 'grbl',
  workArea: { x: 400, y: 400, z: 0 },
  maxFeedMmS: { x: 100, y: 100, z: 10 },
  maxAccelMmS2: { x: 1000, y: 1000, z: 100 },
  junctionDeviationMm: 0.01,
  arcToleranceMm: 0.002,
  plannerBlocks: 16,
  laserMode: true,
  maxSpindleS: 1000,
});

/** A small CNC router on Grbl 1.1. */
export const GENERIC_CNC: Readonly<MachineProfile> = Object.freeze({
  id: 'generic-cnc',
  name: 'Generic CNC router (Grbl 1.1, 300×180×45)',
  kind: 'cnc',
  firmware: 'grbl',
  workArea: { x: 300, y: 180, z: 45 },
  workOrigin: { x: 0, y: 0, z: -45 },
  maxFeedMmS: { x: 33, y: 33, z: 8 },
  maxAccelMmS2: { x: 200, y: 200, z: 100 },
  junctionDeviationMm: 0.01,
  arcToleranceMm: 0.002,
  plannerBlocks: 16,
  laserMode: false,
  maxSpindleS: 10000,
});
