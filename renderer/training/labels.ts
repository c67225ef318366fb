// Names the training screens need from data: machines a module opens, a step's kind.
import type { MachineSummary } from '../../electron/api/types';

/** The machines' names for their codes, in the order given; an unknown code stays as is. */
export function machineNames(codes: readonly string[], machines: readonly Pick<MachineSummary, 'code' | 'name'>[]): string[] {
  return codes.map((c) => machines.find((m) => m.code === c)?.name ?? c);
}

/** A duration in minutes for a module card: "45 min", "1 h 30". */
export function durationLabel(minutes: number, lang: 'fr' | 'en'): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (rest === 0) return `${h} h`;
  return lang === 'fr' ? `${h} h ${String(rest).padStart(2, '0')}` : `${h} h ${rest} min`;
}
