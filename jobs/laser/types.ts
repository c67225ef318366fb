// The public shapes of laser job preparation: what a caller passes, what it gets back.
import type { Analysis, MachineProfile, MaterialProfile } from '../gcode';
import type { LaserFinding } from './findings';
import type { LaserLimits } from './limits';
import type { ColorMapping, ColorUse } from './plan/operations';
import type { Placement } from './plan/place';
import type { Size } from './plan/scale';
import type { RouteOptions } from './plan/order';
import type { JobParams, ParamOverrides } from './presets/presets';
import type { LaserPresets, OperationKind } from './presets/schema';
import type { SourceFormat } from './source';

/** How an image is engraved (the rest comes from the material's `raster` preset). */
export interface ImageSettings {
  /** Size on the material, mm. Default: 10 pixels per mm. Height: from the image's aspect when absent. */
  widthMm?: number;
  heightMm?: number;
  dither?: 'floyd-steinberg' | 'jarvis' | 'ordered' | 'threshold' | 'grayscale';
  brightness?: number;
  contrast?: number;
  gamma?: number;
  invert?: boolean;
  bidirectional?: boolean;
}

export interface LaserJobInput {
  source: {
    name: string;
    bytes: Uint8Array;
    /** Default: from the bytes (and the name's extension as a last resort). */
    format?: SourceFormat;
  };
  /** A laser on Grbl 1.1 ($30 = maxSpindleS). Its `id` selects the presets. */
  machine: MachineProfile;
  /** Material code, e.g. 'plywood-3': selects the presets. */
  materialId: string;
  /** Passed to the G-code analysis. */
  material?: MaterialProfile;
  /** The lab's presets (default: assets/laser/presets.json). */
  presets?: LaserPresets;
  /** The maker's adjustments, within the presets' limits. */
  params?: ParamOverrides;
  /** Colour → operation (default DEFAULT_MAPPING: red cut, blue score, black fill engraved). */
  mapping?: ColorMapping;
  /**
   * Where the lower-left corner of what burns goes, in machine mm (default: the drawing's own
   * coordinates: an SVG page's bottom-left corner, a DXF's origin, at the machine's origin).
   */
  placement?: Placement;
  /** Resize what burns (as drawn) to this size; one side given: in proportion. */
  scale?: Size;
  /** Kerf compensation on cuts (default true, with the material's kerf). */
  kerf?: boolean;
  /** Chord tolerance for curves, mm (default 0.01). */
  toleranceMm?: number;
  /** Run-up of engraving lines, mm (default: from the speed and the machine's X acceleration). */
  overscanMm?: number;
  /** Start with `$H` (homing). Default false: the kiosk homes the machine itself. */
  home?: boolean;
  route?: RouteOptions;
  image?: ImageSettings;
  limits?: Partial<LaserLimits>;
  /** Called as the work moves on (import, plan, write, analyse). */
  onProgress?: (stage: 'import' | 'plan' | 'write' | 'analyze') => void;
}

export interface BedBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface OperationStats {
  operation: OperationKind | 'raster';
  /** What is burnt with these settings: 'stroke #ff0000', 'fill #000000', 'layer CUT', 'image'. */
  sources: string[];
  /** Paths burnt once (engrave: scan lines). */
  paths: number;
  /** Laser-on length of one pass, mm. */
  lengthMm: number;
  passes: number;
  powerPct: number;
  /** The S word: powerPct of $30. */
  s: number;
  speedMmMin: number;
  lineIntervalMm?: number;
  overscanMm?: number;
  kerfMm?: number;
}

export interface LaserJob {
  /** The program, in chunks to write or stream one after the other. */
  gcode: string[];
  bytes: number;
  lines: number;
  /** What burns, in machine coordinates (mm). */
  bounds: BedBounds;
  /** The lower-left corner of `bounds` (what `placement` sets). */
  placement: Placement;
  operations: OperationStats[];
  /**
   * Travel between paths (score and cut, one pass, from the machine origin; the engraving's own
   * moves excluded): as the file lists them vs after ordering.
   */
  travel: { listedMm: number; optimisedMm: number; ratio: number };
  colors: ColorUse[];
  findings: LaserFinding[];
  /** The G-code engine on the program: durationS, laserOnS, findings against the machine. */
  analysis: Analysis;
  /** A framing program for this job's bounds (laser off). */
  frame: string;
  params: JobParams;
  source: { name: string; format: SourceFormat; page: { widthMm: number; heightMm: number } | null; shapes: number; points: number };
}
