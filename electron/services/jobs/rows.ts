// Jobs as the store keeps them, and as the API shows them.
import type { JobConsumption, JobState, JobView } from '../../api/models';
import type { Store } from '../../store';
import { isTimeline, secondsAt, type Timeline } from '../gcode/timeline';

export interface JobRow {
  id: string;
  created_at: string;
  machine_id: string;
  member_id: string | null;
  file_id: string;
  material_id: string | null;
  state: JobState;
  lines_total: number;
  bytes_total: number;
  layers_total: number;
  estimate_s: number;
  plan_json: string;
  from_line: number;
  from_byte: number;
  from_layer: number;
  resumes_job_id: string | null;
  acked_line: number;
  acked_byte: number;
  sent_line: number;
  layer: number;
  elapsed_s: number;
  errors: number;
  resends: number;
  started_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  end_params_json: string;
  consumption_json: string | null;
}

interface JoinedRow extends JobRow {
  machine_name: string;
  machine_kind: string;
  member_name: string | null;
  file_name: string;
}

/** The whole file's figures from its analysis, kept with the job. */
export interface JobPlan {
  filamentMm: number;
  filamentG: number;
  laserOnS: number;
  /** Planned seconds at byte offsets of the file (jobs queued before it existed have none). */
  timeline?: Timeline;
}

const select = `SELECT j.*, m.name AS machine_name, m.kind AS machine_kind, p.display_name AS member_name, f.name AS file_name
  FROM jobs j JOIN machines m ON m.id = j.machine_id JOIN files f ON f.id = j.file_id LEFT JOIN members p ON p.id = j.member_id`;

export const activeStates: readonly JobState[] = ['running', 'paused'];

export function jobRow(store: Store, id: string): JobRow | undefined {
  return store.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
}

export function jobView(store: Store, id: string): JobView | null {
  const row = store.db.prepare(`${select} WHERE j.id = ?`).get(id) as JoinedRow | undefined;
  return row ? toView(row) : null;
}

export function listJobViews(
  store: Store,
  filter: { machineId?: string | undefined; memberId?: string | undefined; states?: readonly JobState[]; limit: number },
): JobView[] {
  const where: string[] = [];
  const args: Array<string | number> = [];
  if (filter.machineId) {
    where.push('j.machine_id = ?');
    args.push(filter.machineId);
  }
  if (filter.memberId) {
    where.push('j.member_id = ?');
    args.push(filter.memberId);
  }
  if (filter.states) {
    where.push(`j.state IN (${filter.states.map(() => '?').join(', ')})`);
    args.push(...filter.states);
  }
  // Queued jobs in the order they will run; the others newest first.
  const sql = `${select} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY CASE j.state WHEN 'queued' THEN 1 ELSE 0 END, CASE j.state WHEN 'queued' THEN j.id END ASC, j.id DESC LIMIT ?`;
  return (store.db.prepare(sql).all(...args, filter.limit) as JoinedRow[]).map(toView);
}

function toView(r: JoinedRow): JobView {
  const clock = progressClock(r);
  const fraction = r.state === 'completed' ? 1 : clock.fraction;
  return {
    id: r.id,
    machineId: r.machine_id,
    machineName: r.machine_name,
    memberId: r.member_id,
    memberName: r.member_name,
    fileId: r.file_id,
    fileName: r.file_name,
    materialId: r.material_id,
    state: r.state,
    createdAt: r.created_at,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    linesTotal: r.lines_total,
    bytesTotal: r.bytes_total,
    ackedLine: r.acked_line,
    layer: r.layer,
    layers: r.layers_total,
    fraction,
    estimateS: r.estimate_s,
    elapsedS: r.elapsed_s,
    etaS: eta(r, clock),
    errors: r.errors,
    resends: r.resends,
    endReason: r.end_reason,
    endParams: JSON.parse(r.end_params_json) as Record<string, string | number>,
    consumption: r.consumption_json ? (JSON.parse(r.consumption_json) as JobConsumption) : null,
    resumable: r.state === 'interrupted' && r.machine_kind === 'fdm' && r.acked_line > r.from_line,
    resumesJobId: r.resumes_job_id,
    fromLine: r.from_line,
  };
}

/**
 * How far the job is, in the planner's seconds: from the file's timeline when it has one (bytes are a
 * poor clock: thumbnails, comments and start code weigh a lot and run in no time), else in bytes.
 */
function progressClock(r: JobRow): { fraction: number; plannedDoneS: number; plannedLeftS: number } {
  const plan = JSON.parse(r.plan_json) as Partial<JobPlan>;
  if (isTimeline(plan.timeline)) {
    const from = secondsAt(plan.timeline, r.from_byte);
    const at = Math.max(from, secondsAt(plan.timeline, r.acked_byte));
    const end = secondsAt(plan.timeline, r.bytes_total);
    const total = end - from;
    if (total > 0) return { fraction: clamp01((at - from) / total), plannedDoneS: at - from, plannedLeftS: end - at };
  }
  const span = Math.max(1, r.bytes_total - r.from_byte);
  const fraction = clamp01((r.acked_byte - r.from_byte) / span);
  return { fraction, plannedDoneS: r.estimate_s * fraction, plannedLeftS: r.estimate_s * (1 - fraction) };
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/**
 * What is left of the planner's estimate, corrected by how this run has compared with it so far
 * (once enough has run for the comparison to mean something).
 */
function eta(r: JobRow, clock: { fraction: number; plannedDoneS: number; plannedLeftS: number }): number | null {
  if (r.state !== 'running' && r.state !== 'paused') return null;
  if (clock.fraction < 0.02 || r.elapsed_s < 30 || clock.plannedDoneS <= 0) return clock.plannedLeftS;
  const pace = Math.min(4, Math.max(0.25, r.elapsed_s / clock.plannedDoneS));
  return clock.plannedLeftS * pace;
}
