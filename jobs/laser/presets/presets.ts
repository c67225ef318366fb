// Loading and validating presets, and the settings of a job: the lab's defaults for the machine and
// material, with the maker's adjustments checked against the lab's limits.
import bundled from '../../../assets/laser/presets.json';
import { LaserError } from '../errors';
import { type LaserPresets, type MaterialPresets, type OperationKind, presetsSchema, type Range } from './schema';

export interface VectorParams {
  powerPct: number;
  speedMmMin: number;
  passes: number;
}

export interface FillParams extends VectorParams {
  lineIntervalMm: number;
}

export interface RasterParams extends FillParams {
  minPowerPct: number;
}

export interface JobParams {
  cut: VectorParams;
  score: VectorParams;
  'engrave-fill': FillParams;
  raster: RasterParams | null;
  kerfMm: number;
}

/** What a maker may change; anything absent keeps the lab's default. */
export interface ParamOverrides {
  cut?: Partial<VectorParams>;
  score?: Partial<VectorParams>;
  'engrave-fill'?: Partial<FillParams>;
  raster?: Partial<RasterParams>;
  kerfMm?: number;
}

/** Validate presets from any source (the bundled file, a lab's own). */
export function parsePresets(data: unknown): LaserPresets {
  const r = presetsSchema.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new LaserError('presets_invalid', { issues });
  }
  return r.data;
}

let cached: LaserPresets | null = null;

/** The lab's presets shipped in assets/laser/presets.json (validated once). */
export function defaultPresets(): LaserPresets {
  cached ??= parsePresets(bundled);
  return cached;
}

export function materialPresets(presets: LaserPresets, machineId: string, materialId: string): MaterialPresets {
  const m = presets.machines[machineId]?.materials[materialId];
  if (!m) throw new LaserError('no_presets', { machine: machineId, material: materialId });
  return m;
}

function pick(operation: string, param: string, r: Range, value: number | undefined, integer = false): number {
  if (value === undefined) return r.default;
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < r.min || value > r.max) {
    throw new LaserError('param_out_of_limits', { operation, param, value: Number.isFinite(value) ? value : String(value), min: r.min, max: r.max });
  }
  return value;
}

function vector(op: OperationKind | 'raster', p: MaterialPresets['operations']['cut'], o: Partial<VectorParams> | undefined): VectorParams {
  return {
    powerPct: pick(op, 'powerPct', p.powerPct, o?.powerPct),
    speedMmMin: pick(op, 'speedMmMin', p.speedMmMin, o?.speedMmMin),
    passes: pick(op, 'passes', p.passes, o?.passes, true),
  };
}

/** The settings of a job; throws `no_presets` or `param_out_of_limits`. */
export function resolveParams(presets: LaserPresets, machineId: string, materialId: string, over: ParamOverrides = {}): JobParams {
  const m = materialPresets(presets, machineId, materialId);
  const ops = m.operations;
  const fill = ops['engrave-fill'];
  const r = ops.raster;
  return {
    cut: vector('cut', ops.cut, over.cut),
    score: vector('score', ops.score, over.score),
    'engrave-fill': { ...vector('engrave-fill', fill, over['engrave-fill']), lineIntervalMm: pick('engrave-fill', 'lineIntervalMm', fill.lineIntervalMm, over['engrave-fill']?.lineIntervalMm) },
    raster: r ? raster(r, over.raster) : null,
    kerfMm: pick('cut', 'kerfMm', m.kerfMm, over.kerfMm),
  };
}

function raster(r: NonNullable<MaterialPresets['operations']['raster']>, o: Partial<RasterParams> | undefined): RasterParams {
  const p: RasterParams = {
    ...vector('raster', r, o),
    lineIntervalMm: pick('raster', 'lineIntervalMm', r.lineIntervalMm, o?.lineIntervalMm),
    minPowerPct: pick('raster', 'minPowerPct', r.minPowerPct, o?.minPowerPct),
  };
  if (p.minPowerPct > p.powerPct) {
    throw new LaserError('param_out_of_limits', { operation: 'raster', param: 'minPowerPct', value: p.minPowerPct, min: r.minPowerPct.min, max: p.powerPct });
  }
  return p;
}

/**
 * The settings of one operation group: the job's overrides for its kind, then the colour's own,
 * all within the lab's limits.
 */
export function groupParams(
  presets: LaserPresets,
  machineId: string,
  materialId: string,
  over: ParamOverrides | undefined,
  kind: OperationKind,
  settings: Partial<FillParams>,
): VectorParams | FillParams {
  const merged: ParamOverrides = { ...over, [kind]: { ...over?.[kind], ...settings } };
  return resolveParams(presets, machineId, materialId, merged)[kind];
}
