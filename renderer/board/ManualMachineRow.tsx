// A machine the kiosk does not drive (its use is noted by hand, or its firmware is not one the board
// speaks): what a maker needs to know before coming.
import { useTranslation } from 'react-i18next';
import type { MachineSummary } from '../../electron/api/types';
import { MachineIllustration } from '../components/MachineIllustration';
import { StatusBadge } from '../components/StatusBadge';
import { useModuleLabel } from '../screens/labels';
import { formatMoney, formatWorkArea, pick, type Lang } from '../lib/format';

export function ManualMachineRow({ machine: m, currency, lang }: { machine: MachineSummary; currency: string; lang: Lang }) {
  const { t } = useTranslation();
  const moduleLabel = useModuleLabel();
  const rate = m.ratePerHourCents === 0 ? t('machines.free') : t('machines.perHour', { price: formatMoney(m.ratePerHourCents, currency, lang) });
  return (
    <article className="card machine-row" data-testid="machine-row" data-code={m.code} data-status={m.status}>
      <div className="machine-row-art">
        <MachineIllustration kind={m.kind} />
      </div>
      <div className="machine-row-main">
        <div className="machine-row-head">
          <div>
            <h3>{m.name}</h3>
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
            <dd className="rate">{rate}</dd>
          </div>
        </dl>
      </div>
    </article>
  );
}
