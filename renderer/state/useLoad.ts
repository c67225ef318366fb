// One call's result for a screen: loading, failed (with the error to translate) or ready, and a way to
// read it again. A reply to an older request, or one arriving after the screen left, is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../electron/api/types';
import { toApiError } from '../api/client';

export type Loaded<T> = { phase: 'loading' } | { phase: 'failed'; error: ApiError } | { phase: 'ready'; value: T };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { state: Loaded<T>; reload(): void; set(value: T): void } {
  const [state, setState] = useState<Loaded<T>>({ phase: 'loading' });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback((quiet: boolean) => {
    const id = ++seq.current;
    // A reload keeps what is on screen until the new answer comes.
    if (!quiet) setState({ phase: 'loading' });
    loadRef
      .current()
      .then((value) => {
        if (id === seq.current) setState({ phase: 'ready', value });
      })
      .catch((err: unknown) => {
        if (id === seq.current) setState({ phase: 'failed', error: toApiError(err) });
      });
  }, []);

  useEffect(() => {
    run(false);
    return () => {
      seq.current++;
    };
    // The caller lists what the load depends on.
  }, deps);

  const reload = useCallback(() => run(true), [run]);
  const set = useCallback((value: T) => {
    seq.current++;
    setState({ phase: 'ready', value });
  }, []);
  return { state, reload, set };
}
