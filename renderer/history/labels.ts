// Words for a job's state and for why it stopped. The back end sends codes; a reason added later
// shows as a general sentence until it gets its own.
export const endReasons = [
  'link_lost',
  'firmware_reset',
  'alarm',
  'cancelled',
  'emergency_stop',
  'kiosk_stopped',
  'timeout',
  'resend_loop',
  'firmware_error',
] as const;
export type EndReason = (typeof endReasons)[number];

export function knownEndReason(reason: string | null): EndReason | 'other' | null {
  if (reason === null || reason === '') return null;
  return (endReasons as readonly string[]).includes(reason) ? (reason as EndReason) : 'other';
}

/** Jobs that a newer job already carries on (resumed or restarted): no second retry offered. */
export function retriedJobs(jobs: readonly { resumesJobId: string | null }[]): Set<string> {
  return new Set(jobs.map((j) => j.resumesJobId).filter((id): id is string => id !== null));
}

export function canRetry(job: { state: string }): boolean {
  return job.state === 'interrupted' || job.state === 'failed' || job.state === 'cancelled';
}
