// A prepared job (laser or print), before it goes to the machine: can it go, what it costs, how long,
// what was noticed, the toolpath in 3D (read back from the G-code the back end wrote), and the buttons
// to queue it (and, for the laser, to trace its outline first).
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, GcodeAnalysis, MachineSummary, Material, PreparedJob } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { useJobFile } from '../board/useJobFile';
import { BoltIcon, ClockIcon, EuroIcon, PencilIcon, SendIcon, ShieldIcon, SpoolIcon } from '../components/icons';
import { Figures, Findings, JobBar, VerdictBanner } from '../gcode/Results';
import { countFindings, previewMachine } from '../gcode/summary';
import { errorMessage } from '../i18n/errors';
import { formatDuration, formatMoney, formatUnit, type Lang } from '../lib/format';
import { LazyToolpathPreview } from '../preview/LazyToolpathPreview';
import { useToolpath, type ToolpathState } from '../preview/useToolpath';
import { useKiosk } from '../state/kiosk';
import { PrepFindingsCard } from './PrepFindings';
import { QuotePanel } from './QuotePanel';

/** The prepared job's analysis as the G-code check's panels read it. */
export function asAnalysis(job: PreparedJob): GcodeAnalysis {
  return { ...job.analysis, file: job.gcode, machineId: job.machineId };
}

/** Nothing in the analysis nor in the preparation stops the job. */
export function canQueue(job: PreparedJob, machine: MachineSummary): boolean {
  return (
    countFindings(job.analysis.findings).errors === 0 &&
    !job.findings.some((f) => f.severity === 'error') &&
    machine.connection === 'serial' &&
    (machine.firmware === 'grbl' || machine.firmware === 'marlin')
  );
}

/** The stored G-code read back, then the toolpath built from it: one progress for both. */
function usePreparedToolpath(job: PreparedJob, machine: MachineSummary): ToolpathState {
  const { t } = useTranslation();
  const { lang } = useKiosk();
  const file = useJobFile(job.gcode.id, job.gcode.name);
  const pm = useMemo(() => previewMachine(machine), [machine]);
  const tp = useToolpath(file.phase === 'ready' ? file.file : null, pm);
  if (file.phase === 'loading') return { phase: 'loading', fraction: file.fraction * 0.5 };
  if (file.phase === 'failed') return { phase: 'failed', message: errorMessage(file.error, t, lang) };
  if (tp.phase === 'loading') return { phase: 'loading', fraction: 0.5 + tp.fraction * 0.5 };
  if (tp.phase === 'idle') return { phase: 'loading', fraction: 0.5 };
  return tp;
}

export function PreparedResults({
  job,
  machine,
  material,
  sourceName,
  onEdit,
  extra,
}: {
  job: PreparedJob;
  machine: MachineSummary;
  material: Material | null;
  sourceName: string;
  onEdit(): void;
  /** What this kind of job adds beside the queue button (the laser's framing). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { lang } = useKiosk();
  const analysis = useMemo(() => asAnalysis(job), [job]);
  const toolpath = usePreparedToolpath(job, machine);
  const errors = countFindings(job.analysis.findings).errors + job.findings.filter((f) => f.severity === 'error').length;

  return (
    <div
      className="results-grid prep-results"
      data-testid="prepare-results"
      data-seconds={Math.round(job.analysis.durationS)}
      data-filament-g={Math.round(job.analysis.filamentG * 100) / 100}
      data-laser-s={Math.round(job.analysis.laserOnS)}
      data-errors={errors}
    >
      <div className="results-main">
        <JobBar label={t('prepare.resultsTitle')} machine={machine} material={material} fileName={sourceName} sizeBytes={job.gcode.sizeBytes} lang={lang}>
          <button type="button" className="btn btn-secondary" data-testid="prepare-edit" onClick={onEdit}>
            <PencilIcon size={22} />
            <span>{t('prepare.edit')}</span>
          </button>
        </JobBar>
        <VerdictBanner analysis={analysis} machine={machine} />
        <Summary job={job} machine={machine} lang={lang} />
        {canQueue(job, machine) ? <QueueJob job={job} machine={machine} material={material} /> : null}
        {extra}
        <QuotePanel quote={job.quote} lang={lang} />
        <Figures analysis={analysis} machine={machine} material={material} lang={lang} />
        <PrepFindingsCard findings={job.findings} lang={lang} />
        <Findings analysis={analysis} lang={lang} />
      </div>
      <LazyToolpathPreview state={toolpath} workArea={machine.workArea} workOrigin={machine.workOrigin} lang={lang} />
    </div>
  );
}

/** What a maker asks first, in big figures: how long, how much of the material or the beam, how much. */
function Summary({ job, machine, lang }: { job: PreparedJob; machine: MachineSummary; lang: Lang }) {
  const { t } = useTranslation();
  const a = job.analysis;
  return (
    <dl className="prep-summary" data-testid="prepare-summary">
      <div className="prep-summary-item">
        <dt>
          <ClockIcon size={24} />
          {t('prepare.summary.duration')}
        </dt>
        <dd data-testid="prepare-duration" data-seconds={Math.round(a.durationS)}>
          {formatDuration(a.durationS, lang)}
        </dd>
      </div>
      {machine.kind === 'fdm' ? (
        <div className="prep-summary-item">
          <dt>
            <SpoolIcon size={24} />
            {t('prepare.summary.filament')}
          </dt>
          <dd data-testid="prepare-filament" data-g={Math.round(a.filamentG * 100) / 100}>
            {formatUnit(a.filamentG, 'gram', lang, a.filamentG < 100 ? 1 : 0)}
          </dd>
        </div>
      ) : (
        <div className="prep-summary-item">
          <dt>
            <BoltIcon size={24} />
            {t('prepare.summary.laserOn')}
          </dt>
          <dd data-testid="prepare-laser-on" data-seconds={Math.round(a.laserOnS)}>
            {formatDuration(a.laserOnS, lang)}
          </dd>
        </div>
      )}
      <div className="prep-summary-item prep-summary-price">
        <dt>
          <EuroIcon size={24} />
          {t('prepare.summary.price')}
        </dt>
        <dd data-testid="prepare-summary-price" data-cents={job.quote?.totalCents ?? ''}>
          {job.quote ? formatMoney(job.quote.totalCents, job.quote.currency, lang) : t('prepare.summary.priceNone')}
        </dd>
      </div>
    </dl>
  );
}

/** Queues the prepared G-code on the machine, then shows the machine's board, where the maker starts it. */
function QueueJob({ job, machine, material }: { job: PreparedJob; machine: MachineSummary; material: Material | null }) {
  const { t } = useTranslation();
  const { call, lang, openMachine, navigate } = useKiosk();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const queue = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('jobs.queue', { fileId: job.gcode.id, machineId: machine.id, ...(material ? { materialId: material.id } : {}) });
      openMachine(machine.id);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <div className="queue-row">
      <button type="button" className="btn btn-primary btn-huge queue-button" data-testid="prepare-queue" disabled={busy} onClick={() => void queue()}>
        <SendIcon size={32} />
        <span>{busy ? t('prepare.queueing') : t('prepare.queue')}</span>
      </button>
      <p className="muted queue-hint">{t('gcode.sendHint', { machine: machine.name })}</p>
      {error ? (
        <p className="form-error" role="alert" data-testid="prepare-queue-error" data-code={error.code}>
          {errorMessage(error, t, lang)}
        </p>
      ) : null}
      {error?.code === 'not_certified' ? (
        <button type="button" className="btn btn-secondary btn-huge" onClick={() => navigate('training')}>
          <ShieldIcon />
          <span>{t('gcode.toTraining')}</span>
        </button>
      ) : null}
    </div>
  );
}
