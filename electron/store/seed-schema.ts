// The shape of assets/fablab.json, checked before anything is written: a typo in the seed must
// stop the first start with a clear message, not leave a half-seeded database.
import { z } from 'zod';
import { machineKinds } from '../api/models';
import { ledgerSeedSchema } from '../services/ledger/seed-schema';

const localized = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();
const code = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/);
const axes = z.partialRecord(z.enum(['x', 'y', 'z', 'e']), z.number().positive());

export const seedSchema = z
  .object({
    site: z
      .object({
        code,
        name: z.string().min(1),
        town: z.string().min(1),
        currency: z.string().length(3),
        firstMonthFree: z.boolean(),
        idleTimeoutS: z.number().int().min(10).max(3600),
        tagline: localized,
        description: localized,
        offers: z.array(
          z.object({ id: code, icon: z.string(), title: localized, text: localized }).strict(),
        ),
        openingHours: z.array(z.object({ days: localized, hours: z.string() }).strict()),
        events: z.array(
          z.object({ id: code, title: localized, when: localized, text: localized }).strict(),
        ),
      })
      .strict(),
    /** The charter in force on the first start: plain rules, FR and EN, paragraphs separated by newlines. */
    charter: z
      .object({
        version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,15}$/),
        text: z.object({ fr: z.string().min(1).max(20_000), en: z.string().min(1).max(20_000) }).strict(),
      })
      .strict(),
    consentPurposes: z
      .array(z.object({ code, kind: z.enum(['required', 'optional', 'information']), title: localized, text: localized }).strict())
      .min(1)
      .refine((ps) => new Set(ps.map((p) => p.code)).size === ps.length, { message: 'duplicate purpose code' }),
    profileCategories: z.array(z.object({ code, name: localized }).strict()).min(1),
    plans: z.array(
      z
        .object({
          code,
          name: localized,
          priceCents: z.number().int().nonnegative(),
          period: z.enum(['month', 'quarter', 'year', 'once']),
          includedDays: z.number().int().positive().nullable(),
          /** Coworking check-ins use the plan's days (unlimited when `includedDays` is null). */
          coworking: z.boolean().default(false),
          description: localized,
        })
        .strict(),
    ),
    materials: z.array(
      z
        .object({
          code,
          kind: z.enum(['filament', 'sheet', 'vinyl', 'thermoforming']),
          name: localized,
          unit: z.enum(['kg', 'sheet', 'm']),
          priceCents: z.number().int().nonnegative(),
          stock: z.number().nonnegative(),
          properties: z.record(z.string(), z.number()),
        })
        .strict(),
    ),
    machines: z.array(
      z
        .object({
          code,
          name: z.string().min(1),
          kind: z.enum(machineKinds),
          model: z.string(),
          connection: z.enum(['serial', 'manual']),
          firmware: z.enum(['marlin', 'grbl', 'hpgl']).nullable(),
          portPath: z.string().nullable(),
          baud: z.number().int().positive().nullable(),
          usb: z
            .object({
              vendorId: z.string().regex(/^[0-9a-f]{4}$/),
              productId: z.string().regex(/^[0-9a-f]{4}$/),
              serialNumber: z.string().min(1).max(64).optional(),
            })
            .strict()
            .nullable(),
          workArea: z.object({ x: z.number().positive(), y: z.number().positive(), z: z.number().nonnegative() }).strict().nullable(),
          limits: z
            .object({
              maxNozzleC: z.number().positive(),
              maxBedC: z.number().positive(),
              laserMode: z.boolean(),
              maxSpindleS: z.number().positive(),
              maxFeedMmS: axes,
              maxAccelMmS2: axes,
              /** Marlin M204 P/T: printing and travel accelerations. */
              printAccelMmS2: z.number().positive(),
              travelAccelMmS2: z.number().positive(),
              /** Grbl $11 / Marlin JD; or classic jerk per axis (Prusa, older Marlin). */
              junctionDeviationMm: z.number().positive(),
              jerkMmS: axes,
              /** G-code dialect when it differs from the driver's firmware (Prusa's Marlin fork). */
              dialect: z.enum(['marlin', 'prusa', 'grbl']),
              /** Minimum corner of the work area in machine coordinates (a printer's purge line at Y = -4). */
              workOriginMm: z.object({ x: z.number(), y: z.number(), z: z.number() }).strict(),
            })
            .partial()
            .strict(),
          requiredModule: code.nullable(),
          ratePerHourCents: z.number().int().nonnegative(),
          description: localized,
        })
        .strict()
        .refine((m) => (m.connection === 'serial') === (m.firmware !== null && m.portPath !== null), {
          message: 'a serial machine needs a firmware and a port; a manual one has neither',
        }),
    ),
    demoMembers: z.array(
      z
        .object({
          displayName: z.string().min(1),
          role: z.enum(['member', 'trainer', 'manager']),
          profileCategory: code,
          pin: z.string().regex(/^\d{4,8}$/),
          plan: code.nullable(),
          /** Demo certifications, on the module's current version, signed off that many days before the first start. */
          certifications: z.array(z.object({ module: code, signedOffDaysAgo: z.number().int().min(0).max(3650) }).strict()).default([]),
        })
        .strict(),
    ),
    /** The price grid beyond machine rates and material prices (electron/services/ledger/seed-schema.ts). */
    pricing: ledgerSeedSchema.optional(),
  })
  .strict();

export type SeedData = z.infer<typeof seedSchema>;
