// One job as its maker looks back on it: the state, why it stopped, what actually ran and what it
// used. An interrupted print may go on from the line it stopped at (if nobody touched it), any stopped
// job may start again from the beginning; both queue a new job and open the machine's board.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView, SessionMember } from '../../electron/api/types';
import { controlsJob } from '../board/permissions';
import { useAction } from '../board/useAction';
import { formatPercentDone } from '../board/job-format';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { AlertIcon, CheckIcon, ClockIcon, CloseIcon, JobIcon, PauseIcon, PlayIcon, RefreshIcon, WarningIcon } from '../components/icons';
import { formatDuration, formatLength, formatNumber, formatTime, formatUnit, type Lang } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { canRetry, knownEndReason } from './labels';

function StateIcon({ state }: { state: JobView['state'] }) {
  switch (state) {
    case 'completed':
      return <CheckIcon size={22} />;
    case 'running':
      return <PlayIcon size={20} />;
    case 'paused':
      return <PauseIcon size={20} />;
    case 'queued':
      return <ClockIcon size={22} />;
    case 'cancelled':
      return <CloseIcon size={22} />;
    case 'interrupted':
      return <WarningIcon size={22} />;
    case 'failed':
      return <AlertIcon size={22} />;
  }
}

type Retry = 'interruption' | 'beginning';

export function JobCard({
  job,
  member,
  retried,
  lang,
  showMachine = true,
  showMember = true,
}: {
  job: JobView;
  member: SessionMember | null;
  retried: boolean;
  lang: Lang;
  showMachine?: boolean;
  showMember?: boolean;
}) {
  const { t } = useTranslation();
  const { call, openMachine } = useKiosk();
  const { busy, run } = useAction();
  const [asking, setAsking] = useState<Retry | null>(null);
  const [untouched, setUntouched] = useState(false);
  const reason = knownEndReason(job.endReason);
  const c = job.consumption;
  const mayAct = controlsJob(member, job) && canRetry(job) && !retried;
  const nextLine = job.ackedLine + 1;

  const retry = (from: Retry) =>
    void run(from, async () => {
      const next = await call('jobs.retry', { jobId: job.id, from });
      setAsking(null);
      openMachine(next.machineId);
    });

  return (
    <li className={`card job-card job-card-${job.state}`} data-testid="job-card" data-job={job.id} data-state={job.state} data-reason={job.endReason ?? ''}>
      <div className="job-card-head">
        <span className={`job-state job-state-${job.state}`} data-testid="job-state">
          <StateIcon state={job.state} />
          {t(`jobState.${job.state}`)}
        </span>
        <p className="job-card-when muted">{formatTime(job.endedAt ?? job.startedAt ?? job.createdAt, lang)}</p>
      </div>
      <p className="job-card-file" title={job.fileName}>
        <JobIcon size={22} />
        <span>{job.fileName}</span>
      </p>
      <p className="muted">
        {[
          showMachine ? job.machineName : null,
          showMember ? job.memberName : null,
          job.fromLine > 1 ? t('jobCard.fromLine', { line: formatNumber(job.fromLine, lang, 0) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {reason && reason !== 'cancelled' ? (
        <p className={`job-card-reason reason-${reason}`} data-testid="job-reason">
          {t(`jobEnd.${reason}`)}
        </p>
      ) : null}
      {c ? (
        <dl className="facts job-card-facts" data-testid="job-consumption">
          <div>
            <dt>{t('jobCard.ran')}</dt>
            <dd>
              {t('jobCard.ranValue', {
                percent: formatPercentDone(c.fraction, lang, job.state === 'completed'),
                lines: formatNumber(c.linesRun, lang, 0),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('jobCard.machineTime')}</dt>
            <dd>{formatDuration(c.machineTimeS, lang)}</dd>
          </div>
          {c.filamentMm > 0 ? (
            <div>
              <dt>{t('jobCard.filament')}</dt>
              <dd data-testid="job-filament">
                {t('gcode.filamentValue', { length: formatLength(c.filamentMm, lang), mass: formatUnit(c.filamentG, 'gram', lang, c.filamentG < 100 ? 1 : 0) })}
              </dd>
            </div>
          ) : null}
          {c.laserOnS > 0 ? (
            <div>
              <dt>{t('jobCard.laserOn')}</dt>
              <dd>{formatDuration(c.laserOnS, lang)}</dd>
            </div>
          ) : null}
        </dl>
      ) : job.state === 'running' || job.state === 'paused' ? (
        <p className="job-card-live">{t('jobCard.live', { percent: formatPercentDone(job.fraction, lang) })}</p>
      ) : null}
      {retried && canRetry(job) ? <p className="muted">{t('jobCard.retried')}</p> : null}
      {mayAct ? (
        <div className="job-card-actions">
          {job.resumable ? (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="job-resume-line"
              disabled={busy !== null}
              onClick={() => {
                setUntouched(false);
                setAsking('interruption');
              }}
            >
              <PlayIcon size={24} />
              <span>{t('jobCard.resumeAt', { line: formatNumber(nextLine, lang, 0) })}</span>
            </button>
          ) : null}
          <button type="button" className="btn btn-secondary" data-testid="job-restart" disabled={busy !== null} onClick={() => setAsking('beginning')}>
            <RefreshIcon size={24} />
            <span>{t('jobCard.restart')}</span>
          </button>
        </div>
      ) : null}
      {asking === 'interruption' ? (
        <ConfirmDialog
          title={t('jobCard.resumeTitle', { line: formatNumber(nextLine, lang, 0) })}
          confirmLabel={t('jobCard.resumeConfirm')}
          cancelLabel={t('jobCard.cancel')}
          confirmIcon={<PlayIcon size={26} />}
          canConfirm={untouched}
          busy={busy !== null}
          testId="resume-dialog"
          onCancel={() => setAsking(null)}
          onConfirm={() => retry('interruption')}
        >
          <p className="dialog-warning">
            <WarningIcon size={30} />
            <span>{t('jobCard.resumeWarning')}</span>
          </p>
          <button type="button" className="check" role="checkbox" aria-checked={untouched} data-testid="resume-untouched" onClick={() => setUntouched((v) => !v)}>
            <span className="check-box" aria-hidden="true">
              {untouched ? <CheckIcon size={30} /> : null}
            </span>
            <span>{t('jobCard.untouched')}</span>
          </button>
        </ConfirmDialog>
      ) : asking === 'beginning' ? (
        <ConfirmDialog
          title={t('jobCard.restartTitle')}
          confirmLabel={t('jobCard.restartConfirm')}
          cancelLabel={t('jobCard.cancel')}
          confirmIcon={<RefreshIcon size={26} />}
          busy={busy !== null}
          testId="restart-dialog"
          onCancel={() => setAsking(null)}
          onConfirm={() => retry('beginning')}
        >
          <p>{t('jobCard.restartText', { file: job.fileName })}</p>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}
