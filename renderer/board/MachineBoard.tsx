// The machine board: every machine the kiosk drives with its live state (a tile each, or one opened
// in full), then the machines whose use is noted by hand.
import { useTranslation } from 'react-i18next';
import type { MachineLive, MachineSummary } from '../../electron/api/types';
import { Progress } from '../components/Progress';
import { RefreshIcon } from '../components/icons';
import { gcodeMachines } from '../gcode/summary';
import { errorMessage } from '../i18n/errors';
import { useKiosk } from '../state/kiosk';
import { MachineDetail } from './MachineDetail';
import { MachineTile } from './MachineTile';
import { ManualMachineRow } from './ManualMachineRow';
import { reachable } from './permissions';
import { useMachineLive } from './useMachineLive';

/** Before the first report (or for a machine the hub has not seen yet): offline, nothing known. */
function emptyLive(m: MachineSummary): MachineLive {
  return {
    machineId: m.id,
    status: m.status === 'connected' ? 'connecting' : 'offline',
    detail: null,
    portPath: null,
    firmware: null,
    position: null,
    workPosition: null,
    feedMmMin: null,
    spindle: null,
    overrides: null,
    temperatures: null,
    temperatureHistory: [],
    job: null,
    queue: [],
    messages: [],
  };
}

/** Machines the kiosk can talk to first, in the lab's order; the unreachable ones after. */
function byReach(list: MachineSummary[], liveOf: (m: MachineSummary) => MachineLive): MachineSummary[] {
  const rank = (m: MachineSummary) => (reachable(liveOf(m).status) ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b));
}

export function MachineBoard() {
  const { t } = useTranslation();
  const { machines, boardMachineId, info, lang } = useKiosk();
  const { state, reload } = useMachineLive();
  const driven = gcodeMachines(machines);
  const drivenIds = new Set(driven.map((m) => m.id));
  const others = machines.filter((m) => !drivenIds.has(m.id));
  const liveOf = (m: MachineSummary) => (state.phase === 'ready' ? state.lives.get(m.id) : undefined) ?? emptyLive(m);

  if (state.phase === 'loading') {
    return (
      <div className="board-loading">
        <Progress label={t('board.loading')} fraction={null} lang={lang} />
      </div>
    );
  }
  if (state.phase === 'failed') {
    return (
      <section className="card empty-card">
        <p className="form-error">{errorMessage(state.error, t, lang)}</p>
        <button type="button" className="btn btn-primary btn-huge" onClick={reload}>
          <RefreshIcon />
          <span>{t('app.retry')}</span>
        </button>
      </section>
    );
  }

  const opened = driven.find((m) => m.id === boardMachineId);
  if (opened) return <MachineDetail machine={opened} live={liveOf(opened)} />;

  return (
    <div className="board" data-testid="board">
      {driven.length > 0 ? (
        <div className="machine-tiles">
          {byReach(driven, liveOf).map((m) => (
            <MachineTile key={m.id} machine={m} live={liveOf(m)} lang={lang} />
          ))}
        </div>
      ) : null}
      {others.length > 0 ? (
        <section className="board-others" aria-labelledby="board-others">
          <h2 id="board-others" className="section-title">
            {t('board.others')}
          </h2>
          <div className="machine-list">
            {others.map((m) => (
              <ManualMachineRow key={m.id} machine={m} currency={info.currency} lang={lang} />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
