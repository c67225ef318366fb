// The kiosk's idle rules, as pure functions the React hook drives with a clock.
// After `timeoutS` without pointer, touch or key activity the screen goes back to the welcome screen;
// a warning shows during the last 10 seconds, or the last third when the timeout is under 30 seconds.

export type IdlePhase = { kind: 'active' } | { kind: 'warning'; remainingS: number } | { kind: 'expired' };

export function warningWindowMs(timeoutS: number): number {
  const timeoutMs = timeoutS * 1000;
  return timeoutS < 30 ? timeoutMs / 3 : 10_000;
}

export function idlePhase(idleMs: number, timeoutS: number): IdlePhase {
  const timeoutMs = timeoutS * 1000;
  if (idleMs >= timeoutMs) return { kind: 'expired' };
  const leftMs = timeoutMs - idleMs;
  if (leftMs <= warningWindowMs(timeoutS)) return { kind: 'warning', remainingS: Math.ceil(leftMs / 1000) };
  return { kind: 'active' };
}

export function samePhase(a: IdlePhase, b: IdlePhase): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'warning' || b.kind !== 'warning' || a.remainingS === b.remainingS;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
};

export interface Throttle {
  /** Runs `fn` now if it has not run for `intervalMs`, otherwise once at the end of the interval. */
  trigger(): void;
  /** Runs `fn` now whatever the interval (an explicit request, like "I'm here"). */
  flush(): void;
  cancel(): void;
}

/**
 * How often a signed-in screen may send `session.touch`: every 10 s at most, or more often when the
 * timeout is so short (tests) that the back end would otherwise end a session in use.
 */
export function touchIntervalMs(timeoutS: number): number {
  return timeoutS > 0 ? Math.min(10_000, (timeoutS * 1000) / 2) : 10_000;
}

/**
 * Leading and trailing throttle: `session.touch` goes out at most once per interval, and activity
 * inside an interval is still reported at its end, so the back end never sees the screen as idler
 * than it is.
 */
export function createThrottle(fn: () => void, intervalMs: number, clock: Clock = realClock): Throttle {
  let last = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  const run = () => {
    timer = null;
    last = clock.now();
    fn();
  };
  return {
    trigger() {
      if (timer !== null) return;
      const wait = last + intervalMs - clock.now();
      if (wait <= 0) run();
      else timer = clock.setTimeout(run, wait);
    },
    flush() {
      if (timer !== null) clock.clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
