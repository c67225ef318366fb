// At the top of the manager's screen: the products at or under their alert level, so a restock is not
// forgotten. A tap opens the stock.
import { useTranslation } from 'react-i18next';
import { WarningIcon } from '../components/icons';
import { formatQuantity } from '../ledger/amounts';
import { pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';

export function LowStockAlert({ version, onOpen }: { version: number; onOpen(): void }) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const { state } = useLoad(() => call('stock.list', { lowOnly: true }), [call, version]);
  if (state.phase !== 'ready' || state.value.length === 0) return null;
  const low = state.value;
  return (
    <div className="low-stock-alert" role="alert" data-testid="low-stock-alert" data-count={low.length}>
      <WarningIcon size={36} />
      <div className="low-stock-text">
        <strong>{t('shop.stock.alertTitle', { count: low.length })}</strong>
        <ul>
          {low.map((s) => (
            <li key={s.productId} data-testid="low-stock-item" data-code={s.productId}>
              {t('shop.stock.alertItem', { name: pick(s.name, lang), level: formatQuantity(s.level, s.unit, lang, t) })}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn btn-primary" data-testid="low-stock-open" onClick={onOpen}>
        {t('shop.stock.alertOpen')}
      </button>
    </div>
  );
}
