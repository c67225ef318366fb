// What the job preparation screens exchange with the back end: laser jobs from drawings and images,
// prints sliced from 3D models, beginner templates. Every prepared job is stored as a G-code file and
// then queued like any other (jobs.queue).
import type { Analysis } from '../../jobs/gcode';
import type { StoredFile } from './models';
import type { Quote } from './models-ledger';

export type LaserOperation = 'cut' | 'score' | 'engrave' | 'ignore';
export type DitherMethod = 'floyd-steinberg' | 'jarvis' | 'ordered' | 'threshold' | 'grayscale';

/** A setting the maker may change, within the lab's limits. */
export interface BoundedSetting {
  value: number;
  min: number;
  max: number;
  step: number;
}

/** The lab's preset of one operation on one machine × material. */
export interface LaserOperationPreset {
  powerPct: BoundedSetting;
  speedMmMin: BoundedSetting;
  passes: BoundedSetting;
  /** Engraving only: distance between two scan lines. */
  lineIntervalMm?: BoundedSetting;
}

export interface LaserPreset {
  machineId: string;
  materialId: string;
  kerfMm: number;
  operations: Record<Exclude<LaserOperation, 'ignore'>, LaserOperationPreset>;
  /** Null when the lab does not engrave images on this material. */
  raster: { linesPerMm: BoundedSetting; powerPct: BoundedSetting; speedMmMin: BoundedSetting; overscanMm: number } | null;
}

/** All paths of one colour in a drawing: what the maker maps to an operation. */
export interface LaserLayer {
  /** Outlines (stroke) or painted areas (fill) of that colour. */
  paint: 'stroke' | 'fill';
  /** #rrggbb */
  colour: string;
  paths: number;
  lengthMm: number;
  filled: boolean;
  /** What the kiosk suggests (red cuts, blue scores, black fills engrave). */
  operation: LaserOperation;
}

export interface PrepFinding {
  severity: 'error' | 'warning' | 'info';
  code: string;
  params?: Record<string, string | number>;
}

/** A drawing or an image the maker brought, as the laser screen shows it before preparing. */
export interface LaserSource {
  file: StoredFile;
  kind: 'vector' | 'image';
  widthMm: number;
  heightMm: number;
  layers: LaserLayer[];
  /** Images: their pixels, and the size they come out at by default (their dpi, else 10 px/mm). */
  imagePx: { width: number; height: number } | null;
  /** The drawing's outline for the 2D preview: polylines as flat [x0, y0, x1, y1, …] in mm, simplified. */
  outline: { colour: string; closed: boolean; points: number[] }[];
  findings: PrepFinding[];
}

export interface LaserOperationChoice {
  /** Absent: both the outlines and the areas of that colour. */
  paint?: 'stroke' | 'fill' | undefined;
  colour: string;
  operation: LaserOperation;
  powerPct?: number | undefined;
  speedMmMin?: number | undefined;
  passes?: number | undefined;
}

export interface RasterChoice {
  linesPerMm: number;
  dither: DitherMethod;
  brightness: number;
  contrast: number;
  invert: boolean;
  powerPct?: number | undefined;
  speedMmMin?: number | undefined;
}

/** Where the job sits on the bed: its lower-left corner and its size (the drawing is scaled to it). */
export interface Placement {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

export type PrintQuality = 'draft' | 'normal' | 'fine';

export interface PrintChoices {
  quality: PrintQuality;
  supports: boolean;
  infillPct: number;
  brim: boolean;
}

export interface MeshTransform {
  /** Degrees about X, Y and Z, applied in that order, before the lay-flat. */
  rotateDeg: { x: number; y: number; z: number };
  scalePct: number;
  layFlat: boolean;
}

export interface MeshSource {
  file: StoredFile;
  triangles: number;
  /** Size in mm after the transform, and whether it fits the printer. */
  sizeMm: { x: number; y: number; z: number };
  fits: boolean;
  findings: PrepFinding[];
}

/** A job ready to queue: its G-code is a stored file; its time, material and price are known. */
export interface PreparedJob {
  gcode: StoredFile;
  machineId: string;
  materialId: string | null;
  analysis: Omit<Analysis, 'toolpath'>;
  /** What the preparation measured (cut length, travel before/after, slicer estimate…). */
  stats: Record<string, number>;
  /** Its price for the signed-in member (the ledger's quote); null when the lab has no price for it. */
  quote: Quote | null;
  findings: PrepFinding[];
}

export type TemplateParamType = 'number' | 'integer' | 'text' | 'boolean' | 'choice';

export interface TemplateParam {
  key: string;
  type: TemplateParamType;
  /** i18n key of the label (assets/i18n/templates). */
  labelKey: string;
  unit?: string;
  min?: number;
  max?: number;
  step?: number;
  maxLength?: number;
  choices?: { value: string; labelKey: string }[];
  default: number | string | boolean;
}

export interface TemplateInfo {
  id: string;
  kind: 'laser' | 'print' | 'either';
  nameKey: string;
  descriptionKey: string;
  params: TemplateParam[];
}

/** A built template: stored as an SVG (laser) or an STL (print), ready for the laser or print screen. */
export interface BuiltTemplate {
  id: string;
  kind: 'laser' | 'print';
  file: StoredFile;
  /** mm; a laser drawing is flat (z = 0), y up like the machine. */
  bounds: { min: { x: number; y: number; z: number }; max: { x: number; y: number; z: number } };
  /** Laser: polylines as flat [x, y, …] in mm with their colour. Print: triangles, base64 Float32 xyz. */
  preview: { outline?: { colour: string; closed: boolean; points: number[] }[]; positions?: string };
}
