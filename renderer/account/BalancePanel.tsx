// What the member owes the lab or has paid in advance (the sum of their ledger entries), with the way
// to the detail (the statement further down this screen) and to the shop.
import { useTranslation } from 'react-i18next';
import type { MemberProfile } from '../../electron/api/types';
import { EuroIcon, ListIcon } from '../components/icons';
import { balanceState } from '../ledger/amounts';
import { ShopIcon } from '../shop/ShopIcon';
import { formatMoney } from '../lib/format';
import { useKiosk } from '../state/kiosk';

export function BalancePanel({ me, statementId = 'statement' }: { me: MemberProfile; statementId?: string }) {
  const { t } = useTranslation();
  const { info, lang, navigate } = useKiosk();
  const state = balanceState(me.balanceCents);
  return (
    <section className="card account-card balance-card" aria-labelledby="balance-title" data-testid="account-balance">
      <h2 id="balance-title">
        <EuroIcon />
        {t('account.balanceTitle')}
      </h2>
      <p className="balance-state" data-testid="balance-state" data-state={state}>
        {t(`ledger.balance.${state}`)}
      </p>
      <p className={`balance ${state === 'due' ? 'is-due' : state === 'advance' ? 'is-advance' : ''}`} data-testid="balance" data-cents={me.balanceCents}>
        {formatMoney(Math.abs(me.balanceCents), info.currency, lang)}
      </p>
      <p className="muted">{state === 'due' ? t('account.balanceDue') : state === 'advance' ? t('ledger.balance.advanceNote') : t('account.balanceOk')}</p>
      <p>{t('account.jobsCount', { count: me.jobsCount })}</p>
      <div className="balance-actions">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="balance-statement"
          onClick={() => document.getElementById(statementId)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
        >
          <ListIcon />
          <span>{t('ledger.balance.seeStatement')}</span>
        </button>
        <button type="button" className="btn btn-secondary" data-testid="balance-shop" onClick={() => navigate('shop')}>
          <ShopIcon />
          <span>{t('ledger.balance.shop')}</span>
        </button>
      </div>
    </section>
  );
}
