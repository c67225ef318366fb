// A job that ends (completed, cancelled or e-stopped, failed, or interrupted by a pulled cable or a
// crash) is charged for what actually ran: machine time, filament pushed, sheets used. Called in the
// transaction that writes the job's final state, so both commit or neither; charged once per job and
// kind (a unique index stands behind the check), so a recovery run twice changes nothing.
import type { JobConsumption } from '../../../api/models';
import type { Store } from '../../../store';
import type { JobRow } from '../../jobs/rows';
import { insertCharge } from '../entries';
import { machineTimeLine, materialLine, type LineContext } from '../lines';
import { materialRef, memberPayer, type MachineRef, type MaterialRef } from '../refs';
import { moveStock } from '../stock';

const endedStates: readonly JobRow['state'][] = ['completed', 'cancelled', 'failed', 'interrupted'];

export interface JobChargeDeps {
  store: Store;
  now: () => Date;
  log: (message: string, err?: unknown) => void;
}

/** What the job used from the stock: filament by the gram for printers, sheets for the rest. */
export interface JobMaterialUse {
  material: MaterialRef;
  quantity: number;
}

export class JobCharges {
  constructor(private readonly d: JobChargeDeps) {}

  /** Never throws: a charge that cannot be written must not keep the job from ending (catchUp retries it). */
  onJobEnded(jobId: string): void {
    try {
      this.charge(jobId);
    } catch (err) {
      this.d.log(`job ${jobId}: not charged`, err);
    }
  }

  /** Charges the job (in its own savepoint); returns the ids of the entries written now. */
  charge(jobId: string): string[] {
    const { store } = this.d;
    return store.writer.transaction(() => {
      const job = store.db.prepare('SELECT * FROM jobs WHERE id = ?').get(jobId) as JobRow | undefined;
      if (!job || !endedStates.includes(job.state) || !job.member_id) return [];
      const machine = store.db.prepare('SELECT id, code, name, kind, connection, firmware FROM machines WHERE id = ?').get(job.machine_id) as MachineRef;
      const consumption = job.consumption_json ? (JSON.parse(job.consumption_json) as JobConsumption) : null;
      const at = job.ended_at ?? this.d.now().toISOString();
      const payer = memberPayer(store.db, job.member_id, true);
      const c: LineContext = { db: store.db, payer, at };
      const done = new Set(
        store.db.prepare('SELECT kind FROM ledger_entries WHERE job_id = ? AND corrects_id IS NULL').pluck().all(job.id) as string[],
      );
      const written: string[] = [];
      // Running time, pauses excluded; without a measurement, the last durable figure.
      const seconds = Math.round(consumption?.machineTimeS ?? job.elapsed_s);
      if (seconds > 0 && !done.has('machine_time')) {
        written.push(insertCharge(store, { occurredAt: at, source: 'job', payer, refs: { machineId: machine.id, jobId: job.id }, line: machineTimeLine(c, machine, seconds) }));
      }
      const use = this.materialUse(job, machine, consumption);
      if (use && use.quantity > 0 && !done.has('material')) {
        const line = materialLine(c, use.material, use.quantity);
        const entryId = insertCharge(store, { occurredAt: at, source: 'job', payer, refs: { machineId: machine.id, materialId: use.material.id, jobId: job.id }, line });
        written.push(entryId);
        const taken = store.db.prepare('SELECT 1 FROM stock_movements WHERE job_id = ? AND material_id = ?').get(job.id, use.material.id);
        if (!taken) moveStock(store, { type: 'material', material: use.material }, { kind: 'job', quantity: -line.quantity, entryId, jobId: job.id });
      }
      return written;
    });
  }

  /**
   * Printers: the filament the acknowledged lines pushed, of the job's (or declared) filament. Laser, CNC
   * and the rest: the sheets the maker declared, else one sheet of the job's sheet material once anything
   * ran — none for a job that carries on an interrupted one, which goes on over the same sheet.
   */
  materialUse(job: JobRow, machine: MachineRef, consumption: JobConsumption | null): JobMaterialUse | null {
    const db = this.d.store.db;
    const declared = db
      .prepare('SELECT material_id, sheets FROM job_material_declarations WHERE job_id = ? ORDER BY id DESC LIMIT 1')
      .get(job.id) as { material_id: string | null; sheets: number } | undefined;
    const materialId = declared?.material_id ?? job.material_id;
    const material = materialId ? materialRef(db, materialId) : undefined;
    if (!material) return null;
    if (machine.kind === 'fdm') {
      return material.kind === 'filament' && consumption ? { material, quantity: consumption.filamentG } : null;
    }
    if (material.unit !== 'sheet') return null;
    if (declared) return { material, quantity: declared.sheets };
    const ran = (consumption?.linesRun ?? 0) > 0 || job.acked_line >= job.from_line;
    return { material, quantity: ran && !job.resumes_job_id ? 1 : 0 };
  }

  /** Jobs ended since `since` (ISO) with no charge at all: a hook that failed, or a store older than its wiring. */
  catchUp(since: string): number {
    const ids = this.d.store.db
      .prepare(
        `SELECT j.id FROM jobs j WHERE j.state IN ('completed', 'cancelled', 'failed', 'interrupted') AND j.started_at IS NOT NULL
           AND j.ended_at >= ? AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.job_id = j.id) ORDER BY j.id`,
      )
      .pluck()
      .all(since) as string[];
    let charged = 0;
    for (const id of ids) {
      try {
        if (this.charge(id).length > 0) charged++;
      } catch (err) {
        this.d.log(`job ${id}: not charged`, err);
      }
    }
    return charged;
  }
}
