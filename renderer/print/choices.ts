// The few choices a maker has on a print (the lab locks the rest of the profile), and the placing of
// the model: quarter turns about X, Y, Z, a scale in %, lay flat. Pure.
import type { MeshTransform, PrintChoices, PrintQuality } from '../../electron/api/types';

export const qualities: readonly PrintQuality[] = ['draft', 'normal', 'fine'];

/** Layer heights of the lab's locked profiles (assets/profiles/print/<quality>.ini). */
export const layerHeightMm: Record<PrintQuality, number> = { draft: 0.3, normal: 0.2, fine: 0.15 };

/** Printing time against a normal print, roughly: it follows the number of layers. */
export function timeFactor(q: PrintQuality): number {
  return Math.round((layerHeightMm.normal / layerHeightMm[q]) * 10) / 10;
}

/** Infill densities offered, from a light part to a solid one: the ones the print core accepts (INFILL_PERCENTS). */
export const infillSteps: readonly number[] = [10, 15, 20, 30, 50, 100];

export const defaultChoices: PrintChoices = { quality: 'normal', supports: false, infillPct: 15, brim: false };

export const identity: MeshTransform = { rotateDeg: { x: 0, y: 0, z: 0 }, scalePct: 100, layFlat: false };

export type Axis = 'x' | 'y' | 'z';

/** A quarter turn more about an axis (kept within 0–359°). */
export function turned(t: MeshTransform, axis: Axis, by: 90 | -90 = 90): MeshTransform {
  const deg = (((t.rotateDeg[axis] + by) % 360) + 360) % 360;
  return { ...t, rotateDeg: { ...t.rotateDeg, [axis]: deg } };
}

export const minScalePct = 10;
export const maxScalePct = 1000;

/** A scale in whole percent, within what the kiosk accepts. */
export function scaledTo(t: MeshTransform, pct: number): MeshTransform {
  if (!Number.isFinite(pct)) return t;
  return { ...t, scalePct: Math.round(Math.min(maxScalePct, Math.max(minScalePct, pct))) };
}

export function isIdentity(t: MeshTransform): boolean {
  return t.rotateDeg.x === 0 && t.rotateDeg.y === 0 && t.rotateDeg.z === 0 && t.scalePct === 100 && !t.layFlat;
}

/** The scale that makes the model as large as the printer allows (size at 100 %), in whole percent down. */
export function largestScalePct(size100: { x: number; y: number; z: number }, area: { x: number; y: number; z: number }): number {
  const k = Math.min(area.x / size100.x, area.y / size100.y, area.z / size100.z);
  return Number.isFinite(k) && k > 0 ? Math.floor(k * 100) : 100;
}

/** One key per placement: the preview and the check run again only when it changes. */
export function transformKey(t: MeshTransform): string {
  return `${t.rotateDeg.x}/${t.rotateDeg.y}/${t.rotateDeg.z}/${t.scalePct}/${t.layFlat ? 1 : 0}`;
}
