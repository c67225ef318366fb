// The 3D preview panel: the canvas, the layer slider (one layer, or all up to it), travel moves,
// colours by type, speed or laser power, a legend, and a way back to the first framing.
// Loaded on demand with three.js, in its own chunk: the welcome screen does not pay for it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CubeIcon, MinusIcon, PlusIcon, RouteIcon, TargetIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { formatNumber, formatPercent, formatUnit, type Lang } from '../lib/format';
import { availableColorModes, colorModes, featureColors, isFeatureName, rampStops, travelColor, type ColorMode } from './palette';
import type { LayerMode } from './layers';
import type { PreviewToolpath, ToolpathStats } from './toolpath-data';
import type { ToolpathState } from './useToolpath';
import { useToolpathView } from './useToolpathView';
import type { WorkArea } from './view';

export interface ToolpathPreviewProps {
  state: ToolpathState;
  workArea: WorkArea | null;
  workOrigin?: WorkArea;
  lang: Lang;
}

export default function ToolpathPreview({ state, workArea, workOrigin, lang }: ToolpathPreviewProps) {
  const { t } = useTranslation();
  const stage = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  /** From the toolpath handed to the view to its first frame drawn, ms (the GPU upload is in it). */
  const [firstFrameMs, setFirstFrameMs] = useState(0);
  const [layer, setLayer] = useState(0);
  const [layerMode, setLayerMode] = useState<LayerMode>('upTo');
  const [showTravel, setShowTravel] = useState(false);
  const [colorMode, setColorMode] = useState<ColorMode>('feature');

  const loaded = state.phase === 'ready' ? state : null;
  const toolpath: PreviewToolpath | null = loaded?.toolpath ?? null;
  const stats: ToolpathStats | null = loaded?.stats ?? null;
  const layers = toolpath?.layerStarts.length ?? 0;

  const { view: viewRef, epoch: viewEpoch, problem } = useToolpathView(stage, t('preview.title'));

  useEffect(() => {
    viewRef.current?.setWorkArea(workArea, workOrigin);
  }, [viewEpoch, workArea, workOrigin]);

  // A new toolpath: all layers, travel hidden, colours by type (by power for a laser job).
  useEffect(() => {
    const view = viewRef.current;
    if (!view || !toolpath || !stats) return;
    const mode: ColorMode = toolpath.workBucket === 'power' ? 'power' : 'feature';
    const top = Math.max(0, toolpath.layerStarts.length - 1);
    // A file with nothing to do for this machine (a laser job on a printer): its moves at least.
    const travel = stats.workSegments === 0;
    setDrawn(false);
    setLayer(top);
    setLayerMode('upTo');
    setShowTravel(travel);
    setColorMode(mode);
    const handedOver = performance.now();
    view.onReady = () => {
      setFirstFrameMs(performance.now() - handedOver);
      setDrawn(true);
    };
    view.update({ layer: top, layerMode: 'upTo', showTravel: travel, colorMode: mode });
    view.setToolpath(toolpath, stats);
  }, [viewEpoch, toolpath, stats]);

  useEffect(() => {
    viewRef.current?.update({ layer, layerMode, showTravel, colorMode });
  }, [viewEpoch, layer, layerMode, showTravel, colorMode]);

  const available = toolpath ? availableColorModes(toolpath.workBucket) : ['feature'];
  const z = toolpath ? toolpath.layerZ[Math.min(layer, layers - 1)] : undefined;
  const modeLabel: Record<ColorMode, string> = {
    feature: t('preview.colorFeature'),
    speed: t('preview.colorSpeed'),
    power: t('preview.colorPower'),
  };

  return (
    <section className="card preview-card" aria-labelledby="preview-title" data-testid="preview">
      <div className="preview-head">
        <h2 id="preview-title" className="panel-title">
          <CubeIcon />
          {t('preview.title')}
        </h2>
        <div className="segmented" role="group" aria-label={t('preview.colors')} data-testid="preview-color-mode" data-value={colorMode}>
          {colorModes.map((m) => (
            <button
              key={m}
              type="button"
              data-mode={m}
              aria-pressed={colorMode === m}
              disabled={!toolpath || !available.includes(m)}
              onClick={() => setColorMode(m)}
            >
              {modeLabel[m]}
            </button>
          ))}
        </div>
      </div>

      <div className="preview-body">
        <div className="preview-stage" ref={stage}>
          {problem ? (
            <p className="preview-overlay preview-problem" role="alert">
              {t(problem === 'noWebgl' ? 'preview.noWebgl' : 'preview.contextLost')}
            </p>
          ) : state.phase === 'loading' ? (
            <div className="preview-overlay">
              <Progress label={t('preview.loading')} fraction={state.fraction} lang={lang} testId="preview-progress" />
            </div>
          ) : state.phase === 'failed' ? (
            <p className="preview-overlay preview-problem" role="alert">
              {t('gcode.previewFailed', { reason: state.message })}
            </p>
          ) : toolpath && !drawn ? (
            <div className="preview-overlay">
              <Progress label={t('preview.drawing')} fraction={null} lang={lang} />
            </div>
          ) : null}
          {toolpath && stats && drawn ? (
            stats.workSegments === 0 ? (
              <p className="preview-note" data-testid="preview-no-work">
                {t('preview.noWork')}
              </p>
            ) : (
              <Legend toolpath={toolpath} stats={stats} colorMode={colorMode} showTravel={showTravel} lang={lang} />
            )
          ) : null}
          <div className="stage-tools">
            <button
              type="button"
              className="btn btn-secondary btn-toggle"
              data-testid="preview-travel"
              aria-pressed={showTravel}
              disabled={!toolpath}
              onClick={() => setShowTravel((v) => !v)}
            >
              <RouteIcon />
              <span>{t('preview.travel')}</span>
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-square"
              aria-label={t('preview.resetView')}
              title={t('preview.resetView')}
              disabled={!toolpath}
              onClick={() => viewRef.current?.resetView()}
            >
              <TargetIcon />
            </button>
          </div>
        </div>

        {toolpath && layers > 1 ? (
          // The layer slider stands beside the view, top layer at the top, as in the slicers.
          <div className="layer-rail">
            <button
              type="button"
              className="btn btn-secondary btn-square"
              aria-label={t('preview.nextLayer')}
              disabled={layer >= layers - 1}
              onClick={() => setLayer((l) => Math.min(layers - 1, l + 1))}
            >
              <PlusIcon />
            </button>
            <p className="layer-count" aria-hidden="true">
              <strong>{formatNumber(layer + 1, lang, 0)}</strong>
              <span>{t('preview.layerOf', { count: layers })}</span>
            </p>
            <input
              type="range"
              className="range range-vertical"
              data-testid="preview-layer"
              min={1}
              max={layers}
              step={1}
              value={layer + 1}
              aria-label={t('preview.layerLabel')}
              aria-valuetext={t('preview.layer', { layer: layer + 1, count: layers })}
              onChange={(e) => setLayer(Number(e.target.value) - 1)}
            />
            <button
              type="button"
              className="btn btn-secondary btn-square"
              aria-label={t('preview.prevLayer')}
              disabled={layer <= 0}
              onClick={() => setLayer((l) => Math.max(0, l - 1))}
            >
              <MinusIcon />
            </button>
          </div>
        ) : null}
      </div>

      <div className="preview-foot">
        {toolpath && layers > 1 ? (
          <>
            <div className="segmented" role="group" aria-label={t('preview.layerLabel')} data-testid="preview-layer-mode" data-value={layerMode}>
              {(['upTo', 'single'] as const).map((m) => (
                <button key={m} type="button" data-mode={m} aria-pressed={layerMode === m} onClick={() => setLayerMode(m)}>
                  {m === 'upTo' ? t('preview.upTo') : t('preview.single')}
                </button>
              ))}
            </div>
            <p className="layer-readout" aria-live="polite">
              <span className="visually-hidden">{t('preview.layer', { layer: layer + 1, count: layers })}</span>
              {z !== undefined && Number.isFinite(z) ? <span aria-hidden="true">{t('preview.layerZ', { z: formatUnit(z, 'millimeter', lang, 2) })}</span> : null}
            </p>
          </>
        ) : null}
        <p className="preview-info">
          {toolpath && drawn ? (
            <span
              className="preview-ready"
              data-testid="preview-ready"
              data-segments={toolpath.segments}
              data-layers={layers}
              data-parse-ms={Math.round(stats?.parseMs ?? 0)}
              data-first-frame-ms={Math.round(firstFrameMs)}
            >
              {t('preview.segments', { count: toolpath.segments, formatted: formatNumber(toolpath.segments, lang, 0) })}
            </span>
          ) : null}
          <span className="muted">{t('preview.hint')}</span>
        </p>
      </div>
    </section>
  );
}

function Swatch({ color }: { color: string }) {
  return (
    <svg className="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="14" height="14" rx="4" fill={color} />
    </svg>
  );
}

function Legend({
  toolpath,
  stats,
  colorMode,
  showTravel,
  lang,
}: {
  toolpath: PreviewToolpath;
  stats: ToolpathStats;
  colorMode: ColorMode;
  showTravel: boolean;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const present = useMemo(
    () => toolpath.featureNames.map((name, id) => ({ name, id })).filter(({ id }) => id < 32 && (stats.featureMask & (1 << id)) !== 0),
    [toolpath, stats],
  );
  const travel = showTravel ? (
    <li>
      <Swatch color={travelColor} />
      {t('preview.travelLegend')}
    </li>
  ) : null;

  if (colorMode === 'feature') {
    if (present.length === 0 && !travel) return null;
    return (
      <ul className="legend" data-testid="preview-legend">
        {present.map(({ name }) => (
          <li key={name}>
            <Swatch color={isFeatureName(name) ? featureColors[name] : featureColors.other} />
            {isFeatureName(name) ? t(`features.${name}`) : name}
          </li>
        ))}
        {travel}
      </ul>
    );
  }
  const power = colorMode === 'power';
  const min = power ? formatPercent(0, lang) : formatUnit(Number.isFinite(stats.bucketMin) ? stats.bucketMin : 0, 'millimeter-per-second', lang, 0);
  const max = power
    ? formatPercent(1, lang)
    : formatUnit(Number.isFinite(stats.bucketMax) ? stats.bucketMax : 255, 'millimeter-per-second', lang, 0);
  return (
    <div className="legend legend-ramp" data-testid="preview-legend">
      <span className="legend-title">{power ? t('preview.powerScale') : t('preview.speedScale')}</span>
      <span className="legend-scale">
        <span>{min}</span>
        <svg className="ramp" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <defs>
            <linearGradient id="preview-ramp">
              {rampStops.map((c, i) => (
                <stop key={c} offset={i / (rampStops.length - 1)} stopColor={c} />
              ))}
            </linearGradient>
          </defs>
          <rect x="0" y="0" width="100" height="10" rx="3" fill="url(#preview-ramp)" />
        </svg>
        <span>{max}</span>
      </span>
      {travel ? <ul className="legend-extra">{travel}</ul> : null}
    </div>
  );
}
