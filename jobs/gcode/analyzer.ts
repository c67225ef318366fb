// The G-code engine: one streaming, byte-level pass over chunks of a file.
//
// push(chunk) scans complete lines in place in the chunk (no string per line, no regex per word, no
// object per move); only the partial line at the end of a chunk is copied into a small reusable carry
// buffer. Each line's words are parsed by hand into a fixed Float64Array slot per letter plus short
// lists of G and M codes, then executed against numeric modal state. Moves feed the motion planner
// (planner.ts) and, on request, the toolpath builder (toolpath.ts). Memory for the analysis is constant
// whatever the file size; the toolpath grows with the number of segments, up to a cap.
// No Node API: runs in a browser Web Worker on chunks of a File as well.

import { commandKey, commandName, knownCommands, M_OFFSET } from './commands';
import { FindingSink, type Finding, type FindingCode, type FindingParams, type Severity } from './findings';
import {
  ACCEL_PRINT,
  ACCEL_RETRACT,
  ACCEL_TRAVEL,
  BLOCK_FEATURE_SHIFT,
  P_JERK,
  P_JUNCTION_DEVIATION,
  P_MAX_ACCEL,
  P_MAX_FEED,
  P_MIN_FEED,
  P_MIN_TRAVEL_FEED,
  P_PRINT_ACCEL,
  P_RETRACT_ACCEL,
  P_SPEED_FACTOR,
  P_TRAVEL_ACCEL,
  P_USE_JERK,
  Planner,
  type PlannerLike,
  type PlannerSettings,
} from './planner';
import {
  DEFAULT_FILAMENT_DENSITY_G_CM3,
  DEFAULT_FILAMENT_DIAMETER_MM,
  DEFAULT_MACHINE,
  DEFAULT_MIN_NOZZLE_C,
  type MachineKind,
  type MachineProfile,
  type MaterialProfile,
} from './profile';
import {
  FEATURE_NAMES,
  FEATURE_NONE,
  FEATURE_OTHER,
  KIND_RETRACT,
  KIND_TRAVEL,
  KIND_WORK,
  MAX_LAYER,
  ToolpathBuilder,
  type Toolpath,
} from './toolpath';

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
}

/** Grbl semantics (rapids at the axes' max rates, per-axis acceleration only, P in seconds…). */
function isGrblish(m: MachineProfile | undefined): boolean {
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
  findings: Finding[];
  /** Present when `toolpath: true`. Its buffers can go in a postMessage transfer list. */
  toolpath?: Toolpath;
}

export interface Analyzer {
  /** Feed the next chunk. Returns false once the analyzer stops accepting bytes (byte limit). */
  push(chunk: Uint8Array): boolean;
  finish(): Analysis;
  readonly bytes: number;
}

export function createAnalyzer(opts: AnalyzeOptions = {}): Analyzer {
  return new GcodeAnalyzer(opts);
}

// Letter indices (a = 0) and bits.
const L_E = 4;
const L_F = 5;
const L_I = 8;
const L_J = 9;
const L_K = 10;
const L_L = 11;
const L_P = 15;
const L_R = 17;
const L_S = 18;
const L_T = 19;
const L_X = 23;
const L_Y = 24;
const L_Z = 25;
const B_E = 1 << L_E;
const B_F = 1 << L_F;
const B_I = 1 << L_I;
const B_J = 1 << L_J;
const B_K = 1 << L_K;
const B_L = 1 << L_L;
const B_P = 1 << L_P;
const B_R = 1 << L_R;
const B_S = 1 << L_S;
const B_T = 1 << L_T;
const B_X = 1 << L_X;
const B_Y = 1 << L_Y;
const B_Z = 1 << L_Z;
const B_XYZ = B_X | B_Y | B_Z;
const B_AXES = B_XYZ | B_E;
const B_ARC = B_I | B_J | B_K | B_R;

// Machine kinds as small integers for the hot path.
const KC_FDM = 0;
const KC_LASER = 1;
const KC_CNC = 2; // cnc, vinyl: every feed move works
const KC_OTHER = 3; // unknown: extrusion or a beam

const BAD_BINARY = 1;
const BAD_TOKEN = 2;
const BAD_NUMBER = 4;

const POW10 = new Float64Array(23);
for (let i = 0; i < 23; i++) POW10[i] = Math.pow(10, i);

const TWO_PI = 2 * Math.PI;
const ARC_EPS = 5e-7;
/** Z changes smaller than this do not start a new layer (files without layer markers). */
const LAYER_Z_EPS = 1e-3;
const NUM_LIMIT = 1e12;
const DEFAULT_MAX_LINE = 65536;
const DEFAULT_MAX_SEGMENTS = 16 * 1024 * 1024;
const AREA_EPS = 1e-3;

const utf8 = new TextDecoder('utf-8', { fatal: false });
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

// Comment markers (bytes after the ';').
const P_LAYER_CHANGE = enc('LAYER_CHANGE');
const P_LAYER_COLON = enc('LAYER:');
const P_LAYER_COUNT = enc('LAYER_COUNT:');
const P_Z = enc('Z:');
const P_HEIGHT = enc('HEIGHT:');
const P_TYPE = enc('TYPE:');
const P_TIME = enc('TIME:');
const P_TIME_ELAPSED = enc('TIME_ELAPSED:');
const P_FLAVOR = enc('FLAVOR:');
const P_FILAMENT_USED_CURA = enc('Filament used:');
const P_END_OF_GCODE = enc('End of Gcode');
const P_SETTING_3 = enc('SETTING_3');
// After "; " (spaces skipped).
const P_FIL_MM = enc('filament used [mm] =');
const P_FIL_G = enc('filament used [g] =');
const P_EST_NORMAL = enc('estimated printing time (normal mode) =');
const P_PRUSA_END = enc('prusaslicer_config = end');
const P_SUPER_END = enc('superslicer_config = end');
const P_CONFIG_END = enc('CONFIG_BLOCK_END');
const P_S3D_LAYER = enc('layer ');
const P_S3D_FEATURE = enc('feature ');
const P_S3D_BUILD = enc('Build time:');
const P_S3D_FILAMENT = enc('Filament length:');
const P_LB_CUT = enc('Cut @');
const P_LB_SCAN = enc('Scan @');
const P_LB_FILL = enc('Fill @');
const P_LB_OFFSET_FILL = enc('Offset Fill @');
const P_LB_IMAGE = enc('Image @');
const P_LB_SCORE = enc('Score @');

function matchAt(buf: Uint8Array, i: number, end: number, p: Uint8Array): boolean {
  const n = p.length;
  if (end - i < n) return false;
  for (let k = 0; k < n; k++) if (buf[i + k] !== p[k]) return false;
  return true;
}

/** FNV-1a over lowercased bytes, trimmed; for feature names. */
function hashLower(buf: Uint8Array, i: number, end: number): number {
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  while (end > i && (buf[end - 1] === 32 || buf[end - 1] === 9 || buf[end - 1] === 13)) end--;
  let h = 0x811c9dc5;
  for (; i < end; i++) {
    let c = buf[i]!;
    if (c >= 65 && c <= 90) c |= 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

function hashString(s: string): number {
  const b = enc(s.toLowerCase());
  return hashLower(b, 0, b.length);
}

const FEATURE_BY_HASH = new Map<number, number>();
{
  const table: [number, string[]][] = [
    [1, ['external perimeter', 'outer wall', 'wall-outer', 'outer perimeter', 'perimeter-outer']],
    [2, ['perimeter', 'inner wall', 'wall-inner', 'inner perimeter']],
    [3, ['overhang perimeter', 'overhang wall']],
    [4, ['solid infill', 'internal solid infill', 'skin', 'solid layer']],
    [5, ['top solid infill', 'top surface']],
    [6, ['bottom surface', 'bottom solid infill']],
    [7, ['internal infill', 'sparse infill', 'fill', 'infill']],
    [8, ['bridge infill', 'internal bridge infill', 'bridge', 'internal bridge', 'overhang area']],
    [9, ['gap fill', 'gap infill']],
    [10, ['skirt/brim', 'skirt', 'brim']],
    [11, ['support material', 'support', 'support-infill']],
    [12, ['support material interface', 'support interface', 'support-interface', 'support transition', 'dense support']],
    [13, ['wipe tower', 'prime tower', 'prime-tower', 'prime pillar']],
    [14, ['ironing']],
    [15, ['custom']],
    [16, ['raft']],
    [17, ['thin wall']],
    [18, ['ooze shield']],
    [19, ['travel']],
  ];
  for (const [id, names] of table) for (const n of names) FEATURE_BY_HASH.set(hashString(n), id);
}

/** Decimal number in bytes (comments): sign, digits, point, optional exponent. NaN when none. */
let numEnd = 0;
function parseNumber(buf: Uint8Array, i: number, end: number): number {
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  let neg = false;
  if (buf[i] === 45) {
    neg = true;
    i++;
  } else if (buf[i] === 43) i++;
  let m = 0;
  let nd = 0;
  let fd = -1;
  for (; i < end; i++) {
    const c = buf[i]!;
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      nd++;
      if (fd >= 0) fd++;
    } else if (c === 46 && fd < 0) fd = 0;
    else break;
  }
  numEnd = i;
  if (nd === 0) return NaN;
  let v = fd > 0 ? m / Math.pow(10, fd) : m;
  if (i < end && (buf[i] === 101 || buf[i] === 69)) {
    let j = i + 1;
    let eneg = false;
    if (buf[j] === 45) {
      eneg = true;
      j++;
    } else if (buf[j] === 43) j++;
    let ex = 0;
    let en = 0;
    while (j < end && buf[j]! >= 48 && buf[j]! <= 57 && en < 4) {
      ex = ex * 10 + buf[j]! - 48;
      j++;
      en++;
    }
    if (en > 0) {
      v *= Math.pow(10, eneg ? -ex : ex);
      numEnd = j;
    }
  }
  return neg ? -v : v;
}

/** "1d 2h 3m 4s", "12m 51s", "1 hours 19 minutes", "3485" → seconds. */
export function parseDuration(text: string): number | null {
  let total = 0;
  let any = false;
  const re = /(\d+(?:\.\d+)?)\s*(d|h|m|s|days?|hours?|minutes?|mins?|seconds?|secs?)?\b/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = Number(m[1]);
    const u = (m[2] ?? 's').toLowerCase();
    const k = u.startsWith('d') ? 86400 : u.startsWith('h') ? 3600 : u.startsWith('m') ? 60 : 1;
    total += v * k;
    any = true;
  }
  return any ? total : null;
}

const GENERATOR_RE =
  /(PrusaSlicer|SuperSlicer|OrcaSlicer|BambuStudio|Slic3r(?:\s?PE)?|Cura_SteamEngine|Simplify3D|ideaMaker|KISSlicer|LightBurn|LaserGRBL|T2Laser|Inkscape|MeerK40t|Fusion 360|Estlcam|Carbide Create|Easel|CuraEngine)(?:\(R\))?[\s:]*(?:Version\s*)?([0-9][\w.+-]*)?/i;

const LASER_GENERATORS = /LightBurn|LaserGRBL|T2Laser|MeerK40t/i;

class GcodeAnalyzer implements Analyzer {
  // --- configuration
  private readonly machine: MachineProfile | null;
  private readonly kind: MachineKind | null;
  private readonly kindCode: number;
  private readonly known: Set<number> | null;
  private grblish: boolean;
  private readonly firmwareName: string;
  private readonly maxLine: number;
  private readonly maxBytes: number;
  private readonly filamentArea: number;
  private readonly density: number;
  private readonly minNozzle: number;
  private readonly nozzleLimitMachine: number;
  private readonly nozzleLimitMaterial: number;
  private readonly bedLimitMachine: number;
  private readonly bedLimitMaterial: number;
  private laserMode: boolean;
  private maxS: number;
  private readonly arcSegMm: number;
  private readonly arcTol: number;
  private readonly areaOn: boolean;
  private readonly aMinX: number;
  private readonly aMinY: number;
  private readonly aMinZ: number;
  private readonly aMaxX: number;
  private readonly aMaxY: number;
  private readonly aMaxZ: number;
  private readonly margin: number;
  private readonly areaHits = new Float64Array(6);
  private readonly areaLine = new Float64Array(6);
  private readonly homeX: number;
  private readonly homeY: number;
  private readonly homeZ: number;
  private readonly jerkLocked: boolean;
  private readonly planner: PlannerLike;
  private readonly tp: ToolpathBuilder | null;
  private readonly sink = new FindingSink();

  // --- stream state
  bytes = 0;
  private stopped = false;
  private limitHit = false;
  private lineNo = 0;
  private readonly carry: Uint8Array;
  private carryLen = 0;
  private carryOver = false;
  private carryTotal = 0;
  private result: Analysis | null = null;

  // --- per-line words
  private readonly vals = new Float64Array(26);
  private readonly gList = new Float64Array(8);
  private readonly mList = new Float64Array(4);
  private badLetter = 0;

  // --- modal state
  private unit = 1;
  private unitsSeen = 0; // 1 mm, 2 inch
  private absXYZ = true;
  private absE = true;
  private arcAbsIJ = false;
  private plane = 17;
  private motion = 0;
  private inverseTime = false;
  private feed = 1500; // mm/min (moves per minute in G93 inverse time mode)
  private feedMmS = 25;
  private feedSet = false;
  private spindle = 5; // 3, 4 or 5
  private spindleS = 0;
  private tool = 0;
  private toolMask = 0;
  private toolsSeen = 0;

  // --- position (machine coordinates) and offsets (logical = machine − offset)
  private px = 0;
  private py = 0;
  private pz = 0;
  private ox = 0;
  private oy = 0;
  private oz = 0;
  private eLog = 0;
  // the current move (see "moves")
  private mx = 0;
  private my = 0;
  private mz = 0;
  private mde = 0;
  private mlen = 0;
  private qx = 0;
  private qy = 0;
  private qz = 0;
  private q0 = 0;
  private q1 = 0;
  private ql = 0;
  private readonly pin: Float64Array;

  // --- temperatures
  private nozzleTarget = -1;
  private maxNozzle = -1;
  private maxBed = -1;
  private maxSpindle = -1;

  // --- homing
  private homed = false;
  private moved = false;
  private noHomingLine = 0;

  // --- filament (mm of filament)
  private eUsed = 0;
  private eDebt = 0;
  private extruded = false;

  // --- layers
  private layerIndex = -1;
  private markerMode = false;
  private layerZ = NaN;
  private layerZSet = false;
  private prevLayerZ = NaN;
  private pendingZ = NaN;
  private pendingHeight = NaN;
  private firstH = NaN;
  private minH = Infinity;
  private maxH = -Infinity;

  private feature = FEATURE_NONE;

  // --- bounds: work, travel
  private wMinX = Infinity;
  private wMinY = Infinity;
  private wMinZ = Infinity;
  private wMaxX = -Infinity;
  private wMaxY = -Infinity;
  private wMaxZ = -Infinity;
  private tMinX = Infinity;
  private tMinY = Infinity;
  private tMinZ = Infinity;
  private tMaxX = -Infinity;
  private tMaxY = -Infinity;
  private tMaxZ = -Infinity;
  private lastWork = false;
  private anyMove = false;

  // --- statistics
  private moves = 0;
  private arcs = 0;
  private arcSegments = 0;
  private workMm = 0;
  private travelMm = 0;
  private laserOnMm = 0;
  private readonly featMm = new Float64Array(32);
  private readonly featMoves = new Float64Array(32);
  private sawSpindleWork = false;
  private sawZWork = false;
  private workZ = NaN;

  // --- slicer info
  private slicerName: string | null = null;
  private slicerVersion: string | null = null;
  private flavor: string | null = null;
  private estFooter = NaN;
  private estHeader = NaN;
  private timeElapsed = NaN;
  private slicerFilMm = NaN;
  private slicerFilG = NaN;
  private layerCountHeader = NaN;
  private curaFilamentZero = false;
  private footerSeen = false;
  private headerComments = 0;

  constructor(opts: AnalyzeOptions) {
    const m = opts.machine ?? null;
    this.machine = m;
    const p: MachineProfile = m ?? DEFAULT_MACHINE;
    this.kind = m ? m.kind : null;
    this.kindCode = !m ? KC_OTHER : m.kind === 'fdm' ? KC_FDM : m.kind === 'laser' ? KC_LASER : m.kind === 'other' ? KC_OTHER : KC_CNC;
    this.known = m ? knownCommands(m.firmware, m.extraCommands) : null;
    this.firmwareName = m?.firmware ?? 'unknown';
    this.grblish = isGrblish(opts.machine);
    this.maxLine = opts.maxLineBytes && opts.maxLineBytes > 0 ? Math.floor(opts.maxLineBytes) : DEFAULT_MAX_LINE;
    this.maxBytes = opts.maxBytes && opts.maxBytes > 0 ? opts.maxBytes : Infinity;
    this.carry = new Uint8Array(this.maxLine + 1);
    const mat = opts.material ?? {};
    const d = mat.diameterMm && mat.diameterMm > 0 ? mat.diameterMm : DEFAULT_FILAMENT_DIAMETER_MM;
    this.filamentArea = Math.PI * (d / 2) * (d / 2);
    this.density = mat.densityGCm3 && mat.densityGCm3 > 0 ? mat.densityGCm3 : DEFAULT_FILAMENT_DENSITY_G_CM3;
    this.minNozzle = mat.minNozzleC ?? DEFAULT_MIN_NOZZLE_C;
    this.nozzleLimitMachine = m?.maxNozzleC ?? Infinity;
    this.nozzleLimitMaterial = mat.maxNozzleC ?? Infinity;
    this.bedLimitMachine = m?.maxBedC ?? Infinity;
    this.bedLimitMaterial = mat.maxBedC ?? Infinity;
    this.laserMode = m?.laserMode ?? m?.kind === 'laser';
    this.maxS = m?.maxSpindleS ?? (this.grblish ? 1000 : 255);
    this.arcSegMm = p.arcSegmentMm && p.arcSegmentMm > 0 ? p.arcSegmentMm : 1;
    this.arcTol = p.arcToleranceMm && p.arcToleranceMm > 0 ? p.arcToleranceMm : 0.002;
    const wa = m?.workArea ?? null;
    const wo = m?.workOrigin ?? { x: 0, y: 0, z: 0 };
    this.areaOn = wa !== null;
    this.aMinX = wo.x;
    this.aMinY = wo.y;
    this.aMinZ = wo.z;
    this.aMaxX = wo.x + (wa?.x ?? 0);
    this.aMaxY = wo.y + (wa?.y ?? 0);
    this.aMaxZ = wo.z + (wa?.z ?? 0);
    this.margin = m?.travelMarginMm ?? 5;
    const home = m?.homeMm ?? wo;
    this.homeX = home.x;
    this.homeY = home.y;
    this.homeZ = home.z;
    this.jerkLocked = p.junctionDeviationMm !== undefined && p.jerkMmS === undefined;
    this.planner = new Planner(plannerSettings(opts));
    this.pin = this.planner.in;
    this.tp = opts.toolpath ? new ToolpathBuilder(opts.maxToolpathSegments ?? DEFAULT_MAX_SEGMENTS, 0, 0, 0, opts.toolpathSizeHint) : null;
  }

  // ------------------------------------------------------------------ streaming

  push(chunk: Uint8Array): boolean {
    if (this.stopped || this.result) return false;
    // A plain Uint8Array view (not a Buffer subclass) keeps the byte loop monomorphic.
    chunk = chunk instanceof Uint8Array && chunk.constructor === Uint8Array ? chunk : toBytes(chunk);
    let len = chunk.length;
    if (len === 0) return true;
    if (this.bytes + len > this.maxBytes) {
      len = Math.max(0, Math.floor(this.maxBytes - this.bytes));
      chunk = chunk.subarray(0, len);
      this.limitHit = true;
    }
    this.bytes += len;
    let start = 0;
    if (this.carryLen > 0 || this.carryOver) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.appendCarry(chunk, 0, len);
        start = len;
      } else {
        this.appendCarry(chunk, 0, nl);
        this.flushCarry();
        start = nl + 1;
      }
    }
    if (start < len) {
      const last = chunk.lastIndexOf(10);
      if (last >= start) {
        this.scan(chunk, start, last + 1);
        start = last + 1;
      }
      if (start < len) this.appendCarry(chunk, start, len);
    }
    if (this.limitHit) {
      // The partial line at the limit is not executed.
      this.carryLen = 0;
      this.carryOver = false;
      this.stopped = true;
      this.sink.add('file_too_large', 'error', this.lineNo, { limit: this.maxBytes });
      return false;
    }
    return true;
  }

  private appendCarry(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.carryOver) {
      this.carryTotal += n;
      return;
    }
    if (this.carryLen + n > this.maxLine) {
      this.carryOver = true;
      this.carryTotal = this.carryLen + n;
      return;
    }
    this.carry.set(src.subarray(from, to), this.carryLen);
    this.carryLen += n;
  }

  private flushCarry(): void {
    if (this.carryOver) {
      this.lineNo++;
      this.tooLong(this.carryTotal);
    } else {
      this.carry[this.carryLen] = 10;
      this.scan(this.carry, 0, this.carryLen + 1);
    }
    this.carryLen = 0;
    this.carryOver = false;
    this.carryTotal = 0;
  }

  private tooLong(length: number): void {
    this.sink.add('line_too_long', 'error', this.lineNo, { length, limit: this.maxLine });
  }

  // ------------------------------------------------------------------ the byte loop

  /** Scan complete lines in buf[pos, end); buf[end − 1] is '\n'. */
  private scan(buf: Uint8Array, pos: number, end: number): void {
    const vals = this.vals;
    const gl = this.gList;
    const ml = this.mList;
    while (pos < end) {
      const ls = pos;
      const line = ++this.lineNo;
      let i = pos;
      let c = buf[i]!;
      let mask = 0;
      let noNum = 0;
      let nG = 0;
      let nM = 0;
      let bad = 0;
      if (line === 1 && c === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf) {
        i += 3;
        c = buf[i]!;
      }
      for (;;) {
        const k = (c | 0x20) - 97;
        if (k >>> 0 <= 25) {
          // A word: letter, optional blanks, number (sign, digits, point, digits; no exponent in G-code:
          // "X1E5" is X1 and E5). The digits accumulate in one integer m, divided once by 10^fraction
          // digits: m and 10^k are exact below 2^53 and 10^22, so the quotient is parseFloat's result.
          c = buf[++i]!;
          if (c === 32 || c === 9) do c = buf[++i]!;
          while (c === 32 || c === 9);
          let neg = false;
          if (c === 45) {
            neg = true;
            c = buf[++i]!;
          } else if (c === 43) c = buf[++i]!;
          let m = 0;
          const st = i;
          let d = c - 48;
          while (d >>> 0 <= 9) {
            m = m * 10 + d;
            d = buf[++i]! - 48;
          }
          let v: number;
          if (d === -2) {
            const fs = ++i;
            d = buf[i]! - 48;
            while (d >>> 0 <= 9) {
              m = m * 10 + d;
              d = buf[++i]! - 48;
            }
            const fd = i - fs;
            if (fd === 0 && fs - 1 === st) {
              c = d + 48;
              noNum |= 1 << k;
              continue;
            }
            v = fd < 23 ? m / POW10[fd]! : m / Math.pow(10, fd);
          } else {
            if (i === st) {
              c = d + 48;
              noNum |= 1 << k;
              continue;
            }
            v = m;
          }
          c = d + 48;
          if (neg) v = -v;
          if (!(v < NUM_LIMIT && v > -NUM_LIMIT)) {
            bad |= BAD_NUMBER;
            this.badLetter = k + 97;
            continue;
          }
          if (k === 6) {
            if (nG < 8) gl[nG++] = v;
          } else if (k === 12) {
            if (nM < 4) ml[nM++] = v;
            // Commands whose argument is free text: the rest of the line is not words.
            if (v === 117 || v === 118 || v === 23 || v === 28 || v === 30 || v === 32 || v === 33 || v === 928) {
              i = buf.indexOf(10, i);
              c = 10;
              break;
            }
          } else {
            vals[k] = v;
            mask |= 1 << k;
          }
          continue;
        }
        if (c === 10) break;
        if (c === 32 || c === 9 || c === 13) {
          c = buf[++i]!;
          continue;
        }
        // Handlers with side effects look at the line's length first: a line over the limit is
        // skipped whole, as when it arrives split across chunks.
        if (c === 59) {
          const e = buf.indexOf(10, i + 1);
          if (e - ls <= this.maxLine) this.comment(buf, i + 1, e, line);
          i = e;
          c = 10;
          break;
        }
        if (c === 40) {
          let j = i + 1;
          while (buf[j] !== 41 && buf[j] !== 10) j++;
          if (line <= 60 && buf.indexOf(10, j) - ls <= this.maxLine) this.headerText(buf, i + 1, j);
          if (buf[j] === 10) {
            i = j;
            c = 10;
            break;
          }
          i = j + 1;
          c = buf[i]!;
          continue;
        }
        if (c === 42) {
          // '*' checksum: XOR of every byte before it.
          const e = buf.indexOf(10, i);
          if (e - ls <= this.maxLine) this.checksum(buf, ls, i, line);
          i = e;
          c = 10;
          break;
        }
        if (c === 34) {
          // Quoted string argument (Prusa M862.3 P "MINI").
          let j = i + 1;
          while (buf[j] !== 34 && buf[j] !== 10) j++;
          if (buf[j] === 10) {
            i = j;
            c = 10;
            break;
          }
          i = j + 1;
          c = buf[i]!;
          continue;
        }
        if (c === 36 && mask === 0 && nG === 0 && nM === 0) {
          // Grbl system command ($H, $X, $32=1 …).
          const e = buf.indexOf(10, i);
          if (e - ls <= this.maxLine) this.system(buf, i + 1, e, line);
          i = e;
          c = 10;
          break;
        }
        if (c < 32 || c === 127) {
          if (c !== 11 && c !== 12) bad |= BAD_BINARY;
          c = buf[++i]!;
          continue;
        }
        if (c === 37 || c === 47) {
          // '%' program delimiter, '/' block delete.
          c = buf[++i]!;
          continue;
        }
        // Anything else (an unresolved {placeholder}, stray punctuation, non-ASCII): skip the token.
        bad |= BAD_TOKEN;
        do c = buf[++i]!;
        while (c !== 32 && c !== 9 && c !== 10 && c !== 59 && c !== 13 && c !== 40);
      }
      pos = i + 1;
      if (i - ls > this.maxLine) {
        this.tooLong(i - ls);
        continue;
      }
      if (bad !== 0) {
        if (bad & BAD_BINARY) {
          this.binary(buf, ls, line);
          continue;
        }
        if (bad & BAD_NUMBER) this.badNumber(String.fromCharCode(this.badLetter & ~0x20), line);
        if (bad & BAD_TOKEN) this.badToken(mask, noNum, nG, line);
        noNum = 0; // reported

      }
      if ((mask | nG | nM) !== 0) this.exec(mask, noNum, nG, nM, line);
    }
  }

  private binary(buf: Uint8Array, ls: number, line: number): void {
    const params: FindingParams = {};
    if (line === 1 && buf[ls] === 71 && buf[ls + 1] === 67 && buf[ls + 2] === 68 && buf[ls + 3] === 69) params.format = 'bgcode';
    this.sink.add('binary_data', 'error', line, params);
  }

  private badNumber(word: string, line: number): void {
    this.sink.add('bad_number', 'warning', line, { word }, word);
  }

  private badToken(mask: number, noNum: number, nG: number, line: number): void {
    // A letter left without its number by the bad token (G1 Y{machine_depth}) is what matters.
    const axes = noNum & ~mask & (B_AXES | B_F | B_S | B_ARC);
    if (axes !== 0) {
      const k = 31 - Math.clz32(axes & -axes);
      this.badNumber(String.fromCharCode(65 + k), line);
    } else if (nG !== 0 || mask !== 0) this.sink.add('bad_number', 'warning', line, { word: '?' }, '?');
  }

  private checksum(buf: Uint8Array, ls: number, star: number, line: number): void {
    let x = 0;
    for (let k = ls; k < star; k++) x ^= buf[k]!;
    const v = parseNumber(buf, star + 1, buf.indexOf(10, star));
    if (v !== x) this.sink.add('bad_checksum', 'warning', line);
  }

  // ------------------------------------------------------------------ execution

  private exec(mask: number, noNum: number, nG: number, nM: number, line: number): void {
    if (nM === 0 && nG === 1) {
      const g = this.gList[0]!;
      if (g === 1 || g === 0) {
        // The hot path: G0/G1 alone.
        this.motion = g;
        if (mask & B_F) this.setFeed();
        if (mask & B_S) this.setSpindleS(line);
        if (mask & B_AXES) this.linear(mask, g === 0, false, line);
        if (noNum & (B_AXES | B_F) & ~mask) this.badNumber(letterOf(noNum & (B_AXES | B_F) & ~mask), line);
        return;
      }
    }
    this.execGeneral(mask, noNum, nG, nM, line);
  }

  private execGeneral(mask: number, noNum: number, nG: number, nM: number, line: number): void {
    const vals = this.vals;
    const gl = this.gList;
    const ml = this.mList;
    // Units first: they apply to every value of the line.
    for (let k = 0; k < nG; k++) {
      const g = gl[k]!;
      if (g === 20) this.unit = 25.4;
      else if (g === 21) this.unit = 1;
    }
    if (mask & B_F) this.setFeed();

    let sIsParam = false;
    let tIsParam = false;
    // Axis words are a move only with spindle/coolant M codes (Grbl "X5 Y0 M3 S0"); M201 X… takes them as values.
    let consumesAxes = false;
    for (let k = 0; k < nM; k++) {
      const mv = ml[k]!;
      if (!(mv === 3 || mv === 4 || mv === 5 || mv === 7 || mv === 8 || mv === 9 || mv === 2 || mv === 30)) {
        sIsParam = true;
        consumesAxes = true;
      }
      if (mv !== 6) tIsParam = true;
    }
    for (let k = 0; k < nG; k++) if (gl[k] === 4) sIsParam = true;
    if (mask & B_T && !tIsParam) this.selectTool(vals[L_T]!);
    if (mask & B_S && !sIsParam) this.setSpindleS(line);
    for (let k = 0; k < nM; k++) this.mcode(ml[k]!, mask, line);

    let machineCoords = false;
    let motionNow = -2; // -2: none on this line
    for (let k = 0; k < nG; k++) {
      const g = gl[k]!;
      const key = Math.round(g * 10);
      switch (key) {
        case 0:
        case 10:
        case 20:
        case 30:
          this.motion = key / 10;
          motionNow = this.motion;
          break;
        case 382:
        case 383:
        case 384:
        case 385:
          motionNow = 1; // probing: a feed move towards the target
          break;
        case 800:
          this.motion = -1;
          break;
        case 40:
          this.dwell(mask);
          break;
        case 50:
          motionNow = 1; // G5 Bézier: approximated by its chord
          break;
        case 100:
          if (mask & B_L || this.grblish) consumesAxes = true; // G10 L2/L20: coordinate offsets
          break;
        case 170:
        case 180:
        case 190:
          this.plane = key / 10;
          break;
        case 200:
        case 210:
        case 400:
        case 490:
        case 540:
        case 550:
        case 560:
        case 570:
        case 580:
        case 590:
        case 610:
          break;
        case 280:
          consumesAxes = true;
          this.home(mask, noNum, line);
          break;
        case 281:
        case 301:
          consumesAxes = true;
          break;
        case 300:
          consumesAxes = true;
          this.planner.flush();
          break;
        case 290:
          this.planner.flush();
          break;
        case 530:
          machineCoords = true;
          break;
        case 900:
          this.absXYZ = true;
          if (!this.grblish) this.absE = true;
          break;
        case 910:
          this.absXYZ = false;
          if (!this.grblish) this.absE = false;
          break;
        case 901:
          this.arcAbsIJ = true;
          break;
        case 911:
          this.arcAbsIJ = false;
          break;
        case 920:
          consumesAxes = true;
          this.setPosition(mask);
          break;
        case 921:
          this.ox = this.oy = this.oz = 0;
          break;
        case 930:
          this.inverseTime = true;
          break;
        case 940:
          this.inverseTime = false;
          break;
        default:
          // Other commands (G29 X… leveling, G26, G12…) take axis words as parameters.
          consumesAxes = true;
          break;
      }
      this.checkKnown(commandKey('G', g), line);
    }
    if (consumesAxes) return;
    const motion = motionNow === -2 ? this.motion : motionNow;
    if (mask & B_AXES || (motion >= 2 && mask & B_ARC)) {
      if (motion === 0 || motion === 1) this.linear(mask, motion === 0, machineCoords, line);
      else if (motion === 2 || motion === 3) this.arc(mask, motion === 2, line);
    }
    if (motionNow >= 0 && noNum & (B_AXES | B_F) & ~mask) this.badNumber(letterOf(noNum & (B_AXES | B_F) & ~mask), line);
  }

  private checkKnown(key: number, line: number): void {
    const known = this.known;
    if (known !== null && !known.has(key)) {
      const name = commandName(key);
      this.sink.add('unknown_command', this.grblish ? 'error' : 'warning', line, { command: name, firmware: this.firmwareName }, name);
    }
  }

  private mcode(mv: number, mask: number, line: number): void {
    const vals = this.vals;
    const key = Math.round(mv * 10);
    switch (key) {
      case 0:
      case 10:
      case 6000:
      case 6010:
      case 250:
        this.planner.flush();
        this.sink.add('pause_in_job', 'warning', line, { command: commandName(M_OFFSET + key) }, String(key));
        break;
      case 20:
      case 300:
        this.planner.flush();
        this.setSpindle(5, line);
        break;
      case 30:
      case 40:
        this.setSpindle(key / 10, line);
        break;
      case 50:
        this.setSpindle(5, line);
        break;
      case 60:
        this.planner.flush();
        if (mask & B_T) this.selectTool(vals[L_T]!);
        break;
      case 820:
        this.absE = true;
        break;
      case 830:
        this.absE = false;
        break;
      case 1040:
      case 1090: {
        const t = mask & B_S ? vals[L_S]! : mask & B_R ? vals[L_R]! : NaN;
        if (key === 1090) this.planner.flush();
        if (t === t) this.nozzle(t, mask & B_T ? vals[L_T]! : this.tool, key === 1040 ? 'M104' : 'M109', line);
        break;
      }
      case 1400:
      case 1900: {
        const t = mask & B_S ? vals[L_S]! : mask & B_R ? vals[L_R]! : NaN;
        if (key === 1900) this.planner.flush();
        if (t === t) this.bed(t, key === 1400 ? 'M140' : 'M190', line);
        break;
      }
      case 2010:
        if (!this.grblish) {
          this.setAxes(P_MAX_ACCEL, mask, this.unit, 0);
        }
        break;
      case 2030:
        if (!this.grblish) {
          this.setAxes(P_MAX_FEED, mask, this.unit, 0);
        }
        break;
      case 2040:
        if (!this.grblish) {
          const pl = this.planner;
          if (mask & B_S && vals[L_S]! > 0) {
            pl.set(P_PRINT_ACCEL, 0, vals[L_S]!);
            pl.set(P_TRAVEL_ACCEL, 0, vals[L_S]!);
          }
          if (mask & B_P && vals[L_P]! > 0) pl.set(P_PRINT_ACCEL, 0, vals[L_P]!);
          if (mask & B_T && vals[L_T]! > 0) pl.set(P_TRAVEL_ACCEL, 0, vals[L_T]!);
          if (mask & B_R && vals[L_R]! > 0) pl.set(P_RETRACT_ACCEL, 0, vals[L_R]!);
        }
        break;
      case 2050:
        if (!this.grblish) {
          const pl = this.planner;
          // Jerk in the file switches to the classic jerk model unless the machine says junction deviation.
          if (this.setAxes(P_JERK, mask, 1, -1) && !this.jerkLocked) pl.set(P_USE_JERK, 0, 1);
          if (mask & B_J && vals[L_J]! > 0) {
            pl.set(P_JUNCTION_DEVIATION, 0, vals[L_J]!);
            pl.set(P_USE_JERK, 0, 0);
          }
          if (mask & B_S && vals[L_S]! >= 0) pl.set(P_MIN_FEED, 0, vals[L_S]!);
          if (mask & B_T && vals[L_T]! >= 0) pl.set(P_MIN_TRAVEL_FEED, 0, vals[L_T]!);
        }
        break;
      case 2200:
        if (mask & B_S && vals[L_S]! > 0 && vals[L_S]! <= 1000) this.planner.set(P_SPEED_FACTOR, 0, vals[L_S]! / 100);
        break;
      case 4000:
        this.planner.flush();
        break;
      default:
        break;
    }
    this.checkKnown(M_OFFSET + key, line);
  }

  /** X/Y/Z/E words of the line (× scale, above `min`) into a per-axis planner parameter; true if any. */
  private setAxes(param: number, mask: number, scale: number, min: number): boolean {
    const vals = this.vals;
    let any = false;
    const letters = [L_X, L_Y, L_Z, L_E];
    for (let i = 0; i < 4; i++) {
      const l = letters[i]!;
      if (mask & (1 << l) && vals[l]! > min) {
        this.planner.set(param, i, vals[l]! * scale);
        any = true;
      }
    }
    return any;
  }

  private setFeed(): void {
    const f = this.vals[L_F]!;
    if (this.inverseTime) {
      this.feed = f; // moves per minute, applied per move
      this.feedMmS = f / 60;
    } else if (f > 0) {
      this.feed = f * this.unit;
      this.feedMmS = this.feed / 60;
    }
    if (f > 0) this.feedSet = true;
  }

  private setSpindleS(line: number): void {
    let s = this.vals[L_S]!;
    if (s < 0) s = 0;
    if (s !== this.spindleS) {
      // Grbl: an S change stops motion unless in laser mode.
      if (this.grblish && !this.laserMode && this.spindle !== 5) this.planner.flush();
      this.spindleS = s;
    }
    if (s > this.maxSpindle) {
      this.maxSpindle = s;
      const lim = this.machine?.maxSpindleS;
      if (lim !== undefined && s > lim) this.sink.add('spindle_above_limit', 'warning', line, { value: s, limit: lim });
    }
  }

  private setSpindle(state: number, line: number): void {
    if (state !== 5) {
      const name = state === 3 ? 'M3' : 'M4';
      if (this.kind === 'fdm') this.sink.add('laser_on_printer', 'error', line, { command: name }, name);
      if (this.machine === null && !this.extruded) this.grblish = true;
    }
    if (state !== this.spindle) {
      this.planner.flush(); // every spindle state change is synchronised, even in laser mode
      this.spindle = state;
    }
  }

  private selectTool(t: number): void {
    const n = Math.round(t);
    if (n >= 0 && n < 32) {
      this.tool = n;
      this.toolsSeen |= 1 << n;
    }
  }

  private nozzle(t: number, tool: number, cmd: string, line: number): void {
    this.selectToolSeen(tool);
    this.nozzleTarget = t;
    if (t > this.maxNozzle) this.maxNozzle = t;
    if (t > 0 && this.kind !== null && this.kind !== 'fdm' && this.kind !== 'other')
      this.sink.add('heater_on_laser', 'error', line, { command: cmd, machineKind: this.kind }, cmd);
    if (t > this.nozzleLimitMachine) this.sink.add('nozzle_temp_above_limit', 'error', line, { value: t, limit: this.nozzleLimitMachine, source: 'machine' }, 'machine');
    else if (t > this.nozzleLimitMaterial)
      this.sink.add('nozzle_temp_above_limit', 'warning', line, { value: t, limit: this.nozzleLimitMaterial, source: 'material' }, 'material');
  }

  private selectToolSeen(tool: number): void {
    const n = Math.round(tool);
    if (n >= 0 && n < 32) this.toolsSeen |= 1 << n;
  }

  private bed(t: number, cmd: string, line: number): void {
    if (t > this.maxBed) this.maxBed = t;
    if (t > 0 && this.kind !== null && this.kind !== 'fdm' && this.kind !== 'other')
      this.sink.add('heater_on_laser', 'error', line, { command: cmd, machineKind: this.kind }, cmd);
    if (t > this.bedLimitMachine) this.sink.add('bed_temp_above_limit', 'error', line, { value: t, limit: this.bedLimitMachine, source: 'machine' }, 'machine');
    else if (t > this.bedLimitMaterial)
      this.sink.add('bed_temp_above_limit', 'warning', line, { value: t, limit: this.bedLimitMaterial, source: 'material' }, 'material');
  }

  private dwell(mask: number): void {
    const vals = this.vals;
    let s = 0;
    if (this.grblish) s = mask & B_P ? vals[L_P]! : 0;
    else if (mask & B_S) s = vals[L_S]!;
    else if (mask & B_P) s = vals[L_P]! / 1000;
    this.planner.dwell(s);
  }

  private home(mask: number, noNum: number, line: number): void {
    this.planner.flush();
    if (this.grblish) {
      // Grbl G28: go to the stored position (the home position here), through the given point.
      if (mask & B_XYZ) this.linear(mask & B_XYZ, true, false, line);
      this.goHome(line, false);
      this.planner.flush();
      return;
    }
    let which = (mask | noNum) & B_XYZ;
    if (which === 0) which = B_XYZ;
    const tx = which & B_X ? this.homeX : this.px;
    const ty = which & B_Y ? this.homeY : this.py;
    const tz = which & B_Z ? this.homeZ : this.pz;
    if (which & B_X) this.ox = 0;
    if (which & B_Y) this.oy = 0;
    if (which & B_Z) this.oz = 0;
    this.homed = true;
    this.mx = tx;
    this.my = ty;
    this.mz = tz;
    this.mde = 0;
    this.moveTo(true, line, true);
    this.planner.flush();
  }

  private goHome(line: number, homing: boolean): void {
    this.mx = this.homeX;
    this.my = this.homeY;
    this.mz = this.homeZ;
    this.mde = 0;
    this.moveTo(true, line, homing);
  }

  private setPosition(mask: number): void {
    const vals = this.vals;
    const u = this.unit;
    if (mask & B_X) this.ox = this.px - vals[L_X]! * u;
    if (mask & B_Y) this.oy = this.py - vals[L_Y]! * u;
    if (mask & B_Z) this.oz = this.pz - vals[L_Z]! * u;
    if (mask & B_E) this.eLog = vals[L_E]! * u;
  }

  private system(buf: Uint8Array, i: number, end: number, line: number): void {
    if (!this.grblish && this.known !== null) {
      this.sink.add('unknown_command', 'warning', line, { command: '$', firmware: this.firmwareName }, '$');
      return;
    }
    const c = buf[i]! | 0x20;
    if (c === 104 /* h */) {
      this.planner.flush();
      this.homed = true;
      this.goHome(line, true);
      this.planner.flush();
      return;
    }
    // $32=1 laser mode, $30=1000 max spindle speed
    if (buf[i] === 51 && buf[i + 2] === 61) {
      const n = parseNumber(buf, i + 3, end);
      if (n === n) {
        if (buf[i + 1] === 50) this.laserMode = n !== 0;
        else if (buf[i + 1] === 48 && n > 0) this.maxS = n;
      }
    }
  }

  // ------------------------------------------------------------------ moves
  //
  // No double crosses a call that V8 may not inline (it would be boxed in a fresh heap number): the
  // current move lives in fields (mx, my, mz target in machine coordinates, mde E delta, mlen length),
  // points to check in qx, qy, qz, and the planner and toolpath read their inputs from Float64Arrays.

  private linear(mask: number, rapid: boolean, machineCoords: boolean, line: number): void {
    const vals = this.vals;
    const u = this.unit;
    this.unitsSeen |= u === 1 ? 1 : 2;
    let tx = this.px;
    let ty = this.py;
    let tz = this.pz;
    if (machineCoords) {
      if (mask & B_X) tx = vals[L_X]! * u;
      if (mask & B_Y) ty = vals[L_Y]! * u;
      if (mask & B_Z) tz = vals[L_Z]! * u;
    } else if (this.absXYZ) {
      if (mask & B_X) tx = vals[L_X]! * u + this.ox;
      if (mask & B_Y) ty = vals[L_Y]! * u + this.oy;
      if (mask & B_Z) tz = vals[L_Z]! * u + this.oz;
    } else {
      if (mask & B_X) tx += vals[L_X]! * u;
      if (mask & B_Y) ty += vals[L_Y]! * u;
      if (mask & B_Z) tz += vals[L_Z]! * u;
    }
    this.mx = tx;
    this.my = ty;
    this.mz = tz;
    this.mde = 0;
    if (mask & B_E) this.eDelta(line);
    if (!rapid && !this.feedSet && this.grblish) this.noFeed(line);
    this.moveTo(rapid, line, false);
  }

  /** Grbl refuses a feed move before any F (error:22); the planner goes on with the default feed. */
  private noFeed(line: number): void {
    this.feedSet = true; // report once
    if (this.machine?.firmware === 'grbl') this.sink.add('undefined_feed_rate', 'error', line);
  }

  /** The line's E word → this.mde, the E delta in mm of filament. */
  private eDelta(line: number): void {
    if (this.kindCode === KC_LASER || this.kindCode === KC_CNC)
      this.sink.add('extrusion_on_laser', 'error', line, { machineKind: this.kind ?? 'other' });
    const ev = this.vals[L_E]! * this.unit;
    if (this.absE) {
      this.mde = ev - this.eLog;
      this.eLog = ev;
    } else {
      this.mde = ev;
      this.eLog += ev;
    }
  }

  /** Classify a move with XYZ motion: bit 0 work, bit 1 laser beam on. */
  private classify(rapid: boolean, extruding: boolean): number {
    const k = this.kindCode;
    if (k === KC_FDM) return extruding ? 1 : 0;
    const beam = !rapid && this.spindle !== 5 && this.spindleS > 0;
    if (k === KC_LASER) return beam ? 3 : 0;
    if (k === KC_CNC) return rapid ? 0 : 1;
    if (extruding) return 1; // unknown machine: extrusion, or a beam
    return beam ? 3 : 0;
  }

  /** Move to (mx, my, mz) with mde of filament. */
  private moveTo(rapid: boolean, line: number, homing: boolean): void {
    const tx = this.mx;
    const ty = this.my;
    const tz = this.mz;
    const px = this.px;
    const py = this.py;
    const pz = this.pz;
    const dx = tx - px;
    const dy = ty - py;
    const dz = tz - pz;
    if (dx === 0 && dy === 0 && dz === 0) {
      if (this.mde !== 0) this.eOnly();
      return;
    }
    if (!(dx === dx && dy === dy && dz === dz)) return;
    const len = Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (!this.moved) {
      this.moved = true;
      if (!this.homed && !homing) this.noHomingLine = line;
    }
    const de = this.mde;
    const cls = this.classify(rapid, de > 0);
    const work = (cls & 1) !== 0;
    this.moves++;
    if (!this.anyMove) {
      this.anyMove = true;
      this.tMinX = this.tMaxX = px;
      this.tMinY = this.tMaxY = py;
      this.tMinZ = this.tMaxZ = pz;
    }
    // Bounds only grow, so the work area is checked only when one grows: the first line outside is
    // still the one reported.
    if (this.growTravel() && this.areaOn) this.checkArea(false, line);
    if (work) {
      if (!this.lastWork && this.growWork(true) && this.areaOn) this.checkArea(true, line);
      if (this.growWork(false) && this.areaOn) this.checkArea(true, line);
      this.mlen = len;
      this.workMove(cls, line);
    } else this.travelMm += len;
    this.lastWork = work;
    if (de !== 0) this.accountE();
    this.emit(rapid, cls);
  }

  /** Extend the travel bounds to the target (mx, my, mz); true when they grew (the point is then in qx, qy, qz). */
  private growTravel(): boolean {
    const x = this.mx;
    const y = this.my;
    const z = this.mz;
    let grew = false;
    if (x < this.tMinX) {
      this.tMinX = x;
      grew = true;
    } else if (x > this.tMaxX) {
      this.tMaxX = x;
      grew = true;
    }
    if (y < this.tMinY) {
      this.tMinY = y;
      grew = true;
    } else if (y > this.tMaxY) {
      this.tMaxY = y;
      grew = true;
    }
    if (z < this.tMinZ) {
      this.tMinZ = z;
      grew = true;
    } else if (z > this.tMaxZ) {
      this.tMaxZ = z;
      grew = true;
    }
    if (grew) {
      this.qx = x;
      this.qy = y;
      this.qz = z;
    }
    return grew;
  }

  /** Extend the work bounds to the start (px, py, pz) or the target; true when they grew (point in qx, qy, qz). */
  private growWork(start: boolean): boolean {
    const x = start ? this.px : this.mx;
    const y = start ? this.py : this.my;
    const z = start ? this.pz : this.mz;
    let grew = false;
    if (x < this.wMinX) {
      this.wMinX = x;
      grew = true;
    }
    if (x > this.wMaxX) {
      this.wMaxX = x;
      grew = true;
    }
    if (y < this.wMinY) {
      this.wMinY = y;
      grew = true;
    }
    if (y > this.wMaxY) {
      this.wMaxY = y;
      grew = true;
    }
    if (z < this.wMinZ) {
      this.wMinZ = z;
      grew = true;
    }
    if (z > this.wMaxZ) {
      this.wMaxZ = z;
      grew = true;
    }
    if (grew) {
      this.qx = x;
      this.qy = y;
      this.qz = z;
    }
    return grew;
  }

  /** Statistics and layers of a work move of length mlen ending at height mz. */
  private workMove(cls: number, line: number): void {
    const len = this.mlen;
    const tz = this.mz;
    this.workMm += len;
    const f = this.feature;
    this.featMm[f] = this.featMm[f]! + len;
    this.featMoves[f] = this.featMoves[f]! + 1;
    this.toolMask |= 1 << this.tool;
    if (cls & 2) {
      this.laserOnMm += len;
      this.sawSpindleWork = true;
    }
    if (tz !== this.workZ) {
      if (this.workZ === this.workZ) this.sawZWork = true;
      this.workZ = tz;
    }
    if (this.mde > 0 && !this.extruded) {
      this.extruded = true;
      if ((this.kindCode === KC_FDM || this.kindCode === KC_OTHER) && !(this.nozzleTarget >= this.minNozzle))
        this.sink.add('cold_extrusion', 'warning', line, { value: this.nozzleTarget < 0 ? 0 : this.nozzleTarget, limit: this.minNozzle });
    }
    // Layers: without markers, a work move at a new height starts a layer.
    if (!this.markerMode) {
      if (this.layerIndex < 0 || !(Math.abs(tz - this.layerZ) <= LAYER_Z_EPS)) {
        this.startLayer();
        this.resolveLayerZ(tz);
      }
    } else if (!this.layerZSet) this.resolveLayerZ(this.pendingZ === this.pendingZ ? this.pendingZ : tz);
  }

  /** Queue the segment to (mx, my, mz) with mde to the planner and the toolpath; it becomes the position. */
  private emit(rapid: boolean, cls: number): void {
    const tx = this.mx;
    const ty = this.my;
    const tz = this.mz;
    const dx = tx - this.px;
    const dy = ty - this.py;
    const dz = tz - this.pz;
    const de = this.mde;
    let feed: number;
    if (rapid && this.grblish) feed = Infinity;
    else if (this.inverseTime) feed = (Math.sqrt(dx * dx + dy * dy + dz * dz) * this.feed) / 60;
    else feed = this.feedMmS;
    const pin = this.pin;
    pin[0] = dx;
    pin[1] = dy;
    pin[2] = dz;
    pin[3] = de;
    pin[4] = feed;
    this.planner.add(de !== 0 ? ACCEL_PRINT : ACCEL_TRAVEL, (cls & 3) | (this.feature << BLOCK_FEATURE_SHIFT));
    this.px = tx;
    this.py = ty;
    this.pz = tz;
    if (this.tp !== null) this.toolpathSegment(cls, de, feed);
  }

  private toolpathSegment(cls: number, de: number, feed: number): void {
    const tp = this.tp!;
    let kind: number;
    let bucket: number;
    if (cls & 1) {
      kind = KIND_WORK;
      if (cls & 2) {
        bucket = (this.spindleS / this.maxS) * 255 + 0.5;
        tp.notePower();
      } else bucket = feed + 0.5;
    } else {
      kind = de < 0 ? KIND_RETRACT : KIND_TRAVEL;
      bucket = feed + 0.5;
    }
    let b = bucket >= 255 ? 255 : bucket >= 0 ? bucket | 0 : 0;
    if (b > 255) b = 255;
    let layer = this.layerIndex < 0 ? 0 : this.layerIndex;
    if (layer > MAX_LAYER) layer = MAX_LAYER;
    const xyz = tp.xyz;
    xyz[0] = this.px;
    xyz[1] = this.py;
    xyz[2] = this.pz;
    if (!tp.add((kind | (this.feature << 2) | (b << 7) | (layer << 15)) >>> 0) && !this.sink.has('toolpath_truncated'))
      this.sink.add('toolpath_truncated', 'warning', this.lineNo, { segments: tp.segments });
  }

  /** A move of the extruder alone (retraction, priming). */
  private eOnly(): void {
    this.accountE();
    const pin = this.pin;
    pin[0] = 0;
    pin[1] = 0;
    pin[2] = 0;
    pin[3] = this.mde;
    pin[4] = this.feedMmS;
    this.planner.add(ACCEL_RETRACT, this.feature << BLOCK_FEATURE_SHIFT);
  }

  /** Filament used: extrusion, not counting the re-priming of what an earlier retraction pulled back. */
  private accountE(): void {
    const de = this.mde;
    if (de < 0) this.eDebt -= de;
    else if (this.eDebt > 0) {
      if (de <= this.eDebt) this.eDebt -= de;
      else {
        this.eUsed += de - this.eDebt;
        this.eDebt = 0;
      }
    } else this.eUsed += de;
  }

  /** Work area check of (qx, qy, qz), a point that grew the bounds: the first line per axis is kept. */
  private checkArea(work: boolean, line: number): void {
    const x = this.qx;
    const y = this.qy;
    const z = this.qz;
    const m = work ? AREA_EPS : this.margin;
    const o = work ? 0 : 3;
    const a = this.areaHits;
    if (x < this.aMinX - m || x > this.aMaxX + m) {
      if (a[o] === 0) this.areaLine[o] = line;
      a[o] = a[o]! + 1;
    }
    if (y < this.aMinY - m || y > this.aMaxY + m) {
      if (a[o + 1] === 0) this.areaLine[o + 1] = line;
      a[o + 1] = a[o + 1]! + 1;
    }
    if (z < this.aMinZ - m || z > this.aMaxZ + m) {
      if (a[o + 2] === 0) this.areaLine[o + 2] = line;
      a[o + 2] = a[o + 2]! + 1;
    }
  }

  private reportArea(): void {
    const lo = [this.aMinX, this.aMinY, this.aMinZ];
    const hi = [this.aMaxX, this.aMaxY, this.aMaxZ];
    const wMin = [this.wMinX, this.wMinY, this.wMinZ];
    const wMax = [this.wMaxX, this.wMaxY, this.wMaxZ];
    const tMin = [this.tMinX, this.tMinY, this.tMinZ];
    const tMax = [this.tMaxX, this.tMaxY, this.tMaxZ];
    for (let k = 0; k < 6; k++) {
      const n = this.areaHits[k]!;
      // A work move outside already says it for its axis (travel bounds include work moves).
      if (n === 0 || (k >= 3 && this.areaHits[k - 3]! > 0)) continue;
      const line = this.areaLine[k]!;
      const ax = k % 3;
      const work = k < 3;
      const min = work ? wMin[ax]! : tMin[ax]!;
      const max = work ? wMax[ax]! : tMax[ax]!;
      // The side that overshoots more (the only one beyond the margin, or the worse of two).
      const m = work ? AREA_EPS : this.margin;
      const below = lo[ax]! - m - min;
      const above = max - hi[ax]! - m;
      const value = below > above ? min : max;
      const code: FindingCode = work ? 'outside_work_area' : 'travel_outside_work_area';
      const sev: Severity = work ? 'error' : 'warning';
      const axis = 'xyz'[ax]!;
      this.sink.add(code, sev, line, { axis, value: round3(value), min: lo[ax]!, max: hi[ax]! }, axis);
    }
  }

  private arc(mask: number, cw: boolean, line: number): void {
    const vals = this.vals;
    const u = this.unit;
    this.unitsSeen |= u === 1 ? 1 : 2;
    // Target, as for a line.
    let tx = this.px;
    let ty = this.py;
    let tz = this.pz;
    if (this.absXYZ) {
      if (mask & B_X) tx = vals[L_X]! * u + this.ox;
      if (mask & B_Y) ty = vals[L_Y]! * u + this.oy;
      if (mask & B_Z) tz = vals[L_Z]! * u + this.oz;
    } else {
      if (mask & B_X) tx += vals[L_X]! * u;
      if (mask & B_Y) ty += vals[L_Y]! * u;
      if (mask & B_Z) tz += vals[L_Z]! * u;
    }
    this.mde = 0;
    if (mask & B_E) this.eDelta(line);
    if (!this.feedSet && this.grblish) this.noFeed(line);
    const de = this.mde;
    // Plane axes: a0, a1 in the plane, al along the helix axis.
    const pl = this.plane;
    const s0 = pl === 17 ? this.px : pl === 18 ? this.pz : this.py;
    const s1 = pl === 17 ? this.py : pl === 18 ? this.px : this.pz;
    const sl = pl === 17 ? this.pz : pl === 18 ? this.py : this.px;
    const t0 = pl === 17 ? tx : pl === 18 ? tz : ty;
    const t1 = pl === 17 ? ty : pl === 18 ? tx : tz;
    const tl = pl === 17 ? tz : pl === 18 ? ty : tx;
    const o0Bit = pl === 17 ? B_I : pl === 18 ? B_K : B_J;
    const o1Bit = pl === 17 ? B_J : pl === 18 ? B_I : B_K;
    const o0L = pl === 17 ? L_I : pl === 18 ? L_K : L_J;
    const o1L = pl === 17 ? L_J : pl === 18 ? L_I : L_K;
    const oo0 = pl === 17 ? this.ox : pl === 18 ? this.oz : this.oy;
    const oo1 = pl === 17 ? this.oy : pl === 18 ? this.ox : this.oz;
    let c0: number;
    let c1: number;
    let r: number;
    const grblSev: Severity = this.grblish ? 'error' : 'warning';
    this.mx = tx;
    this.my = ty;
    this.mz = tz;
    if (mask & B_R && !(mask & (o0Bit | o1Bit))) {
      r = vals[L_R]! * u;
      const x = t0 - s0;
      const y = t1 - s1;
      const d2 = x * x + y * y;
      if (d2 === 0 || r === 0) {
        this.sink.add('bad_arc', grblSev, line, { reason: 'r_form_same_endpoints' }, 'r_same');
        this.moveTo(false, line, false);
        return;
      }
      let h4 = 4 * r * r - d2;
      if (h4 < 0) {
        if (h4 < -1e-6 * 4 * r * r) this.sink.add('bad_arc', grblSev, line, { reason: 'radius_too_small' }, 'r_small');
        h4 = 0;
      }
      let h = -Math.sqrt(h4) / Math.sqrt(d2);
      if (!cw) h = -h;
      if (r < 0) {
        h = -h;
        r = -r;
      }
      c0 = s0 + 0.5 * (x - y * h);
      c1 = s1 + 0.5 * (y + x * h);
    } else {
      const i0 = mask & o0Bit ? vals[o0L]! * u : 0;
      const i1 = mask & o1Bit ? vals[o1L]! * u : 0;
      if (this.arcAbsIJ) {
        c0 = i0 + oo0;
        c1 = i1 + oo1;
      } else {
        c0 = s0 + i0;
        c1 = s1 + i1;
      }
      r = Math.hypot(s0 - c0, s1 - c1);
      if (r === 0) {
        this.sink.add('bad_arc', grblSev, line, { reason: 'no_center_offset' }, 'no_offset');
        this.moveTo(false, line, false);
        return;
      }
      const rEnd = Math.hypot(t0 - c0, t1 - c1);
      const diff = Math.abs(r - rEnd);
      if (diff > 0.005 && diff > 0.001 * r) this.sink.add('bad_arc', grblSev, line, { reason: 'radius_mismatch', delta: round3(diff) }, 'mismatch');
    }
    const rs0 = s0 - c0;
    const rs1 = s1 - c1;
    const rt0 = t0 - c0;
    const rt1 = t1 - c1;
    let ang = Math.atan2(rs0 * rt1 - rs1 * rt0, rs0 * rt0 + rs1 * rt1);
    if (cw) {
      if (ang >= -ARC_EPS) ang -= TWO_PI;
    } else if (ang <= ARC_EPS) ang += TWO_PI;
    const absAng = ang < 0 ? -ang : ang;
    const dl = tl - sl;
    const arcLen = absAng * r;
    const len = Math.sqrt(arcLen * arcLen + dl * dl);
    if (!(len > 0) || len === Infinity) return;

    // Segments like the firmware, at most one per degree (one per 10° past 20 M arc segments).
    let n: number;
    if (this.grblish) {
      const tol = this.arcTol;
      n = r > tol ? Math.floor((0.5 * absAng * r) / Math.sqrt(tol * (2 * r - tol))) : 1;
    } else n = Math.floor(len / this.arcSegMm);
    const perDeg = Math.ceil((absAng * 180) / Math.PI / (this.arcSegments > 20_000_000 ? 10 : 1));
    if (n > perDeg) n = perDeg;
    if (!(n >= 1)) n = 1;
    this.arcs++;
    this.arcSegments += n;

    // Bookkeeping once for the whole arc: bounds (exact, with the quadrant points), stats, layers.
    if (!this.moved) {
      this.moved = true;
      if (!this.homed) this.noHomingLine = line;
    }
    const cls = this.classify(false, de > 0);
    const work = (cls & 1) !== 0;
    this.moves++;
    if (!this.anyMove) {
      this.anyMove = true;
      this.tMinX = this.tMaxX = this.px;
      this.tMinY = this.tMaxY = this.py;
      this.tMinZ = this.tMaxZ = this.pz;
    }
    if (work && !this.lastWork) {
      this.q0 = s0;
      this.q1 = s1;
      this.ql = sl;
      this.arcPoint(true, false, line);
    }
    this.q0 = t0;
    this.q1 = t1;
    this.ql = tl;
    this.arcPoint(work, true, line);
    const th0 = Math.atan2(rs1, rs0);
    for (let q = 0; q < 4; q++) {
      const phi = q * 0.5 * Math.PI;
      let dlt = cw ? th0 - phi : phi - th0;
      dlt -= Math.floor(dlt / TWO_PI) * TWO_PI;
      if (dlt > 0 && dlt < absAng) {
        this.q0 = q === 0 ? c0 + r : q === 2 ? c0 - r : c0;
        this.q1 = q === 1 ? c1 + r : q === 3 ? c1 - r : c1;
        this.ql = sl + (dl * dlt) / absAng;
        this.arcPoint(work, true, line);
      }
    }
    this.mx = tx;
    this.my = ty;
    this.mz = tz;
    this.mde = de;
    if (work) {
      this.mlen = len;
      this.workMove(cls, line);
    } else this.travelMm += len;
    this.lastWork = work;
    if (de !== 0) this.accountE();

    // Emit the chords.
    const step = ang / n;
    const den = de / n;
    for (let k = 1; k < n; k++) {
      const th = th0 + step * k;
      const a = c0 + r * Math.cos(th);
      const b = c1 + r * Math.sin(th);
      const l = sl + (dl * k) / n;
      if (pl === 17) {
        this.mx = a;
        this.my = b;
        this.mz = l;
      } else if (pl === 18) {
        this.mz = a;
        this.mx = b;
        this.my = l;
      } else {
        this.my = a;
        this.mz = b;
        this.mx = l;
      }
      this.mde = den;
      this.emit(false, cls);
    }
    this.mx = tx;
    this.my = ty;
    this.mz = tz;
    this.mde = den;
    this.emit(false, cls);
  }

  /** A point of an arc in plane coordinates (q0, q1, ql) into the bounds (and the work area check). */
  private arcPoint(work: boolean, travel: boolean, line: number): void {
    const plane = this.plane;
    let x: number;
    let y: number;
    let z: number;
    if (plane === 17) {
      x = this.q0;
      y = this.q1;
      z = this.ql;
    } else if (plane === 18) {
      z = this.q0;
      x = this.q1;
      y = this.ql;
    } else {
      y = this.q0;
      z = this.q1;
      x = this.ql;
    }
    if (travel) {
      if (x < this.tMinX) this.tMinX = x;
      if (x > this.tMaxX) this.tMaxX = x;
      if (y < this.tMinY) this.tMinY = y;
      if (y > this.tMaxY) this.tMaxY = y;
      if (z < this.tMinZ) this.tMinZ = z;
      if (z > this.tMaxZ) this.tMaxZ = z;
    }
    if (work) {
      if (x < this.wMinX) this.wMinX = x;
      if (x > this.wMaxX) this.wMaxX = x;
      if (y < this.wMinY) this.wMinY = y;
      if (y > this.wMaxY) this.wMaxY = y;
      if (z < this.wMinZ) this.wMinZ = z;
      if (z > this.wMaxZ) this.wMaxZ = z;
    }
    if (this.areaOn) {
      this.qx = x;
      this.qy = y;
      this.qz = z;
      this.checkArea(work, line);
    }
  }

  // ------------------------------------------------------------------ layers

  private startLayer(): void {
    this.layerIndex++;
    this.layerZSet = false;
    if (this.tp !== null) this.tp.startLayer(NaN);
  }

  private resolveLayerZ(z: number): void {
    this.layerZ = z;
    this.layerZSet = true;
    let h = this.pendingHeight;
    this.pendingHeight = NaN;
    this.pendingZ = NaN;
    if (!(h > 0)) h = this.layerIndex === 0 || this.prevLayerZ !== this.prevLayerZ ? z : z - this.prevLayerZ;
    if (this.layerIndex === 0) this.firstH = h;
    else if (h > 0) {
      if (h < this.minH) this.minH = h;
      if (h > this.maxH) this.maxH = h;
    }
    this.prevLayerZ = z;
    if (this.tp !== null) this.tp.setLayerZ(z);
  }

  private layerMarker(): void {
    if (!this.markerMode) {
      this.markerMode = true;
      if (this.layerIndex < 0) this.startLayer();
      else {
        // What ran before the first marker (start G-code, purge line) joins layer 0.
        this.layerZSet = false;
        this.prevLayerZ = NaN;
      }
    } else this.startLayer();
  }

  // ------------------------------------------------------------------ comments

  private comment(buf: Uint8Array, s: number, e: number, line: number): void {
    const c = buf[s];
    switch (c) {
      case 76: // L
        if (matchAt(buf, s, e, P_LAYER_CHANGE)) this.layerMarker();
        else if (matchAt(buf, s, e, P_LAYER_COLON)) this.layerMarker();
        else if (matchAt(buf, s, e, P_LAYER_COUNT)) this.layerCountHeader = parseNumber(buf, s + P_LAYER_COUNT.length, e);
        return;
      case 90: // Z
        if (matchAt(buf, s, e, P_Z)) {
          const z = parseNumber(buf, s + 2, e);
          if (z === z) this.pendingZ = z;
        }
        return;
      case 72: // H
        if (matchAt(buf, s, e, P_HEIGHT)) {
          const h = parseNumber(buf, s + P_HEIGHT.length, e);
          if (h === h) this.pendingHeight = h;
        }
        return;
      case 84: // T
        if (matchAt(buf, s, e, P_TYPE)) this.setFeature(buf, s + P_TYPE.length, e);
        else if (matchAt(buf, s, e, P_TIME_ELAPSED)) this.timeElapsed = parseNumber(buf, s + P_TIME_ELAPSED.length, e);
        else if (matchAt(buf, s, e, P_TIME)) this.estHeader = parseNumber(buf, s + P_TIME.length, e);
        return;
      case 70: // F
        if (matchAt(buf, s, e, P_FLAVOR)) this.flavor = decode(buf, s + P_FLAVOR.length, e);
        else if (matchAt(buf, s, e, P_FILAMENT_USED_CURA)) {
          const m = parseNumber(buf, s + P_FILAMENT_USED_CURA.length, e);
          if (m === 0) this.curaFilamentZero = true;
          else if (m > 0) this.slicerFilMm = m * 1000;
        }
        return;
      case 69: // E
        if (matchAt(buf, s, e, P_END_OF_GCODE)) this.footerSeen = true;
        return;
      case 83: // S
        if (matchAt(buf, s, e, P_SETTING_3)) this.footerSeen = true;
        return;
      case 67: // C
        if (matchAt(buf, s, e, P_CONFIG_END)) this.footerSeen = true;
        return;
      case 32:
      case 9:
        this.spacedComment(buf, s, e, line);
        return;
      default:
        if (line <= 60) this.headerText(buf, s, e);
    }
  }

  private spacedComment(buf: Uint8Array, s: number, e: number, line: number): void {
    let i = s + 1;
    while (i < e && (buf[i] === 32 || buf[i] === 9)) i++;
    switch (buf[i]) {
      case 102: // f
        if (matchAt(buf, i, e, P_FIL_MM)) this.slicerFilMm = sumNumbers(buf, i + P_FIL_MM.length, e);
        else if (matchAt(buf, i, e, P_FIL_G)) this.slicerFilG = sumNumbers(buf, i + P_FIL_G.length, e);
        else if (matchAt(buf, i, e, P_S3D_FEATURE)) this.setFeature(buf, i + P_S3D_FEATURE.length, e);
        break;
      case 101: // e
        if (matchAt(buf, i, e, P_EST_NORMAL)) {
          const d = parseDuration(decode(buf, i + P_EST_NORMAL.length, e));
          if (d !== null) this.estFooter = d;
        }
        break;
      case 112: // p
        if (matchAt(buf, i, e, P_PRUSA_END)) this.footerSeen = true;
        break;
      case 115: // s
        if (matchAt(buf, i, e, P_SUPER_END)) this.footerSeen = true;
        break;
      case 108: // l — Simplify3D "; layer 1, Z = 0.200"
        if (matchAt(buf, i, e, P_S3D_LAYER)) {
          const d = buf[i + P_S3D_LAYER.length]!;
          if (d >= 48 && d <= 57) {
            this.layerMarker();
            for (let k = i; k < e - 1; k++)
              if (buf[k] === 90 && (buf[k + 1] === 32 || buf[k + 1] === 61)) {
                let j = k + 1;
                while (j < e && (buf[j] === 32 || buf[j] === 61)) j++;
                const z = parseNumber(buf, j, e);
                if (z === z) this.pendingZ = z;
                break;
              }
          }
        }
        break;
      case 66: // B
        if (matchAt(buf, i, e, P_S3D_BUILD)) {
          const d = parseDuration(decode(buf, i + P_S3D_BUILD.length, e));
          if (d !== null) this.estFooter = d;
        }
        break;
      case 70: // F
        if (matchAt(buf, i, e, P_S3D_FILAMENT)) {
          const v = parseNumber(buf, i + P_S3D_FILAMENT.length, e);
          if (v === v) this.slicerFilMm = v;
        } else if (matchAt(buf, i, e, P_LB_FILL)) this.feature = 21;
        break;
      case 67: // C
        if (matchAt(buf, i, e, P_LB_CUT)) this.feature = 20;
        else if (line <= 60) this.headerText(buf, i, e);
        break;
      case 83: // S
        if (matchAt(buf, i, e, P_LB_SCAN)) this.feature = 21;
        else if (matchAt(buf, i, e, P_LB_SCORE)) this.feature = 23;
        else if (line <= 60) this.headerText(buf, i, e);
        break;
      case 79: // O
        if (matchAt(buf, i, e, P_LB_OFFSET_FILL)) this.feature = 21;
        break;
      case 73: // I
        if (matchAt(buf, i, e, P_LB_IMAGE)) this.feature = 22;
        break;
      default:
        if (line <= 60) this.headerText(buf, i, e);
    }
  }

  private setFeature(buf: Uint8Array, s: number, e: number): void {
    const id = FEATURE_BY_HASH.get(hashLower(buf, s, e));
    this.feature = id ?? FEATURE_OTHER;
  }

  /** Generator name in the first comments of the file. */
  private headerText(buf: Uint8Array, s: number, e: number): void {
    if (this.slicerName !== null || this.headerComments >= 60 || e - s > 400) return;
    this.headerComments++;
    const text = decode(buf, s, e);
    const m = GENERATOR_RE.exec(text);
    if (m) {
      this.slicerName = m[1]!.replace(/\s+/g, ' ');
      this.slicerVersion = m[2] ?? null;
      if (this.machine === null && !this.extruded && LASER_GENERATORS.test(this.slicerName)) this.grblish = true;
    }
  }

  // ------------------------------------------------------------------ result

  finish(): Analysis {
    if (this.result) return this.result;
    if (!this.stopped && (this.carryLen > 0 || this.carryOver)) this.flushCarry();
    const pl = this.planner.results();
    const sink = this.sink;
    const m = this.machine;

    if (this.areaOn) this.reportArea();
    if (!this.anyMove) sink.add('empty_file', 'error', 0);
    if (m !== null && this.noHomingLine > 0) sink.add('no_homing', m.kind === 'fdm' ? 'error' : 'warning', this.noHomingLine);
    const isPrusa = this.slicerName !== null && /PrusaSlicer|SuperSlicer|OrcaSlicer|BambuStudio/i.test(this.slicerName);
    const isCura = this.slicerName !== null && /Cura/i.test(this.slicerName);
    if (!this.limitHit && this.anyMove) {
      let reason: string | null = null;
      if ((isPrusa || isCura) && !this.footerSeen) reason = 'missing_footer';
      else if (this.spindle !== 5 && this.spindleS > 0 && this.laserOnMm > 0) reason = 'laser_on_at_end';
      else if (this.extruded && this.nozzleTarget > 0 && (m === null || m.kind === 'fdm')) reason = 'heater_on_at_end';
      if (reason !== null) sink.add('truncated', 'warning', this.lineNo, { reason });
    }

    const features: Record<string, FeatureStats> = {};
    for (let f = 0; f < 32; f++) {
      if (this.featMoves[f]! > 0 || pl.featureTimeS[f]! > 0) {
        features[FEATURE_NAMES[f] ?? `feature_${f}`] = {
          moves: this.featMoves[f]!,
          mm: round3(this.featMm[f]!),
          timeS: round3(pl.featureTimeS[f]!),
        };
      }
    }
    const tools: number[] = [];
    const tm = this.toolMask | this.toolsSeen;
    for (let t = 0; t < 32; t++) if (tm & (1 << t)) tools.push(t);

    const placeholders = this.estHeader === 6666 && this.curaFilamentZero;
    let estimatedS: number | null = null;
    let estimateSource: SlicerInfo['estimateSource'] = null;
    if (this.estFooter === this.estFooter) {
      estimatedS = this.estFooter;
      estimateSource = 'footer';
    } else if (this.estHeader === this.estHeader && !placeholders) {
      estimatedS = this.estHeader;
      estimateSource = 'header';
    } else if (this.timeElapsed === this.timeElapsed) {
      estimatedS = this.timeElapsed;
      estimateSource = 'time_elapsed';
    }

    const filamentMm = this.eUsed;
    const cm3 = (filamentMm * this.filamentArea) / 1000;
    const laserLike = this.kind === 'laser' || this.kind === null;
    const layers = this.layerIndex + 1;
    const res: Analysis = {
      lines: this.lineNo,
      bytes: this.bytes,
      layers,
      layerHeights:
        layers > 0 && this.firstH === this.firstH
          ? {
              first: round4(this.firstH),
              min: round4(this.minH === Infinity ? this.firstH : this.minH),
              max: round4(this.maxH === -Infinity ? this.firstH : this.maxH),
            }
          : null,
      bounds: bounds(this.wMinX, this.wMinY, this.wMinZ, this.wMaxX, this.wMaxY, this.wMaxZ),
      travelBounds: bounds(this.tMinX, this.tMinY, this.tMinZ, this.tMaxX, this.tMaxY, this.tMaxZ),
      durationS: round3(pl.timeS),
      workS: round3(pl.workTimeS),
      filamentMm: round3(filamentMm),
      filamentCm3: round4(cm3),
      filamentG: round4(cm3 * this.density),
      laserOnS: laserLike ? round3(pl.laserTimeS) : 0,
      laserOnMm: laserLike ? round3(this.laserOnMm) : 0,
      workMm: round3(this.workMm),
      travelMm: round3(this.travelMm),
      moves: this.moves,
      arcs: this.arcs,
      slicer: {
        name: this.slicerName,
        version: this.slicerVersion,
        flavor: this.flavor,
        estimatedS,
        estimateSource,
        filamentMm: this.slicerFilMm === this.slicerFilMm ? this.slicerFilMm : null,
        filamentG: this.slicerFilG === this.slicerFilG ? this.slicerFilG : null,
        layerCount: this.layerCountHeader === this.layerCountHeader ? this.layerCountHeader : null,
        placeholders,
      },
      tools,
      temperatures: { nozzle: this.maxNozzle >= 0 ? this.maxNozzle : null, bed: this.maxBed >= 0 ? this.maxBed : null },
      maxSpindleS: this.maxSpindle >= 0 ? this.maxSpindle : null,
      features,
      homed: this.homed,
      units: this.unitsSeen === 3 ? 'mixed' : this.unitsSeen === 2 ? 'inch' : 'mm',
      detectedKind: this.extruded ? 'fdm' : this.sawSpindleWork || this.spindleUsed() ? (this.sawZWork ? 'cnc' : 'laser') : null,
      machine: m ? { id: m.id ?? null, kind: m.kind, firmware: m.firmware } : null,
      findings: sink.list(),
    };
    if (this.tp !== null) res.toolpath = this.tp.finish();
    this.result = res;
    return res;
  }

  private spindleUsed(): boolean {
    return this.maxSpindle > 0;
  }
}

function letterOf(bits: number): string {
  const k = 31 - Math.clz32(bits & -bits);
  return String.fromCharCode(65 + k);
}

function decode(buf: Uint8Array, s: number, e: number): string {
  return utf8.decode(buf.subarray(s, e)).trim();
}

function sumNumbers(buf: Uint8Array, i: number, e: number): number {
  let total = 0;
  let any = false;
  while (i < e) {
    const v = parseNumber(buf, i, e);
    if (v === v) {
      total += v;
      any = true;
    }
    i = numEnd;
    while (i < e && buf[i] !== 44) i++;
    i++;
  }
  return any ? total : NaN;
}

function bounds(x0: number, y0: number, z0: number, x1: number, y1: number, z1: number): Bounds {
  if (!(x0 <= x1)) return { min: { x: 0, y: 0, z: 0 }, max: { x: 0, y: 0, z: 0 }, empty: true };
  return { min: { x: round6(x0), y: round6(y0), z: round6(z0) }, max: { x: round6(x1), y: round6(y1), z: round6(z1) }, empty: false };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
function round4(v: number): number {
  return Math.round(v * 10000) / 10000;
}
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function toBytes(chunk: unknown): Uint8Array {
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return new Uint8Array(0);
}
