// A printer's temperatures: the nozzle and the bed now (big), and the last 15 minutes as a plot,
// reading against target, so a maker sees a printer still heating, or a heater that cannot keep up.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MachineLive } from '../../electron/api/types';
import { ThermometerIcon } from '../components/icons';
import { formatUnit, type Lang } from '../lib/format';
import { heatTrend, temperaturePlot, type PlotBox } from './temperature-plot';

const box: PlotBox = { width: 640, height: 230, left: 56, right: 14, top: 12, bottom: 34 };

function Reading({ label, reading, tone, lang, testId }: { label: string; reading: { actual: number; target: number } | null; tone: 'tool' | 'bed'; lang: Lang; testId: string }) {
  const { t } = useTranslation();
  const trend = heatTrend(reading);
  return (
    <div className={`temp-reading temp-${tone}`} data-testid={testId} data-actual={reading?.actual ?? ''} data-target={reading?.target ?? ''}>
      <span className="temp-label">
        <span className="temp-swatch" aria-hidden="true" />
        {label}
      </span>
      <span className="temp-value">{reading ? formatUnit(reading.actual, 'celsius', lang, 0) : '—'}</span>
      <span className="temp-target">
        {!reading ? t('board.noReading') : reading.target > 0 ? t('board.target', { value: formatUnit(reading.target, 'celsius', lang, 0) }) : t('board.heaterOff')}
        {trend === 'heating' || trend === 'cooling' ? <span className={`temp-trend temp-trend-${trend}`}> · {t(`board.trend.${trend}`)}</span> : null}
      </span>
    </div>
  );
}

export function TemperaturePanel({ live, lang }: { live: MachineLive; lang: Lang }) {
  const { t } = useTranslation();
  // A halted or unplugged printer says nothing more: its last readings are history, not the present.
  const stale = live.status === 'offline' || live.status === 'error';
  const plot = useMemo(() => temperaturePlot(live.temperatureHistory, box), [live.temperatureHistory]);
  const temps = live.temperatures;
  const right = box.width - box.right;
  return (
    <section className="card board-panel temp-panel" aria-labelledby={`temps-${live.machineId}`} data-testid="temperatures">
      <h2 id={`temps-${live.machineId}`} className="panel-title">
        <ThermometerIcon />
        {t('board.temperatures')}
      </h2>
      {stale && temps ? <p className="temp-stale-note">{t('board.tempsStale')}</p> : null}
      <div className={stale ? 'temp-readings temp-stale' : 'temp-readings'}>
        <Reading label={t('board.nozzle')} reading={temps?.tool ?? null} tone="tool" lang={lang} testId="temp-tool" />
        <Reading label={t('board.bed')} reading={temps?.bed ?? null} tone="bed" lang={lang} testId="temp-bed" />
      </div>
      <svg
        className="temp-plot"
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-label={t('board.plotLabel')}
        data-testid="temp-plot"
        data-samples={live.temperatureHistory.length}
      >
        {plot.yTicks.map((tick) => (
          <g key={`y${tick.value}`}>
            <line className="plot-grid" x1={box.left} x2={right} y1={tick.y} y2={tick.y} />
            <text className="plot-label" x={box.left - 8} y={tick.y + 5} textAnchor="end">
              {formatUnit(tick.value, 'celsius', lang, 0)}
            </text>
          </g>
        ))}
        {plot.xTicks.map((tick) => (
          <text key={`x${tick.minutesAgo}`} className="plot-label" x={tick.x} y={box.height - 8} textAnchor={tick.minutesAgo === 0 ? 'end' : 'middle'}>
            {tick.minutesAgo === 0 ? t('board.plotNow') : t('board.plotAgo', { minutes: tick.minutesAgo })}
          </text>
        ))}
        <path className="plot-target plot-bed" d={plot.bedTarget} />
        <path className="plot-target plot-tool" d={plot.toolTarget} />
        <path className="plot-line plot-bed" d={plot.bed} />
        <path className="plot-line plot-tool" d={plot.tool} />
      </svg>
      <p className="plot-key" aria-hidden="true">
        <span className="plot-key-line" /> {t('board.plotActual')}
        <span className="plot-key-dash" /> {t('board.plotTarget')}
      </p>
      {live.temperatureHistory.length === 0 ? <p className="muted">{t('board.plotEmpty')}</p> : null}
    </section>
  );
}
