// The ledger, the shop, the stock and the price grid. Spread into the one contract (contract.ts).
// Money in integer cents; quantities in the base unit the product or entry names (g, sheet, m, item).
// Roles here are the least a caller needs; whose data it is (self or someone else) is checked by the
// handlers: a member quotes, logs, buys and subscribes for themself, trainers log for others, managers
// do the rest.
import { z } from 'zod';
import type * as M from './models';
import { proc } from './procedure';

const none = z.object({}).strict();
const id = z.string().min(1).max(64);
const code = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const instant = z.iso.datetime({ offset: true });
// Free text typed on the kiosk: a line, no control characters.
const text = (max: number) => z.string().trim().max(max).regex(/^[^\p{Cc}]*$/u);
const reason = text(300).min(3);
const cents = z.number().int().min(0).max(10_000_000);
const quantity = z.number().gt(0).max(100_000);
const kind = z.enum(['machine_time', 'material', 'coworking_day', 'shop_sale', 'subscription', 'payment']);
const source = z.enum(['job', 'manual', 'visit', 'shop', 'subscription', 'payment', 'correction']);
const scope = z.enum(['machine_time', 'material', 'shop_item', 'coworking_day', 'subscription']);
const page = { limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).max(1_000_000).default(0) };
const change = { effectiveFrom: instant.optional(), reason: text(300).optional() };

export const ledgerContract = {
  /**
   * Prices a prepared job before it is sent (machine time from the estimate, material from the analysis;
   * one sheet by default for a sheet material), for the signed-in member or, for trainers, `memberId`.
   * Lines carry the quota used, the free period and the category discount; nothing is written.
   */
  'ledger.quote': proc<M.Quote>()({
    input: z
      .object({
        machineId: id,
        durationS: z.number().min(0).max(7 * 86_400),
        materialId: id.optional(),
        quantity: z.number().min(0).max(100_000).optional(),
        memberId: id.optional(),
      })
      .strict(),
    role: 'member',
  }),
  /** The signed-in member's entries, newest first, and their balance (negative: they owe the lab). */
  'ledger.mine': proc<M.LedgerPage>()({
    input: z.object({ ...page, from: day.optional(), to: day.optional(), kind: kind.optional() }).strict(),
    role: 'member',
  }),
  /** Everyone's entries, filtered by member (or anonymous visitors), Paris days, kind, source or job. */
  'ledger.list': proc<M.LedgerPage>()({
    input: z
      .object({
        ...page,
        memberId: id.optional(),
        visitorsOnly: z.boolean().optional(),
        from: day.optional(),
        to: day.optional(),
        kind: kind.optional(),
        source: source.optional(),
        jobId: id.optional(),
      })
      .strict(),
    role: 'manager',
  }),
  /**
   * Use of a machine the kiosk does not drive (thermoformer, embroidery, sewing, 3D scanner): minutes
   * and material (`quantity` in its stock unit; one sheet by default). For someone else (`memberId`),
   * on a driven machine, or dated back (`occurredAt`, up to 62 days): trainers and managers.
   */
  'ledger.logManual': proc<M.LedgerWriteResult>()({
    input: z
      .object({
        machineId: id,
        minutes: z.number().int().min(0).max(1440),
        materialId: id.optional(),
        quantity: quantity.optional(),
        memberId: id.optional(),
        note: text(300).optional(),
        occurredAt: instant.optional(),
      })
      .strict(),
    role: 'member',
  }),
  /**
   * What a laser/CNC job takes from the stock: how many sheets of which material (default: one sheet of
   * the job's sheet material); for a print, which filament. The job's maker or a trainer, until the job
   * is charged (`ledger_refused` {reason: 'job_charged'}; a manager corrects it then).
   */
  'ledger.declareJobMaterial': proc<M.JobMaterialDeclaration>()({
    input: z.object({ jobId: id, materialId: id.optional(), sheets: z.number().int().min(0).max(100) }).strict(),
    role: 'member',
  }),
  /**
   * Corrects an entry: `amountCents` is its corrected amount, signed like entries (a charge ≤ 0; 0 cancels
   * it), `quantity` its corrected quantity. Writes a new entry with the difference; the original stays.
   */
  'ledger.correct': proc<M.LedgerWriteResult>()({
    input: z
      .object({
        entryId: id,
        amountCents: z.number().int().min(-10_000_000).max(10_000_000),
        quantity: z.number().min(0).max(100_000).optional(),
        reason,
      })
      .strict(),
    role: 'manager',
  }),
  /** Money received from a member: a credit on their account. */
  'ledger.recordPayment': proc<M.LedgerWriteResult>()({
    input: z
      .object({
        memberId: id,
        amountCents: z.number().int().min(1).max(10_000_000),
        method: z.enum(['cash', 'card', 'cheque', 'transfer']),
        reference: text(120).optional(),
      })
      .strict(),
    role: 'manager',
  }),

  /** What the shop sells, with prices in force and stock on the shelf. */
  'shop.products': proc<M.ShopProduct[]>()({ input: none, role: 'visitor' }),
  /**
   * A sale. A member buys for themself, on account. A manager sells to any member (`memberId`) or to an
   * anonymous visitor (`visitorLabel`), paid at the counter or on account. Not enough stock:
   * `insufficient_stock`, nothing written.
   */
  'shop.sell': proc<M.SaleResult>()({
    input: z
      .object({
        memberId: id.optional(),
        visitorLabel: text(80).min(1).optional(),
        lines: z.array(z.object({ productId: id, quantity }).strict()).min(1).max(30),
        paymentMethod: z.enum(['cash', 'card', 'cheque', 'account']),
      })
      .strict(),
    role: 'member',
  }),
  /** Creates or edits a shop item besides the materials (a new price is a new version of its rule). */
  'shop.saveItem': proc<M.ShopProduct>()({
    input: z
      .object({
        code,
        name: z.object({ fr: text(80).min(1), en: text(80).min(1) }).strict().optional(),
        priceCents: cents.optional(),
        lowStockQty: z.number().int().min(0).max(100_000).nullable().optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    role: 'manager',
  }),

  /** Levels of every product (or only those at or under their alert level). */
  'stock.list': proc<M.StockLevel[]>()({ input: z.object({ lowOnly: z.boolean().default(false) }).strict(), role: 'manager' }),
  'stock.movements': proc<M.StockMovementView[]>()({
    input: z.object({ productId: id, limit: z.number().int().min(1).max(500).default(100) }).strict(),
    role: 'manager',
  }),
  /** Goods in: `quantity` in the product's stock unit, and what it cost the lab (optional). */
  'stock.restock': proc<M.StockLevel>()({
    input: z.object({ productId: id, quantity, costCents: cents.optional(), reason: text(300).optional() }).strict(),
    role: 'manager',
  }),
  /** An inventory: the level counted on the shelf; the difference is recorded with the reason. */
  'stock.adjust': proc<M.StockLevel>()({
    input: z.object({ productId: id, countedQuantity: z.number().min(0).max(1_000_000), reason }).strict(),
    role: 'manager',
  }),
  /** The alert level, in the product's stock unit (null: no alert). */
  'stock.setThreshold': proc<M.StockLevel>()({
    input: z.object({ productId: id, lowStockQty: z.number().min(0).max(1_000_000).nullable() }).strict(),
    role: 'manager',
  }),

  /** The grid in force at `at` (now by default), the versions scheduled after it, and with `history` every earlier version. */
  'pricing.grid': proc<M.PricingGrid>()({
    input: z.object({ at: instant.optional(), history: z.boolean().default(false) }).strict(),
    role: 'manager',
  }),
  /**
   * A change of the grid or of a plan, in force from `effectiveFrom` (now by default; never in the past):
   * a new version, audited; entries already written keep their prices.
   */
  'pricing.update': proc<M.PricingGrid>()({
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('machine_time'), machineId: id, ratePerHourCents: cents, ...change }).strict(),
      z.object({ kind: z.literal('material'), materialId: id, priceCents: cents, ...change }).strict(),
      z.object({ kind: z.literal('shop_item'), itemId: id, priceCents: cents, ...change }).strict(),
      z.object({ kind: z.literal('coworking_day'), priceCents: cents, ...change }).strict(),
      z.object({ kind: z.literal('category_discount'), profileCategory: code, scope, percent: z.number().int().min(0).max(100), ...change }).strict(),
      z.object({ kind: z.literal('first_month_free'), active: z.boolean(), months: z.number().int().min(1).max(12), ...change }).strict(),
      z
        .object({
          kind: z.literal('plan'),
          planId: code,
          priceCents: cents,
          period: z.enum(['month', 'quarter', 'year', 'once']),
          includedDays: z.number().int().min(0).max(366).nullable(),
          machineMinutesPerMonth: z.number().int().min(0).max(44_640),
          active: z.boolean(),
          ...change,
        })
        .strict(),
    ]),
    role: 'manager',
  }),
  /**
   * Takes a plan for the period holding `startDay` (today by default): its price is charged and it becomes
   * the member's plan. For oneself; for someone else (`memberId`), managers. Twice for the same period:
   * `ledger_refused` {reason: 'already_subscribed'}.
   */
  'plans.subscribe': proc<M.SubscriptionView>()({
    input: z.object({ planId: code, memberId: id.optional(), startDay: day.optional() }).strict(),
    role: 'member',
  }),
} as const;
