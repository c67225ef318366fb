// Laser jobs: a drawing (SVG, DXF) or an image (PNG, JPEG) the maker brought, read for the screen
// (size, colours, outline), then turned by jobs/laser into a Grbl program on the lab's presets.
import { readFileSync } from 'node:fs';
import {
  defaultPresets,
  detectFormat,
  frameGcode,
  inspectDrawing,
  materialPresets,
  prepareLaserJob,
  type ColorMapping,
  type MappingValue,
  type ParamOverrides,
} from '../../../jobs/laser';
import { decodeImage } from '../../../jobs/laser/raster';
import type { Caller } from '../../api/dispatcher';
import { DomainError } from '../../api/errors';
import type {
  BoundedSetting,
  LaserOperationChoice,
  LaserPreset,
  LaserSource,
  Placement,
  PreparedJob,
  RasterChoice,
} from '../../api/models';
import { analyzeStoredGcode } from '../gcode/analyze';
import type { MachineAccess } from '../jobs/access';
import { machineOf, materialOf, preparedName, progress, quoteFor, sourceFile, type PrepareDeps } from './context';
import { preparing } from './errors';

/** Points of the outline sent to the screen: enough to see the drawing, not the whole file. */
const OUTLINE_POINTS = 40_000;
const DEFAULT_PX_PER_MM = 10;

const toOperation = { cut: 'cut', score: 'score', 'engrave-fill': 'engrave', ignore: 'ignore' } as const;
const fromOperation = { cut: 'cut', score: 'score', engrave: 'engrave-fill', ignore: 'ignore' } as const;

function setting(r: { default: number; min: number; max: number }, step: number): BoundedSetting {
  return { value: r.default, min: r.min, max: r.max, step };
}

export function laserPreset(d: PrepareDeps, machineId: string, materialId: string): Promise<LaserPreset> {
  return preparing(() => {
    const machine = machineOf(d, machineId, ['laser']);
    const material = materialOf(d, materialId, ['sheet']);
    const m = materialPresets(defaultPresets(), machine.row.code, material.code);
    const ops = m.operations;
    const vector = (o: typeof ops.cut) => ({ powerPct: setting(o.powerPct, 1), speedMmMin: setting(o.speedMmMin, 60), passes: setting(o.passes, 1) });
    const fill = ops['engrave-fill'];
    return {
      machineId: machine.row.id,
      materialId: material.code,
      kerfMm: m.kerfMm.default,
      operations: {
        cut: vector(ops.cut),
        score: vector(ops.score),
        engrave: { ...vector(fill), lineIntervalMm: setting(fill.lineIntervalMm, 0.01) },
      },
      raster: ops.raster
        ? {
            linesPerMm: {
              value: round2(1 / ops.raster.lineIntervalMm.default),
              min: Math.max(1, Math.ceil(1 / ops.raster.lineIntervalMm.max)),
              max: Math.floor(1 / ops.raster.lineIntervalMm.min),
              step: 1,
            },
            powerPct: setting(ops.raster.powerPct, 1),
            speedMmMin: setting(ops.raster.speedMmMin, 60),
            overscanMm: 0,
          }
        : null,
    };
  });
}

export function inspectLaserSource(d: PrepareDeps, fileId: string): Promise<LaserSource> {
  return preparing(() => {
    const { row, path } = sourceFile(d, fileId, ['vector', 'image']);
    const bytes = readFileSync(path);
    const format = detectFormat(row.name, bytes);
    if (format === 'image') {
      const image = decodeImage(bytes);
      const widthMm = round2(image.width / DEFAULT_PX_PER_MM);
      const heightMm = round2(image.height / DEFAULT_PX_PER_MM);
      const outline = [{ colour: '#000000', closed: true, points: [0, 0, widthMm, 0, widthMm, heightMm, 0, heightMm] }];
      return { file: row, kind: 'image', widthMm, heightMm, layers: [], imagePx: { width: image.width, height: image.height }, outline, findings: [] };
    }
    const drawing = inspectDrawing(row.name, bytes, { maxOutlinePoints: OUTLINE_POINTS });
    if (!drawing.bounds) throw new DomainError('preparation_failed', { reason: 'empty_job', colors: '-' });
    const { minX, minY } = drawing.bounds;
    const shift = (pts: number[]) => pts.map((v, i) => round2(v - (i % 2 === 0 ? minX : minY)));
    return {
      file: row,
      kind: 'vector',
      widthMm: round2(drawing.widthMm),
      heightMm: round2(drawing.heightMm),
      layers: drawing.colors.map((c) => ({
        paint: c.paint,
        colour: c.color,
        paths: c.paths,
        lengthMm: c.lengthMm,
        filled: c.paint === 'fill',
        operation: toOperation[c.operation],
      })),
      imagePx: null,
      outline: drawing.outline.map((o) => ({ colour: o.stroke ?? o.fill ?? '#000000', closed: o.closed, points: shift(o.points) })),
      findings: drawing.findings.map((f) => ({ severity: f.severity, code: f.code, params: f.params })),
    };
  });
}

function mappingOf(choices: readonly LaserOperationChoice[]): ColorMapping {
  const stroke: Record<string, MappingValue> = {};
  const fill: Record<string, MappingValue> = {};
  for (const c of choices) {
    const value: MappingValue = {
      operation: fromOperation[c.operation],
      ...(c.powerPct !== undefined ? { powerPct: c.powerPct } : {}),
      ...(c.speedMmMin !== undefined ? { speedMmMin: c.speedMmMin } : {}),
      ...(c.passes !== undefined ? { passes: c.passes } : {}),
    };
    if (c.paint !== 'fill') stroke[c.colour] = value;
    if (c.paint !== 'stroke') fill[c.colour] = value;
  }
  return { stroke, fill, otherwise: 'ignore' };
}

export function prepareLaser(
  d: PrepareDeps,
  caller: Caller,
  input: { fileId: string; machineId: string; materialId: string; operations: LaserOperationChoice[]; placement: Placement; raster?: RasterChoice | undefined },
): Promise<PreparedJob> {
  const report = progress(d, caller, input.fileId);
  return preparing(async () => {
    const { row, path } = sourceFile(d, input.fileId, ['vector', 'image']);
    const machine = machineOf(d, input.machineId, ['laser']);
    const material = materialOf(d, input.materialId, ['sheet']);
    report('reading', 0);
    const params: ParamOverrides = {};
    const r = input.raster;
    if (r) {
      params.raster = {
        lineIntervalMm: 1 / r.linesPerMm,
        ...(r.powerPct !== undefined ? { powerPct: r.powerPct } : {}),
        ...(r.speedMmMin !== undefined ? { speedMmMin: r.speedMmMin } : {}),
      };
    }
    const stages = { import: 0.1, plan: 0.3, write: 0.6, analyze: 0.85 } as const;
    const job = await prepareLaserJob({
      source: { name: row.name, bytes: readFileSync(path) },
      // The size on the screen is the whole drawing's (images: their size, below).
      ...(r ? {} : { scale: { widthMm: input.placement.widthMm, heightMm: input.placement.heightMm, of: 'drawing' as const } }),
      machine: machine.profile,
      materialId: material.code,
      material: material.profile,
      params,
      mapping: mappingOf(input.operations),
      placement: { xMm: input.placement.xMm, yMm: input.placement.yMm },
      ...(r
        ? {
            image: {
              widthMm: input.placement.widthMm,
              heightMm: input.placement.heightMm,
              dither: r.dither,
              brightness: r.brightness,
              contrast: r.contrast,
              invert: r.invert,
            },
          }
        : {}),
      onProgress: (stage) => report(stage === 'analyze' ? 'analysing' : stage === 'import' ? 'reading' : 'generating', stages[stage]),
    });
    const gcode = d.uploads.storeGenerated(preparedName(row.name, `-${material.code}`), new TextEncoder().encode(job.gcode.join('')), caller.memberId);
    report('analysing', 1);
    const { toolpath: _t, ...analysis } = job.analysis;
    const stats: Record<string, number> = {
      travelListedMm: round2(job.travel.listedMm),
      travelOptimisedMm: round2(job.travel.optimisedMm),
      travelRatio: round2(job.travel.ratio),
      lines: job.lines,
    };
    for (const op of job.operations) {
      stats[`${op.operation}LengthMm`] = round2((stats[`${op.operation}LengthMm`] ?? 0) + op.lengthMm * op.passes);
      stats[`${op.operation}Paths`] = (stats[`${op.operation}Paths`] ?? 0) + op.paths;
    }
    return {
      gcode,
      machineId: machine.row.id,
      materialId: material.code,
      analysis,
      stats,
      quote: quoteFor(d, caller, machine.row.id, analysis.durationS, { id: material.code }),
      findings: job.findings.map((f) => ({ severity: f.severity, code: f.code, params: f.params })),
    };
  });
}

/**
 * Runs the head around a prepared job's outline with the beam off, so the maker sees where it lands.
 * Only on an idle Grbl laser, for a member allowed on it.
 */
export async function frameLaserJob(d: PrepareDeps, access: MachineAccess, caller: Caller, input: { machineId: string; fileId: string }): Promise<null> {
  const machine = machineOf(d, input.machineId, ['laser']);
  if (!caller.memberId) throw new DomainError('unauthenticated');
  const verdict = access.check(caller.memberId, machine.row);
  if (!verdict.ok) throw new DomainError('not_certified', { ...verdict.params, machine: machine.row.code, reason: verdict.code });
  const analysis = await analyzeStoredGcode(d.store, d.uploads, { fileId: input.fileId, machineId: machine.row.id }, () => {});
  const b = analysis.bounds;
  if (b.empty) throw new DomainError('preparation_failed', { reason: 'empty_job', colors: '-' });
  const conn = d.hub.connection(machine.row.id);
  if (!conn?.driver) throw new DomainError('machine_unavailable', { reason: 'offline' });
  if (conn.busy) throw new DomainError('machine_unavailable', { reason: 'busy' });
  if (conn.status !== 'idle') throw new DomainError('machine_unavailable', { reason: conn.status });
  const program = await preparing(() => frameGcode({ minX: b.min.x, minY: b.min.y, maxX: b.max.x, maxY: b.max.y }, { maxS: machine.profile.maxSpindleS ?? 1000 }));
  for (const line of program.split('\n')) {
    const code = line.replace(/;.*$/, '').trim();
    if (code) await conn.driver.command(code, { timeoutMs: 60_000 });
  }
  return null;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
