// A G-code file is fit to be queued on a printer when the G-code engine, run with that printer's
// machine profile and the material loaded, finds no error. Sliced here or uploaded ready-made
// ("pre-sliced"), the same check applies.

import { analyzeGcode, type Analysis, type ChunkSource, type Finding, type MachineProfile, type MaterialProfile } from '../gcode';
import { analyzeFile } from '../gcode/file';
import { PrintError } from './errors';

/** Largest G-code file accepted for a print (a long, fine print is a few hundred MB). */
export const DEFAULT_MAX_GCODE_BYTES = 1024 * 1024 * 1024;

export interface PrintCheckOptions {
  machine: MachineProfile;
  material?: MaterialProfile;
  maxBytes?: number;
  /**
   * Temperatures above the material's limits: the engine reports them as warnings (the file may be
   * meant for another material). For a job on a lab printer loaded with that material they refuse
   * the job (`refuse`, the default); `warn` keeps the engine's severity.
   */
  materialLimits?: 'refuse' | 'warn';
}

export interface PrintCheck {
  analysis: Analysis;
  findings: Finding[];
  /** The findings that refuse the job (severity error). */
  errors: Finding[];
  /** True when nothing refuses it: it may be queued. */
  accepted: boolean;
}

export function assertPrinter(machine: MachineProfile): void {
  if (machine.kind !== 'fdm' || !machine.workArea) throw new PrintError('machine_not_printer', { machine: machine.id ?? machine.name ?? '', kind: machine.kind });
}

const MATERIAL_TEMPERATURES = new Set(['nozzle_temp_above_limit', 'bed_temp_above_limit']);

export function printCheck(analysis: Analysis, materialLimits: 'refuse' | 'warn' = 'refuse'): PrintCheck {
  const findings =
    materialLimits === 'refuse'
      ? analysis.findings.map((f) => (MATERIAL_TEMPERATURES.has(f.code) && f.params.source === 'material' ? { ...f, severity: 'error' as const } : f))
      : analysis.findings;
  // Errors first, as the engine orders them.
  findings.sort((a, b) => (a.severity === b.severity ? a.line - b.line : a.severity === 'error' ? -1 : 1));
  const errors = findings.filter((f) => f.severity === 'error');
  return { analysis: { ...analysis, findings }, findings, errors, accepted: errors.length === 0 };
}

/** Checks G-code (any chunks: a stream, a File's stream, an array of bytes) against a printer and a material. */
export async function checkPresliced(source: ChunkSource, opts: PrintCheckOptions): Promise<PrintCheck> {
  assertPrinter(opts.machine);
  const analysis = await analyzeGcode(source, { machine: opts.machine, material: opts.material, maxBytes: opts.maxBytes ?? DEFAULT_MAX_GCODE_BYTES });
  return printCheck(analysis, opts.materialLimits);
}

/** The same, on a file on disk (Node). */
export async function checkPreslicedFile(path: string, opts: PrintCheckOptions): Promise<PrintCheck> {
  assertPrinter(opts.machine);
  const analysis = await analyzeFile(path, { machine: opts.machine, material: opts.material, maxBytes: opts.maxBytes ?? DEFAULT_MAX_GCODE_BYTES });
  return printCheck(analysis, opts.materialLimits);
}
