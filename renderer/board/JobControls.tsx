// Pause, resume and stop for the job's maker or a trainer. Stopping asks first: a print stopped
// halfway is lost.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../electron/api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { PauseIcon, PlayIcon, StopIcon } from '../components/icons';
import { useKiosk } from '../state/kiosk';
import type { BoardActions } from './permissions';
import { useAction } from './useAction';

export function JobControls({ job, actions, kindIsPrint }: { job: JobView; actions: BoardActions; kindIsPrint: boolean }) {
  const { t } = useTranslation();
  const { call } = useKiosk();
  const { busy, run } = useAction();
  const [confirmStop, setConfirmStop] = useState(false);
  if (!actions.pause && !actions.resume && !actions.stop) return null;

  return (
    <div className="job-controls">
      {actions.pause ? (
        <button
          type="button"
          className="btn btn-secondary btn-huge"
          data-testid="job-pause"
          disabled={busy !== null}
          onClick={() => void run('pause', () => call('jobs.pause', { jobId: job.id }))}
        >
          <PauseIcon size={32} />
          <span>{busy === 'pause' ? t('board.pausing') : t('board.pause')}</span>
        </button>
      ) : null}
      {actions.resume ? (
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="job-resume"
          disabled={busy !== null}
          onClick={() => void run('resume', () => call('jobs.resume', { jobId: job.id }))}
        >
          <PlayIcon size={32} />
          <span>{busy === 'resume' ? t('board.resuming') : t('board.resume')}</span>
        </button>
      ) : null}
      {actions.stop ? (
        <button type="button" className="btn btn-danger-outline btn-huge" data-testid="job-stop" disabled={busy !== null} onClick={() => setConfirmStop(true)}>
          <StopIcon size={30} />
          <span>{t('board.stop')}</span>
        </button>
      ) : null}
      {confirmStop ? (
        <ConfirmDialog
          title={t('board.stopTitle')}
          confirmLabel={t('board.stopConfirm')}
          cancelLabel={t('board.stopCancel')}
          confirmIcon={<StopIcon size={28} />}
          tone="danger"
          busy={busy !== null}
          testId="stop-dialog"
          onCancel={() => setConfirmStop(false)}
          onConfirm={() => {
            void run('stop', () => call('jobs.cancel', { jobId: job.id })).then(() => setConfirmStop(false));
          }}
        >
          <p>{kindIsPrint ? t('board.stopTextPrint', { file: job.fileName }) : t('board.stopText', { file: job.fileName })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
