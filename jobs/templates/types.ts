// The public shapes of the templates: parameter schemas, results, previews.

export type Vec2 = readonly [number, number];

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

/** Axis-aligned box in mm. Laser results are flat (z = 0); their y axis points up, like the machine's. */
export interface Bounds {
  min: Point3;
  max: Point3;
}

export type TemplateId = 'box' | 'keychain' | 'phone-stand' | 'coaster' | 'gear' | 'drawer-tag';
export type OutputKind = 'laser' | 'print';
export type Unit = 'mm' | 'deg';

interface ParamSpecBase<K extends string> {
  key: K;
}

export interface NumberParamSpec<K extends string = string> extends ParamSpecBase<K> {
  type: 'number' | 'integer';
  unit: Unit | null;
  min: number;
  max: number;
  step: number;
  default: number;
}

/** Text drawn with the single-stroke font: `min`/`max` are its length in characters. */
export interface StringParamSpec<K extends string = string> extends ParamSpecBase<K> {
  type: 'string';
  unit: null;
  min: number;
  max: number;
  default: string;
}

export interface BooleanParamSpec<K extends string = string> extends ParamSpecBase<K> {
  type: 'boolean';
  unit: null;
  default: boolean;
}

export interface ChoiceParamSpec<K extends string = string, C extends string = string> extends ParamSpecBase<K> {
  type: 'choice';
  unit: null;
  choices: readonly C[];
  default: C;
}

export type ParamSpec = NumberParamSpec | StringParamSpec | BooleanParamSpec | ChoiceParamSpec;
export type ParamType = ParamSpec['type'];
export type ParamValue = number | string | boolean;

type ValueOf<P> = P extends NumberParamSpec
  ? number
  : P extends BooleanParamSpec
    ? boolean
    : P extends ChoiceParamSpec<string, infer C>
      ? C
      : string;

/** The resolved values of a schema declared `as const`: `{ width: number, lid: boolean, ... }`. */
export type ParamValues<S extends readonly ParamSpec[]> = { [P in S[number] as P['key']]: ValueOf<P> };

/** Values as they come: numbers or booleans from the UI, strings from the command line. */
export type RawParams = Readonly<Record<string, unknown>>;

/** A parameter as the UI and the command line see it, with the keys of its translated texts. */
export type ParamInfo = ParamSpec & {
  labelKey: string;
  helpKey: string;
  /** Translation key of each choice (choice parameters only). */
  choiceKeys?: Record<string, string>;
};

export interface TemplateInfo {
  id: TemplateId;
  /** What it makes: one output, or both (the gear, with its `output` parameter). */
  outputs: readonly OutputKind[];
  nameKey: string;
  descriptionKey: string;
  params: readonly ParamInfo[];
}

export type LaserOperation = 'cut' | 'score' | 'engrave';

/** A polyline of the preview: x, y pairs in mm (y up). */
export interface PreviewPolyline {
  operation: LaserOperation;
  closed: boolean;
  points: Float32Array;
}

/** Where a flat panel goes once assembled: box point = origin + u·a + v·b + w·c (a, b, c unit axes, w across the sheet). */
export interface Placement {
  origin: Point3;
  u: Point3;
  v: Point3;
  w: Point3;
}

export interface LaserPart {
  id: string;
  labelKey: string;
  /** Bounds of the part on the sheet (its cut outline). */
  bounds: Bounds;
  /** Panel frame: sheet point (x, y) is panel point (x − sheetOrigin.x, y − sheetOrigin.y). */
  sheetOrigin?: { x: number; y: number };
  /** Assembly of a panel (the box), in the box's frame; thickness along w. */
  placement?: Placement;
}

interface ResultBase {
  template: TemplateId;
  params: Record<string, ParamValue>;
  bounds: Bounds;
  /** Figures worth showing, in mm or degrees (outside diameter of a gear, box inner size, letter height...). */
  dimensions: Record<string, number>;
}

export interface LaserResult extends ResultBase {
  kind: 'laser';
  /** The format contract with jobs/laser: mm units, red strokes cut, blue strokes score, black fills engrave. */
  svg: string;
  parts: LaserPart[];
  preview: { polylines: PreviewPolyline[] };
}

export interface PrintResult extends ResultBase {
  kind: 'print';
  /** Binary STL, mm, lying on z = 0. */
  stl: Uint8Array;
  triangles: number;
  /** Flat-shaded triangles for three.js: 9 floats per triangle each. */
  preview: { positions: Float32Array; normals: Float32Array };
}

export type TemplateResult = LaserResult | PrintResult;

export interface Template extends TemplateInfo {
  /** Validates (TemplateError on bad input) and builds. Synchronous and self-contained. */
  build(params: RawParams): TemplateResult;
}
