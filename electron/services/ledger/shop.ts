// The shop counter: the consumables (the lab's materials) and a few other items, sold to a member or to
// an anonymous visitor. Each line is a charge and takes its quantity off the shelf; a sale paid at the
// counter also records the payment, so the member's balance does not move; on account, it does.
import type { Caller } from '../../api/dispatcher';
import { DomainError } from '../../api/errors';
import type { SalePaymentMethod, SaleResult, ShopProduct } from '../../api/models';
import { roleAtLeast } from '../../api/roles';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { entryView, insertCharge, insertPayment, memberBalance } from './entries';
import { ruleAt, ruleKeys } from './grid';
import { saleLine } from './lines';
import { memberPayer, visitorPayer } from './refs';
import { refused } from './refused';
import { allProducts, levelView, moveStock, productUnit, requireProduct, stockLevel, type Product } from './stock';
import { roundQuantity } from './units';

export function productRule(store: Store, p: Product, at: string) {
  return ruleAt(store.db, p.type === 'material' ? ruleKeys.material(p.material.id) : ruleKeys.shopItem(p.item.id), at);
}

/** Materials and active items (all items for a manager's screen). */
export function shopProducts(store: Store, now: Date, includeInactive = false): ShopProduct[] {
  const at = now.toISOString();
  return allProducts(store.db, !includeInactive).map((p) => {
    const rule = productRule(store, p, at);
    const level = levelView(store.db, p);
    return {
      id: level.productId,
      type: p.type,
      kind: p.type === 'material' ? p.material.kind : 'item',
      name: level.name,
      unit: level.unit,
      priceCents: rule?.price_cents ?? null,
      perQuantity: rule?.per_quantity ?? null,
      stock: level.level,
      lowStock: level.low,
    };
  });
}

export interface Sale {
  memberId?: string | undefined;
  /** An anonymous buyer (managers only): how the counter names them. */
  visitorLabel?: string | undefined;
  lines: { productId: string; quantity: number }[];
  paymentMethod: SalePaymentMethod;
}

export function sell(store: Store, audit: AuditLog, sale: Sale, caller: Caller, now: Date): SaleResult {
  if (!caller.memberId) throw new DomainError('unauthenticated');
  const manager = roleAtLeast(caller.role, 'manager');
  if (sale.memberId !== undefined && sale.visitorLabel !== undefined) throw new DomainError('invalid_input', { field: 'visitorLabel' });
  if (!manager) {
    if (sale.visitorLabel !== undefined || (sale.memberId !== undefined && sale.memberId !== caller.memberId)) throw new DomainError('forbidden');
    if (sale.paymentMethod !== 'account') throw refused('account_only');
  }
  if (sale.visitorLabel !== undefined && sale.paymentMethod === 'account') throw refused('account_needs_member');
  const payer = sale.visitorLabel !== undefined ? visitorPayer(sale.visitorLabel) : memberPayer(store.db, sale.memberId ?? caller.memberId);
  const at = now.toISOString();
  // One line per product, quantities added up.
  const wanted = new Map<string, { product: Product; quantity: number }>();
  for (const l of sale.lines) {
    const product = requireProduct(store.db, l.productId);
    if (product.type === 'item' && product.item.active !== 1) throw refused('not_for_sale', { product: product.item.code });
    const unit = productUnit(product);
    const key = product.type === 'material' ? product.material.id : product.item.id;
    if ((unit === 'sheet' || unit === 'item') && !Number.isInteger(l.quantity)) throw new DomainError('invalid_input', { field: 'quantity' });
    const quantity = roundQuantity((wanted.get(key)?.quantity ?? 0) + l.quantity, unit);
    if (!productRule(store, product, at)) throw refused('not_for_sale', { product: l.productId });
    wanted.set(key, { product, quantity });
  }
  const result = store.writer.transaction(() => {
    for (const { product, quantity } of wanted.values()) {
      const available = stockLevel(store.db, product);
      if (available < quantity) {
        throw new DomainError('insufficient_stock', {
          product: product.type === 'material' ? product.material.code : product.item.code,
          available,
          unit: productUnit(product),
        });
      }
    }
    const c = { db: store.db, payer, at };
    const priced = [...wanted.values()].map((w) => ({ ...w, line: saleLine(c, w.product.type === 'material' ? { material: w.product.material } : { item: w.product.item }, w.quantity) }));
    const totalCents = priced.reduce((s, p) => s + p.line.chargeCents, 0);
    const saleId = store.writer.insert('shop_sales', {
      member_id: payer.memberId,
      visitor_label: payer.visitorLabel,
      payment_method: sale.paymentMethod,
      total_cents: totalCents,
      sold_by: caller.memberId,
    });
    const ids: string[] = [];
    for (const p of priced) {
      const refs = p.product.type === 'material' ? { materialId: p.product.material.id, saleId } : { shopItemId: p.product.item.id, saleId };
      const entryId = insertCharge(store, { occurredAt: at, source: 'shop', payer, refs, line: p.line, paymentMethod: sale.paymentMethod, recordedBy: caller.memberId });
      ids.push(entryId);
      moveStock(store, p.product, { kind: 'sale', quantity: -p.line.quantity, entryId, saleId, recordedBy: caller.memberId });
    }
    if (sale.paymentMethod !== 'account' && totalCents > 0) {
      ids.push(insertPayment(store, { occurredAt: at, source: 'shop', payer, refs: { saleId }, amountCents: totalCents, paymentMethod: sale.paymentMethod, recordedBy: caller.memberId }));
    }
    audit.record(caller.memberId, 'shop.sell', saleId, {
      member: payer.memberId,
      visitor: payer.visitorLabel,
      method: sale.paymentMethod,
      totalCents,
      lines: priced.map((p) => ({ product: p.line.labelParams.code ?? '', quantity: p.quantity, chargeCents: p.line.chargeCents })),
    });
    return { saleId, ids, totalCents };
  });
  const lowStock = [...wanted.values()].map((w) => levelView(store.db, w.product)).filter((l) => l.low);
  return {
    saleId: result.saleId,
    memberId: payer.memberId,
    visitorLabel: payer.visitorLabel,
    paymentMethod: sale.paymentMethod,
    totalCents: result.totalCents,
    entries: result.ids.map((id) => entryView(store.db, id)!),
    balanceCents: payer.memberId ? memberBalance(store.db, payer.memberId) : null,
    lowStock,
  };
}
