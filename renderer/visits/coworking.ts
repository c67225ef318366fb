// What a coworking check-in means for the member's plan, as one sentence key and its values.
import type { CoworkingDay } from '../../electron/api/types';

export type CoworkingLine =
  | { key: 'visits.daysLeft'; count: number; end: string }
  | { key: 'visits.unlimited' }
  | { key: 'visits.extraDay' }
  | { key: 'visits.noPlanDay' };

/**
 * "19 days left until 31 March" for a plan with days; "unlimited" for a permanent desk; a day beyond
 * the plan (or without a coworking plan) is charged, and the member is told so plainly.
 */
export function coworkingLine(day: CoworkingDay): CoworkingLine {
  if (day.extra) return day.plan === null || day.daysIncluded === null ? { key: 'visits.noPlanDay' } : { key: 'visits.extraDay' };
  if (day.daysLeft === null) return { key: 'visits.unlimited' };
  return { key: 'visits.daysLeft', count: day.daysLeft, end: day.periodEnd };
}

/** The share of the period's days used, for the bar under the sentence (null when unlimited). */
export function daysUsedFraction(day: CoworkingDay): number | null {
  if (day.daysIncluded === null || day.daysIncluded <= 0) return null;
  return Math.min(1, day.daysUsed / day.daysIncluded);
}
