// Job preparation: laser jobs from drawings and images, prints sliced from 3D models, beginner
// templates. Spread into the one contract (contract.ts).
import { z } from 'zod';
import type * as M from './models';
import { proc } from './procedure';

const id = z.string().min(1).max(64);
const colour = z.string().regex(/^#[0-9a-f]{6}$/);
const percent = z.number().min(0).max(100);
const mm = z.number().min(-10_000).max(10_000);
const sizeMm = z.number().gt(0).max(10_000);

const operation = z
  .object({
    paint: z.enum(['stroke', 'fill']).optional(),
    colour,
    operation: z.enum(['cut', 'score', 'engrave', 'ignore']),
    powerPct: percent.optional(),
    speedMmMin: z.number().min(1).max(100_000).optional(),
    passes: z.number().int().min(1).max(20).optional(),
  })
  .strict();

const raster = z
  .object({
    linesPerMm: z.number().min(1).max(40),
    dither: z.enum(['floyd-steinberg', 'jarvis', 'ordered', 'threshold', 'grayscale']),
    brightness: z.number().min(-100).max(100),
    contrast: z.number().min(-100).max(100),
    invert: z.boolean(),
    powerPct: percent.optional(),
    speedMmMin: z.number().min(1).max(100_000).optional(),
  })
  .strict();

const placement = z.object({ xMm: mm, yMm: mm, widthMm: sizeMm, heightMm: sizeMm }).strict();

const transform = z
  .object({
    rotateDeg: z.object({ x: z.number().min(-360).max(360), y: z.number().min(-360).max(360), z: z.number().min(-360).max(360) }).strict(),
    scalePct: z.number().min(1).max(1000),
    layFlat: z.boolean(),
  })
  .strict();

const printChoices = z
  .object({
    quality: z.enum(['draft', 'normal', 'fine']),
    supports: z.boolean(),
    infillPct: z.number().int().min(0).max(100),
    brim: z.boolean(),
  })
  .strict();

const templateParams = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/), z.union([z.number(), z.string().max(64), z.boolean()]))
  .refine((p) => Object.keys(p).length <= 32, { message: 'too many parameters' });

export const prepareContract = {
  /** The lab's laser settings for a machine × material, with the limits a maker may move them in. */
  'laser.preset': proc<M.LaserPreset>()({ input: z.object({ machineId: id, materialId: id }).strict(), role: 'member' }),
  /** A drawing (SVG, DXF) or an image (PNG, JPEG) read for the laser screen: size, colours, outline. */
  'laser.inspect': proc<M.LaserSource>()({ input: z.object({ fileId: id }).strict(), role: 'member' }),
  /** Turns a drawing or an image into Grbl G-code for the laser, stored and analysed, with its price. */
  'laser.prepare': proc<M.PreparedJob>()({
    input: z
      .object({ fileId: id, machineId: id, materialId: id, operations: z.array(operation).max(64), placement, raster: raster.optional() })
      .strict(),
    role: 'member',
  }),
  /** Traces the outline of a prepared laser job with the beam off, so the maker sees where it will cut. */
  'laser.frame': proc<null>()({ input: z.object({ machineId: id, fileId: id }).strict(), role: 'member' }),
  /** A 3D model (STL, 3MF, OBJ) read for the print screen, after the maker's rotation and scale. */
  'print.inspect': proc<M.MeshSource>()({ input: z.object({ fileId: id, machineId: id, transform }).strict(), role: 'member' }),
  /** Slices a 3D model with the lab's locked profile for the printer × material and the maker's few choices. */
  'print.slice': proc<M.PreparedJob>()({
    input: z.object({ fileId: id, machineId: id, materialId: id, choices: printChoices, transform }).strict(),
    role: 'member',
  }),
  /** Stops a slicing under way for this file. */
  'print.cancel': proc<null>()({ input: z.object({ fileId: id }).strict(), role: 'member' }),
  'templates.list': proc<M.TemplateInfo[]>()({ input: z.object({}).strict(), role: 'visitor' }),
  /** Builds a template with the maker's parameters and stores the result (SVG for the laser, STL to print). */
  'templates.build': proc<M.BuiltTemplate>()({ input: z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), params: templateParams }).strict(), role: 'member' }),
} as const;
