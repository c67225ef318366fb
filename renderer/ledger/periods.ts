// Periods of Paris calendar days (YYYY-MM-DD, both inclusive), as the statements, invoices and reports
// take them: presets a manager or member taps (this month, last month, the quarter, the year) and a
// custom pair checked before it is sent.

export type PeriodPreset = 'thisMonth' | 'lastMonth' | 'quarter' | 'year' | 'lastYear';
export const periodPresets: readonly PeriodPreset[] = ['thisMonth', 'lastMonth', 'quarter', 'year', 'lastYear'];

export interface Period {
  from: string;
  to: string;
}

/** The back end refuses periods longer than this (three years of days). */
export const maxPeriodDays = 3 * 366;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day in Paris at `now`: what the ledger calls the day. */
export function parisDay(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function parts(day: string): { y: number; m: number; d: number } | null {
  const match = dayPattern.exec(day);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const back = new Date(Date.UTC(y, m - 1, d));
  // 2026-02-31 is not a day.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return { y, m, d };
}

export function isDay(day: string): boolean {
  return parts(day) !== null;
}

function ymd(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** First and last day of the month `m` (1-12, may overflow: Date.UTC carries it into the year). */
function month(y: number, m: number): Period {
  return { from: ymd(y, m, 1), to: ymd(y, m + 1, 0) };
}

export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const p = parts(today);
  if (!p) throw new Error(`not a day: ${today}`);
  switch (preset) {
    case 'thisMonth':
      return month(p.y, p.m);
    case 'lastMonth':
      return month(p.y, p.m - 1);
    case 'quarter': {
      const first = Math.floor((p.m - 1) / 3) * 3 + 1;
      return { from: ymd(p.y, first, 1), to: ymd(p.y, first + 3, 0) };
    }
    case 'year':
      return { from: ymd(p.y, 1, 1), to: ymd(p.y, 12, 31) };
    case 'lastYear':
      return { from: ymd(p.y - 1, 1, 1), to: ymd(p.y - 1, 12, 31) };
  }
}

/** The preset a period is, if any (to light the right button when a period comes back). */
export function presetOf(period: Period, today: string): PeriodPreset | null {
  return periodPresets.find((p) => {
    const x = presetPeriod(p, today);
    return x.from === period.from && x.to === period.to;
  }) ?? null;
}

/** Days from `from` to `to`, both counted. */
export function periodDays(period: Period): number {
  const a = parts(period.from);
  const b = parts(period.to);
  if (!a || !b) return 0;
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000) + 1;
}

export type PeriodProblem = 'bad_day' | 'reversed' | 'too_long';

/** What is wrong with a period typed by hand, before the back end refuses it. */
export function periodProblem(period: Period): PeriodProblem | null {
  if (!isDay(period.from) || !isDay(period.to)) return 'bad_day';
  const days = periodDays(period);
  if (days < 1) return 'reversed';
  if (days > maxPeriodDays) return 'too_long';
  return null;
}

/** A day plus or minus some days. */
export function addDays(day: string, n: number): string {
  const p = parts(day);
  if (!p) throw new Error(`not a day: ${day}`);
  return ymd(p.y, p.m, p.d + n);
}

/**
 * The instant a Paris day starts, with Paris's offset on that day ("2027-01-01T00:00:00+01:00"): a price
 * change "from the 1st of January" means from midnight in the lab, summer or winter time.
 */
export function parisMidnight(day: string): string {
  const p = parts(day);
  if (!p) throw new Error(`not a day: ${day}`);
  // Clocks change at 01:00 UTC, well after a Paris midnight: the offset one hour before that day's UTC
  // midnight (23:00 UTC the evening before, already the day in Paris) is the offset of its midnight.
  const probe = new Date(Date.UTC(p.y, p.m - 1, p.d, 0, 0) - 60 * 60_000);
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).formatToParts(probe).find((x) => x.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(name)?.[1] ?? '+00:00';
  return `${ymd(p.y, p.m, p.d)}T00:00:00${offset}`;
}

/** "2026-12" → the first day of that month, as a Date at noon UTC (safe to format in any zone). */
export function monthDate(monthKey: string): Date {
  const [y, m] = monthKey.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1, 12));
}

/** A day as a Date at noon UTC, to format without slipping to the day before. */
export function dayDate(day: string): Date {
  const p = parts(day);
  return p ? new Date(Date.UTC(p.y, p.m - 1, p.d, 12)) : new Date(NaN);
}

/** The Paris calendar day of an instant, as a Date that formats to that day anywhere. */
export function parisDate(iso: string): Date {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? d : dayDate(parisDay(d));
}

/** An instant as the lab's clock shows it ("31/12/2026 00:00"), whatever the screen's time zone. */
export function formatParisDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/** A day as "01/12/2026" (tables where a long date would not fit). */
export function formatDayShort(day: string, locale: string): string {
  const d = dayDate(day);
  return Number.isNaN(d.getTime()) ? day : new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}
