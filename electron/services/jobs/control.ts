// The job procedures: queue a checked file on a machine, start it at the machine, pause, resume, cancel,
// retry an interrupted one, and the machine actions around them. Who may do what is decided here, in
// the back end; the runner (jobs/machines) does the streaming and says which line ran last.
import { JobRun, printResumePreamble, printStateAt, settingsFindings, syncLine, type RunCheckpoint, type RunResult } from '../../../jobs/machines';
import { DomainError } from '../../api/errors';
import type { JobView } from '../../api/models';
import type { Caller } from '../../api/dispatcher';
import { roleAtLeast } from '../../api/roles';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import type { Uploads } from '../files/uploads';
import { analyzeWithTimeline } from '../gcode/analyze';
import type { MachineHub } from '../machines/hub';
import { findMachine, machineProfile, materialProfile } from '../machines/profile';
import type { MachineRow } from '../machines/machines';
import type { MachineAccess } from './access';
import { consumptionOf } from './consumption';
import { activeStates, jobRow, jobView, listJobViews, type JobPlan, type JobRow } from './rows';

export interface JobControlDeps {
  store: Store;
  uploads: Uploads;
  hub: MachineHub;
  audit: AuditLog;
  access: MachineAccess;
  now: () => Date;
  log: (message: string, err?: unknown) => void;
  checkpointMs?: number;
  /** Writes the ledger entries of a job that reached its final state, in the transaction that writes it. Must not throw. */
  onJobEnded?: (jobId: string) => void;
}

export class JobControl {
  private readonly finishing = new Set<Promise<void>>();

  constructor(private readonly d: JobControlDeps) {}

  /** After a crash or a kill, jobs the store still calls running were interrupted at their last durable line. */
  async recover(): Promise<void> {
    const stale = this.d.store.db.prepare(`SELECT * FROM jobs WHERE state IN ('running', 'paused')`).all() as JobRow[];
    for (const row of stale) await this.finish(row.id, 'interrupted', 'kiosk_stopped', {});
  }

  async queue(input: { fileId: string; machineId: string; materialId?: string | undefined }, caller: Caller): Promise<JobView> {
    const memberId = this.member(caller);
    const machine = this.machine(input.machineId);
    if (machine.connection !== 'serial' || (machine.firmware !== 'grbl' && machine.firmware !== 'marlin')) {
      throw new DomainError('machine_unavailable', { reason: 'not_connected_kind' });
    }
    this.checkAccess(memberId, machine);
    const { analysis, timeline } = await analyzeWithTimeline(this.d.store, this.d.uploads, { ...input, machineId: machine.id }, () => {});
    const refusal = analysis.findings.find((f) => f.severity === 'error');
    if (refusal) throw new DomainError('job_refused', { finding: refusal.code, line: refusal.line ?? 0 });
    const plan: JobPlan = { filamentMm: analysis.filamentMm, filamentG: analysis.filamentG, laserOnS: analysis.laserOnS, timeline };
    const id = this.d.store.writer.insert('jobs', {
      machine_id: machine.id,
      member_id: memberId,
      file_id: input.fileId,
      material_id: input.materialId ? (materialId(this.d.store, input.materialId) ?? null) : null,
      state: 'queued',
      lines_total: analysis.lines,
      bytes_total: analysis.bytes,
      layers_total: analysis.layers,
      estimate_s: analysis.durationS,
      plan_json: JSON.stringify(plan),
    });
    this.d.audit.record(memberId, 'job.queue', id, { machine: machine.code, file: analysis.file.name });
    this.d.hub.changed(machine.id);
    return this.view(id);
  }

  list(input: { machineId?: string | undefined; mine: boolean; limit: number }, caller: Caller): JobView[] {
    return listJobViews(this.d.store, {
      machineId: input.machineId,
      memberId: input.mine ? this.member(caller) : undefined,
      limit: input.limit,
    });
  }

  async start(jobId: string, caller: Caller): Promise<JobView> {
    const row = this.owned(jobId, caller);
    if (row.state !== 'queued') throw new DomainError('conflict', { state: row.state });
    const machine = this.machine(row.machine_id);
    // Checked again at the start: a certification may have expired while the job waited.
    if (row.member_id) this.checkAccess(row.member_id, machine);
    const conn = this.d.hub.connection(machine.id);
    const driver = conn?.driver;
    if (!conn || !driver) throw new DomainError('machine_unavailable', { reason: 'offline' });
    if (conn.busy) throw new DomainError('machine_unavailable', { reason: 'busy' });
    if (conn.status !== 'idle') throw new DomainError('machine_unavailable', { reason: conn.status });
    const first = listJobViews(this.d.store, { machineId: machine.id, states: ['queued'], limit: 1 })[0];
    if (first && first.id !== row.id && !roleAtLeast(caller.role, 'trainer')) throw new DomainError('conflict', { reason: 'not_first' });
    // The board's own settings against the profile the job was checked with: a laser without laser mode
    // ($32=1) stops at every corner with the beam on and burns; that refuses the job.
    const settingsError = settingsFindings(driver, machineProfile(machine), { laser: machine.kind === 'laser' }).find((m) => m.severity === 'error');
    if (settingsError) throw new DomainError('machine_unavailable', { reason: 'settings', code: settingsError.code, setting: String(settingsError.params?.setting ?? '') });

    const { path } = this.d.uploads.file(row.file_id);
    let preamble: string[] | undefined;
    if (row.from_line > 1) {
      preamble = printResumePreamble(await printStateAt(path, { byte: row.from_byte, line: row.from_line })) ?? undefined;
      if (!preamble) throw new DomainError('conflict', { reason: 'not_resumable' });
    }
    const run = new JobRun(
      driver,
      {
        path,
        from: { byte: row.from_byte, line: row.from_line },
        fromLayer: row.from_layer,
        preamble,
        syncLine: syncLine[driver.firmware],
        onLineError: machine.kind === 'cnc' ? 'pause' : 'continue',
        checkpointMs: this.d.checkpointMs ?? 250,
      },
      { checkpoint: (c) => this.checkpoint(row.id, c) },
    );
    conn.run = { jobId: row.id, run };
    this.d.store.writer.update('jobs', row.id, { state: 'running', started_at: this.d.now().toISOString() });
    this.d.audit.record(caller.memberId, 'job.start', row.id, { machine: machine.code });
    run.events.on('state', (s) => {
      if (s === 'paused' || s === 'running') this.setState(row.id, s);
      conn.refreshStatus();
      this.d.hub.changed(machine.id);
    });
    run.events.on('progress', () => this.d.hub.changed(machine.id));
    // The firmware's own messages reach the board through the connection; these are the runner's.
    run.events.on('message', (m) => conn.addMessage(m));
    const done = run.run().then(
      (result) => this.ended(row.id, machine.id, result),
      (err) => this.d.log(`job ${row.id}: runner failed`, err),
    );
    this.track(done);
    return this.view(row.id);
  }

  async pause(jobId: string, caller: Caller): Promise<JobView> {
    const run = this.running(jobId, caller);
    await run.pause();
    this.d.audit.record(caller.memberId, 'job.pause', jobId);
    return this.view(jobId);
  }

  async resume(jobId: string, caller: Caller): Promise<JobView> {
    const run = this.running(jobId, caller);
    await run.resume();
    this.d.audit.record(caller.memberId, 'job.resume', jobId);
    return this.view(jobId);
  }

  async cancel(jobId: string, caller: Caller): Promise<JobView> {
    const row = this.owned(jobId, caller);
    if (row.state === 'queued') {
      this.d.store.writer.update('jobs', row.id, { state: 'cancelled', ended_at: this.d.now().toISOString(), end_reason: 'cancelled' });
      this.d.hub.changed(row.machine_id);
    } else {
      const run = this.running(jobId, caller);
      await run.cancel();
    }
    this.d.audit.record(caller.memberId, 'job.cancel', jobId);
    return this.view(jobId);
  }

  /** An interrupted job as a new one: from the line it stopped at (prints), or from the beginning. */
  async retry(input: { jobId: string; from: 'interruption' | 'beginning' }, caller: Caller): Promise<JobView> {
    const row = this.owned(input.jobId, caller);
    const view = this.view(row.id);
    if (row.state !== 'interrupted' && row.state !== 'failed' && row.state !== 'cancelled') throw new DomainError('conflict', { state: row.state });
    if (input.from === 'interruption' && !view.resumable) throw new DomainError('conflict', { reason: 'not_resumable' });
    const from = input.from === 'interruption' ? { line: row.acked_line + 1, byte: row.acked_byte, layer: row.layer } : { line: 1, byte: 0, layer: 0 };
    const id = this.d.store.writer.insert('jobs', {
      machine_id: row.machine_id,
      member_id: row.member_id,
      file_id: row.file_id,
      material_id: row.material_id,
      state: 'queued',
      lines_total: row.lines_total,
      bytes_total: row.bytes_total,
      layers_total: row.layers_total,
      estimate_s: row.estimate_s,
      plan_json: row.plan_json,
      from_line: from.line,
      from_byte: from.byte,
      from_layer: from.layer,
      acked_line: from.line - 1,
      acked_byte: from.byte,
      layer: from.layer,
      resumes_job_id: row.id,
    });
    this.d.audit.record(caller.memberId, 'job.retry', id, { resumes: row.id, from: input.from, line: from.line });
    this.d.hub.changed(row.machine_id);
    return this.view(id);
  }

  async emergencyStop(machineId: string, caller: Caller): Promise<void> {
    const conn = this.d.hub.connection(this.machine(machineId).id);
    if (!conn?.driver) throw new DomainError('machine_unavailable', { reason: 'offline' });
    this.d.audit.record(caller.memberId, 'machine.emergency_stop', machineId);
    if (conn.run) await conn.run.run.emergencyStop();
    else await conn.driver.emergencyStop();
  }

  async machineAction(machineId: string, action: 'home' | 'unlock' | 'jog', caller: Caller, jog?: { x?: number | undefined; y?: number | undefined; z?: number | undefined; feedMmMin: number }): Promise<void> {
    const machine = this.machine(machineId);
    const conn = this.d.hub.connection(machine.id);
    if (!conn?.driver) throw new DomainError('machine_unavailable', { reason: 'offline' });
    if (conn.busy) throw new DomainError('machine_unavailable', { reason: 'busy' });
    this.d.audit.record(caller.memberId, `machine.${action}`, machine.id, jog ? { ...jog } : {});
    if (action === 'home') await conn.driver.home();
    else if (action === 'unlock') await conn.driver.unlock();
    else if (jog) {
      const move: { x?: number; y?: number; z?: number; feedMmMin: number } = { feedMmMin: jog.feedMmMin };
      if (jog.x !== undefined) move.x = jog.x;
      if (jog.y !== undefined) move.y = jog.y;
      if (jog.z !== undefined) move.z = jog.z;
      await conn.driver.jog(move);
    }
  }

  /** Waits for ending jobs to be written (the store must not close under them). */
  async settle(): Promise<void> {
    while (this.finishing.size) await Promise.all([...this.finishing]);
  }

  private checkpoint(jobId: string, c: RunCheckpoint): void {
    // Progress is local and frequent: a plain update, outside the sync outbox (state changes go through it).
    this.d.store.db
      .prepare(
        `UPDATE jobs SET acked_line = ?, acked_byte = ?, sent_line = ?, layer = ?, elapsed_s = ?, errors = ?, resends = ? WHERE id = ?`,
      )
      .run(c.acked.line, c.acked.byte, c.sentLine, c.layer, c.elapsedS, c.errors, c.resends, jobId);
  }

  private setState(jobId: string, state: 'running' | 'paused'): void {
    const row = jobRow(this.d.store, jobId);
    if (row && row.state !== state && activeStates.includes(row.state)) this.d.store.writer.update('jobs', jobId, { state });
  }

  private async ended(jobId: string, machineId: string, result: RunResult): Promise<void> {
    const conn = this.d.hub.connection(machineId);
    if (conn?.run?.jobId === jobId) {
      conn.run = null;
      conn.refreshStatus();
    }
    this.checkpoint(jobId, result.checkpoint);
    await this.finish(jobId, result.outcome, result.reason, result.reasonParams);
    this.d.hub.changed(machineId);
  }

  private async finish(jobId: string, state: JobRow['state'], reason: string | null, params: Record<string, string | number>): Promise<void> {
    const row = jobRow(this.d.store, jobId);
    if (!row) return;
    let consumption: string | null = null;
    try {
      const machine = this.machine(row.machine_id);
      const opts = { machine: machineProfile(machine), ...(row.material_id ? { material: materialProfile(this.d.store, row.material_id) } : {}) };
      consumption = JSON.stringify(await consumptionOf(this.d.uploads.file(row.file_id).path, row, opts));
    } catch (err) {
      this.d.log(`job ${jobId}: consumption not measured`, err);
    }
    // The charge commits with the final state: a crash leaves both or neither, and recovery charges once.
    this.d.store.writer.transaction(() => {
      this.d.store.writer.update('jobs', jobId, {
        state,
        ended_at: this.d.now().toISOString(),
        end_reason: reason,
        end_params_json: JSON.stringify(params),
        consumption_json: consumption,
      });
      this.d.onJobEnded?.(jobId);
    });
    this.d.audit.record(null, `job.${state}`, jobId, reason ? { reason } : {});
  }

  private track(p: Promise<void>): void {
    this.finishing.add(p);
    void p.finally(() => this.finishing.delete(p));
  }

  private member(caller: Caller): string {
    if (!caller.memberId) throw new DomainError('unauthenticated');
    return caller.memberId;
  }

  private machine(idOrCode: string): MachineRow {
    const m = findMachine(this.d.store, idOrCode);
    if (!m) throw new DomainError('not_found', { what: 'machine' });
    return m;
  }

  private checkAccess(memberId: string, machine: MachineRow): void {
    const verdict = this.d.access.check(memberId, machine);
    if (!verdict.ok) throw new DomainError(verdict.code, verdict.params);
  }

  /** The job, if the caller is its maker or a trainer/manager. */
  private owned(jobId: string, caller: Caller): JobRow {
    const row = jobRow(this.d.store, jobId);
    if (!row) throw new DomainError('not_found', { what: 'job' });
    if (row.member_id !== caller.memberId && !roleAtLeast(caller.role, 'trainer')) throw new DomainError('forbidden');
    return row;
  }

  private running(jobId: string, caller: Caller): JobRun {
    const row = this.owned(jobId, caller);
    const conn = this.d.hub.connection(row.machine_id);
    if (!conn?.run || conn.run.jobId !== jobId) throw new DomainError('conflict', { state: row.state });
    return conn.run.run;
  }

  private view(id: string): JobView {
    const v = jobView(this.d.store, id);
    if (!v) throw new DomainError('not_found', { what: 'job' });
    return v;
  }
}

function materialId(store: Store, idOrCode: string): string | undefined {
  return (store.db.prepare('SELECT id FROM materials WHERE id = ? OR code = ?').get(idOrCode, idOrCode) as { id: string } | undefined)?.id;
}
