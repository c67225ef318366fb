// One machine on the board, in full: its state and emergency stop always in view at the top; the job
// with its progress and controls, the job in 3D; the printer's temperatures or the mill's position;
// the queue with the Start button; what the machine said; a trainer's tools; its recent jobs.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { MachineLive, MachineSummary } from '../../electron/api/types';
import { AlertIcon, BackIcon, ClockIcon, PlugOffIcon, RefreshIcon, WarningIcon } from '../components/icons';
import { MachineIllustration } from '../components/MachineIllustration';
import { Progress } from '../components/Progress';
import { StatusBadge } from '../components/StatusBadge';
import { JobList } from '../history/JobList';
import type { Lang } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { EmergencyStop } from './EmergencyStop';
import { JobControls } from './JobControls';
import { JobProgress } from './JobProgress';
import { firmwareLabel } from './firmware';
import { messageText } from './messages';
import { MessagesPanel } from './MessagesPanel';
import { MotionPanel } from './MotionPanel';
import { boardActions, boardStatus } from './permissions';
import { QueuePanel } from './QueuePanel';
import { TemperaturePanel } from './TemperaturePanel';
import { TrainerTools } from './TrainerTools';

const JobPreview = lazy(() => import('./JobPreview'));

function StateNote({ live, lang }: { live: MachineLive; lang: Lang }) {
  const { t, i18n } = useTranslation();
  const s = live.status;
  if (s !== 'alarm' && s !== 'error' && s !== 'offline' && s !== 'connecting') return null;
  const last = [...live.messages].reverse().find((m) => m.severity !== 'info');
  // A message nobody translated yet says no more than the title: its raw text says more.
  const said = last ? messageText(last, i18n, lang) : null;
  const why = said ? (said.known ? said.text : last?.raw || null) : null;
  const icon = s === 'offline' ? <PlugOffIcon size={40} /> : s === 'connecting' ? <RefreshIcon size={40} /> : s === 'alarm' ? <WarningIcon size={40} /> : <AlertIcon size={40} />;
  return (
    <div className={`state-note state-note-${s}`} role={s === 'alarm' || s === 'error' ? 'alert' : 'status'} data-testid="state-note">
      {icon}
      <div>
        <p className="state-note-title">{t(`board.note.${s}`)}</p>
        {why && s !== 'connecting' ? <p className={said?.known ? 'state-note-why' : 'state-note-why raw'}>{why}</p> : null}
      </div>
    </div>
  );
}

export function MachineDetail({ machine, live }: { machine: MachineSummary; live: MachineLive }) {
  const { t } = useTranslation();
  const { member, lang, openMachine } = useKiosk();
  const actions = boardActions(member, live);
  const status = boardStatus(live);
  const job = live.job;
  const previewJob = job ?? live.queue[0] ?? null;
  const printer = machine.firmware === 'marlin' || machine.kind === 'fdm';
  const fw = firmwareLabel(live, machine);
  // The machine's job list is read again when its job or its queue changes.
  const jobsKey = `${job?.id ?? ''}:${job?.state ?? ''}:${live.queue.map((j) => j.id).join(',')}:${live.status}`;

  return (
    <div className="board-detail" data-testid="board-detail" data-code={machine.code} data-status={status}>
      <header className={`card board-head head-${status}`}>
        <button type="button" className="btn btn-secondary board-back" data-testid="board-back" onClick={() => openMachine(null)}>
          <BackIcon />
          <span>{t('nav.machines')}</span>
        </button>
        <span className="board-head-art" aria-hidden="true">
          <MachineIllustration kind={machine.kind} />
        </span>
        <div className="board-head-what">
          <h2 className="board-name">{machine.name}</h2>
          <p className="muted">
            {t(`kind.${machine.kind}`)}
            {fw ? (
              <>
                {' · '}
                <span data-testid="firmware">{fw}</span>
              </>
            ) : null}
          </p>
        </div>
        <StatusBadge status={status} huge testId="board-status" />
        {actions.emergencyStop ? <EmergencyStop machineId={machine.id} machineName={machine.name} /> : null}
      </header>

      <StateNote live={live} lang={lang} />

      <div className="board-grid">
        <div className="board-main">
          <section className="card board-panel job-panel" aria-label={t('board.job')} data-testid="job-panel">
            {job ? (
              <>
                <JobProgress job={job} lang={lang} />
                <JobControls job={job} actions={actions} kindIsPrint={machine.kind === 'fdm'} />
              </>
            ) : (
              <p className="job-none" data-testid="job-none">
                {live.queue.length > 0 ? t('board.noJobQueued') : t('board.noJob')}
              </p>
            )}
          </section>
          {/* The queue right under the job: its Start button is what the maker came for. */}
          <QueuePanel queue={live.queue} machine={machine} actions={actions} lang={lang} />
          {printer ? <TemperaturePanel live={live} lang={lang} /> : null}
          <MotionPanel live={live} machine={machine} lang={lang} />
          {actions.trainerTools ? <TrainerTools live={live} machine={machine} actions={actions} lang={lang} /> : null}
          <MessagesPanel messages={live.messages} lang={lang} machineId={machine.id} />
          {member ? (
            <section className="card board-panel" aria-labelledby={`recent-${machine.id}`} data-testid="machine-jobs">
              <h2 id={`recent-${machine.id}`} className="panel-title">
                <ClockIcon />
                {t('board.recentJobs')}
              </h2>
              <JobList mine={false} machineId={machine.id} limit={5} refreshKey={jobsKey} hideActive emptyText={t('board.recentNone')} />
            </section>
          ) : null}
        </div>
        <div className="board-side">
          {previewJob ? (
            <Suspense
              fallback={
                <section className="card board-preview">
                  <div className="preview-stage board-stage">
                    <div className="preview-overlay">
                      <Progress label={t('preview.loading')} fraction={null} lang={lang} />
                    </div>
                  </div>
                </section>
              }
            >
              <JobPreview key={previewJob.id} job={previewJob} machine={machine} live={live} lang={lang} />
            </Suspense>
          ) : (
            <section className="card board-preview board-preview-empty">
              <span className="board-empty-art">
                <MachineIllustration kind={machine.kind} />
              </span>
              <p>{t('board.previewNone')}</p>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
