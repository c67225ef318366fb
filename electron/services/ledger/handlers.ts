// The ledger, shop, stock and pricing procedures, wired to their services. Role minimums are the
// contract's; whose account it is (one's own, or someone else's) is checked here and in the services.
import type { Caller, Handlers } from '../../api/dispatcher';
import { DomainError } from '../../api/errors';
import { roleAtLeast } from '../../api/roles';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { listEntries } from './entries';
import type { Ledger } from './ledger';
import { quoteJob } from './quote';
import { saveShopItem } from './shop-items';
import { sell, shopProducts } from './shop';
import { correctEntry } from './sources/corrections';
import { declareJobMaterial } from './sources/job-material';
import { logManual } from './sources/manual';
import { recordPayment } from './sources/payments';
import { subscribe } from './sources/subscriptions';
import { levelView, listLevels, moveStock, movementViews, productUnit, requireProduct, setLowStock, stockLevel } from './stock';

export interface LedgerHandlerDeps {
  store: Store;
  audit: AuditLog;
  ledger: Ledger;
  now: () => Date;
}

function self(caller: Caller): string {
  if (!caller.memberId) throw new DomainError('unauthenticated');
  return caller.memberId;
}

export function ledgerHandlers(d: LedgerHandlerDeps) {
  const { store, audit, ledger, now } = d;
  const wholeUnits = (productId: string, quantity: number) => {
    const unit = productUnit(requireProduct(store.db, productId));
    if ((unit === 'sheet' || unit === 'item') && !Number.isInteger(quantity)) throw new DomainError('invalid_input', { field: 'quantity' });
  };

  return {
    'ledger.quote': ({ memberId, ...req }, caller) => {
      const who = memberId ?? self(caller);
      if (who !== caller.memberId && !roleAtLeast(caller.role, 'trainer')) throw new DomainError('forbidden');
      return quoteJob(store, who, req, now());
    },
    'ledger.mine': (filter, caller) => listEntries(store.db, { ...filter, memberId: self(caller) }),
    'ledger.list': (filter) => listEntries(store.db, filter),
    'ledger.logManual': (input, caller) => logManual(store, audit, input, caller, now()),
    'ledger.declareJobMaterial': (input, caller) => declareJobMaterial(store, input, caller),
    'ledger.correct': (input, caller) => correctEntry(store, audit, input, caller, now()),
    'ledger.recordPayment': (input, caller) => recordPayment(store, audit, input, caller, now()),

    'shop.products': () => shopProducts(store, now()),
    'shop.sell': (input, caller) => sell(store, audit, input, caller, now()),
    'shop.saveItem': (input, caller) => saveShopItem(store, audit, ledger.pricing, input, caller, now()),

    'stock.list': ({ lowOnly }) => listLevels(store.db, lowOnly),
    'stock.movements': ({ productId, limit }) => movementViews(store.db, requireProduct(store.db, productId), limit),
    'stock.restock': ({ productId, quantity, costCents, reason }, caller) => {
      wholeUnits(productId, quantity);
      const p = requireProduct(store.db, productId);
      store.writer.transaction(() => {
        const id = moveStock(store, p, { kind: 'restock', quantity, costCents: costCents ?? null, reason: reason || null, recordedBy: caller.memberId });
        audit.record(caller.memberId, 'stock.restock', id, { product: productId, quantity, costCents: costCents ?? null });
      });
      return levelView(store.db, requireProduct(store.db, productId));
    },
    'stock.adjust': ({ productId, countedQuantity, reason }, caller) => {
      wholeUnits(productId, countedQuantity);
      const p = requireProduct(store.db, productId);
      store.writer.transaction(() => {
        const before = stockLevel(store.db, p);
        const id = moveStock(store, p, { kind: 'inventory', quantity: countedQuantity - before, countedQty: countedQuantity, reason, recordedBy: caller.memberId });
        audit.record(caller.memberId, 'stock.inventory', id, { product: productId, before, counted: countedQuantity, reason });
      });
      return levelView(store.db, requireProduct(store.db, productId));
    },
    'stock.setThreshold': ({ productId, lowStockQty }, caller) => {
      const p = requireProduct(store.db, productId);
      store.writer.transaction(() => {
        setLowStock(store, p, lowStockQty);
        audit.record(caller.memberId, 'stock.threshold', productId, { lowStockQty });
      });
      return levelView(store.db, requireProduct(store.db, productId));
    },

    'pricing.grid': ({ at, history }) => ledger.pricing.grid(at ? new Date(at) : now(), history),
    'pricing.update': (change, caller) => ledger.pricing.update(change, caller),
    'plans.subscribe': (input, caller) => subscribe(store, audit, input, caller, now()),
  } satisfies Partial<Handlers>;
}
