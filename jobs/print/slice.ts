// Slicing a mesh for a printer of the lab: place it, check it fits, hand it to PrusaSlicer with the
// locked profiles and the maker's four choices, then read the G-code back through the G-code engine
// with the printer's machine profile and the material, so that its findings are known before the job
// may be queued. The G-code reaches `output` only when all of that went through.

import { copyFile, mkdtemp, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis, Bounds, Finding, MachineProfile, MaterialProfile } from '../gcode';
import { assertPrinter, checkPreslicedFile, DEFAULT_MAX_GCODE_BYTES } from './check';
import { PrintError } from './errors';
import { loadMeshFile } from './file';
import { layFlat } from './layflat';
import type { LoadOptions } from './load';
import type { Mesh, MeshBounds } from './mesh';
import { choiceArgs, profileFiles, sliceChoices, type ProfileFiles, type SliceChoices } from './profiles';
import { findSlicer, runSlicer } from './slicer';
import { writeBinaryStl } from './stl';
import { assertFits, insideWorkArea, placeOnBed } from './transform';

export type SliceStage = 'preparing' | 'slicing' | 'checking' | 'done';

export interface SliceOptions {
  machine: MachineProfile;
  material: MaterialProfile;
  /** The maker's choices; missing ones take DEFAULT_CHOICES, wrong ones are refused (`bad_option`). */
  choices?: Partial<SliceChoices>;
  /** Folder of the locked profiles (assets/profiles). */
  profilesDir: string;
  /** Where the G-code goes (written whole, then renamed into place). */
  output: string;
  /** `centre` (default): middle of the bed, resting on it. `keep`: where the maker put it (checked inside the bed). */
  placement?: 'centre' | 'keep';
  /** The slicer binary (default: prusa-slicer on PATH, or /usr/bin/prusa-slicer). */
  slicerPath?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** 0 → 1, never decreasing; 1 once the G-code is checked and in place. */
  onProgress?: (fraction: number, stage: SliceStage) => void;
  /** Parent of the working folder (default: the OS temp folder). */
  tempDir?: string;
  maxGcodeBytes?: number;
}

export interface SliceResult {
  output: string;
  bytes: number;
  choices: SliceChoices;
  profiles: ProfileFiles;
  /** The model as it was sliced (placed on the bed), mm. */
  modelBounds: MeshBounds;
  /** From the G-code engine (the same estimate as for any job of the kiosk). */
  durationS: number;
  filamentMm: number;
  filamentG: number;
  layers: number;
  /** Extruding moves' bounds in the G-code, machine coordinates. */
  bounds: Bounds;
  /** What the slicer wrote in the footer of the G-code. */
  slicerEstimateS: number | null;
  slicerFilamentMm: number | null;
  slicerFilamentG: number | null;
  findings: Finding[];
  errors: Finding[];
  accepted: boolean;
  analysis: Analysis;
  slicingMs: number;
}

// Shares of the progress bar: writing the model, the slicer's own percentage, checking the G-code.
const P_PREPARED = 0.02;
const P_SLICED = 0.92;

export async function sliceMesh(mesh: Mesh, opts: SliceOptions): Promise<SliceResult> {
  assertPrinter(opts.machine);
  const choices = sliceChoices(opts.choices);
  const machineId = opts.machine.id;
  const materialId = opts.material.id;
  if (!machineId) throw new PrintError('profile_missing', { context: 'printer', id: '', path: '' });
  if (!materialId) throw new PrintError('profile_missing', { context: 'filament', id: '', path: '' });
  const profiles = profileFiles(opts.profilesDir, machineId, materialId, choices.quality);
  const slicer = findSlicer(opts.slicerPath);

  let last = 0;
  const progress = (f: number, stage: SliceStage): void => {
    if (f < last && stage !== 'done') return;
    last = Math.max(last, f);
    opts.onProgress?.(last, stage);
  };
  progress(0, 'preparing');

  const placed = opts.placement === 'keep' ? mesh : placeOnBed(mesh, opts.machine);
  assertFits(placed, opts.machine);
  if (opts.placement === 'keep' && !insideWorkArea(placed, opts.machine)) {
    throw new PrintError('outside_print_volume', { message: '' });
  }
  if (opts.signal?.aborted) throw new PrintError('slicer_cancelled');

  const work = await mkdtemp(join(opts.tempDir ?? tmpdir(), 'fabkiosk-slice-'));
  try {
    const model = join(work, 'model.stl');
    const gcode = join(work, 'model.gcode');
    await writeFile(model, writeBinaryStl(placed));
    progress(P_PREPARED, 'preparing');
    const args = [
      '--export-gcode',
      // Our placement is the preview's: PrusaSlicer must not arrange it again.
      '--dont-arrange',
      // A fresh configuration folder: nothing of a PrusaSlicer GUI's settings on this machine leaks in.
      '--datadir',
      join(work, 'config'),
      '--loglevel',
      '1',
      '--load',
      profiles.printer,
      '--load',
      profiles.filament,
      '--load',
      profiles.print,
      ...choiceArgs(choices),
      '--output',
      gcode,
      model,
    ];
    const run = await runSlicer({
      slicer,
      args,
      cwd: work,
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      onProgress: (p) => progress(P_PREPARED + ((P_SLICED - P_PREPARED) * p.percent) / 100, 'slicing'),
    });
    const size = await stat(gcode).then(
      (s) => s.size,
      () => 0,
    );
    if (size === 0) throw new PrintError('slicer_no_output', { message: run.log[run.log.length - 1] ?? '' });
    progress(P_SLICED, 'checking');

    const check = await checkPreslicedFile(gcode, { machine: opts.machine, material: opts.material, maxBytes: opts.maxGcodeBytes ?? DEFAULT_MAX_GCODE_BYTES });
    const a = check.analysis;
    if (a.layers === 0 || a.filamentMm <= 0) throw new PrintError('empty_slice', { message: '' });
    if (opts.signal?.aborted) throw new PrintError('slicer_cancelled');

    await publish(gcode, opts.output);
    progress(1, 'done');
    return {
      output: opts.output,
      bytes: size,
      choices,
      profiles,
      modelBounds: placed.bounds,
      durationS: a.durationS,
      filamentMm: a.filamentMm,
      filamentG: a.filamentG,
      layers: a.layers,
      bounds: a.bounds,
      slicerEstimateS: a.slicer.estimatedS,
      slicerFilamentMm: a.slicer.filamentMm,
      slicerFilamentG: a.slicer.filamentG,
      findings: check.findings,
      errors: check.errors,
      accepted: check.accepted,
      analysis: a,
      slicingMs: run.elapsedMs,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Copies the finished G-code next to its destination, then renames it there: no half-written file. */
async function publish(from: string, to: string): Promise<void> {
  const part = `${to}.part`;
  try {
    await copyFile(from, part);
    await rename(part, to);
  } catch (e) {
    await unlink(part).catch(() => undefined);
    throw new PrintError('output_unwritable', { path: to, message: (e as Error).message });
  }
}

export interface SliceFileOptions extends SliceOptions {
  /** Turn the model onto its largest flat face first. */
  layFlat?: boolean;
  load?: LoadOptions;
}

/** A model file (STL, 3MF, OBJ) to G-code: load, optionally lay flat, slice. */
export async function sliceFile(path: string, opts: SliceFileOptions): Promise<SliceResult & { triangles: number }> {
  const loaded = await loadMeshFile(path, opts.load);
  const mesh = opts.layFlat ? layFlat(loaded.mesh).mesh : loaded.mesh;
  const result = await sliceMesh(mesh, opts);
  return { ...result, triangles: mesh.triangles };
}
