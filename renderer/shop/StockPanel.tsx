// The shelves for the fabmanager: every product's level against its alert level (low ones first and
// highlighted), goods in, inventories, alert levels, and each product's movements (sales, jobs,
// hand-logged uses, restocks, inventories).
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockLevel } from '../../electron/api/types';
import { ListIcon, PencilIcon, PlusIcon, RefreshIcon, WarningIcon } from '../components/icons';
import { formatQuantity } from '../ledger/amounts';
import { formatDateTime, formatMoney, formatTime, pick } from '../lib/format';
import { ErrorLine } from '../manage/ErrorLine';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { ProductPicture } from './ProductPicture';
import { StockDialog, type StockAction } from './StockDialog';
import '../styles/ledger.css';

function Movements({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const { call, lang, info } = useKiosk();
  const { state } = useLoad(() => call('stock.movements', { productId, limit: 50 }), [call, productId]);
  if (state.phase === 'failed') return <ErrorLine error={state.error} lang={lang} />;
  if (state.phase === 'loading') return <p className="muted">{t('manage.loading')}</p>;
  return (
    <table className="table stock-movements" data-testid="stock-movements">
      <thead>
        <tr>
          <th scope="col">{t('ledger.col.date')}</th>
          <th scope="col">{t('shop.stock.movement')}</th>
          <th scope="col" className="num">
            {t('ledger.col.quantity')}
          </th>
          <th scope="col">{t('shop.stock.by')}</th>
          <th scope="col">{t('shop.stock.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {state.value.map((m) => (
          <tr key={m.id} data-testid="stock-movement" data-kind={m.kind}>
            <td className="nowrap">{formatDateTime(m.at, lang)}</td>
            <td>{t(`shop.stock.kind.${m.kind}`)}</td>
            <td className={`num nowrap amount ${m.quantity < 0 ? 'is-charge' : 'is-payment'}`}>
              {m.quantity > 0 ? '+' : m.quantity < 0 ? '−' : ''}
              {formatQuantity(Math.abs(m.quantity), m.unit, lang, t)}
            </td>
            <td>{m.recordedBy ?? '—'}</td>
            <td>
              {m.reason ?? ''}
              {m.costCents !== null ? <span className="muted"> · {formatMoney(m.costCents, info.currency, lang)}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StockPanel({ version, onChanged }: { version: number; onChanged(): void }) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const { state, reload } = useLoad(() => call('stock.list', { lowOnly: false }), [call, version]);
  // The kind of each product (filament, sheet…) for its picture: the stock levels do not carry it.
  const products = useLoad(() => call('shop.products', {}), [call]);
  const kindOf = (s: StockLevel) => (products.state.phase === 'ready' ? products.state.value.find((p) => p.id === s.productId)?.kind : undefined) ?? (s.type === 'item' ? 'item' : '');
  const [action, setAction] = useState<{ item: StockLevel; action: StockAction } | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const rows = state.phase === 'ready' ? [...state.value].sort((a, b) => Number(b.low) - Number(a.low) || pick(a.name, lang).localeCompare(pick(b.name, lang), lang)) : [];

  return (
    <section className="card table-card" aria-labelledby="stock-title" data-testid="stock-panel">
      <div className="table-head">
        <div>
          <h2 id="stock-title">{t('shop.stock.title')}</h2>
          <p className="muted">{t('shop.stock.lead')}</p>
        </div>
        <button type="button" className="btn btn-secondary" onClick={reload}>
          <RefreshIcon />
          <span>{t('manage.refresh')}</span>
        </button>
      </div>
      {state.phase === 'failed' ? <ErrorLine error={state.error} lang={lang} /> : null}
      <div className="table-wrap">
        <table className="table stock-table" data-testid="stock-table">
          <thead>
            <tr>
              <th scope="col">{t('shop.stock.product')}</th>
              <th scope="col" className="num">
                {t('shop.stock.level')}
              </th>
              <th scope="col" className="num">
                {t('shop.stock.alertLevel')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('shop.stock.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <Fragment key={s.productId}>
                <tr className={s.low ? 'is-low' : ''} data-testid="stock-row" data-code={s.productId} data-level={s.level} data-low={s.low}>
                  <th scope="row">
                    <span className="stock-product">
                      <span className="stock-thumb">
                        <ProductPicture product={{ id: s.productId, type: s.type, kind: kindOf(s) }} />
                      </span>
                      <span className="stock-name">
                        <span>{pick(s.name, lang)}</span>
                        {s.low ? (
                          <span className="pill pill-alarm">
                            <WarningIcon size={18} /> {t('shop.stock.low')}
                          </span>
                        ) : s.lastMovementAt ? (
                          <span className="muted stock-last">{t('shop.stock.lastMoveAt', { time: formatTime(s.lastMovementAt, lang) })}</span>
                        ) : null}
                      </span>
                    </span>
                  </th>
                  <td className="num nowrap stock-level" data-testid="stock-level">
                    {formatQuantity(s.level, s.unit, lang, t)}
                  </td>
                  <td className="num">
                    <button type="button" className="btn btn-secondary threshold-btn" data-testid="stock-threshold" aria-label={t('shop.stock.thresholdOf', { name: pick(s.name, lang) })} onClick={() => setAction({ item: s, action: 'threshold' })}>
                      <WarningIcon />
                      <span>{s.lowStockQty === null ? t('shop.stock.noAlert') : formatQuantity(s.lowStockQty, s.unit, lang, t)}</span>
                    </button>
                  </td>
                  <td>
                    <span className="row-actions">
                      <button type="button" className="btn btn-primary" data-testid="stock-restock" onClick={() => setAction({ item: s, action: 'restock' })}>
                        <PlusIcon />
                        <span>{t('shop.stock.restock')}</span>
                      </button>
                      <button type="button" className="btn btn-secondary" data-testid="stock-adjust" onClick={() => setAction({ item: s, action: 'adjust' })}>
                        <PencilIcon />
                        <span>{t('shop.stock.adjust')}</span>
                      </button>
                      <button type="button" className="btn btn-secondary btn-square" aria-pressed={open === s.productId} aria-label={t('shop.stock.history', { name: pick(s.name, lang) })} data-testid="stock-history" onClick={() => setOpen((o) => (o === s.productId ? null : s.productId))}>
                        <ListIcon />
                      </button>
                    </span>
                  </td>
                </tr>
                {open === s.productId ? (
                  <tr className="stock-history-row">
                    <td colSpan={4}>
                      <Movements productId={s.productId} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {action ? (
        <StockDialog
          item={action.item}
          action={action.action}
          onCancel={() => setAction(null)}
          onDone={() => {
            setAction(null);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
