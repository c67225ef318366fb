// The figures managers print for the lab's funders, for a period of Paris days: who used the lab (by
// public category), which machines for how long, month by month, the material used, the training
// delivered, the coworking days and the revenue by kind. Money, machine time, material and coworking
// days come from the ledger (the revenue lines add up to its entries to the cent); visits, jobs and
// training from their own tables. Read in one transaction: every figure sees the same state.
import type {
  CategoryUsage,
  LedgerKind,
  LedgerUnit,
  MachineUsage,
  MaterialUsage,
  MonthUsage,
  PaymentLine,
  RevenueLine,
  TrainingModuleUsage,
  UsageReport,
} from '../../api/models';
import type { Store } from '../../store';
import { readSite } from '../kiosk';
import { reportTranslator } from './i18n';
import { checkPeriod, instantBounds, monthsOf, parisDayIn, type Period } from './period';

export const chargeKinds = ['machine_time', 'material', 'coworking_day', 'shop_sale', 'subscription'] as const satisfies readonly LedgerKind[];
const paymentOrder = ['cash', 'card', 'cheque', 'transfer', 'account', 'other'];

// A correction may leave out what its original points at: the original fills in.
const ledgerFrom = 'FROM ledger_entries e LEFT JOIN ledger_entries o ON o.id = e.corrects_id';
const inPeriod = 'e.day BETWEEN @from AND @to';
const entries = `${ledgerFrom} WHERE ${inPeriod}`;

interface Counter {
  members: Set<string>;
  newMembers: number;
  visits: number;
  certified: Set<string>;
}

const counter = (): Counter => ({ members: new Set(), newMembers: 0, visits: 0, certified: new Set() });

export function usageReport(store: Store, from: string, to: string, now: Date): UsageReport {
  const period = checkPeriod(from, to);
  return store.db.transaction(() => build(store, period, now))();
}

function build(store: Store, p: Period, now: Date): UsageReport {
  const db = store.db;
  const site = readSite(store);
  const bounds = instantBounds(p);
  const args = { from: p.from, to: p.to };
  const months = monthsOf(p);

  // ── Members: by their current category ────────────────────────────────────────────────────────
  const categoryOf = new Map(
    (db.prepare('SELECT id, profile_category_id FROM members').all() as { id: string; profile_category_id: string }[]).map((m) => [
      m.id,
      m.profile_category_id,
    ]),
  );
  const byCategory = new Map<string, Counter>();
  const byMonth = new Map<string, Counter>(months.map((m) => [m, counter()]));
  const all = counter();
  const cat = (categoryId: string) => {
    let c = byCategory.get(categoryId);
    if (!c) byCategory.set(categoryId, (c = counter()));
    return c;
  };
  const active = (memberId: string, day: string) => {
    all.members.add(memberId);
    cat(categoryOf.get(memberId)!).members.add(memberId);
    byMonth.get(day.slice(0, 7))?.members.add(memberId);
  };

  const visits = db.prepare('SELECT member_id, day FROM visits WHERE day BETWEEN @from AND @to').all(args) as { member_id: string; day: string }[];
  for (const v of visits) {
    active(v.member_id, v.day);
    all.visits++;
    cat(categoryOf.get(v.member_id)!).visits++;
    byMonth.get(v.day.slice(0, 7))!.visits++;
  }
  const users = db
    .prepare(`SELECT DISTINCT e.member_id, e.day ${entries} AND e.member_id IS NOT NULL AND e.kind <> 'payment'`)
    .all(args) as { member_id: string; day: string }[];
  for (const u of users) active(u.member_id, u.day);
  const firsts = db
    .prepare('SELECT id, first_visit_at FROM members WHERE first_visit_at >= ? AND first_visit_at < ?')
    .all(bounds.after, bounds.before) as { id: string; first_visit_at: string }[];
  for (const m of firsts) {
    const day = parisDayIn(m.first_visit_at, p);
    if (!day) continue;
    all.newMembers++;
    cat(categoryOf.get(m.id)!).newMembers++;
    byMonth.get(day.slice(0, 7))!.newMembers++;
  }

  // ── Training: sessions that ended in the period, certifications signed off in it ─────────────
  const titles = new Map(
    (db.prepare('SELECT code, title_fr, title_en FROM modules ORDER BY published_at, id').all() as { code: string; title_fr: string; title_en: string }[]).map(
      (m) => [m.code, { fr: m.title_fr, en: m.title_en }],
    ),
  );
  const moduleRows = new Map<string, TrainingModuleUsage>();
  const moduleRow = (code: string) => {
    let r = moduleRows.get(code);
    if (!r) moduleRows.set(code, (r = { module: code, title: titles.get(code) ?? { fr: code, en: code }, sessions: 0, durationS: 0, attendees: 0, certifications: 0 }));
    return r;
  };
  const sessions = db
    .prepare(
      `SELECT s.id, s.module_code, s.started_at, s.ended_at FROM training_sessions s
       WHERE s.ended_at >= ? AND s.ended_at < ? ORDER BY s.ended_at`,
    )
    .all(bounds.after, bounds.before) as { id: string; module_code: string; started_at: string; ended_at: string }[];
  const attendeesOf = db.prepare('SELECT member_id FROM session_attendees WHERE session_id = ? AND removed_at IS NULL').pluck();
  const training = { sessions: 0, durationS: 0, attendees: 0, traineeS: 0, certifications: 0, membersCertified: 0 };
  for (const s of sessions) {
    const day = parisDayIn(s.ended_at, p);
    if (!day) continue;
    const durationS = Math.max(0, Math.round((Date.parse(s.ended_at) - Date.parse(s.started_at)) / 1000));
    const people = attendeesOf.all(s.id) as string[];
    for (const m of people) active(m, day);
    training.sessions++;
    training.durationS += durationS;
    training.attendees += people.length;
    training.traineeS += durationS * people.length;
    const r = moduleRow(s.module_code);
    r.sessions++;
    r.durationS += durationS;
    r.attendees += people.length;
  }
  const certs = db
    .prepare('SELECT member_id, module_code, signed_off_at FROM certifications WHERE revoked_at IS NULL AND signed_off_at >= ? AND signed_off_at < ?')
    .all(bounds.after, bounds.before) as { member_id: string; module_code: string; signed_off_at: string }[];
  for (const c of certs) {
    const day = parisDayIn(c.signed_off_at, p);
    if (!day) continue;
    active(c.member_id, day);
    training.certifications++;
    all.certified.add(c.member_id);
    cat(categoryOf.get(c.member_id)!).certified.add(c.member_id);
    moduleRow(c.module_code).certifications++;
  }
  training.membersCertified = all.certified.size;

  // ── Ledger: by category, machine, month, material, kind and payment method ───────────────────
  const ledgerByCategory = new Map(
    (
      db
        .prepare(
          `SELECT e.profile_category_id AS category, e.member_id IS NULL AS visitor,
             SUM(CASE WHEN e.kind = 'coworking_day' THEN e.quantity ELSE 0 END) AS coworking,
             SUM(CASE WHEN e.kind = 'machine_time' AND e.unit = 's' THEN e.quantity ELSE 0 END) AS machine_s,
             -SUM(CASE WHEN e.kind <> 'payment' THEN e.amount_cents ELSE 0 END) AS revenue
           ${entries} GROUP BY e.profile_category_id, e.member_id IS NULL`,
        )
        .all(args) as { category: string | null; visitor: number; coworking: number; machine_s: number; revenue: number }[]
    ).map((r) => [r.category ?? (r.visitor ? '' : '?'), r]),
  );
  const categories = db.prepare('SELECT id, code, name_fr, name_en FROM profile_categories ORDER BY sort, code').all() as {
    id: string;
    code: string;
    name_fr: string;
    name_en: string;
  }[];
  const categoryRows: CategoryUsage[] = categories.map((c) => {
    const k = byCategory.get(c.id) ?? counter();
    const l = ledgerByCategory.get(c.id);
    return {
      category: c.code,
      name: { fr: c.name_fr, en: c.name_en },
      members: k.members.size,
      newMembers: k.newMembers,
      visits: k.visits,
      membersCertified: k.certified.size,
      coworkingDays: l?.coworking ?? 0,
      machineTimeS: l?.machine_s ?? 0,
      revenueCents: l?.revenue ?? 0,
    };
  });
  // Visitors at the counter (and, should one exist, a member entry with no category) close the table.
  for (const key of ['', '?']) {
    const l = ledgerByCategory.get(key);
    if (!l) continue;
    const t = (lang: 'fr' | 'en') => reportTranslator(lang)(key === '' ? 'visitors' : 'otherCategory');
    categoryRows.push({ category: null, name: { fr: t('fr'), en: t('en') }, members: 0, newMembers: 0, visits: 0, membersCertified: 0, coworkingDays: l.coworking, machineTimeS: l.machine_s, revenueCents: l.revenue });
  }

  const ledgerByMachine = new Map(
    (
      db
        .prepare(
          `SELECT COALESCE(e.machine_id, o.machine_id) AS machine_id,
             SUM(CASE WHEN e.kind = 'machine_time' AND e.unit = 's' THEN e.quantity ELSE 0 END) AS machine_s,
             SUM(CASE WHEN e.kind = 'machine_time' AND e.source = 'manual' THEN 1 ELSE 0 END) AS manual,
             -SUM(CASE WHEN e.kind = 'machine_time' THEN e.amount_cents ELSE 0 END) AS revenue
           ${entries} AND COALESCE(e.machine_id, o.machine_id) IS NOT NULL GROUP BY 1`,
        )
        .all(args) as { machine_id: string; machine_s: number; manual: number; revenue: number }[]
    ).map((r) => [r.machine_id, r]),
  );
  const jobsByMachine = new Map<string, { jobs: number; completed: number }>();
  let jobs = 0;
  for (const j of db
    .prepare(
      `SELECT machine_id, state, ended_at FROM jobs WHERE ended_at >= ? AND ended_at < ?
       AND state IN ('completed', 'cancelled', 'failed', 'interrupted')`,
    )
    .all(bounds.after, bounds.before) as { machine_id: string; state: string; ended_at: string }[]) {
    if (!parisDayIn(j.ended_at, p)) continue;
    const r = jobsByMachine.get(j.machine_id) ?? { jobs: 0, completed: 0 };
    r.jobs++;
    if (j.state === 'completed') r.completed++;
    jobsByMachine.set(j.machine_id, r);
    jobs++;
  }
  const machineRows: MachineUsage[] = (
    db.prepare('SELECT id, code, name, kind, active FROM machines ORDER BY code').all() as { id: string; code: string; name: string; kind: string; active: number }[]
  )
    .filter((m) => m.active === 1 || ledgerByMachine.has(m.id) || jobsByMachine.has(m.id))
    .map((m) => {
      const l = ledgerByMachine.get(m.id);
      const j = jobsByMachine.get(m.id);
      return {
        machineId: m.id,
        code: m.code,
        name: m.name,
        kind: m.kind,
        jobs: j?.jobs ?? 0,
        jobsCompleted: j?.completed ?? 0,
        manualUses: l?.manual ?? 0,
        machineTimeS: l?.machine_s ?? 0,
        revenueCents: l?.revenue ?? 0,
      };
    });

  const ledgerByMonth = new Map(
    (
      db
        .prepare(
          `SELECT substr(e.day, 1, 7) AS month,
             SUM(CASE WHEN e.kind = 'coworking_day' THEN e.quantity ELSE 0 END) AS coworking,
             SUM(CASE WHEN e.kind = 'machine_time' AND e.unit = 's' THEN e.quantity ELSE 0 END) AS machine_s,
             -SUM(CASE WHEN e.kind <> 'payment' THEN e.amount_cents ELSE 0 END) AS revenue,
             SUM(CASE WHEN e.kind = 'payment' THEN e.amount_cents ELSE 0 END) AS payments
           ${entries} GROUP BY 1`,
        )
        .all(args) as { month: string; coworking: number; machine_s: number; revenue: number; payments: number }[]
    ).map((r) => [r.month, r]),
  );
  const monthRows: MonthUsage[] = months.map((m) => {
    const k = byMonth.get(m)!;
    const l = ledgerByMonth.get(m);
    return {
      month: m,
      members: k.members.size,
      newMembers: k.newMembers,
      visits: k.visits,
      coworkingDays: l?.coworking ?? 0,
      machineTimeS: l?.machine_s ?? 0,
      revenueCents: l?.revenue ?? 0,
      paymentsCents: l?.payments ?? 0,
    };
  });

  const materialRows = new Map<string, MaterialUsage>();
  for (const r of db
    .prepare(
      `SELECT mt.id, mt.code, mt.name_fr, mt.name_en, mt.kind AS material_kind, e.kind, e.unit, SUM(e.quantity) AS quantity, -SUM(e.amount_cents) AS revenue
       ${ledgerFrom} JOIN materials mt ON mt.id = COALESCE(e.material_id, o.material_id)
       WHERE ${inPeriod} AND e.kind IN ('material', 'shop_sale')
       GROUP BY mt.id, e.kind, e.unit ORDER BY mt.code, e.unit`,
    )
    .all(args) as { id: string; code: string; name_fr: string; name_en: string; material_kind: string; kind: LedgerKind; unit: LedgerUnit; quantity: number; revenue: number }[]) {
    const key = `${r.id}/${r.unit}`;
    const m = materialRows.get(key) ?? { materialId: r.id, code: r.code, name: { fr: r.name_fr, en: r.name_en }, kind: r.material_kind, unit: r.unit, usedQuantity: 0, soldQuantity: 0, revenueCents: 0 };
    if (r.kind === 'material') m.usedQuantity += r.quantity;
    else m.soldQuantity += r.quantity;
    m.revenueCents += r.revenue;
    materialRows.set(key, m);
  }

  const kindRows = new Map(
    (
      db
        .prepare(
          `SELECT e.kind, COUNT(*) AS entries, SUM(e.quantity) AS quantity, COUNT(DISTINCT e.unit) AS units, MIN(e.unit) AS unit,
             SUM(CASE WHEN e.source <> 'correction' THEN e.gross_cents ELSE 0 END) AS gross,
             SUM(CASE WHEN e.source <> 'correction' THEN e.quota_cents + e.free_cents + e.discount_cents ELSE 0 END) AS reductions,
             -SUM(CASE WHEN e.source = 'correction' THEN e.amount_cents ELSE 0 END) AS corrections,
             -SUM(e.amount_cents) AS revenue
           ${entries} AND e.kind <> 'payment' GROUP BY e.kind`,
        )
        .all(args) as { kind: LedgerKind; entries: number; quantity: number; units: number; unit: LedgerUnit; gross: number; reductions: number; corrections: number; revenue: number }[]
    ).map((r) => [r.kind, r]),
  );
  const revenue: RevenueLine[] = chargeKinds.map((kind) => {
    const r = kindRows.get(kind);
    return {
      kind,
      entries: r?.entries ?? 0,
      quantity: r ? (r.units === 1 ? r.quantity : null) : 0,
      unit: r ? (r.units === 1 ? r.unit : null) : null,
      grossCents: r?.gross ?? 0,
      reductionCents: r?.reductions ?? 0,
      correctionsCents: r?.corrections ?? 0,
      revenueCents: r?.revenue ?? 0,
    };
  });
  const payments: PaymentLine[] = (
    db
      .prepare(`SELECT COALESCE(e.payment_method, 'other') AS method, COUNT(*) AS entries, SUM(e.amount_cents) AS amount ${entries} AND e.kind = 'payment' GROUP BY 1`)
      .all(args) as { method: PaymentLine['method']; entries: number; amount: number }[]
  )
    .map((r) => ({ method: r.method, entries: r.entries, amountCents: r.amount }))
    .sort((a, b) => paymentOrder.indexOf(a.method) - paymentOrder.indexOf(b.method));
  const ledger = db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(e.amount_cents), 0) AS net ${entries}`).get(args) as { n: number; net: number };

  const revenueCents = revenue.reduce((s, r) => s + r.revenueCents, 0);
  const paymentsCents = payments.reduce((s, r) => s + r.amountCents, 0);
  return {
    from: p.from,
    to: p.to,
    generatedAt: now.toISOString(),
    site: { name: site.name, town: site.town },
    currency: site.currency,
    totals: {
      uniqueMembers: all.members.size,
      newMembers: all.newMembers,
      visits: all.visits,
      coworkingDays: [...ledgerByCategory.values()].reduce((s, r) => s + r.coworking, 0),
      machineTimeS: [...ledgerByCategory.values()].reduce((s, r) => s + r.machine_s, 0),
      jobs,
      manualUses: machineRows.reduce((s, m) => s + m.manualUses, 0),
      trainingSessions: training.sessions,
      trainingS: training.durationS,
      traineeS: training.traineeS,
      certifications: training.certifications,
      membersCertified: training.membersCertified,
      revenueCents,
      paymentsCents,
      ledgerNetCents: ledger.net,
      entries: ledger.n,
    },
    byCategory: categoryRows,
    byMachine: machineRows,
    byMonth: monthRows,
    materials: [...materialRows.values()],
    training: { ...training, byModule: [...moduleRows.values()].sort((a, b) => a.module.localeCompare(b.module)) },
    revenue,
    payments,
  };
}
