// A prepared job priced before it is sent: the same lines the ledger will write when it ends, from the
// estimate (machine time) and the analysis (filament) or the sheets it will take. Nothing is written.
import type { PriceLine, Quote } from '../../api/models';
import type { Store } from '../../store';
import { machineQuotaLeftS, machineTimeLine, materialLine, type LineContext } from './lines';
import { memberPayer, requireMachine, requireMaterial } from './refs';
import { stockUnitOf } from './units';

export interface QuoteRequest {
  machineId: string;
  durationS: number;
  materialId?: string | undefined;
  /** In the material's stock unit; one sheet by default for a sheet material. */
  quantity?: number | undefined;
}

export function quoteJob(store: Store, memberId: string, req: QuoteRequest, now: Date): Quote {
  const db = store.db;
  const machine = requireMachine(db, req.machineId);
  const material = req.materialId ? requireMaterial(db, req.materialId) : undefined;
  const payer = memberPayer(db, memberId);
  const c: LineContext = { db, payer, at: now.toISOString() };
  const lines: PriceLine[] = [];
  if (req.durationS > 0) lines.push(machineTimeLine(c, machine, req.durationS));
  if (material) {
    const quantity = req.quantity ?? (stockUnitOf(material.unit).unit === 'sheet' ? 1 : 0);
    if (quantity > 0) lines.push(materialLine(c, material, quantity));
  }
  const sum = (f: (l: PriceLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  return {
    at: c.at,
    memberId,
    profileCategory: payer.categoryCode,
    planId: payer.planCode,
    currency: (db.prepare('SELECT currency FROM sites LIMIT 1').pluck().get() as string | undefined) ?? 'EUR',
    lines,
    grossCents: sum((l) => l.grossCents),
    quotaCents: sum((l) => l.quotaCents),
    freeCents: sum((l) => l.freeCents),
    discountCents: sum((l) => l.discountCents),
    totalCents: sum((l) => l.chargeCents),
    machineQuotaLeftS: machineQuotaLeftS(c),
  };
}
