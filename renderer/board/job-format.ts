// Figures of a job as the board writes them: the share done (never 100 % before the end), the clock
// time it should end at, positions to the hundredth of a millimetre. Intl, in the screen's language.
import { formatNumber, localeOf, type Lang } from '../lib/format';

/** Whole percent, rounded down: a print at 99.6 % is not done. */
export function percentDone(fraction: number, completed = false): number {
  if (completed) return 100;
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return Math.min(99, Math.floor(f * 100));
}

export function formatPercentDone(fraction: number, lang: Lang, completed = false): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(percentDone(fraction, completed) / 100);
}

/** "15:42" for an end later today, "mar. 09:10" for one after midnight. */
export function formatEndsAt(etaS: number, lang: Lang, now: Date = new Date()): string {
  const end = new Date(now.getTime() + Math.max(0, etaS) * 1000);
  const sameDay = end.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(localeOf(lang), {
    ...(sameDay ? {} : { weekday: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(end);
}

/** A coordinate: two decimals, always shown, so the digits do not jump while the head moves. */
export function formatAxis(mm: number, lang: Lang): string {
  return formatNumber(mm, lang, 2, 2);
}

/** Grbl's laser or spindle value as a share of its full scale (`$30`), when that scale is known. */
export function spindleShare(s: number | null, maxS: number | null): number | null {
  if (s === null || maxS === null || maxS <= 0) return null;
  return Math.min(1, Math.max(0, s / maxS));
}
