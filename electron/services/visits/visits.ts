// Check-in and check-out at the welcome kiosk. A member has at most one open visit; a visit left open
// on an earlier day is closed by the kiosk (people forget to check out). A coworking check-in uses one
// day of the member's plan per Paris calendar day; the first check-in ever is the free first visit.
import { DomainError } from '../../api/errors';
import type { CoworkingDay, Presence, VisitPurpose, VisitView } from '../../api/models';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { parisDay, planPeriod, type PlanPeriod } from '../dates';

interface VisitRow {
  id: string;
  member_id: string;
  purpose: VisitPurpose;
  event_id: string | null;
  day: string;
  checked_in_at: string;
  checked_out_at: string | null;
  counted_day: number;
  extra_day: number;
  first_visit: number;
}

interface PlanRow {
  code: string;
  period: PlanPeriod;
  included_days: number | null;
  covers_coworking: number;
}

export class Visits {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    /** Called in the check-in's transaction for a coworking visit (the ledger's day entry). Must not throw. */
    private readonly onCoworkingCheckIn?: (visitId: string) => void,
  ) {}

  checkIn(memberId: string, purpose: VisitPurpose, eventId?: string): VisitView {
    if (eventId !== undefined && !this.eventIds().includes(eventId)) throw new DomainError('invalid_input', { field: 'eventId' });
    const at = this.now();
    const iso = at.toISOString();
    const today = parisDay(at);
    const w = this.store.writer;
    const id = w.transaction(() => {
      let reuse: string | null = null;
      for (const open of this.openVisits(memberId)) {
        if (open.day < today) {
          w.update('visits', open.id, { checked_out_at: iso, auto_closed: 1 });
        } else if (open.purpose === purpose && open.event_id === (eventId ?? null)) {
          reuse = open.id;
        } else {
          w.update('visits', open.id, { checked_out_at: iso });
          this.audit.record(memberId, 'visit.check_out', open.id, { purpose: open.purpose, reason: 'new_check_in' });
        }
      }
      if (reuse) return reuse;
      const member = this.store.db.prepare('SELECT first_visit_at FROM members WHERE id = ?').get(memberId) as { first_visit_at: string | null };
      const first = member.first_visit_at === null;
      let counted = 0;
      let extra = 0;
      if (purpose === 'coworking' && !this.dayAlreadyCounted(memberId, today)) {
        const plan = this.plan(memberId);
        if (plan?.covers_coworking === 1 && plan.included_days === null) {
          // Unlimited plan: the day is covered, nothing to count.
        } else if (plan?.covers_coworking === 1 && this.daysUsed(memberId, plan, today) < plan.included_days!) {
          counted = 1;
        } else {
          extra = 1;
        }
      }
      const visitId = w.insert('visits', {
        member_id: memberId,
        purpose,
        event_id: eventId ?? null,
        day: today,
        checked_in_at: iso,
        checked_out_at: null,
        counted_day: counted,
        extra_day: extra,
        first_visit: first ? 1 : 0,
      });
      if (first) w.update('members', memberId, { first_visit_at: iso });
      if (purpose === 'coworking') this.onCoworkingCheckIn?.(visitId);
      this.audit.record(memberId, 'visit.check_in', visitId, { purpose, eventId: eventId ?? null, countedDay: counted === 1, extraDay: extra === 1, firstVisit: first });
      return visitId;
    });
    return this.view(this.row(id)!);
  }

  checkOut(memberId: string): VisitView {
    const open = this.openVisits(memberId).at(-1);
    if (!open) throw new DomainError('not_found', { what: 'visit' });
    this.store.writer.transaction(() => {
      for (const v of this.openVisits(memberId)) this.store.writer.update('visits', v.id, { checked_out_at: this.now().toISOString() });
      this.audit.record(memberId, 'visit.check_out', open.id, { purpose: open.purpose });
    });
    return this.view(this.row(open.id)!);
  }

  /** Open visits of today, by purpose. */
  presence(): Presence {
    const rows = this.store.db
      .prepare(
        `SELECT v.purpose, COUNT(DISTINCT v.member_id) AS n FROM visits v JOIN members m ON m.id = v.member_id
         WHERE v.checked_out_at IS NULL AND v.day = ? AND m.erased_at IS NULL GROUP BY v.purpose`,
      )
      .all(parisDay(this.now())) as { purpose: VisitPurpose; n: number }[];
    const byPurpose: Record<VisitPurpose, number> = { fablab: 0, coworking: 0, event: 0 };
    for (const r of rows) byPurpose[r.purpose] = r.n;
    return { total: byPurpose.fablab + byPurpose.coworking + byPurpose.event, byPurpose };
  }

  current(memberId: string): VisitView | null {
    const today = parisDay(this.now());
    const open = this.openVisits(memberId).filter((v) => v.day === today).at(-1);
    return open ? this.view(open) : null;
  }

  recent(memberId: string, limit = 10): VisitView[] {
    const rows = this.store.db
      .prepare('SELECT * FROM visits WHERE member_id = ? ORDER BY checked_in_at DESC, id DESC LIMIT ?')
      .all(memberId, limit) as VisitRow[];
    return rows.map((r) => this.view(r));
  }

  all(memberId: string): VisitView[] {
    return this.recent(memberId, 100_000);
  }

  /** The member's coworking days in the period holding today; null without a plan that counts days. */
  coworking(memberId: string): CoworkingDay | null {
    const plan = this.plan(memberId);
    if (plan?.covers_coworking !== 1 || plan.included_days === null) return null;
    return this.coworkingDay(memberId, plan, parisDay(this.now()), false, false);
  }

  /** True until the member's first check-in, if the site offers the first visit. */
  firstVisitFree(memberId: string): boolean {
    const m = this.store.db.prepare('SELECT first_visit_at FROM members WHERE id = ?').get(memberId) as { first_visit_at: string | null } | undefined;
    return m?.first_visit_at === null && this.siteOffersFirstVisit();
  }

  private view(r: VisitRow): VisitView {
    let coworking: CoworkingDay | null = null;
    if (r.purpose === 'coworking') {
      coworking = this.coworkingDay(r.member_id, this.plan(r.member_id), r.day, r.counted_day === 1, r.extra_day === 1);
    }
    return {
      id: r.id,
      purpose: r.purpose,
      eventId: r.event_id,
      checkedInAt: r.checked_in_at,
      checkedOutAt: r.checked_out_at,
      firstVisitFree: r.first_visit === 1 && this.siteOffersFirstVisit(),
      coworking,
    };
  }

  private coworkingDay(memberId: string, plan: PlanRow | undefined, day: string, counted: boolean, extra: boolean): CoworkingDay {
    const covered = plan?.covers_coworking === 1;
    const period = planPeriod(covered ? plan.period : 'month', day, day);
    const used = covered ? this.daysUsed(memberId, plan, day) : 0;
    const included = covered ? plan.included_days : null;
    return {
      plan: plan?.code ?? null,
      counted,
      extra,
      daysIncluded: included,
      daysUsed: used,
      daysLeft: included === null ? null : Math.max(0, included - used),
      periodStart: period.start,
      periodEnd: period.end,
    };
  }

  private daysUsed(memberId: string, plan: PlanRow, day: string): number {
    const since = (this.store.db.prepare('SELECT created_at FROM members WHERE id = ?').pluck().get(memberId) as string).slice(0, 10);
    const { start, end } = planPeriod(plan.period, day, since);
    return this.store.db
      .prepare('SELECT COUNT(*) FROM visits WHERE member_id = ? AND counted_day = 1 AND day BETWEEN ? AND ?')
      .pluck()
      .get(memberId, start, end) as number;
  }

  private dayAlreadyCounted(memberId: string, day: string): boolean {
    return (
      this.store.db
        .prepare("SELECT 1 FROM visits WHERE member_id = ? AND day = ? AND purpose = 'coworking' AND (counted_day = 1 OR extra_day = 1)")
        .get(memberId, day) !== undefined
    );
  }

  private plan(memberId: string): PlanRow | undefined {
    return this.store.db
      .prepare('SELECT p.code, p.period, p.included_days, p.covers_coworking FROM members m JOIN plans p ON p.id = m.plan_id WHERE m.id = ?')
      .get(memberId) as PlanRow | undefined;
  }

  private openVisits(memberId: string): VisitRow[] {
    return this.store.db
      .prepare('SELECT * FROM visits WHERE member_id = ? AND checked_out_at IS NULL ORDER BY checked_in_at, id')
      .all(memberId) as VisitRow[];
  }

  private row(id: string): VisitRow | undefined {
    return this.store.db.prepare('SELECT * FROM visits WHERE id = ?').get(id) as VisitRow | undefined;
  }

  private siteOffersFirstVisit(): boolean {
    return this.store.db.prepare('SELECT first_month_free FROM sites LIMIT 1').pluck().get() === 1;
  }

  private eventIds(): string[] {
    const content = this.store.db.prepare('SELECT content_json FROM sites LIMIT 1').pluck().get() as string;
    return (JSON.parse(content) as { events: { id: string }[] }).events.map((e) => e.id);
  }
}
