// The ledger's services, built once by the back end: the sources that write entries as things happen
// (job ends, coworking check-ins) and the price grid.
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { Pricing } from './pricing';
import { CoworkingCharges } from './sources/coworking';
import { JobCharges } from './sources/jobs';

export interface LedgerDeps {
  store: Store;
  audit: AuditLog;
  now: () => Date;
  log: (message: string, err?: unknown) => void;
}

export class Ledger {
  readonly jobs: JobCharges;
  readonly coworking: CoworkingCharges;
  readonly pricing: Pricing;

  constructor(readonly d: LedgerDeps) {
    this.jobs = new JobCharges(d);
    this.coworking = new CoworkingCharges(d);
    this.pricing = new Pricing(d);
  }

  /** When the ledger came into this store: nothing before it is charged after the fact. */
  since(): string {
    return this.d.store.db.prepare('SELECT applied_at FROM schema_migrations WHERE version = 5').pluck().get() as string;
  }

  /**
   * At start, after the jobs' recovery: the screens' prices follow the grid in force, and whatever ended
   * without its charge (a write that failed) is charged now. Returns how many jobs and days were charged.
   */
  start(): { jobs: number; days: number } {
    this.pricing.refreshMirrors(this.d.now());
    const since = this.since();
    return { jobs: this.jobs.catchUp(since), days: this.coworking.catchUp(since) };
  }
}
