// One product on the shelf: its picture, name, price in the unit people buy in, what is left, and the
// − quantity + stepper. Out of stock (or without a price): shown, greyed, not for sale.
import { useTranslation } from 'react-i18next';
import type { ShopProduct } from '../../electron/api/types';
import { formatQuantity, formatUnitPrice } from '../ledger/amounts';
import { Stepper } from '../ledger/Stepper';
import { formatMoney, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { forSale, grossCents, stepQuantity } from './cart';
import { ProductPicture } from './ProductPicture';

export function ProductTile({
  product: p,
  quantity,
  canBuy,
  discountPct,
  onChange,
}: {
  product: ShopProduct;
  quantity: number;
  /** Someone may buy here (signed in, buyer chosen). */
  canBuy: boolean;
  discountPct: number;
  onChange(quantity: number): void;
}) {
  const { t } = useTranslation();
  const { lang, info } = useKiosk();
  const sale = forSale(p);
  const price = formatUnitPrice(p.priceCents, p.perQuantity, p.unit, info.currency, lang, t);
  const reduced = discountPct > 0 && p.priceCents !== null ? formatUnitPrice(Math.round((p.priceCents * (100 - discountPct)) / 100), p.perQuantity, p.unit, info.currency, lang, t) : null;
  const stockState = p.stock <= 0 ? 'out' : p.lowStock ? 'low' : 'ok';
  const name = pick(p.name, lang);
  return (
    <article className={`card product-tile ${sale ? '' : 'is-out'} ${quantity > 0 ? 'is-chosen' : ''}`} data-testid="product" data-code={p.id} data-stock={p.stock} data-state={stockState}>
      <div className="product-picture">
        <ProductPicture product={p} />
        {stockState === 'out' ? <span className="product-badge product-badge-out">{t('shop.outOfStock')}</span> : stockState === 'low' ? <span className="product-badge product-badge-low">{t('shop.lowStock')}</span> : null}
      </div>
      <div className="product-body">
        <h3 className="product-name">{name}</h3>
        <p className="product-price" data-testid="product-price">
          {reduced ? (
            <>
              <s className="muted">{price}</s> <strong>{reduced}</strong>
            </>
          ) : (
            <strong>{price ?? t('shop.noPrice')}</strong>
          )}
        </p>
        <p className="product-stock muted" data-testid="product-stock">
          {p.stock > 0 ? t('shop.inStock', { quantity: formatQuantity(p.stock, p.unit, lang, t) }) : t('shop.noneLeft')}
        </p>
        {canBuy ? (
          <Stepper
            value={quantity > 0 ? formatQuantity(quantity, p.unit, lang, t) : '0'}
            label={t('shop.quantityOf', { name })}
            lessLabel={t('shop.less', { name })}
            moreLabel={t('shop.more', { name })}
            canLess={quantity > 0}
            canMore={sale && quantity < p.stock}
            onLess={() => onChange(stepQuantity(quantity, p, -1))}
            onMore={() => onChange(stepQuantity(quantity, p, 1))}
            testId="product-qty"
          />
        ) : null}
        {quantity > 0 ? (
          <p className="product-line-total" data-testid="product-line-total">
            {formatMoney(grossCents(p, quantity) - Math.round((grossCents(p, quantity) * discountPct) / 100), info.currency, lang)}
          </p>
        ) : null}
      </div>
    </article>
  );
}
