// The jobs waiting for a machine, in the order they will run. The first one starts from here, once
// its maker has looked at the machine: a printer's bed must be clear, the laser's sheet in place.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView, MachineSummary } from '../../electron/api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CheckIcon, CloseIcon, JobIcon, ListIcon, PlayIcon } from '../components/icons';
import { formatDuration, formatNumber, formatTime, type Lang } from '../lib/format';
import type { BoardActions } from './permissions';
import { useAction } from './useAction';
import { useKiosk } from '../state/kiosk';

type Check = 'clear' | 'material';

export function QueuePanel({ queue, machine, actions, lang }: { queue: JobView[]; machine: MachineSummary; actions: BoardActions; lang: Lang }) {
  const { t } = useTranslation();
  const { call } = useKiosk();
  const { busy, run } = useAction();
  const [starting, setStarting] = useState<JobView | null>(null);
  const [checks, setChecks] = useState<ReadonlySet<Check>>(new Set());
  const print = machine.kind === 'fdm';

  const toggle = (c: Check) =>
    setChecks((s) => {
      const next = new Set(s);
      if (next.has(c)) next.delete(c);
      else next.add(c);
      return next;
    });

  const start = (job: JobView) => {
    setChecks(new Set());
    setStarting(job);
  };

  return (
    <section className="card board-panel queue-panel" aria-labelledby={`queue-${machine.id}`} data-testid="queue">
      <h2 id={`queue-${machine.id}`} className="panel-title">
        <ListIcon />
        {t('board.queue')}
        {queue.length > 0 ? <span className="pill">{formatNumber(queue.length, lang, 0)}</span> : null}
      </h2>
      {queue.length === 0 ? (
        <p className="muted">{t('board.queueEmpty')}</p>
      ) : (
        <ol className="queue">
          {queue.map((job, i) => (
            <li key={job.id} className="queue-item" data-testid="queue-item" data-job={job.id}>
              <span className="queue-rank" aria-hidden="true">
                {formatNumber(i + 1, lang, 0)}
              </span>
              <div className="queue-what">
                <p className="queue-file" title={job.fileName}>
                  <JobIcon size={20} />
                  <span>{job.fileName}</span>
                </p>
                <p className="muted">
                  {t('board.queuedBy', { name: job.memberName ?? t('board.unknownMember'), time: formatTime(job.createdAt, lang) })}
                  {' · '}
                  {job.fromLine > 1 ? t('board.fromLine', { line: formatNumber(job.fromLine, lang, 0) }) : t('board.about', { time: formatDuration(job.estimateS, lang) })}
                </p>
              </div>
              <div className="queue-actions">
                {actions.start === job.id ? (
                  <button type="button" className="btn btn-primary btn-huge" data-testid="job-start" disabled={busy !== null} onClick={() => start(job)}>
                    <PlayIcon size={30} />
                    <span>{t('board.start')}</span>
                  </button>
                ) : null}
                {actions.removable.has(job.id) ? (
                  <button
                    type="button"
                    className="btn btn-secondary"
                    data-testid="job-remove"
                    disabled={busy !== null}
                    onClick={() => void run(`remove-${job.id}`, () => call('jobs.cancel', { jobId: job.id }))}
                  >
                    <CloseIcon />
                    <span>{t('board.remove')}</span>
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {starting ? (
        <ConfirmDialog
          title={t('board.startTitle')}
          confirmLabel={t('board.startConfirm')}
          cancelLabel={t('board.startCancel')}
          confirmIcon={<PlayIcon size={28} />}
          canConfirm={checks.size === 2}
          busy={busy !== null}
          testId="start-dialog"
          onCancel={() => setStarting(null)}
          onConfirm={() => {
            void run('start', () => call('jobs.start', { jobId: starting.id })).then(() => setStarting(null));
          }}
        >
          <p>{t('board.startText', { file: starting.fileName, machine: machine.name })}</p>
          <div className="checks">
            {(['clear', 'material'] as const).map((c) => (
              <button key={c} type="button" className="check" role="checkbox" aria-checked={checks.has(c)} data-testid={`start-check-${c}`} onClick={() => toggle(c)}>
                <span className="check-box" aria-hidden="true">
                  {checks.has(c) ? <CheckIcon size={30} /> : null}
                </span>
                <span>{t(`board.check.${c}.${print ? 'print' : 'other'}`)}</span>
              </button>
            ))}
          </div>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
