// A seeded demo store on a clock the test moves, with the ledger's services around it.
import fablab from '../../../assets/fablab.json';
import type { Caller } from '../../api/dispatcher';
import type { JobConsumption } from '../../api/models';
import type { Role } from '../../api/roles';
import { openStore, type Store } from '../../store';
import { seedIfEmpty } from '../../store/seed';
import { AuditLog } from '../audit';
import { nameKey } from '../auth/name-key';
import { Ledger } from './ledger';
import { seedLedger } from './seed';

export interface TestLedger {
  store: Store;
  audit: AuditLog;
  ledger: Ledger;
  clock: { now: Date };
  now: () => Date;
  logs: string[];
  memberId(name: string): string;
  caller(name: string): Caller;
  /** Moves the clock on by days (and hours). */
  advance(days: number, hours?: number): void;
  /** A job of `member` on `machine` that ended in `state` having used `consumption`. */
  endedJob(opts: { member: string; machine: string; material?: string | null; state?: string; consumption: Partial<JobConsumption>; resumes?: string | null }): string;
  balance(name: string): number;
  close(): void;
}

export const demoNames = { manager: 'Camille Martin', trainer: 'Yannick Le Goff', lea: 'Léa Dubois', karim: 'Karim Haddad' };

/** The demo members joined `joinedDaysAgo` days before `start` (past their first month by default). */
export async function testLedger(start = '2026-03-02T09:00:00.000Z', joinedDaysAgo = 60): Promise<TestLedger> {
  const clock = { now: new Date(new Date(start).getTime() - joinedDaysAgo * 86_400_000) };
  const now = () => clock.now;
  const store = openStore(':memory:', now);
  await seedIfEmpty(store.writer, fablab);
  seedLedger(store, fablab);
  clock.now = new Date(start);
  const audit = new AuditLog(store);
  const logs: string[] = [];
  const ledger = new Ledger({ store, audit, now, log: (m, e) => logs.push(`${m} ${String(e ?? '')}`) });
  const memberId = (name: string) => store.db.prepare('SELECT id FROM members WHERE name_key = ?').pluck().get(nameKey(name)) as string;
  let fileN = 0;
  return {
    store,
    audit,
    ledger,
    clock,
    now,
    logs,
    memberId,
    caller(name) {
      const id = memberId(name);
      const role = store.db.prepare('SELECT role FROM members WHERE id = ?').pluck().get(id) as Role;
      return { sessionId: `test-${id}`, role, memberId: id };
    },
    advance(days, hours = 0) {
      clock.now = new Date(clock.now.getTime() + days * 86_400_000 + hours * 3_600_000);
    },
    endedJob(o) {
      const machine = store.db.prepare('SELECT id FROM machines WHERE code = ?').pluck().get(o.machine) as string;
      const material = o.material ? (store.db.prepare('SELECT id FROM materials WHERE code = ?').pluck().get(o.material) as string) : null;
      const fileId = store.writer.insert('files', { sha256: String(++fileN).padStart(64, '0'), name: `job${fileN}.gcode`, kind: 'gcode', size_bytes: 1000, uploaded_by: null });
      const consumption: JobConsumption = { fraction: 1, linesRun: 100, machineTimeS: 0, estimatedS: 0, filamentMm: 0, filamentG: 0, laserOnS: 0, ...o.consumption };
      return store.writer.insert('jobs', {
        machine_id: machine,
        member_id: memberId(o.member),
        file_id: fileId,
        material_id: material,
        state: o.state ?? 'completed',
        lines_total: 100,
        bytes_total: 1000,
        acked_line: consumption.linesRun,
        acked_byte: Math.round(consumption.fraction * 1000),
        elapsed_s: consumption.machineTimeS,
        started_at: clock.now.toISOString(),
        ended_at: clock.now.toISOString(),
        consumption_json: JSON.stringify(consumption),
        resumes_job_id: o.resumes ?? null,
      });
    },
    balance(name) {
      return store.db.prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE member_id = ?').pluck().get(memberId(name)) as number;
    },
    close: () => store.close(),
  };
}
