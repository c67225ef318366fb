// The maker's laser settings: one operation per colour of the drawing, with power, speed and passes
// inside the lab's limits for the machine × material; the engraving options of an image. Pure.
import type {
  BoundedSetting,
  DitherMethod,
  LaserLayer,
  LaserOperation,
  LaserOperationChoice,
  LaserPreset,
  RasterChoice,
} from '../../electron/api/types';

export const operations: readonly LaserOperation[] = ['cut', 'score', 'engrave', 'ignore'];
export const ditherMethods: readonly DitherMethod[] = ['floyd-steinberg', 'jarvis', 'ordered', 'threshold', 'grayscale'];

export type Burning = Exclude<LaserOperation, 'ignore'>;

/** A value moved inside the setting's range and onto its steps (from the minimum). */
export function clampSetting(value: number, s: BoundedSetting): number {
  if (!Number.isFinite(value)) return s.value;
  const v = Math.min(s.max, Math.max(s.min, value));
  if (!(s.step > 0)) return v;
  const snapped = s.min + Math.round((v - s.min) / s.step) * s.step;
  // Decimal steps (0.5 %) leave float dust: keep as many decimals as the step has.
  const decimals = Math.min(6, (String(s.step).split('.')[1] ?? '').length);
  return Number(Math.min(s.max, snapped).toFixed(decimals));
}

/** The lab's values for an operation (none for `ignore`). */
export function presetValues(preset: LaserPreset | null, op: LaserOperation): Pick<LaserOperationChoice, 'powerPct' | 'speedMmMin' | 'passes'> {
  if (!preset || op === 'ignore') return {};
  const p = preset.operations[op];
  return { powerPct: p.powerPct.value, speedMmMin: p.speedMmMin.value, passes: p.passes.value };
}

/** What the kiosk suggests for each colour (its outlines and its areas apart), at the lab's values. */
export function defaultChoices(layers: readonly LaserLayer[], preset: LaserPreset | null): LaserOperationChoice[] {
  return layers.map((l) => ({ paint: l.paint, colour: l.colour, operation: l.operation, ...presetValues(preset, l.operation) }));
}

/** Another operation for a colour: its values start again from the lab's for that operation. */
export function withOperation(choice: LaserOperationChoice, op: LaserOperation, preset: LaserPreset | null): LaserOperationChoice {
  return { ...(choice.paint ? { paint: choice.paint } : {}), colour: choice.colour, operation: op, ...presetValues(preset, op) };
}

/** Colours of which nothing burns (every layer of that colour ignored): drawn faint on the bed. */
export function ignoredColours(choices: readonly LaserOperationChoice[]): Set<string> {
  const burning = new Set(choices.filter((c) => c.operation !== 'ignore').map((c) => c.colour));
  return new Set(choices.filter((c) => !burning.has(c.colour)).map((c) => c.colour));
}

/** The same choices after the material changed: every value from the new preset, operations kept. */
export function rebase(choices: readonly LaserOperationChoice[], preset: LaserPreset | null): LaserOperationChoice[] {
  return choices.map((c) => withOperation(c, c.operation, preset));
}

/** One value of a colour changed by the maker, kept inside the lab's limits. */
export function withValue(
  choice: LaserOperationChoice,
  key: 'powerPct' | 'speedMmMin' | 'passes',
  value: number,
  preset: LaserPreset | null,
): LaserOperationChoice {
  if (!preset || choice.operation === 'ignore') return choice;
  return { ...choice, [key]: clampSetting(value, preset.operations[choice.operation][key]) };
}

/** Whether a value differs from the lab's default (the row says so). */
export function isCustom(choice: LaserOperationChoice, preset: LaserPreset | null): boolean {
  if (!preset || choice.operation === 'ignore') return false;
  const p = preset.operations[choice.operation];
  return choice.powerPct !== p.powerPct.value || choice.speedMmMin !== p.speedMmMin.value || choice.passes !== p.passes.value;
}

/** At least one colour is burnt. */
export function burnsSomething(choices: readonly LaserOperationChoice[]): boolean {
  return choices.some((c) => c.operation !== 'ignore');
}

/** What laser.prepare takes: values only for the colours that burn. */
export function operationsPayload(choices: readonly LaserOperationChoice[]): LaserOperationChoice[] {
  return choices.map((c) =>
    c.operation === 'ignore'
      ? { ...(c.paint ? { paint: c.paint } : {}), colour: c.colour, operation: 'ignore' }
      : {
          ...(c.paint ? { paint: c.paint } : {}),
          colour: c.colour,
          operation: c.operation,
          ...(c.powerPct !== undefined ? { powerPct: c.powerPct } : {}),
          ...(c.speedMmMin !== undefined ? { speedMmMin: c.speedMmMin } : {}),
          ...(c.passes !== undefined ? { passes: c.passes } : {}),
        },
  );
}

/** An image's engraving, at the lab's values. */
export function defaultRaster(preset: LaserPreset | null): RasterChoice {
  const r = preset?.raster ?? null;
  return {
    linesPerMm: r?.linesPerMm.value ?? 10,
    dither: 'floyd-steinberg',
    brightness: 0,
    contrast: 0,
    invert: false,
    ...(r ? { powerPct: r.powerPct.value, speedMmMin: r.speedMmMin.value } : {}),
  };
}

/** The engraving after the material changed: the tone settings stay, the machine values follow the lab's. */
export function rebaseRaster(r: RasterChoice, preset: LaserPreset | null): RasterChoice {
  const lab = preset?.raster;
  if (!lab) return r;
  return {
    ...r,
    linesPerMm: clampSetting(r.linesPerMm, lab.linesPerMm),
    powerPct: lab.powerPct.value,
    speedMmMin: lab.speedMmMin.value,
  };
}

/** A tone setting (−100 … 100), as the contract bounds it. */
export function clampTone(v: number): number {
  return Number.isFinite(v) ? Math.round(Math.min(100, Math.max(-100, v))) : 0;
}

/** Roughly how many scan lines the engraving takes (what makes it long). */
export function rasterLines(heightMm: number, linesPerMm: number): number {
  return Math.max(0, Math.round(heightMm * linesPerMm));
}

/** Lines per mm as the dots per inch makers know from printers. */
export function dpiOf(linesPerMm: number): number {
  return Math.round(linesPerMm * 25.4);
}
