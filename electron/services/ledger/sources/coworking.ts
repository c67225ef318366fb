// One entry per coworking day, written by the check-in that opens the day (in its transaction). The
// check-in has already decided whether the plan covers the day (visits.counted_day, or an unlimited
// plan) or it is extra; the ledger prices it: covered days at zero against the plan, the first visit
// free when the site offers it, other days at the day rate less the category discount.
import type { Store } from '../../../store';
import { insertCharge } from '../entries';
import { coworkingLine, payerPlanTerms } from '../lines';
import { memberPayer } from '../refs';

interface VisitRow {
  id: string;
  member_id: string;
  purpose: string;
  day: string;
  checked_in_at: string;
  counted_day: number;
  extra_day: number;
  first_visit: number;
}

export class CoworkingCharges {
  constructor(private readonly d: { store: Store; log: (message: string, err?: unknown) => void }) {}

  /** Never throws: a failed charge must not refuse someone at the door (catchUp retries it). */
  onCheckIn(visitId: string): void {
    try {
      this.charge(visitId);
    } catch (err) {
      this.d.log(`visit ${visitId}: coworking day not charged`, err);
    }
  }

  charge(visitId: string): string | null {
    const { store } = this.d;
    return store.writer.transaction(() => {
      const v = store.db.prepare('SELECT * FROM visits WHERE id = ?').get(visitId) as VisitRow | undefined;
      if (!v || v.purpose !== 'coworking') return null;
      const already = store.db
        .prepare("SELECT 1 FROM ledger_entries WHERE member_id = ? AND day = ? AND kind = 'coworking_day' AND corrects_id IS NULL")
        .get(v.member_id, v.day);
      if (already) return null;
      const payer = memberPayer(store.db, v.member_id, true);
      const c = { db: store.db, payer, at: v.checked_in_at };
      const terms = payerPlanTerms(c);
      const unlimited = payer.coversCoworking && terms !== undefined && terms.included_days === null;
      // Neither counted nor extra, on a plan with a count: the day was opened by an earlier visit.
      if (v.counted_day === 0 && v.extra_day === 0 && !unlimited) return null;
      const covered = v.counted_day === 1 || (v.extra_day === 0 && unlimited);
      const siteFree = store.db.prepare('SELECT first_month_free FROM sites LIMIT 1').pluck().get() === 1;
      const line = coworkingLine(c, v.day, { covered, firstVisitFree: v.first_visit === 1 && siteFree });
      return insertCharge(store, { occurredAt: v.checked_in_at, source: 'visit', payer, refs: { visitId: v.id }, line });
    });
  }

  /** Coworking visits since `since` (ISO) whose day has no entry. */
  catchUp(since: string): number {
    const ids = this.d.store.db
      .prepare(
        `SELECT v.id FROM visits v WHERE v.purpose = 'coworking' AND v.checked_in_at >= ?
           AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.member_id = v.member_id AND e.day = v.day AND e.kind = 'coworking_day')
         ORDER BY v.checked_in_at, v.id`,
      )
      .pluck()
      .all(since) as string[];
    let charged = 0;
    for (const id of ids) {
      try {
        if (this.charge(id)) charged++;
      } catch (err) {
        this.d.log(`visit ${id}: coworking day not charged`, err);
      }
    }
    return charged;
  }
}
