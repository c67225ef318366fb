// The shop's basket, apart from React: how much one tap on + adds for each kind of product (a sheet, a
// quarter kilo of filament, half a metre of vinyl), never past what is on the shelf, and what the
// lines cost with the same rounding as the back end (gross, then the category's discount).
import type { ShopProduct, StockUnit } from '../../electron/api/types';

/** productId → quantity in the product's unit. */
export type Cart = ReadonlyMap<string, number>;

/** What one tap on the stepper adds, in the product's unit. */
export function stepOf(unit: StockUnit): number {
  switch (unit) {
    case 'g':
      return 250;
    case 'm':
      return 0.5;
    case 'sheet':
    case 'item':
      return 1;
  }
}

/** The product can be sold: it has a price and something on the shelf. */
export function forSale(p: ShopProduct): boolean {
  return p.priceCents !== null && p.perQuantity !== null && p.stock > 0;
}

const round = (q: number) => Math.round(q * 1000) / 1000;

/**
 * The quantity after one tap: up by a step, but no more than the stock; down by a step, to zero at
 * least. Whole units stay whole (a stock of 2.5 m sells 2.5 m; 3 sheets sell 3).
 */
export function stepQuantity(current: number, product: Pick<ShopProduct, 'unit' | 'stock'>, direction: 1 | -1): number {
  const step = stepOf(product.unit);
  const whole = product.unit === 'sheet' || product.unit === 'item';
  const stock = whole ? Math.floor(product.stock) : product.stock;
  if (direction > 0) return round(Math.min(stock, current + step));
  // Back down onto the grid of steps when the stock left the quantity off it (2.3 m → 2 m).
  const down = Math.ceil(round(current / step)) * step - step;
  return round(Math.max(0, down));
}

/** Gross of a quantity at the product's price, rounded half away from zero like the back end. */
export function grossCents(product: Pick<ShopProduct, 'priceCents' | 'perQuantity'>, quantity: number): number {
  if (product.priceCents === null || product.perQuantity === null || quantity <= 0) return 0;
  return Math.round((quantity * product.priceCents) / product.perQuantity + 1e-9);
}

export interface CartLine {
  product: ShopProduct;
  quantity: number;
  grossCents: number;
  discountCents: number;
  cents: number;
}

export interface CartSummary {
  lines: CartLine[];
  grossCents: number;
  discountCents: number;
  totalCents: number;
}

/**
 * The basket's lines in the shop's order, with a category discount (percent by product type) if the
 * screen knows it. What the back end charges is on the receipt; this is what the buyer sees before.
 */
export function summarise(products: readonly ShopProduct[], cart: Cart, discountPct: (p: ShopProduct) => number = () => 0): CartSummary {
  const lines: CartLine[] = [];
  for (const product of products) {
    const quantity = cart.get(product.id) ?? 0;
    if (quantity <= 0) continue;
    const gross = grossCents(product, quantity);
    const pct = Math.min(100, Math.max(0, discountPct(product)));
    const discount = Math.round((gross * pct) / 100);
    lines.push({ product, quantity, grossCents: gross, discountCents: discount, cents: gross - discount });
  }
  const sum = (f: (l: CartLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  return { lines, grossCents: sum((l) => l.grossCents), discountCents: sum((l) => l.discountCents), totalCents: sum((l) => l.cents) };
}

/** A cart with one product's quantity set (0 removes it). */
export function withQuantity(cart: Cart, productId: string, quantity: number): Cart {
  const next = new Map(cart);
  if (quantity > 0) next.set(productId, quantity);
  else next.delete(productId);
  return next;
}

/** The sale's lines for `shop.sell`. */
export function saleLines(cart: Cart): { productId: string; quantity: number }[] {
  return [...cart].filter(([, q]) => q > 0).map(([productId, quantity]) => ({ productId, quantity }));
}

/** Quantities the shelf no longer has (the stock moved since the basket was filled). */
export function overStock(products: readonly ShopProduct[], cart: Cart): string[] {
  return [...cart].filter(([id, q]) => {
    const p = products.find((x) => x.id === id);
    return !p || q > p.stock;
  }).map(([id]) => id);
}
