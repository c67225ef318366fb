// The public shapes of the engine: its options and its result. The renderer, the back end and the
// API models are typed from these, so fields are only ever added, never renamed.

import type { Finding } from './findings';
import type { PlannerLike, PlannerSettings } from './planner';
import type { MachineKind, MachineProfile, MaterialProfile } from './profile';
import type { Toolpath } from './toolpath';

export interface AnalyzeOptions {
  machine?: MachineProfile;
  material?: MaterialProfile;
  /** Also build the toolpath in typed arrays (Analysis.toolpath). */
  toolpath?: boolean;
  /** Stop with a `file_too_large` error past this many bytes. */
  maxBytes?: number;
  /** Longest accepted line in bytes (default 65 536); longer lines are skipped with `line_too_long`. */
  maxLineBytes?: number;
  /** Toolpath segment cap (default 16 M segments = 256 MB); beyond it `toolpath_truncated`. */
  maxToolpathSegments?: number;
  /** Expected number of segments, to size the toolpath arrays once (analyzeFile passes one from the file size). */
  toolpathSizeHint?: number;
  /**
   * Size of the whole input in bytes when known (a file's size). With a toolpath, the arrays are
   * resized early to what the bytes read so far project, instead of growing step by step (each step
   * holds two copies in memory for a moment).
   */
  inputBytes?: number;
  /**
   * Where the motion planner runs: by default in the analyzer; `analyzeFile` passes one on a worker
   * thread for large files (threads.ts). Called once, by the analyzer's constructor.
   */
  planner?: (settings: PlannerSettings) => PlannerLike;
}

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface Bounds {
  min: Vec3;
  max: Vec3;
  /** True when no move of that kind happened (min and max are then 0). */
  empty: boolean;
}

export interface FeatureStats {
  moves: number;
  mm: number;
  timeS: number;
}

export interface SlicerInfo {
  /** Generator named in the header: PrusaSlicer, Cura_SteamEngine, Simplify3D, LightBurn, T2Laser… */
  name: string | null;
  version: string | null;
  /** Cura `;FLAVOR:`. */
  flavor: string | null;
  /** The slicer's own duration estimate, seconds. */
  estimatedS: number | null;
  /** Where it came from: PrusaSlicer/Simplify3D footer, Cura `;TIME:` header, or Cura's last `;TIME_ELAPSED:`. */
  estimateSource: 'footer' | 'header' | 'time_elapsed' | null;
  filamentMm: number | null;
  filamentG: number | null;
  /** Cura `;LAYER_COUNT:`. */
  layerCount: number | null;
  /** The header holds CuraEngine's unpatched placeholders (`;TIME:6666`, `;Filament used: 0m`). */
  placeholders: boolean;
}

/** A job placed relative to wherever the head stands when it starts (`G92 X0 Y0` before any homing). */
export interface RelativeOrigin {
  /** The command that set the origin: `G92` or `G10 L20`. */
  command: string;
  /** Its line. */
  line: number;
  /** The axes it set, e.g. "xy". */
  axes: string;
}

export interface Analysis {
  /** Number of lines (a last line without a newline counts). */
  lines: number;
  bytes: number;
  layers: number;
  layerHeights: { first: number; min: number; max: number } | null;
  /** Bounds of extruding / cutting / burning moves, machine coordinates, mm. */
  bounds: Bounds;
  /** Bounds of all moves. */
  travelBounds: Bounds;
  /** Estimated duration from the motion planner (moves and dwells; heating waits are not counted). */
  durationS: number;
  /** Time spent in work moves (extruding / cutting / burning). */
  workS: number;
  /** Filament pushed by the extruder, M221 flow applied. */
  filamentMm: number;
  filamentCm3: number;
  filamentG: number;
  laserOnS: number;
  laserOnMm: number;
  workMm: number;
  travelMm: number;
  moves: number;
  arcs: number;
  slicer: SlicerInfo;
  tools: number[];
  temperatures: { nozzle: number | null; bed: number | null };
  maxSpindleS: number | null;
  features: Record<string, FeatureStats>;
  homed: boolean;
  units: 'mm' | 'inch' | 'mixed';
  /** What the file looks like, from its content: extrusion → fdm, spindle with Z plunges → cnc, else laser. */
  detectedKind: 'fdm' | 'laser' | 'cnc' | null;
  machine: { id: string | null; kind: MachineKind; firmware: string | null } | null;
  /**
   * Set when the job re-origins before any homing (laser/CNC): its bounds are then relative to where
   * the operator puts the head, and only its size is checked against the work area.
   */
  relativeOrigin: RelativeOrigin | null;
  findings: Finding[];
  /** Present when `toolpath: true`. Its buffers can go in a postMessage transfer list. */
  toolpath?: Toolpath;
}

export interface Analyzer {
  /** Feed the next chunk. Returns false once the analyzer stops accepting bytes (byte limit). */
  push(chunk: Uint8Array): boolean;
  finish(): Analysis;
  readonly bytes: number;
  /**
   * Planned seconds of the moves pushed so far, less the few blocks still in the planner's look-ahead:
   * read between pushes, it maps a byte of the file to the time the machine reaches it.
   */
  readonly plannedS: number;
}
