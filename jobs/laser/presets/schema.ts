// The lab's material presets (assets/laser/presets.json): for each machine and material, the default of
// every laser setting and the range a maker may set it within.
import { z } from 'zod';

export const OPERATION_KINDS = ['cut', 'score', 'engrave-fill'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];
/** What a colour can be mapped to. */
export type OperationChoice = OperationKind | 'ignore';

const range = (integer: boolean, lo: number, hi: number) => {
  const num = integer ? z.number().int() : z.number();
  return z
    .object({ default: num.min(lo).max(hi), min: num.min(lo).max(hi), max: num.min(lo).max(hi) })
    .strict()
    .refine((r) => r.min <= r.default && r.default <= r.max, { message: 'min ≤ default ≤ max' });
};

const vectorOp = z
  .object({
    powerPct: range(false, 0, 100),
    speedMmMin: range(false, 1, 120_000),
    passes: range(true, 1, 20),
  })
  .strict();

const fillOp = vectorOp.extend({ lineIntervalMm: range(false, 0.01, 5) }).strict();
const rasterOp = fillOp.extend({ minPowerPct: range(false, 0, 100) }).strict();

const materialPresets = z
  .object({
    kerfMm: range(false, 0, 2),
    operations: z
      .object({
        cut: vectorOp,
        score: vectorOp,
        'engrave-fill': fillOp,
        raster: rasterOp.optional(),
      })
      .strict(),
  })
  .strict();

export const presetsSchema = z
  .object({
    version: z.literal(1),
    machines: z.record(
      z.string().min(1),
      z.object({ note: z.string().optional(), materials: z.record(z.string().min(1), materialPresets) }).strict(),
    ),
  })
  .strict();

export type LaserPresets = z.infer<typeof presetsSchema>;
export type MaterialPresets = z.infer<typeof materialPresets>;
export type Range = { default: number; min: number; max: number };
