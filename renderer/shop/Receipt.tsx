// After a sale: what was bought and what it cost as the ledger wrote it (the buyer's category discount
// included), how it was paid, the member's balance now; for the desk, the products now running low.
import { useTranslation } from 'react-i18next';
import type { SaleResult } from '../../electron/api/types';
import { CheckIcon, UserIcon, WarningIcon } from '../components/icons';
import { balanceState, entryLabel, formatQuantity } from '../ledger/amounts';
import { formatDateTime, formatMoney, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { ShopIcon } from './ShopIcon';

export function Receipt({ sale, buyerName, manager, onNew, onAccount }: { sale: SaleResult; buyerName: string; manager: boolean; onNew(): void; onAccount(): void }) {
  const { t } = useTranslation();
  const { lang, info } = useKiosk();
  const money = (c: number) => formatMoney(c, info.currency, lang);
  const lines = sale.entries.filter((e) => e.kind === 'shop_sale');
  const at = sale.entries[0]?.occurredAt ?? new Date().toISOString();
  return (
    <section className="card receipt" aria-labelledby="receipt-title" data-testid="receipt" data-sale={sale.saleId}>
      <div className="receipt-head">
        <span className="receipt-check" aria-hidden="true">
          <CheckIcon size={44} />
        </span>
        <div>
          <h2 id="receipt-title">{t('shop.receiptTitle')}</h2>
          <p className="muted">
            {t('shop.receiptFor', { name: sale.visitorLabel ?? buyerName })} · {formatDateTime(at, lang)}
          </p>
        </div>
      </div>
      <table className="table receipt-table">
        <tbody>
          {lines.map((e) => (
            <tr key={e.id} data-testid="receipt-line">
              <td>{entryLabel(e, t, lang)}</td>
              <td className="num nowrap">{formatQuantity(e.quantity, e.unit, lang, t)}</td>
              <td className="num nowrap">
                {e.discountCents > 0 || e.freeCents > 0 ? <s className="muted">{money(e.grossCents)}</s> : null} {money(-e.amountCents)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('shop.total')}</th>
            <td />
            <td className="num nowrap" data-testid="receipt-total" data-cents={sale.totalCents}>
              <strong>{money(sale.totalCents)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="receipt-method" data-testid="receipt-method" data-method={sale.paymentMethod}>
        {sale.paymentMethod === 'account' ? t('shop.receiptOnAccount') : t('shop.receiptPaid', { method: t(`ledger.payment.${sale.paymentMethod}`) })}
      </p>
      {sale.balanceCents !== null ? (
        <p className={`receipt-balance ${balanceState(sale.balanceCents) === 'due' ? 'is-due' : ''}`} data-testid="receipt-balance" data-cents={sale.balanceCents}>
          {t(`shop.balanceAfter.${balanceState(sale.balanceCents)}`, { amount: money(Math.abs(sale.balanceCents)) })}
        </p>
      ) : null}
      {manager && sale.lowStock.length > 0 ? (
        <div className="dialog-warning receipt-low" data-testid="receipt-low-stock">
          <WarningIcon />
          <span>{t('shop.nowLow', { names: sale.lowStock.map((s) => pick(s.name, lang)).join(', ') })}</span>
        </div>
      ) : null}
      <div className="receipt-actions">
        <button type="button" className="btn btn-primary btn-huge" data-testid="receipt-new" onClick={onNew}>
          <ShopIcon />
          <span>{manager ? t('shop.newSale') : t('shop.buyMore')}</span>
        </button>
        {!manager && sale.memberId ? (
          <button type="button" className="btn btn-secondary btn-huge" data-testid="receipt-account" onClick={onAccount}>
            <UserIcon />
            <span>{t('shop.seeAccount')}</span>
          </button>
        ) : null}
      </div>
    </section>
  );
}
