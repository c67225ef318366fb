// Stock as movements: a product's level is the sum of its movements (so kiosks of a network can merge
// them), kept in its stock unit; materials.stock_qty mirrors it in the material's own unit for the
// screens that read the catalog. Sales and jobs take from it, restocks add, an inventory sets it.
import { DomainError } from '../../api/errors';
import type { StockLevel, StockMovementView, StockUnit } from '../../api/models';
import type { Store } from '../../store';
import type { Db } from '../../store/db';
import { materialRef, shopItemRef, type MaterialRef, type ShopItemRef } from './refs';
import { roundQuantity, stockUnitOf } from './units';

export type Product = { type: 'material'; material: MaterialRef } | { type: 'item'; item: ShopItemRef };
export type MovementKind = StockMovementView['kind'];

export function findProduct(db: Db, idOrCode: string): Product | undefined {
  const material = materialRef(db, idOrCode);
  if (material) return { type: 'material', material };
  const item = shopItemRef(db, idOrCode);
  return item ? { type: 'item', item } : undefined;
}

export function requireProduct(db: Db, idOrCode: string): Product {
  const p = findProduct(db, idOrCode);
  if (!p) throw new DomainError('not_found', { what: 'product' });
  return p;
}

export function productUnit(p: Product): StockUnit {
  return p.type === 'material' ? stockUnitOf(p.material.unit).unit : 'item';
}

function column(p: Product): { col: 'material_id' | 'shop_item_id'; id: string } {
  return p.type === 'material' ? { col: 'material_id', id: p.material.id } : { col: 'shop_item_id', id: p.item.id };
}

export function stockLevel(db: Db, p: Product): number {
  const { col, id } = column(p);
  const sum = db.prepare(`SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE ${col} = ?`).pluck().get(id) as number;
  return roundQuantity(sum, productUnit(p));
}

export function levelView(db: Db, p: Product): StockLevel {
  const { col, id } = column(p);
  const level = stockLevel(db, p);
  const threshold = p.type === 'material' ? p.material.low_stock_qty : p.item.low_stock_qty;
  const last = db.prepare(`SELECT MAX(created_at) FROM stock_movements WHERE ${col} = ?`).pluck().get(id) as string | null;
  const named = p.type === 'material' ? p.material : p.item;
  return {
    productId: named.code,
    type: p.type,
    name: { fr: named.name_fr, en: named.name_en },
    unit: productUnit(p),
    level,
    lowStockQty: threshold,
    low: threshold !== null && level <= threshold,
    lastMovementAt: last,
  };
}

export function allProducts(db: Db, activeItemsOnly = true): Product[] {
  const materials = (db.prepare('SELECT id FROM materials ORDER BY kind, name_fr').pluck().all() as string[]).map((id) => findProduct(db, id)!);
  const items = (db.prepare(`SELECT id FROM shop_items ${activeItemsOnly ? 'WHERE active = 1' : ''} ORDER BY name_fr`).pluck().all() as string[]).map(
    (id) => findProduct(db, id)!,
  );
  return [...materials, ...items];
}

export function listLevels(db: Db, lowOnly: boolean): StockLevel[] {
  const levels = allProducts(db).map((p) => levelView(db, p));
  return lowOnly ? levels.filter((l) => l.low) : levels;
}

export interface Movement {
  kind: MovementKind;
  /** Signed, in the product's stock unit: negative leaves the shelf. */
  quantity: number;
  countedQty?: number | null;
  costCents?: number | null;
  entryId?: string | null;
  jobId?: string | null;
  saleId?: string | null;
  reason?: string | null;
  recordedBy?: string | null;
}

/** Writes a movement and the material's mirrored level, in the caller's transaction if there is one. */
export function moveStock(store: Store, p: Product, m: Movement): string {
  const { col, id } = column(p);
  const unit = productUnit(p);
  return store.writer.transaction(() => {
    const movementId = store.writer.insert('stock_movements', {
      material_id: col === 'material_id' ? id : null,
      shop_item_id: col === 'shop_item_id' ? id : null,
      kind: m.kind,
      quantity: roundQuantity(m.quantity, unit),
      unit,
      counted_qty: m.countedQty ?? null,
      cost_cents: m.costCents ?? null,
      entry_id: m.entryId ?? null,
      job_id: m.jobId ?? null,
      sale_id: m.saleId ?? null,
      reason: m.reason ?? null,
      recorded_by: m.recordedBy ?? null,
    });
    if (p.type === 'material') mirrorMaterialStock(store, p.material);
    return movementId;
  });
}

/** materials.stock_qty in the material's own unit (kg, sheet, m), for the catalog. */
export function mirrorMaterialStock(store: Store, material: MaterialRef): void {
  const level = stockLevel(store.db, { type: 'material', material });
  const inUnit = Math.round((level / stockUnitOf(material.unit).perMaterialUnit) * 1000) / 1000;
  const current = store.db.prepare('SELECT stock_qty FROM materials WHERE id = ?').pluck().get(material.id) as number;
  if (current !== inUnit) store.writer.update('materials', material.id, { stock_qty: inUnit });
}

export function movementViews(db: Db, p: Product, limit: number): StockMovementView[] {
  const { col, id } = column(p);
  const rows = db
    .prepare(
      `SELECT s.*, m.display_name AS recorder FROM stock_movements s LEFT JOIN members m ON m.id = s.recorded_by
       WHERE s.${col} = ? ORDER BY s.id DESC LIMIT ?`,
    )
    .all(id, limit) as {
    id: string;
    created_at: string;
    kind: MovementKind;
    quantity: number;
    unit: StockUnit;
    counted_qty: number | null;
    cost_cents: number | null;
    entry_id: string | null;
    job_id: string | null;
    sale_id: string | null;
    reason: string | null;
    recorder: string | null;
  }[];
  const code = p.type === 'material' ? p.material.code : p.item.code;
  return rows.map((r) => ({
    id: r.id,
    at: r.created_at,
    productId: code,
    kind: r.kind,
    quantity: r.quantity,
    unit: r.unit,
    countedQty: r.counted_qty,
    costCents: r.cost_cents,
    entryId: r.entry_id,
    jobId: r.job_id,
    saleId: r.sale_id,
    reason: r.reason,
    recordedBy: r.recorder,
  }));
}

/** The alert level of a product, in its stock unit (null: no alert). */
export function setLowStock(store: Store, p: Product, qty: number | null): void {
  if (p.type === 'material') store.writer.update('materials', p.material.id, { low_stock_qty: qty });
  else store.writer.update('shop_items', p.item.id, { low_stock_qty: qty });
}
