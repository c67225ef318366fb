// The `pricing` block of assets/fablab.json: what the machines' rates and the materials' prices do not
// say already. Checked with the rest of the seed before anything is written.
import { z } from 'zod';

const code = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/);
const scope = z.enum(['machine_time', 'material', 'shop_item', 'coworking_day', 'subscription']);

export const ledgerSeedSchema = z
  .object({
    /** A coworking day beyond the plan's days, or without a plan. */
    coworkingDayCents: z.number().int().nonnegative(),
    /** Machine time is free for the first months after joining when the site's `firstMonthFree` is on. */
    firstMonthFreeMonths: z.number().int().min(1).max(12).default(1),
    categoryDiscounts: z
      .array(z.object({ category: code, percent: z.number().int().min(0).max(100), scopes: z.array(scope).min(1) }).strict())
      .default([]),
    /** Machine minutes included per calendar month, by plan code. */
    planMachineMinutesPerMonth: z.record(code, z.number().int().min(0).max(44_640)).default({}),
    /** Alert level by material code, in its stock unit (g for filament, sheet, m). */
    lowStock: z.record(code, z.number().nonnegative()).default({}),
    shopItems: z
      .array(
        z
          .object({
            code,
            name: z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict(),
            priceCents: z.number().int().nonnegative(),
            stock: z.number().int().nonnegative(),
            lowStock: z.number().int().nonnegative().nullable().default(null),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type LedgerSeed = z.infer<typeof ledgerSeedSchema>;
