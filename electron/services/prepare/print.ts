// 3D prints: a model file the maker brought (or a template built), turned and scaled as the preview
// shows it, checked against the printer, sliced by PrusaSlicer on the lab's locked profiles.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { checkFit, layFlat, loadMeshFile, rotate, scale, sliceMesh, type Mesh } from '../../../jobs/print';
import type { Caller } from '../../api/dispatcher';
import type { MeshSource, MeshTransform, PreparedJob, PrintChoices, PrepFinding } from '../../api/models';
import { machineOf, materialOf, preparedName, progress, quoteFor, sourceFile, type PrepareDeps } from './context';
import { preparing } from './errors';

const r2 = (v: number): number => Math.round(v * 100) / 100;

async function transformed(path: string, name: string, t: MeshTransform): Promise<{ mesh: Mesh; findings: PrepFinding[] }> {
  const loaded = await loadMeshFile(path, { fileName: name });
  let mesh = loaded.mesh;
  for (const axis of ['x', 'y', 'z'] as const) if (t.rotateDeg[axis] % 360 !== 0) mesh = rotate(mesh, axis, t.rotateDeg[axis]);
  if (t.scalePct !== 100) mesh = scale(mesh, t.scalePct / 100);
  if (t.layFlat) mesh = layFlat(mesh).mesh;
  const findings: PrepFinding[] = [];
  if (loaded.degenerateTriangles > 0) findings.push({ severity: 'info', code: 'degenerate_triangles', params: { count: loaded.degenerateTriangles } });
  if (loaded.unit !== 'millimeter' && loaded.unit !== 'mm') findings.push({ severity: 'info', code: 'model_unit_converted', params: { unit: loaded.unit } });
  return { mesh, findings };
}

export function inspectModel(d: PrepareDeps, input: { fileId: string; machineId: string; transform: MeshTransform }): Promise<MeshSource> {
  return preparing(async () => {
    const { row, path } = sourceFile(d, input.fileId, ['mesh']);
    const { profile } = machineOf(d, input.machineId, ['fdm']);
    const { mesh, findings } = await transformed(path, row.name, input.transform);
    const fit = checkFit(mesh, profile);
    if (!fit.fits) {
      findings.push({
        severity: 'error',
        code: fit.fitsRotated ? 'model_too_large_rotate' : 'model_too_large',
        params: { x: r2(fit.size.x), y: r2(fit.size.y), z: r2(fit.size.z), maxX: fit.workArea.x, maxY: fit.workArea.y, maxZ: fit.workArea.z },
      });
    }
    return { file: row, triangles: mesh.triangles, sizeMm: { x: r2(fit.size.x), y: r2(fit.size.y), z: r2(fit.size.z) }, fits: fit.fits, findings };
  });
}

/** Slicings under way, by session and file, so the maker can stop one. */
const running = new Map<string, AbortController>();

export function cancelSlicing(caller: Caller, fileId: string): null {
  running.get(`${caller.sessionId}:${fileId}`)?.abort();
  return null;
}

export function sliceModel(
  d: PrepareDeps,
  caller: Caller,
  input: { fileId: string; machineId: string; materialId: string; choices: PrintChoices; transform: MeshTransform },
): Promise<PreparedJob> {
  const key = `${caller.sessionId}:${input.fileId}`;
  running.get(key)?.abort();
  const abort = new AbortController();
  running.set(key, abort);
  const output = join(tmpdir(), `fabkiosk-sliced-${randomUUID()}.gcode`);
  const report = progress(d, caller, input.fileId);
  return preparing(async () => {
    const { row, path } = sourceFile(d, input.fileId, ['mesh']);
    const machine = machineOf(d, input.machineId, ['fdm']);
    const material = materialOf(d, input.materialId, ['filament']);
    report('reading', 0);
    const { mesh, findings } = await transformed(path, row.name, input.transform);
    const result = await sliceMesh(mesh, {
      machine: machine.profile,
      material: material.profile,
      choices: { quality: input.choices.quality, supports: input.choices.supports, infillPercent: input.choices.infillPct, brim: input.choices.brim },
      profilesDir: d.profilesDir,
      output,
      signal: abort.signal,
      onProgress: (f, stage) => report(stage === 'checking' || stage === 'done' ? 'analysing' : 'slicing', f),
    });
    const gcode = d.uploads.storeGenerated(preparedName(row.name, `-${input.choices.quality}`), readFileSync(output), caller.memberId);
    const { toolpath: _t, ...analysis } = result.analysis;
    const stats: Record<string, number> = { layers: result.layers, slicingMs: result.slicingMs, triangles: mesh.triangles };
    if (result.slicerEstimateS !== null) stats.slicerEstimateS = result.slicerEstimateS;
    if (result.slicerFilamentG !== null) stats.slicerFilamentG = result.slicerFilamentG;
    return {
      gcode,
      machineId: machine.row.id,
      materialId: material.code,
      analysis,
      stats,
      quote: quoteFor(d, caller, machine.row.id, analysis.durationS, { id: material.code, quantity: Math.round(analysis.filamentG * 100) / 100 }),
      findings,
    };
  }).finally(() => {
    if (running.get(key) === abort) running.delete(key);
    rmSync(output, { force: true });
  });
}
