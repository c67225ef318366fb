// The shop ("boutique"): the lab's consumables and a few parts, sold at cost. A member buys for
// themself, on their account (paid later at the desk); a fabmanager at the desk sells to any member
// or to a visitor without an account, paid in cash, by card, by cheque or on account. Visitors see the
// shelf and the prices. Stock is shown; what is out of stock cannot be chosen.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MemberSummary, PricingGrid, SalePaymentMethod, SaleResult, ShopProduct } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CheckIcon, SignInIcon, TrashIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { formatQuantity } from '../ledger/amounts';
import { MemberPicker } from '../ledger/MemberPicker';
import { TextEntry } from '../ledger/TextEntry';
import { formatMoney, pick } from '../lib/format';
import { ErrorLine } from '../manage/ErrorLine';
import { discountPct } from '../pricing/grid';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { overStock, saleLines, summarise, withQuantity, type Cart } from './cart';
import { ProductTile } from './ProductTile';
import { Receipt } from './Receipt';
import { ShopIcon } from './ShopIcon';
import '../styles/ledger.css';

const counterMethods: readonly SalePaymentMethod[] = ['cash', 'card', 'cheque', 'account'];
const kindOrder = ['sheet', 'filament', 'vinyl', 'thermoforming', 'item'];

export function ShopScreen() {
  const { t } = useTranslation();
  const { call, member, lang, info, navigate } = useKiosk();
  const manager = member?.role === 'manager';
  const products = useLoad(() => call('shop.products', {}), [call]);
  const [cart, setCart] = useState<Cart>(new Map());
  const [buyerMode, setBuyerMode] = useState<'member' | 'visitor'>('member');
  const [buyer, setBuyer] = useState<MemberSummary | null>(null);
  const [visitorLabel, setVisitorLabel] = useState('');
  const [method, setMethod] = useState<SalePaymentMethod>(manager ? 'cash' : 'account');
  const [grid, setGrid] = useState<PricingGrid | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [receipt, setReceipt] = useState<SaleResult | null>(null);

  // A manager's screen knows the grid, so the basket shows the buyer's category discount.
  useEffect(() => {
    if (!manager) return;
    let live = true;
    call('pricing.grid', {})
      .then((g) => live && setGrid(g))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [call, manager]);

  const list = useMemo(() => {
    const all = products.state.phase === 'ready' ? products.state.value : [];
    const rank = (p: ShopProduct) => {
      const i = kindOrder.indexOf(p.type === 'item' ? 'item' : p.kind);
      return i < 0 ? kindOrder.length : i;
    };
    return [...all].sort((a, b) => rank(a) - rank(b) || pick(a.name, lang).localeCompare(pick(b.name, lang), lang));
  }, [products.state, lang]);

  const visitorSale = manager && buyerMode === 'visitor';
  const buyerCategory = manager ? (buyerMode === 'member' ? (buyer?.profileCategory ?? null) : null) : (member?.profileCategory ?? null);
  const discountOf = (p: ShopProduct) => (grid ? discountPct(grid, buyerCategory, p.type === 'material' ? 'material' : 'shop_item') : 0);
  const summary = summarise(list, cart, discountOf);
  const effectiveMethod: SalePaymentMethod = manager ? (visitorSale && method === 'account' ? 'cash' : method) : 'account';
  const buyerReady = !member ? false : manager ? (buyerMode === 'member' ? buyer !== null : true) : true;
  const tooMuch = overStock(list, cart);
  const canSell = buyerReady && summary.lines.length > 0 && tooMuch.length === 0;
  const money = (c: number) => formatMoney(c, info.currency, lang);
  const buyerName = manager ? (buyerMode === 'member' ? (buyer?.displayName ?? '') : visitorLabel.trim() || t('shop.visitorDefault')) : (member?.displayName ?? '');

  const sell = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await call('shop.sell', {
        ...(manager && buyerMode === 'member' && buyer ? { memberId: buyer.id } : {}),
        ...(visitorSale ? { visitorLabel: visitorLabel.trim() || t('shop.visitorDefault') } : {}),
        lines: saleLines(cart),
        paymentMethod: effectiveMethod,
      });
      setReceipt(result);
      setCart(new Map());
      setConfirming(false);
      products.reload();
    } catch (err) {
      setError(toApiError(err));
      setConfirming(false);
      // The shelf may have changed under the basket: read it again.
      products.reload();
    } finally {
      setBusy(false);
    }
  };

  const newSale = () => {
    setReceipt(null);
    setError(null);
    if (manager) {
      setBuyer(null);
      setVisitorLabel('');
    }
  };

  return (
    <div className="screen screen-shop" data-testid="screen-shop">
      <div className="shop-head">
        <h1 className="screen-title">
          <ShopIcon size={40} /> {t('shop.title')}
        </h1>
        <p className="screen-lead">{manager ? t('shop.leadManager') : member ? t('shop.leadMember') : t('shop.leadVisitor')}</p>
      </div>
      {products.state.phase === 'loading' ? <Progress label={t('shop.loading')} fraction={null} lang={lang} /> : null}
      {products.state.phase === 'failed' ? <ErrorLine error={products.state.error} lang={lang} /> : null}

      {receipt ? (
        <Receipt sale={receipt} buyerName={buyerName} manager={manager} onNew={newSale} onAccount={() => navigate('account')} />
      ) : (
        <div className="shop-layout">
          <div className="shop-shelf" role="list" aria-label={t('shop.shelf')}>
            {list.map((p) => (
              <div role="listitem" key={p.id}>
                <ProductTile product={p} quantity={cart.get(p.id) ?? 0} canBuy={member !== null} discountPct={discountOf(p)} onChange={(q) => setCart((c) => withQuantity(c, p.id, q))} />
              </div>
            ))}
          </div>

          <aside className="card shop-basket" aria-labelledby="basket-title" data-testid="basket">
            <h2 id="basket-title">
              <ShopIcon /> {t('shop.basket')}
            </h2>
            {!member ? (
              <div className="shop-signin">
                <p>{t('shop.signInToBuy')}</p>
                <button type="button" className="btn btn-primary" data-testid="shop-signin" onClick={() => navigate('signin')}>
                  <SignInIcon />
                  <span>{t('nav.signIn')}</span>
                </button>
              </div>
            ) : null}

            {manager ? (
              <div className="basket-section">
                <span className="field-label">{t('shop.buyer')}</span>
                <div className="segmented" role="group" aria-label={t('shop.buyer')}>
                  <button type="button" aria-pressed={buyerMode === 'member'} data-testid="buyer-member" onClick={() => setBuyerMode('member')}>
                    {t('shop.buyerMember')}
                  </button>
                  <button type="button" aria-pressed={buyerMode === 'visitor'} data-testid="buyer-visitor" onClick={() => setBuyerMode('visitor')}>
                    {t('shop.buyerVisitor')}
                  </button>
                </div>
                {buyerMode === 'member' ? (
                  <MemberPicker value={buyer} onChange={setBuyer} label={t('ledger.member.search')} testId="buyer-picker" />
                ) : (
                  <TextEntry label={t('shop.visitorName')} value={visitorLabel} onChange={setVisitorLabel} maxLength={80} layout="name" placeholder={t('shop.visitorDefault')} testId="buyer-visitor-name" />
                )}
              </div>
            ) : member ? (
              <p className="basket-buyer" data-testid="basket-buyer">
                {t('shop.forYou', { name: member.displayName })}
              </p>
            ) : null}

            {summary.lines.length === 0 ? (
              <p className="muted basket-empty" data-testid="basket-empty">
                {member ? t('shop.basketEmpty') : t('shop.basketVisitor')}
              </p>
            ) : (
              <ul className="basket-lines">
                {summary.lines.map((l) => (
                  <li key={l.product.id} data-testid="basket-line" data-code={l.product.id}>
                    <span className="basket-line-name">
                      <strong>{formatQuantity(l.quantity, l.product.unit, lang, t)}</strong> {pick(l.product.name, lang)}
                      {tooMuch.includes(l.product.id) ? <span className="pill pill-alarm">{t('shop.moreThanStock')}</span> : null}
                    </span>
                    <span className="basket-line-amount">{money(l.cents)}</span>
                    <button type="button" className="btn btn-secondary btn-square" aria-label={t('shop.remove', { name: pick(l.product.name, lang) })} onClick={() => setCart((c) => withQuantity(c, l.product.id, 0))}>
                      <TrashIcon />
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {summary.discountCents > 0 ? (
              <p className="basket-discount" data-testid="basket-discount">
                {t('shop.discountIncluded', { amount: money(summary.discountCents) })}
              </p>
            ) : null}
            <p className="basket-total" data-testid="basket-total" data-cents={summary.totalCents}>
              <span>{t('shop.total')}</span>
              <strong>{money(summary.totalCents)}</strong>
            </p>

            {member ? (
              <div className="basket-section">
                <span className="field-label">{t('shop.payment')}</span>
                {manager ? (
                  <div className="chips" role="group" aria-label={t('shop.payment')}>
                    {counterMethods.map((m) => (
                      <button key={m} type="button" className="chip" aria-pressed={effectiveMethod === m} data-testid={`pay-${m}`} disabled={m === 'account' && visitorSale} onClick={() => setMethod(m)}>
                        {t(`ledger.payment.${m}`)}
                      </button>
                    ))}
                  </div>
                ) : (
                  <p className="basket-account" data-testid="pay-account-only">
                    {t('shop.onAccountOnly')}
                  </p>
                )}
              </div>
            ) : null}
            {error ? <ErrorLine error={error} lang={lang} /> : null}
            {member ? (
              <button type="button" className="btn btn-primary btn-huge basket-confirm" data-testid="basket-confirm" disabled={!canSell} onClick={() => setConfirming(true)}>
                <CheckIcon />
                <span>{manager ? t('shop.sell') : t('shop.buy')}</span>
              </button>
            ) : null}
            {member && !buyerReady ? <p className="muted small-note">{t('shop.pickBuyer')}</p> : null}
          </aside>
        </div>
      )}

      {confirming ? (
        <ConfirmDialog
          title={manager ? t('shop.confirmSellTitle') : t('shop.confirmBuyTitle')}
          confirmLabel={t('shop.confirm')}
          cancelLabel={t('ledger.ui.back')}
          confirmIcon={<CheckIcon />}
          busy={busy}
          testId="shop-confirm"
          onConfirm={() => void sell()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('shop.confirmWho', { name: buyerName })}</p>
          <ul className="confirm-lines">
            {summary.lines.map((l) => (
              <li key={l.product.id}>
                <span>
                  {formatQuantity(l.quantity, l.product.unit, lang, t)} · {pick(l.product.name, lang)}
                </span>
                <strong>{money(l.cents)}</strong>
              </li>
            ))}
          </ul>
          <p className="confirm-total">
            {t('shop.confirmTotal', { amount: money(summary.totalCents), method: t(`ledger.payment.${effectiveMethod}`) })}
          </p>
          {effectiveMethod === 'account' ? <p className="muted">{t('shop.confirmAccountNote')}</p> : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
