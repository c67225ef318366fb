// The running (or next) job in 3D on the board: what is done in colour, what is left as a pale ghost,
// and the head where the firmware says it is. Loaded on demand with three.js, like the check's preview.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView, MachineLive, MachineSummary } from '../../electron/api/types';
import { CubeIcon, TargetIcon } from '../components/icons';
import { MachineIllustration } from '../components/MachineIllustration';
import { Progress } from '../components/Progress';
import { previewMachine } from '../gcode/summary';
import { errorMessage } from '../i18n/errors';
import { formatNumber, type Lang } from '../lib/format';
import { featureColors, ghostColor } from '../preview/palette';
import { useToolpath } from '../preview/useToolpath';
import { useToolpathView } from '../preview/useToolpathView';
import { doneSegments, headPosition } from './progress';
import { useJobFile } from './useJobFile';

export interface JobPreviewProps {
  job: JobView;
  machine: MachineSummary;
  live: MachineLive;
  lang: Lang;
}

export default function JobPreview({ job, machine, live, lang }: JobPreviewProps) {
  const { t } = useTranslation();
  const stage = useRef<HTMLDivElement>(null);
  const fileState = useJobFile(job.fileId, job.fileName);
  const pm = useMemo(() => previewMachine(machine), [machine]);
  const toolpath = useToolpath(fileState.phase === 'ready' ? fileState.file : null, pm);
  const { view, epoch, problem } = useToolpathView(stage, t('board.preview'));
  const [drawn, setDrawn] = useState(false);

  const tp = toolpath.phase === 'ready' ? toolpath : null;
  const done = tp ? doneSegments(tp.toolpath, job) : 0;
  const head = headPosition(live, machine);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    // Seen from a step back: some of the bed around the job, and room for the head to go round it.
    v.framePadding = 1.25;
    v.setWorkArea(machine.workArea, machine.workOrigin);
  }, [view, epoch, machine.workArea, machine.workOrigin]);

  useEffect(() => {
    const v = view.current;
    if (!v || !tp) return;
    setDrawn(false);
    v.onReady = () => setDrawn(true);
    v.update({ layer: Number.MAX_SAFE_INTEGER, layerMode: 'upTo', showTravel: false, colorMode: tp.toolpath.workBucket === 'power' ? 'power' : 'feature' });
    v.setToolpath(tp.toolpath, tp.stats);
  }, [view, epoch, tp]);

  useEffect(() => {
    view.current?.setProgress(tp ? done : null);
  }, [view, epoch, tp, done]);

  // The position's figures, not its object: a new report at the same place changes nothing.
  const headKey = head && job.state !== 'queued' ? `${head.x} ${head.y} ${head.z}` : '';
  useEffect(() => {
    const [x = 0, y = 0, z = 0] = headKey.split(' ').map(Number);
    view.current?.setMarker(headKey ? { x, y, z } : null);
  }, [view, epoch, headKey]);

  const denied = fileState.phase === 'failed' && (fileState.error.code === 'unauthenticated' || fileState.error.code === 'forbidden');
  const loadingFraction = fileState.phase === 'loading' ? fileState.fraction * 0.5 : toolpath.phase === 'loading' ? 0.5 + toolpath.fraction * 0.5 : null;

  return (
    <section className="card board-preview" aria-labelledby="board-preview-title" data-testid="board-preview">
      <div className="board-preview-head">
        <h2 id="board-preview-title" className="panel-title">
          <CubeIcon />
          {job.state === 'queued' ? t('board.previewNext') : t('board.preview')}
        </h2>
        {tp && drawn && job.state !== 'queued' ? (
          <ul className="done-legend" aria-hidden="true">
            <li>
              <svg className="swatch" viewBox="0 0 16 16">
                <rect x="1" y="1" width="14" height="14" rx="4" fill={featureColors.outer_wall} />
                <rect x="1" y="6" width="14" height="4" fill={featureColors.inner_wall} />
                <rect x="1" y="10" width="14" height="5" rx="2" fill={featureColors.sparse_infill} />
              </svg>
              {t('board.legendDone')}
            </li>
            <li>
              <svg className="swatch" viewBox="0 0 16 16">
                <rect x="1" y="1" width="14" height="14" rx="4" fill={ghostColor} />
              </svg>
              {t('board.legendLeft')}
            </li>
          </ul>
        ) : null}
      </div>
      <div className="preview-stage board-stage" ref={stage}>
        {denied ? (
          <div className="preview-overlay board-preview-denied">
            <span className="board-preview-art">
              <MachineIllustration kind={machine.kind} />
            </span>
            <p>{t('board.previewSignIn')}</p>
          </div>
        ) : problem ? (
          <p className="preview-overlay preview-problem" role="alert">
            {t(problem === 'noWebgl' ? 'preview.noWebgl' : 'preview.contextLost')}
          </p>
        ) : fileState.phase === 'failed' ? (
          <p className="preview-overlay preview-problem" role="alert">
            {errorMessage(fileState.error, t, lang)}
          </p>
        ) : toolpath.phase === 'failed' ? (
          <p className="preview-overlay preview-problem" role="alert">
            {t('gcode.previewFailed', { reason: toolpath.message })}
          </p>
        ) : loadingFraction !== null ? (
          <div className="preview-overlay">
            <Progress label={t('preview.loading')} fraction={loadingFraction} lang={lang} testId="board-preview-progress" />
          </div>
        ) : tp && !drawn ? (
          <div className="preview-overlay">
            <Progress label={t('preview.drawing')} fraction={null} lang={lang} />
          </div>
        ) : null}
        {tp && drawn ? (
          <p
            className="board-preview-ready"
            data-testid="board-preview-ready"
            data-done={done}
            data-segments={tp.toolpath.segments}
            data-head={head ? 'yes' : 'no'}
          >
            {job.layers > 1 && job.state !== 'queued'
              ? t('board.layerOf', { layer: formatNumber(Math.max(job.layer, 0), lang, 0), count: formatNumber(job.layers, lang, 0) })
              : null}
          </p>
        ) : null}
        <div className="stage-tools">
          <button
            type="button"
            className="btn btn-secondary btn-square"
            aria-label={t('preview.resetView')}
            title={t('preview.resetView')}
            disabled={!tp}
            onClick={() => view.current?.resetView()}
          >
            <TargetIcon />
          </button>
        </div>
      </div>
    </section>
  );
}
