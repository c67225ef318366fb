// Watches pointer, touch and key activity and tells where the screen stands on the idle timeline.
import { useCallback, useEffect, useRef, useState } from 'react';
import { idlePhase, samePhase, type IdlePhase } from '../lib/idle';

const activityEvents = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

export interface IdleOptions {
  timeoutS: number;
  /** When false nothing is left to reset (welcome screen, French, nobody signed in): no warning. */
  armed: boolean;
  onExpire(): void;
  onActivity(): void;
}

/** `stay` restarts the countdown without calling `onActivity` (the caller decides what to tell the back end). */
export function useIdle(options: IdleOptions): { phase: IdlePhase; stay(): void } {
  const [phase, setPhase] = useState<IdlePhase>({ kind: 'active' });
  const last = useRef(Date.now());
  const opts = useRef(options);
  opts.current = options;
  const phaseRef = useRef(phase);

  const update = useCallback((next: IdlePhase) => {
    if (!samePhase(phaseRef.current, next)) {
      phaseRef.current = next;
      setPhase(next);
    }
  }, []);

  const reset = useCallback(() => {
    last.current = Date.now();
    update({ kind: 'active' });
  }, [update]);

  const mark = useCallback(() => {
    reset();
    opts.current.onActivity();
  }, [reset]);

  useEffect(() => {
    const onEvent = (e: Event) => {
      // While the warning shows, a tap must reach its button (or backdrop) and end there: closing the
      // overlay on pointerdown would hand the rest of the tap to whatever lies underneath.
      if (phaseRef.current.kind === 'warning' && e.type !== 'keydown') return;
      mark();
    };
    for (const ev of activityEvents) window.addEventListener(ev, onEvent, { capture: true, passive: true });
    return () => {
      for (const ev of activityEvents) window.removeEventListener(ev, onEvent, { capture: true });
    };
  }, [mark]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const o = opts.current;
      if (!o.armed || o.timeoutS <= 0) {
        update({ kind: 'active' });
        return;
      }
      const next = idlePhase(Date.now() - last.current, o.timeoutS);
      if (next.kind === 'expired') {
        last.current = Date.now();
        update({ kind: 'active' });
        o.onExpire();
      } else {
        update(next);
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [update]);

  return { phase, stay: reset };
}
