// Every connected machine's live state for the board: one call when the board opens, then the back
// end's pushes (at most a few a second per machine). Replies and pushes come down the same ordered
// channel, so the last one to arrive is the newest.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, MachineLive } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { useKiosk } from '../state/kiosk';

export type LiveState = { phase: 'loading' } | { phase: 'failed'; error: ApiError } | { phase: 'ready'; lives: ReadonlyMap<string, MachineLive> };

export function useMachineLive(): { state: LiveState; reload(): void } {
  const { call, onEvent } = useKiosk();
  const [state, setState] = useState<LiveState>({ phase: 'loading' });
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    let live = true;
    const stop = onEvent((ev) => {
      if (ev.type !== 'machine.live' || !live) return;
      setState((s) => {
        if (s.phase !== 'ready') return s;
        const next = new Map(s.lives);
        next.set(ev.live.machineId, ev.live);
        return { phase: 'ready', lives: next };
      });
    });
    call('machines.live', {})
      .then((list) => {
        if (live) setState({ phase: 'ready', lives: new Map(list.map((l) => [l.machineId, l])) });
      })
      .catch((err: unknown) => {
        if (live) setState({ phase: 'failed', error: toApiError(err) });
      });
    return () => {
      live = false;
      stop();
    };
  }, [call, onEvent, epoch]);

  const reload = useCallback(() => {
    setState({ phase: 'loading' });
    setEpoch((n) => n + 1);
  }, []);

  return { state, reload };
}
