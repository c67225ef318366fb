// Calendar arithmetic the lab's rules are written in: Paris calendar days (a coworking day), plan
// periods (month, quarter, year), months of validity, and dates as French documents print them.
const parisDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Paris, as YYYY-MM-DD. */
export function parisDay(at: Date): string {
  return parisDayFormat.format(at);
}

/** Same day of the month `months` later, or the month's last day when it has no such day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export type PlanPeriod = 'month' | 'quarter' | 'year' | 'once';

/** The calendar period holding `day` (YYYY-MM-DD), both ends inclusive. `once`: from `since` on, without end. */
export function planPeriod(period: PlanPeriod, day: string, since: string): { start: string; end: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  switch (period) {
    case 'month':
      return { start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(lastOf(y, m))}` };
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { start: `${y}-${pad(first)}-01`, end: `${y}-${pad(first + 2)}-${pad(lastOf(y, first + 2))}` };
    }
    case 'year':
      return { start: `${y}-01-01`, end: `${y}-12-31` };
    case 'once':
      return { start: since, end: '9999-12-31' };
  }
}

const frDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
const frTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** "23 novembre 2026" */
export function frenchDate(iso: string): string {
  return frDate.format(new Date(iso));
}

/** "14:05" */
export function frenchTime(iso: string): string {
  return frTime.format(new Date(iso));
}
