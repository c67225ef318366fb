// What the check screen reads off the machines and the analysis: which machines a G-code can go to,
// the verdict, the slicer's own estimate when it is a real one, the size of the job.
import type { GcodeAnalysis, MachineSummary, Material } from '../../electron/api/types';
import type { PreviewMachine } from '../preview/toolpath-data';

type Finding = GcodeAnalysis['findings'][number];

/** Machines the kiosk drives over a serial line with a known firmware: the ones a G-code is for. */
export function gcodeMachines(machines: readonly MachineSummary[]): MachineSummary[] {
  // The vinyl cutter speaks HP-GL, not G-code.
  return machines.filter((m) => m.connection === 'serial' && (m.firmware === 'marlin' || m.firmware === 'grbl'));
}

export function needsFilament(machine: MachineSummary | null | undefined): boolean {
  return machine?.kind === 'fdm';
}

export function filaments(materials: readonly Material[] | undefined): Material[] {
  return (materials ?? []).filter((m) => m.kind === 'filament');
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

export type Verdict = { kind: 'refused'; errors: number } | { kind: 'warnings'; warnings: number } | { kind: 'ok' };

export function verdict(findings: readonly Finding[]): Verdict {
  const { errors, warnings } = countFindings(findings);
  if (errors > 0) return { kind: 'refused', errors };
  if (warnings > 0) return { kind: 'warnings', warnings };
  return { kind: 'ok' };
}

/** The slicer's own estimate, unless it is missing or one of CuraEngine's unpatched placeholders. */
export function slicerEstimateS(slicer: GcodeAnalysis['slicer']): number | null {
  const s = slicer.estimatedS;
  return !slicer.placeholders && s !== null && Number.isFinite(s) && s > 0 ? s : null;
}

/** Width, depth and height of the work (extrusion, burning, cutting); null without work moves. */
export function jobSize(bounds: GcodeAnalysis['bounds']): { x: number; y: number; z: number } | null {
  if (bounds.empty) return null;
  return { x: bounds.max.x - bounds.min.x, y: bounds.max.y - bounds.min.y, z: bounds.max.z - bounds.min.z };
}

/** The back end checks the work against the machine's real work area (origin included). */
export function leavesWorkArea(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.code === 'outside_work_area');
}

/** The machine as the preview worker's analyzer needs it. */
export function previewMachine(m: MachineSummary): PreviewMachine {
  const kind = m.kind === 'fdm' || m.kind === 'laser' || m.kind === 'cnc' || m.kind === 'vinyl' ? m.kind : 'other';
  const firmware = m.firmware === 'marlin' || m.firmware === 'grbl' ? m.firmware : null;
  return { id: m.code, kind, firmware, workArea: m.workArea, workOrigin: m.workOrigin, maxSpindleS: m.maxSpindleS };
}
