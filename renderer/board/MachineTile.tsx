// A connected machine at a glance on the board: what it is, its state in big, the job on it, and its
// emergency stop. Touching the tile opens the machine.
import { useTranslation } from 'react-i18next';
import type { MachineLive, MachineSummary } from '../../electron/api/types';
import { MachineIllustration } from '../components/MachineIllustration';
import { StatusBadge } from '../components/StatusBadge';
import { ListIcon } from '../components/icons';
import { formatNumber, type Lang } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { EmergencyStop } from './EmergencyStop';
import { JobProgress } from './JobProgress';
import { firmwareLabel } from './firmware';
import { boardStatus, reachable } from './permissions';

export function MachineTile({ machine, live, lang }: { machine: MachineSummary; live: MachineLive; lang: Lang }) {
  const { t } = useTranslation();
  const { openMachine } = useKiosk();
  const job = live.job;
  const status = boardStatus(live);
  return (
    <article className={`card machine-tile tile-${status}`} data-testid="machine-tile" data-code={machine.code} data-status={status}>
      <button type="button" className="tile-open" data-testid="tile-open" aria-label={t('board.open', { machine: machine.name })} onClick={() => openMachine(machine.id)}>
        <span className="tile-art">
          <MachineIllustration kind={machine.kind} />
        </span>
        <span className="tile-head">
          <span className="tile-name">{machine.name}</span>
          <span className="tile-meta">
            {t(`kind.${machine.kind}`)}
            {firmwareLabel(live, machine) ? ` · ${firmwareLabel(live, machine)}` : ''}
          </span>
        </span>
        <span className="tile-status">
          {reachable(status) ? <StatusBadge status={status} huge /> : <StatusBadge status={status} large />}
        </span>
        <span className="tile-body">
          {job ? (
            <JobProgress job={job} lang={lang} compact />
          ) : (
            <span className="tile-free">
              {status === 'offline' ? t('board.offlineShort') : live.queue.length > 0 ? null : t('board.nothingRunning')}
            </span>
          )}
          {live.queue.length > 0 ? (
            <span className="tile-queue">
              <ListIcon size={22} />
              {t('board.waiting', { count: live.queue.length, formatted: formatNumber(live.queue.length, lang, 0) })}
            </span>
          ) : null}
        </span>
      </button>
      {reachable(status) ? (
        <div className="tile-estop">
          <EmergencyStop machineId={machine.id} machineName={machine.name} compact />
        </div>
      ) : null}
    </article>
  );
}
