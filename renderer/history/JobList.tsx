// Recent jobs, newest first: the member's own (their space), or a machine's (its board). Read again
// whenever the board says something changed on the machine, so a job that just stopped shows at once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, JobView } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { Progress } from '../components/Progress';
import { errorMessage } from '../i18n/errors';
import { useKiosk } from '../state/kiosk';
import { JobCard } from './JobCard';
import { retriedJobs } from './labels';

type Load = { phase: 'loading' } | { phase: 'failed'; error: ApiError } | { phase: 'ready'; jobs: JobView[] };

export function JobList({
  mine,
  machineId,
  limit = 12,
  refreshKey = '',
  hideActive = false,
  emptyText,
}: {
  mine: boolean;
  machineId?: string;
  limit?: number;
  /** Any change of it reads the list again. */
  refreshKey?: string;
  /** The board shows the running and queued jobs elsewhere. */
  hideActive?: boolean;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const { call, member, lang } = useKiosk();
  const [load, setLoad] = useState<Load>({ phase: 'loading' });

  useEffect(() => {
    let live = true;
    call('jobs.list', { mine, limit, ...(machineId ? { machineId } : {}) })
      .then((jobs) => live && setLoad({ phase: 'ready', jobs }))
      .catch((err: unknown) => live && setLoad({ phase: 'failed', error: toApiError(err) }));
    return () => {
      live = false;
    };
  }, [call, mine, machineId, limit, refreshKey]);

  if (load.phase === 'loading') return <Progress label={t('jobCard.loading')} fraction={null} lang={lang} />;
  if (load.phase === 'failed') return <p className="form-error">{errorMessage(load.error, t, lang)}</p>;
  const retried = retriedJobs(load.jobs);
  const jobs = hideActive ? load.jobs.filter((j) => j.state !== 'queued' && j.state !== 'running' && j.state !== 'paused') : load.jobs;
  if (jobs.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="job-cards" data-testid="job-list">
      {jobs.map((job) => (
        <JobCard key={job.id} job={job} member={member} retried={retried.has(job.id)} lang={lang} showMachine={!machineId} showMember={!mine} />
      ))}
    </ul>
  );
}
