// One progress bar across a preparation's stages: the back end reports each stage from 0 to 1; the
// maker sees the whole job fill once, not a bar that empties at every stage.
import type { PrepareStage } from './usePrepareProgress';

/** The stages each preparation goes through, in order (a stage not listed counts as the last). */
export const laserStages: readonly PrepareStage[] = ['reading', 'generating', 'analysing'];
export const printStages: readonly PrepareStage[] = ['reading', 'slicing', 'analysing'];

/** Slicing is most of a print's time; the other stages are quick. */
const weight: Record<PrepareStage, number> = { reading: 1, slicing: 6, generating: 3, analysing: 1 };

export function overallFraction(stage: PrepareStage | null, fraction: number | null, stages: readonly PrepareStage[]): number | null {
  if (!stage) return null;
  const total = stages.reduce((s, x) => s + weight[x], 0);
  const at = stages.indexOf(stage);
  const i = at < 0 ? stages.length - 1 : at;
  const before = stages.slice(0, i).reduce((s, x) => s + weight[x], 0);
  const within = Math.min(1, Math.max(0, fraction ?? 0)) * weight[stages[i]!];
  return total > 0 ? Math.min(1, (before + within) / total) : null;
}
