// Which buttons the board shows to whom. The back end decides on every call; this only keeps the
// screen from offering what would be refused (a member does not see the jog pad, a visitor cannot
// pause someone's print). The emergency stop is the exception: anyone standing there gets it.
import type { JobView, MachineLive, MachineStatus, Role, SessionMember } from '../../electron/api/types';

const ranks: Record<Role, number> = { visitor: 0, member: 1, trainer: 2, manager: 3 };

export function atLeast(member: SessionMember | null, role: Role): boolean {
  return ranks[member?.role ?? 'visitor'] >= ranks[role];
}

/** The job's own maker, or a trainer or manager. */
export function controlsJob(member: SessionMember | null, job: Pick<JobView, 'memberId'>): boolean {
  if (!member) return false;
  return job.memberId === member.id || atLeast(member, 'trainer');
}

/** A machine the kiosk can still talk to: the emergency stop has something to send to. */
export function reachable(status: MachineStatus): boolean {
  return status !== 'offline' && status !== 'manual' && status !== 'connected';
}

export interface BoardActions {
  emergencyStop: boolean;
  pause: boolean;
  resume: boolean;
  stop: boolean;
  /** Id of the queued job this person may start now (the first one in line), if any. */
  start: string | null;
  /** Queued jobs this person may take out of the queue. */
  removable: ReadonlySet<string>;
  home: boolean;
  unlock: boolean;
  jog: boolean;
  /** Trainers see the tools at all (even when the machine's state disables them for now). */
  trainerTools: boolean;
}

export function boardActions(member: SessionMember | null, live: MachineLive): BoardActions {
  const job = live.job;
  const mine = job !== null && controlsJob(member, job);
  const trainer = atLeast(member, 'trainer');
  const idle = boardStatus(live) === 'idle';
  const first = live.queue[0];
  const removable = new Set(live.queue.filter((j) => controlsJob(member, j)).map((j) => j.id));
  return {
    emergencyStop: reachable(live.status),
    pause: mine && job.state === 'running',
    resume: mine && job.state === 'paused',
    stop: mine,
    // One job at a time, in queue order, on a machine that is ready and not busy.
    start: first && job === null && idle && controlsJob(member, first) ? first.id : null,
    removable,
    home: trainer && job === null && (idle || live.status === 'alarm'),
    unlock: trainer && job === null && (live.status === 'alarm' || live.status === 'error'),
    jog: trainer && job === null && idle,
    trainerTools: trainer && reachable(live.status),
  };
}

/**
 * The state the board shows. A printer streaming a job reports itself idle between moves (Marlin has
 * no "running" word): while the kiosk runs a job on it, it is running, or paused. Alarms, errors and a
 * lost link still show as they are.
 */
export function boardStatus(live: Pick<MachineLive, 'status' | 'job'>): MachineStatus {
  const s = live.status;
  if (!live.job || (s !== 'idle' && s !== 'running' && s !== 'paused')) return s;
  return live.job.state === 'paused' ? 'paused' : 'running';
}
