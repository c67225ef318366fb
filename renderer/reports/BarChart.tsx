// A horizontal bar chart: one row per thing (a public, a machine, a month), its name, a bar drawn in SVG
// on a track with the axis's marks, and its figure. Names and figures stay HTML text, so they read at
// the kiosk's size whatever the chart's width; bars are SVG rectangles (the CSP allows no inline style).
import { useTranslation } from 'react-i18next';
import { allZero, scaleBars } from './chart';

export interface BarRow {
  key: string;
  label: string;
  /** A second line under the name (jobs, members…). */
  note?: string;
  value: number;
  valueText: string;
}

const track = 1000;

export function BarChart({ rows, title, testId, tone = 'green', scaleText }: { rows: BarRow[]; title: string; testId: string; tone?: 'green' | 'terra' | 'ochre'; scaleText?(top: number): string }) {
  const { t } = useTranslation();
  const scale = scaleBars(
    rows.map((r) => r.value),
    track,
    { minVisible: 6 },
  );
  const empty = rows.length === 0 || allZero(rows.map((r) => r.value));
  return (
    <figure className={`bar-chart bar-chart-${tone}`} data-testid={testId} data-empty={empty}>
      <figcaption className="bar-chart-title">{title}</figcaption>
      {empty ? (
        <p className="muted bar-chart-empty">{t('reports.chartEmpty')}</p>
      ) : (
        <>
          <ul className="bar-rows">
            {rows.map((r, i) => (
              <li key={r.key} className="bar-row" data-testid="bar-row" data-key={r.key} data-value={r.value}>
                <span className="bar-label">
                  <span>{r.label}</span>
                  {r.note ? <span className="muted bar-note">{r.note}</span> : null}
                </span>
                <svg className="bar-track" viewBox={`0 0 ${track} 40`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                  <rect x="0" y="0" width={track} height="40" className="bar-bg" />
                  {scale.ticks.slice(1, -1).map((tick) => (
                    <line key={tick} x1={(tick / scale.top) * track} x2={(tick / scale.top) * track} y1="0" y2="40" className="bar-tick" vectorEffect="non-scaling-stroke" />
                  ))}
                  <rect x="0" y="6" width={scale.bars[i]?.length ?? 0} height="28" className="bar-fill" />
                </svg>
                <span className="bar-value">{r.valueText}</span>
              </li>
            ))}
          </ul>
          {scaleText ? <p className="muted bar-scale">{t('reports.scale', { top: scaleText(scale.top) })}</p> : null}
        </>
      )}
    </figure>
  );
}
