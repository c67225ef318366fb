// The printer's temperature plot as SVG paths: nozzle and bed, what they are and what they should be,
// over the last 15 minutes. Pure geometry, so the scale can be tested without a browser.
import type { TemperatureSample } from '../../electron/api/types';

export const plotWindowMs = 15 * 60_000;

export interface PlotBox {
  width: number;
  height: number;
  /** Room for the axis labels: left of the plot, below it. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface TemperaturePlot {
  tool: string;
  toolTarget: string;
  bed: string;
  bedTarget: string;
  /** Horizontal grid lines with their value in °C. */
  yTicks: { value: number; y: number }[];
  /** Vertical grid lines, minutes before the last sample. */
  xTicks: { minutesAgo: number; x: number }[];
  maxC: number;
}

/** The top of the scale: above the hottest reading or target, on a round 50 °C, at least 100 °C. */
export function scaleTop(samples: readonly TemperatureSample[]): number {
  let hi = 0;
  for (const s of samples) {
    for (const v of [s.tool, s.toolTarget, s.bed, s.bedTarget]) if (v !== null && Number.isFinite(v) && v > hi) hi = v;
  }
  return Math.max(100, Math.ceil((hi + 10) / 50) * 50);
}

type Key = 'tool' | 'toolTarget' | 'bed' | 'bedTarget';

/**
 * One path per series. A missing reading breaks the line (no line drawn across a gap of more than
 * a few samples either: the back end samples every 2 s, so 10 s without one is a hole, not a slope).
 * Targets are drawn as steps: a target jumps, it does not ramp.
 */
function series(samples: readonly TemperatureSample[], key: Key, x: (t: number) => number, y: (v: number) => number, step: boolean): string {
  const parts: string[] = [];
  let prevT: number | null = null;
  let prevY: number | null = null;
  for (const s of samples) {
    const v = s[key];
    if (v === null || !Number.isFinite(v)) {
      prevT = null;
      continue;
    }
    const px = round(x(s.t));
    const py = round(y(v));
    if (prevT === null || s.t - prevT > 10_000) parts.push(`M${px} ${py}`);
    else if (step && prevY !== py) parts.push(`H${px}V${py}`);
    else parts.push(`L${px} ${py}`);
    prevT = s.t;
    prevY = py;
  }
  return parts.join('');
}

const round = (v: number) => Math.round(v * 10) / 10;

export function temperaturePlot(samples: readonly TemperatureSample[], box: PlotBox, windowMs = plotWindowMs): TemperaturePlot {
  // The window ends at the last sample: the back end's clock, not the page's, sets "now".
  const end = samples.at(-1)?.t ?? 0;
  const start = end - windowMs;
  const visible = samples.filter((s) => s.t >= start);
  const maxC = scaleTop(visible);
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const x = (t: number) => box.left + ((t - start) / windowMs) * plotW;
  const y = (v: number) => box.top + plotH - (Math.min(Math.max(v, 0), maxC) / maxC) * plotH;
  const stepC = maxC > 200 ? 50 : 25;
  const yTicks: TemperaturePlot['yTicks'] = [];
  for (let v = 0; v <= maxC; v += stepC) yTicks.push({ value: v, y: round(y(v)) });
  const xTicks: TemperaturePlot['xTicks'] = [];
  for (let m = 0; m * 60_000 <= windowMs; m += 5) xTicks.push({ minutesAgo: m, x: round(x(end - m * 60_000)) });
  return {
    tool: series(visible, 'tool', x, y, false),
    toolTarget: series(visible, 'toolTarget', x, y, true),
    bed: series(visible, 'bed', x, y, false),
    bedTarget: series(visible, 'bedTarget', x, y, true),
    yTicks,
    xTicks,
    maxC,
  };
}

/** Heating, cooling or holding: how far a reading is from its target (a few degrees is holding). */
export function heatTrend(t: { actual: number; target: number } | null): 'off' | 'heating' | 'cooling' | 'holding' {
  if (!t) return 'off';
  if (t.target <= 0) return t.actual > 50 ? 'cooling' : 'off';
  if (t.actual < t.target - 3) return 'heating';
  if (t.actual > t.target + 5) return 'cooling';
  return 'holding';
}
