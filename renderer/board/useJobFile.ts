// A job's file for the board's 3D view, read back from the back end (see job-file.ts).
import { useEffect, useState } from 'react';
import type { ApiError } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { useKiosk } from '../state/kiosk';
import { cachedStoredFile } from './job-file';

export type JobFileState = { phase: 'loading'; fraction: number } | { phase: 'ready'; file: File } | { phase: 'failed'; error: ApiError };

export function useJobFile(fileId: string, name: string): JobFileState {
  const { call } = useKiosk();
  const [state, setState] = useState<JobFileState>({ phase: 'loading', fraction: 0 });
  useEffect(() => {
    let live = true;
    setState({ phase: 'loading', fraction: 0 });
    cachedStoredFile(call, fileId, name, (read, total) => {
      if (live) setState({ phase: 'loading', fraction: total > 0 ? read / total : 1 });
    }).then(
      (file) => live && setState({ phase: 'ready', file }),
      (err: unknown) => live && setState({ phase: 'failed', error: toApiError(err) }),
    );
    return () => {
      live = false;
    };
  }, [call, fileId, name]);
  return state;
}
