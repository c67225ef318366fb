// The lab's locked PrusaSlicer profiles and the four choices a maker has. Profiles live as .ini files
// (assets/profiles/): one per printer (printer/<machine code>.ini), one per material
// (filament/<material code>.ini), one per quality (print/<quality>.ini), loaded in that order. Only the
// choices below reach the slicer's command line on top of them.

import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { PrintError } from './errors';

export const QUALITIES = ['draft', 'normal', 'fine'] as const;
export type Quality = (typeof QUALITIES)[number];
/** Layer height of each quality, mm (what the print profiles set; for the UI). */
export const LAYER_HEIGHT_MM: Readonly<Record<Quality, number>> = Object.freeze({ draft: 0.3, normal: 0.2, fine: 0.15 });
export const INFILL_PERCENTS = [10, 15, 20, 30, 50, 100] as const;
export const BRIM_WIDTH_MM = 5;

export interface SliceChoices {
  quality: Quality;
  supports: boolean;
  /** One of INFILL_PERCENTS. */
  infillPercent: number;
  brim: boolean;
}

export const DEFAULT_CHOICES: Readonly<SliceChoices> = Object.freeze({ quality: 'normal', supports: false, infillPercent: 15, brim: false });

/** Checks a maker's choices (from a form, the CLI, the API); anything else is refused with `bad_option`. */
export function sliceChoices(input: { quality?: unknown; supports?: unknown; infillPercent?: unknown; brim?: unknown } = {}): SliceChoices {
  const c: SliceChoices = { ...DEFAULT_CHOICES };
  if (input.quality !== undefined) {
    if (!QUALITIES.includes(input.quality as Quality)) throw new PrintError('bad_option', { context: 'quality', option: 'quality', value: String(input.quality), allowed: QUALITIES.join(', ') });
    c.quality = input.quality as Quality;
  }
  if (input.infillPercent !== undefined) {
    const v = typeof input.infillPercent === 'string' ? Number(input.infillPercent.replace(/%$/, '')) : input.infillPercent;
    if (!(INFILL_PERCENTS as readonly unknown[]).includes(v)) {
      throw new PrintError('bad_option', { context: 'infill', option: 'infill', value: String(input.infillPercent), allowed: INFILL_PERCENTS.join(', ') });
    }
    c.infillPercent = v as number;
  }
  for (const key of ['supports', 'brim'] as const) {
    const v = input[key];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') throw new PrintError('bad_option', { context: key, option: key, value: String(v), allowed: 'true, false' });
    c[key] = v;
  }
  return c;
}

export interface ProfileFiles {
  printer: string;
  filament: string;
  print: string;
}

/** Codes become file names: nothing but letters, digits, dots, dashes and underscores. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The three .ini files for a printer × material × quality; `profile_missing` when the lab has none. */
export function profileFiles(profilesDir: string, machineId: string, materialId: string, quality: Quality): ProfileFiles {
  const files: ProfileFiles = {
    printer: pick(profilesDir, 'printer', machineId),
    filament: pick(profilesDir, 'filament', materialId),
    print: pick(profilesDir, 'print', quality),
  };
  return files;
}

function pick(dir: string, kind: 'printer' | 'filament' | 'print', id: string): string {
  const path = join(dir, kind, `${id}.ini`);
  if (!SAFE_ID.test(id)) throw new PrintError('profile_missing', { context: kind, id: id.slice(0, 64), path: '' });
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new PrintError('profile_missing', { context: kind, id, path });
  }
  return path;
}

/** The command-line settings for a maker's choices, on top of the locked profiles. */
export function choiceArgs(c: SliceChoices): string[] {
  const args = ['--fill-density', `${c.infillPercent}%`];
  // The sparse patterns (grid, gyroid…) refuse 100 %: solid infill is rectilinear.
  if (c.infillPercent === 100) args.push('--fill-pattern', 'rectilinear');
  if (c.supports) args.push('--support-material', '--support-material-auto');
  else args.push('--no-support-material');
  args.push('--brim-width', c.brim ? String(BRIM_WIDTH_MM) : '0');
  return args;
}
