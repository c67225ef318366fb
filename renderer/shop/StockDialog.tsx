// The three things a manager does to a shelf: goods in (a restock, with what it cost if known), an
// inventory (the level counted, the difference recorded with its reason), and the alert level.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, StockLevel } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { FormDialog } from '../ledger/FormDialog';
import { formatQuantity, parseAmount, parseDecimal } from '../ledger/amounts';
import { NumberPad } from '../ledger/NumberPad';
import { TextEntry } from '../ledger/TextEntry';
import { formatMoney, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { fromBase, toBase, typedUnit } from './stock-units';

export type StockAction = 'restock' | 'adjust' | 'threshold';

export function StockDialog({ item, action, onDone, onCancel }: { item: StockLevel; action: StockAction; onDone(level: StockLevel): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { call, lang, info } = useKiosk();
  const unit = typedUnit(item.unit);
  const [qty, setQty] = useState(action === 'adjust' ? fromBase(item.level, item.unit, lang) : action === 'threshold' && item.lowStockQty !== null ? fromBase(item.lowStockQty, item.unit, lang) : '');
  const [noAlert, setNoAlert] = useState(action === 'threshold' && item.lowStockQty === null);
  const [cost, setCost] = useState('');
  const [withCost, setWithCost] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const typed = parseDecimal(qty, unit.decimals);
  const base = typed === null ? null : toBase(typed, item.unit);
  const costCents = withCost ? parseAmount(cost) : null;
  const name = pick(item.name, lang);
  const read = (b: number | null) => (b === null ? null : formatQuantity(b, item.unit, lang, t));

  const ok =
    action === 'restock'
      ? base !== null && base > 0 && (!withCost || costCents !== null)
      : action === 'adjust'
        ? base !== null && reason.trim().length >= 3
        : noAlert || base !== null;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      let level: StockLevel;
      if (action === 'restock' && base !== null) {
        level = await call('stock.restock', { productId: item.productId, quantity: base, ...(costCents !== null ? { costCents } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) });
      } else if (action === 'adjust' && base !== null) {
        level = await call('stock.adjust', { productId: item.productId, countedQuantity: base, reason: reason.trim() });
      } else {
        level = await call('stock.setThreshold', { productId: item.productId, lowStockQty: noAlert ? null : (base ?? 0) });
      }
      onDone(level);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const unitLabel = t(`shop.stock.typed.${unit.typed}`);
  return (
    <FormDialog
      title={t(`shop.stock.${action}Title`, { name })}
      lead={t('shop.stock.levelNow', { level: read(item.level) ?? '' })}
      confirmLabel={t(`shop.stock.${action}Confirm`)}
      canConfirm={ok}
      busy={busy}
      error={error}
      testId={`stock-${action}-dialog`}
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <div className="form-columns">
        <div className="form-stack">
          {action === 'threshold' ? (
            <button type="button" className="chip" aria-pressed={noAlert} data-testid="stock-no-alert" onClick={() => setNoAlert((n) => !n)}>
              {t('shop.stock.noAlert')}
            </button>
          ) : null}
          {!noAlert ? (
            <NumberPad
              value={qty}
              onChange={setQty}
              label={t(`shop.stock.${action}Quantity`, { unit: unitLabel })}
              reading={read(base)}
              decimals={unit.decimals}
              testId="stock-quantity"
            />
          ) : null}
          {action === 'adjust' && base !== null ? (
            <p className="stock-difference" data-testid="stock-difference">
              {t('shop.stock.difference', { diff: `${base - item.level >= 0 ? '+' : '−'}${read(Math.abs(base - item.level))}` })}
            </p>
          ) : null}
        </div>
        {action !== 'threshold' ? (
          <div className="form-stack">
            {action === 'restock' ? (
              withCost ? (
                <NumberPad value={cost} onChange={setCost} label={t('shop.stock.cost')} reading={costCents !== null ? formatMoney(costCents, info.currency, lang) : null} testId="stock-cost" />
              ) : (
                <button type="button" className="btn btn-secondary" data-testid="stock-with-cost" onClick={() => setWithCost(true)}>
                  {t('shop.stock.addCost')}
                </button>
              )
            ) : null}
            <TextEntry
              label={action === 'adjust' ? t('shop.stock.reasonRequired') : t('shop.stock.reasonOptional')}
              value={reason}
              onChange={setReason}
              maxLength={300}
              testId="stock-reason"
              keyboardOpen={action === 'adjust'}
            />
          </div>
        ) : null}
      </div>
    </FormDialog>
  );
}
