// The arithmetic of the report's bar charts, apart from React: a round top for the axis (so its marks
// read 0, 5, 10, 15, 20 rather than 0, 4.35, 8.7…), the marks, and each bar's length on the track.

/** The smallest "round" number ≥ `max`: 1, 2, 2.5, 5 times a power of ten. 0 and below give 1. */
export function niceCeiling(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    // Guard against 0.30000000000000004-style drift when max is itself round.
    if (candidate >= max - power * 1e-9) return candidate;
  }
  return 10 * power;
}

/** Marks from 0 to `top` in `count` equal steps. */
export function axisTicks(top: number, count = 4): number[] {
  const n = Math.max(1, Math.round(count));
  return Array.from({ length: n + 1 }, (_, i) => Number(((top * i) / n).toPrecision(12)));
}

export interface ScaledBar {
  value: number;
  /** Length on the track, in the chart's units (0 for zero and negative values). */
  length: number;
}

export interface Scale {
  top: number;
  ticks: number[];
  bars: ScaledBar[];
}

/**
 * Bars on a track of `track` units. Negative values (a period's refunds) get no bar: their figure says
 * it. A non-zero value too small to see still gets `minVisible` units, so "a little" never looks like
 * "nothing".
 */
export function scaleBars(values: readonly number[], track: number, options: { ticks?: number; minVisible?: number } = {}): Scale {
  const finite = values.map((v) => (Number.isFinite(v) ? v : 0));
  const top = niceCeiling(Math.max(0, ...finite));
  const minVisible = options.minVisible ?? 2;
  const bars = finite.map((value) => {
    if (value <= 0) return { value, length: 0 };
    return { value, length: Math.min(track, Math.max(minVisible, (value / top) * track)) };
  });
  return { top, ticks: axisTicks(top, options.ticks ?? 4), bars };
}

/** True when every value is zero (or less): a chart of nothing says so in words instead. */
export function allZero(values: readonly number[]): boolean {
  return values.every((v) => !(v > 0));
}
