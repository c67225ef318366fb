// A running job at a glance: whose, which file, how far (a thick bar and a big percentage), the layer,
// the time it has run and the time left with the clock time it should end.
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../electron/api/types';
import { JobIcon, PauseIcon, UserIcon } from '../components/icons';
import { formatDuration, formatNumber, type Lang } from '../lib/format';
import { formatEndsAt, formatPercentDone } from './job-format';

export function JobProgress({ job, lang, compact = false }: { job: JobView; lang: Lang; compact?: boolean }) {
  const { t } = useTranslation();
  const paused = job.state === 'paused';
  const percent = formatPercentDone(job.fraction, lang, job.state === 'completed');
  return (
    <div className={`job-progress${compact ? ' job-progress-compact' : ''}${paused ? ' is-paused' : ''}`} data-testid="job-progress" data-state={job.state} data-fraction={job.fraction} data-layer={job.layer}>
      <div className="job-who">
        <p className="job-member">
          <UserIcon size={compact ? 20 : 24} />
          <span data-testid="job-member">{job.memberName ?? t('board.unknownMember')}</span>
        </p>
        <p className="job-file-line" title={job.fileName}>
          <JobIcon size={compact ? 18 : 22} />
          <span className="job-file-name" data-testid="job-file">
            {job.fileName}
          </span>
        </p>
      </div>
      <div className="job-meter">
        <progress className="job-meter-bar" max={1} value={Math.min(1, Math.max(0, job.fraction))} aria-label={t('board.progress')} />
        <span className="job-percent" data-testid="job-percent">
          {percent}
        </span>
      </div>
      {paused ? (
        <p className="job-paused" role="status">
          <PauseIcon size={22} />
          {t('board.pausedNote')}
        </p>
      ) : null}
      <dl className="job-facts">
        {job.layers > 1 ? (
          <div>
            <dt>{t('board.layer')}</dt>
            <dd data-testid="job-layer">{t('board.layerValue', { layer: formatNumber(Math.max(0, job.layer), lang, 0), count: formatNumber(job.layers, lang, 0) })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('board.elapsed')}</dt>
          <dd data-testid="job-elapsed">{formatDuration(job.elapsedS, lang)}</dd>
        </div>
        <div>
          <dt>{t('board.remaining')}</dt>
          <dd data-testid="job-eta">
            {job.etaS === null ? '—' : formatDuration(job.etaS, lang)}
            {job.etaS !== null && !compact && !paused ? <span className="job-ends"> {t('board.endsAt', { time: formatEndsAt(job.etaS, lang) })}</span> : null}
          </dd>
        </div>
      </dl>
    </div>
  );
}
