// Every machine with what a maker needs to know before coming: kind, model, size, training, price,
// and what it is doing right now.
import { useTranslation } from 'react-i18next';
import type { MachineSummary } from '../../electron/api/types';
import { MachineIllustration } from '../components/MachineIllustration';
import { StatusBadge } from '../components/StatusBadge';
import { formatMoney, formatWorkArea, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { useModuleLabel } from './labels';

export function MachinesScreen() {
  const { t } = useTranslation();
  const { machines, info, lang } = useKiosk();
  const moduleLabel = useModuleLabel();

  const rate = (m: MachineSummary) =>
    m.ratePerHourCents === 0 ? t('machines.free') : t('machines.perHour', { price: formatMoney(m.ratePerHourCents, info.currency, lang) });

  return (
    <div className="screen screen-machines" data-testid="screen-machines">
      <h1 className="screen-title">{t('machines.title')}</h1>
      <p className="screen-lead">{t('machines.lead')}</p>
      {machines.length === 0 ? (
        <p className="empty">{t('welcome.noMachines')}</p>
      ) : (
        <div className="machine-list">
          {machines.map((m) => (
            <article key={m.id} className="card machine-row" data-testid="machine-row" data-code={m.code} data-status={m.status}>
              <div className="machine-row-art">
                <MachineIllustration kind={m.kind} />
              </div>
              <div className="machine-row-main">
                <div className="machine-row-head">
                  <div>
                    <h2>{m.name}</h2>
                    <p className="muted">
                      {t(`kind.${m.kind}`)} · {m.connection === 'serial' ? t('machines.serial') : t('machines.manual')}
                    </p>
                  </div>
                  <StatusBadge status={m.status} large />
                </div>
                <p className="machine-desc">{pick(m.description, lang)}</p>
                <dl className="facts">
                  <div>
                    <dt>{t('machines.model')}</dt>
                    <dd>{m.model}</dd>
                  </div>
                  <div>
                    <dt>{t('machines.workArea')}</dt>
                    <dd>{m.workArea ? formatWorkArea(m.workArea, lang) : t('machines.noWorkArea')}</dd>
                  </div>
                  <div>
                    <dt>{t('machines.training')}</dt>
                    <dd>{m.requiredModule ? moduleLabel(m.requiredModule) : t('machines.noTraining')}</dd>
                  </div>
                  <div>
                    <dt>{t('machines.rate')}</dt>
                    <dd className="rate">{rate(m)}</dd>
                  </div>
                </dl>
              </div>
            </article>
          ))}
        </div>
      )}
    </div>
  );
}
