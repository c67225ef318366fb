// Which plans the site's "first month free" applies to: the ones paid by the month or the quarter
// (coworking). A yearly membership fee or a one-off ticket has no "first month".
import type { Catalog, Plan } from '../../electron/api/types';

export function offersFirstMonth(catalog: Pick<Catalog, 'firstMonthFree'>, plan: Pick<Plan, 'period'>): boolean {
  return catalog.firstMonthFree && (plan.period === 'month' || plan.period === 'quarter');
}
