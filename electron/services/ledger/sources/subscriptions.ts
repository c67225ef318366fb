// A member takes a plan for one period (the calendar month, quarter or year holding its first day):
// the plan's price in force, less the category discount, is charged once, and the plan becomes theirs.
import type { Caller } from '../../../api/dispatcher';
import { DomainError } from '../../../api/errors';
import type { SubscriptionView } from '../../../api/models';
import { roleAtLeast } from '../../../api/roles';
import type { Store } from '../../../store';
import type { AuditLog } from '../../audit';
import { parisDay, planPeriod } from '../../dates';
import { entryView, insertCharge, memberBalance } from '../entries';
import { planTermsAt } from '../grid';
import { subscriptionLine } from '../lines';
import { memberPayer } from '../refs';
import { refused } from '../refused';

export interface Subscribe {
  planId: string;
  memberId?: string | undefined;
  /** First day (YYYY-MM-DD, Paris); today by default. */
  startDay?: string | undefined;
}

export function subscribe(store: Store, audit: AuditLog, input: Subscribe, caller: Caller, now: Date): SubscriptionView {
  if (!caller.memberId) throw new DomainError('unauthenticated');
  const memberId = input.memberId ?? caller.memberId;
  if (memberId !== caller.memberId && !roleAtLeast(caller.role, 'manager')) throw new DomainError('forbidden');
  const plan = store.db.prepare('SELECT id, code, name_fr, name_en FROM plans WHERE code = ? OR id = ?').get(input.planId, input.planId) as
    | { id: string; code: string; name_fr: string; name_en: string }
    | undefined;
  if (!plan) throw new DomainError('not_found', { what: 'plan' });
  const at = now.toISOString();
  const terms = planTermsAt(store.db, plan.id, at);
  if (!terms || terms.active !== 1) throw refused('plan_inactive', { plan: plan.code });
  const start = input.startDay ?? parisDay(now);
  const period = planPeriod(terms.period, start, start);
  const overlapping = store.db
    .prepare('SELECT period_end FROM subscriptions WHERE member_id = ? AND plan_id = ? AND period_start <= ? AND period_end >= ?')
    .pluck()
    .get(memberId, plan.id, period.end, period.start) as string | undefined;
  if (overlapping) throw refused('already_subscribed', { plan: plan.code, until: overlapping });
  const payer = memberPayer(store.db, memberId);
  const line = subscriptionLine({ db: store.db, payer, at }, plan, terms, period);
  const ids = store.writer.transaction(() => {
    const subscriptionId = store.writer.insert('subscriptions', {
      member_id: memberId,
      plan_id: plan.id,
      plan_terms_id: terms.id,
      period_start: period.start,
      period_end: period.end,
      price_cents: terms.price_cents,
      recorded_by: caller.memberId,
    });
    const entryId = insertCharge(store, {
      occurredAt: at,
      source: 'subscription',
      payer,
      refs: { subscriptionId },
      period,
      line,
      recordedBy: caller.memberId,
    });
    if (payer.planId !== plan.id) store.writer.update('members', memberId, { plan_id: plan.id });
    audit.record(caller.memberId, 'plan.subscribe', memberId, { plan: plan.code, start: period.start, end: period.end, entry: entryId });
    return { subscriptionId, entryId };
  });
  return {
    id: ids.subscriptionId,
    memberId,
    planId: plan.code,
    periodStart: period.start,
    periodEnd: period.end,
    priceCents: terms.price_cents,
    entry: entryView(store.db, ids.entryId)!,
    balanceCents: memberBalance(store.db, memberId),
  };
}
