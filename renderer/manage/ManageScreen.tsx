// For fabmanagers: members (search, edit), the accounts (ledger, payments, corrections), the stock, the
// price grid, invoices, the funders' reports, certifications that expire, the charter's versions, the
// safety modules' versions, and the audit log. Products running low are flagged above the tabs. The
// back end checks the role on every call; this screen is only offered to managers so that others are
// not shown what they cannot do.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InvoicesPanel } from '../ledger/InvoicesPanel';
import { BillingSettingsPanel } from '../ledger/BillingSettingsPanel';
import { LedgerPanel } from '../ledger/LedgerPanel';
import { PricingPanel } from '../pricing/PricingPanel';
import { ReportsPanel } from '../reports/ReportsPanel';
import { LowStockAlert } from '../shop/LowStockAlert';
import { StockPanel } from '../shop/StockPanel';
import { useKiosk } from '../state/kiosk';
import { AuditPanel } from './AuditPanel';
import { ChartersPanel } from './ChartersPanel';
import { ExpiringPanel } from './ExpiringPanel';
import { MemberEditor } from './MemberEditor';
import { MembersPanel } from './MembersPanel';
import { ModulesPanel } from './ModulesPanel';

const tabs = ['members', 'ledger', 'stock', 'pricing', 'invoices', 'reports', 'expiring', 'charters', 'modules', 'audit'] as const;
type Tab = (typeof tabs)[number];

export function ManageScreen() {
  const { t } = useTranslation();
  const { call } = useKiosk();
  const [tab, setTab] = useState<Tab>('members');
  const [editing, setEditing] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  /** Every member's name, to say whom an audit entry is about. */
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  /** Bumped by a sale, a restock, an inventory: the low-stock alert reads the shelves again. */
  const [stockVersion, setStockVersion] = useState(0);
  const tabLabel = (x: Tab) => {
    switch (x) {
      case 'ledger':
        return t('ledger.manage.tab');
      case 'stock':
        return t('shop.stock.tab');
      case 'pricing':
        return t('pricing.tab');
      case 'invoices':
        return t('ledger.invoices.tab');
      case 'reports':
        return t('reports.tab');
      default:
        return t(`manage.tabs.${x}`);
    }
  };

  useEffect(() => {
    let live = true;
    call('members.list', {})
      .then((list) => live && setNames(new Map(list.map((m) => [m.id, m.displayName]))))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [call, version]);

  return (
    <div className="screen screen-manage" data-testid="screen-manage">
      <h1 className="screen-title">{t('manage.title')}</h1>
      <LowStockAlert version={stockVersion} onOpen={() => setTab('stock')} />
      <div className="tabs" role="tablist" aria-label={t('manage.title')}>
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} className="tab" data-testid={`manage-tab-${x}`} onClick={() => setTab(x)}>
            {tabLabel(x)}
          </button>
        ))}
      </div>
      {tab === 'members' ? (
        <>
          {editing ? <MemberEditor memberId={editing} onClose={() => setEditing(null)} onSaved={() => setVersion((v) => v + 1)} /> : null}
          <MembersPanel onEdit={setEditing} version={version} />
        </>
      ) : null}
      {tab === 'ledger' ? <LedgerPanel onChanged={() => setStockVersion((v) => v + 1)} /> : null}
      {tab === 'stock' ? <StockPanel version={stockVersion} onChanged={() => setStockVersion((v) => v + 1)} /> : null}
      {tab === 'pricing' ? <PricingPanel /> : null}
      {tab === 'invoices' ? (
        <>
          <InvoicesPanel />
          <BillingSettingsPanel />
        </>
      ) : null}
      {tab === 'reports' ? <ReportsPanel /> : null}
      {tab === 'expiring' ? <ExpiringPanel /> : null}
      {tab === 'charters' ? <ChartersPanel /> : null}
      {tab === 'modules' ? <ModulesPanel /> : null}
      {tab === 'audit' ? <AuditPanel names={names} /> : null}
    </div>
  );
}
