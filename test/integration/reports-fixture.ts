// A quarter of a lab's life written through the real procedures (the ledger helper's sources, the
// check-in, the shop, the trainer sessions), on a clock the test moves: members of every public, machine
// time logged by hand on every kind of machine, filament and sheets, coworking days, shop sales paid at the
// counter or on account, plans, payments, corrections and two training sessions. Deterministic: the same
// calls in the same order every run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demo, repoRoot, screen, tempBackend, type TempBackend } from '../support/temp-backend';

export type Screen = Awaited<ReturnType<typeof screen>>;

export interface Lab {
  backend: TempBackend;
  clock: { now: () => Date; set: (iso: string) => void };
  manager: Screen;
  trainer: Screen;
  members: Record<'lea' | 'karim' | 'yannick' | 'chloe' | 'asso' | 'zoe' | 'noah', { id: string; screen: Screen }>;
  /** A hostile name for the CSV: a formula, a separator and quotes. */
  zoeName: string;
  counts: { manual: number; sales: number; payments: number; corrections: number; subscriptions: number; coworking: number };
}

/** A small deterministic generator (LCG), so that the quarter is the same every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

function signUpInput(displayName: string, profileCategory: string, pin: string) {
  return { displayName, profileCategory, planId: null, pin, consentPurposes: ['membership', 'certifications'], charterVersion: '1' };
}

function quizAnswers(code: string): Record<string, number[]> {
  const def = JSON.parse(readFileSync(join(repoRoot, 'assets', 'modules', code, 'module.json'), 'utf8')) as { quiz: { id: string; correct: number[] }[] };
  return Object.fromEntries(def.quiz.map((q) => [q.id, q.correct]));
}

export async function seededLab(start = '2026-01-05T08:00:00.000Z', days = 86): Promise<Lab> {
  let t = Date.parse(start);
  const clock = { now: () => new Date(t), set: (iso: string) => void (t = Date.parse(iso)) };
  // Sessions must outlive the fake clock's jumps of days.
  const backend = await tempBackend({ now: clock.now, idleTimeoutS: 1_000_000_000 });
  const manager = await screen(backend, demo.manager);
  const trainer = await screen(backend, demo.trainer);
  const zoeName = '=Zoé "la bricoleuse"; Gramat';
  const newcomers = [
    ['chloe', 'Chloé Lefèvre', 'artist', '7391'],
    ['asso', 'Les Ateliers du Causse', 'association', '5820'],
    ['zoe', zoeName, 'general_public', '6402'],
    ['noah', 'Noah Bernard', 'pupil_student', '8153'],
  ] as const;
  const members = {} as Lab['members'];
  for (const [key, who] of [['lea', demo.member], ['karim', demo.karim], ['yannick', demo.trainer]] as const) {
    const s = key === 'yannick' ? trainer : await screen(backend, who);
    const me = await s.ok<{ id: string }>('members.me');
    members[key] = { id: me.id, screen: s };
  }
  for (const [key, name, category, pin] of newcomers) {
    const s = await screen(backend);
    const session = await s.ok<{ member: { id: string } }>('members.signUp', signUpInput(name, category, pin));
    members[key] = { id: session.member.id, screen: s };
  }
  const counts = { manual: 0, sales: 0, payments: 0, corrections: 0, subscriptions: 0, coworking: 0 };
  const r = random(20260105);
  const all = Object.values(members);
  const machines = [
    ['thermoformer', 'thermo-petg-05', 1],
    ['embroidery', null, 0],
    ['scanner-3d', null, 0],
    ['sewing', null, 0],
    ['prusa-mk4', 'pla-175', 85],
    ['ender-3', 'petg-175', 40],
    ['laser-co2', 'plywood-3', 1],
    ['cnc-3040', 'mdf-3', 1],
    ['vinyl-cutter', 'vinyl-adhesive', 1.5],
  ] as const;
  const products = ['pla-175', 'acrylic-3', 'plywood-3', 'vinyl-adhesive'];

  for (const [productId, quantity] of [['pla-175', 60_000], ['petg-175', 30_000], ['acrylic-3', 200], ['plywood-3', 300], ['mdf-3', 200], ['vinyl-adhesive', 300], ['thermo-petg-05', 200]] as const) {
    await manager.ok('stock.restock', { productId, quantity });
  }
  await manager.ok('plans.subscribe', { planId: 'coworking-20-days', memberId: members.karim.id });
  await manager.ok('plans.subscribe', { planId: 'coworking-permanent', memberId: members.yannick.id });
  await manager.ok('plans.subscribe', { planId: 'fablab-membership', memberId: members.asso.id });
  counts.subscriptions += 3;

  for (let d = 0; d < days; d++) {
    const day = new Date(Date.parse(start) + d * 86_400_000);
    const iso = (h: number, m = 0) => new Date(day.getTime() + (h * 60 + m) * 60_000).toISOString();
    const weekday = day.getUTCDay();
    clock.set(iso(0));
    if (day.getUTCDate() === 1) {
      await manager.ok('plans.subscribe', { planId: 'coworking-permanent', memberId: members.yannick.id });
      counts.subscriptions++;
    }
    if (weekday === 0) continue;
    // Morning: the coworkers and a few makers check in.
    if (weekday <= 5) {
      for (const key of ['karim', 'yannick'] as const) {
        await members[key].screen.ok('visits.checkIn', { purpose: 'coworking' });
        counts.coworking++;
      }
    }
    for (const m of all) if (r(3) === 0) await m.screen.ok('visits.checkIn', { purpose: 'fablab' });
    // Machine time logged by hand (with material where the machine takes one).
    for (let i = 0; i < 1 + r(3); i++) {
      clock.set(iso(2 + i, r(60)));
      const [machineId, materialId, quantity] = machines[r(machines.length)]!;
      const who = all[r(all.length)]!;
      await manager.ok('ledger.logManual', {
        machineId,
        minutes: 5 + r(170),
        memberId: who.id,
        ...(materialId ? { materialId, quantity: typeof quantity === 'number' && quantity > 5 ? quantity + r(60) : quantity } : {}),
      });
      counts.manual++;
    }
    // The shop: on account, at the counter, or to a visitor without an account.
    if (d % 2 === 0) {
      clock.set(iso(6, r(50)));
      const productId = products[r(products.length)]!;
      const quantity = productId === 'pla-175' ? 100 + r(400) : 1 + r(3);
      const kind = r(3);
      const who = all[r(all.length)]!;
      await manager.ok('shop.sell', {
        ...(kind === 2 ? { visitorLabel: 'Visiteur' } : { memberId: who.id }),
        lines: [{ productId, quantity }],
        paymentMethod: kind === 0 ? 'account' : (['cash', 'card', 'cheque'] as const)[r(3)],
      });
      counts.sales++;
    }
    // Saturdays: members settle part of what they owe.
    if (weekday === 6) {
      clock.set(iso(9));
      for (const m of all) {
        const page = await manager.ok<{ balanceCents: number | null }>('ledger.list', { memberId: m.id, limit: 1 });
        if ((page.balanceCents ?? 0) < -500) {
          await manager.ok('ledger.recordPayment', { memberId: m.id, amountCents: Math.round(-page.balanceCents! * 0.8), method: (['cash', 'card', 'cheque', 'transfer'] as const)[r(4)] });
          counts.payments++;
        }
      }
    }
    // Now and then a manager corrects a charge (a refund, a cancellation).
    if (d % 9 === 4) {
      clock.set(iso(10));
      const charged = backend.store.db
        .prepare(
          `SELECT e.id, e.amount_cents FROM ledger_entries e WHERE e.amount_cents < 0 AND e.corrects_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects_id = e.id) ORDER BY e.id`,
        )
        .all() as { id: string; amount_cents: number }[];
      const entry = charged[r(charged.length)];
      if (entry) {
        await manager.ok('ledger.correct', { entryId: entry.id, amountCents: r(2) === 0 ? 0 : Math.round(entry.amount_cents / 2), reason: 'Geste commercial' });
        counts.corrections++;
      }
    }
    // Two safety sessions in the quarter.
    if (d === 17 || d === 60) {
      clock.set(iso(13));
      const code = d === 17 ? 'laser' : 'fdm';
      const s = await trainer.ok<{ id: string }>('sessions.start', { moduleCode: code });
      const attendees = d === 17 ? [members.lea, members.chloe, members.noah] : [members.zoe, members.asso];
      for (const a of attendees) await trainer.ok('sessions.addAttendee', { sessionId: s.id, memberId: a.id });
      for (const a of attendees) {
        await trainer.ok('sessions.submitQuiz', { sessionId: s.id, memberId: a.id, answers: quizAnswers(code) });
        await trainer.ok('sessions.signOff', { sessionId: s.id, memberId: a.id, passed: a !== attendees[0] || d === 17 });
      }
      clock.set(iso(14, 30));
      await trainer.ok('sessions.end', { sessionId: s.id });
    }
  }
  return { backend, clock, manager, trainer, members, zoeName, counts };
}

/** SUM(amount_cents) and friends straight from the ledger, for a period of Paris days. */
export function ledgerSums(lab: Lab, from: string, to: string) {
  const db = lab.backend.store.db;
  const one = (sql: string) => db.prepare(sql).pluck().get(from, to) as number;
  return {
    net: one('SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE day BETWEEN ? AND ?'),
    charges: one("SELECT COALESCE(-SUM(amount_cents), 0) FROM ledger_entries WHERE day BETWEEN ? AND ? AND kind <> 'payment'"),
    payments: one("SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE day BETWEEN ? AND ? AND kind = 'payment'"),
    entries: one('SELECT COUNT(*) FROM ledger_entries WHERE day BETWEEN ? AND ?'),
    byKind: Object.fromEntries(
      (db.prepare("SELECT kind, -SUM(amount_cents) AS revenue FROM ledger_entries WHERE day BETWEEN ? AND ? GROUP BY kind").all(from, to) as { kind: string; revenue: number }[]).map((r) => [r.kind, r.revenue]),
    ) as Record<string, number>,
    machineS: one("SELECT COALESCE(SUM(quantity), 0) FROM ledger_entries WHERE day BETWEEN ? AND ? AND kind = 'machine_time'"),
    coworkingDays: one("SELECT COALESCE(SUM(quantity), 0) FROM ledger_entries WHERE day BETWEEN ? AND ? AND kind = 'coworking_day'"),
    visits: one('SELECT COUNT(*) FROM visits WHERE day BETWEEN ? AND ?'),
  };
}
