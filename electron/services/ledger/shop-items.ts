// The shop's other items (a board, a kit, a spare nozzle): created and edited by a manager, priced in
// the grid like everything else (a new price is a new version), stocked by the piece.
import type { Caller } from '../../api/dispatcher';
import { DomainError } from '../../api/errors';
import type { Localized, ShopProduct } from '../../api/models';
import type { Store } from '../../store';
import type { RowValues } from '../../store/rows';
import type { AuditLog } from '../audit';
import type { Pricing } from './pricing';
import { materialRef, shopItemRef } from './refs';
import { refused } from './refused';
import { shopProducts } from './shop';

export interface ShopItemEdit {
  code: string;
  name?: Localized | undefined;
  priceCents?: number | undefined;
  lowStockQty?: number | null | undefined;
  active?: boolean | undefined;
}

export function saveShopItem(store: Store, audit: AuditLog, pricing: Pricing, edit: ShopItemEdit, caller: Caller, now: Date): ShopProduct {
  // Materials and items share the shop's product codes.
  if (materialRef(store.db, edit.code)) throw refused('code_taken', { code: edit.code });
  store.writer.transaction(() => {
    const existing = shopItemRef(store.db, edit.code);
    let id: string;
    if (!existing) {
      if (!edit.name) throw new DomainError('invalid_input', { field: 'name' });
      id = store.writer.insert('shop_items', {
        code: edit.code,
        name_fr: edit.name.fr,
        name_en: edit.name.en,
        unit: 'item',
        low_stock_qty: edit.lowStockQty ?? null,
        active: edit.active === false ? 0 : 1,
      });
    } else {
      id = existing.id;
      const patch: RowValues = {};
      if (edit.name) {
        patch.name_fr = edit.name.fr;
        patch.name_en = edit.name.en;
      }
      if (edit.lowStockQty !== undefined) patch.low_stock_qty = edit.lowStockQty;
      if (edit.active !== undefined) patch.active = edit.active ? 1 : 0;
      if (Object.keys(patch).length > 0) store.writer.update('shop_items', id, patch);
    }
    audit.record(caller.memberId, existing ? 'shop.item_update' : 'shop.item_create', id, { code: edit.code, name: edit.name ?? null, lowStockQty: edit.lowStockQty ?? null, active: edit.active ?? null });
    if (edit.priceCents !== undefined) pricing.update({ kind: 'shop_item', itemId: id, priceCents: edit.priceCents }, caller);
  });
  return shopProducts(store, now, true).find((p) => p.id === edit.code)!;
}
