// What the member owes or has in advance, and how much they used the machines. The detail of each
// line comes with the ledger; until then the balance is what the back end says (often zero).
import { useTranslation } from 'react-i18next';
import type { MemberProfile } from '../../electron/api/types';
import { EuroIcon } from '../components/icons';
import { formatMoney } from '../lib/format';
import { useKiosk } from '../state/kiosk';

export function BalancePanel({ me }: { me: MemberProfile }) {
  const { t } = useTranslation();
  const { info, lang } = useKiosk();
  return (
    <section className="card account-card balance-card" aria-labelledby="balance-title" data-testid="account-balance">
      <h2 id="balance-title">
        <EuroIcon />
        {t('account.balanceTitle')}
      </h2>
      <p className={`balance ${me.balanceCents < 0 ? 'is-due' : ''}`} data-testid="balance" data-cents={me.balanceCents}>
        {formatMoney(me.balanceCents, info.currency, lang)}
      </p>
      <p className="muted">{me.balanceCents < 0 ? t('account.balanceDue') : t('account.balanceOk')}</p>
      <p>{t('account.jobsCount', { count: me.jobsCount })}</p>
      <p className="muted small-note">{t('account.ledgerSoon')}</p>
    </section>
  );
}
