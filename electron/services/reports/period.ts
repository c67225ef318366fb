// A reporting period: two Paris calendar days, both inclusive, at most about three years apart so that
// one call stays cheap. Instants (a job's end, a session's end) belong to the period by their Paris day.
import { DomainError } from '../../api/errors';
import { parisDay } from '../dates';

export interface Period {
  from: string;
  to: string;
}

export const maxPeriodDays = 3 * 366;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  const m = dayPattern.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Checks a period; a bad one is `invalid_input` naming the field (`reason`: `not_a_day`, `before_from`, `too_long`). */
export function checkPeriod(from: string, to: string): Period {
  if (!isCalendarDay(from)) throw new DomainError('invalid_input', { field: 'from', reason: 'not_a_day' });
  if (!isCalendarDay(to)) throw new DomainError('invalid_input', { field: 'to', reason: 'not_a_day' });
  if (to < from) throw new DomainError('invalid_input', { field: 'to', reason: 'before_from' });
  if (daysBetween(from, to) + 1 > maxPeriodDays) throw new DomainError('invalid_input', { field: 'to', reason: 'too_long', maxDays: maxPeriodDays });
  return { from, to };
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The months the period touches, YYYY-MM, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** ISO instants surely around the period (Paris is UTC+1 or +2), to narrow a query before `parisDayIn`. */
export function instantBounds(p: Period): { after: string; before: string } {
  return { after: `${addDays(p.from, -1)}T00:00:00.000Z`, before: `${addDays(p.to, 2)}T00:00:00.000Z` };
}

/** The Paris day of an instant, if it falls in the period. */
export function parisDayIn(iso: string | null, p: Period): string | null {
  if (!iso) return null;
  const day = parisDay(new Date(iso));
  return day >= p.from && day <= p.to ? day : null;
}
