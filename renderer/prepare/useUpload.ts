// A file the maker brought, sent to the back end in chunks with its progress (gcode/upload.ts does
// the sending). One upload at a time; a newer one or leaving the screen drops the older one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, StoredFile } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { isAbort, uploadFile } from '../gcode/upload';
import { useKiosk } from '../state/kiosk';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; name: string; size: number; fraction: number }
  | { phase: 'failed'; name: string; error: ApiError };

export function useUpload(): { state: UploadState; upload(file: File): Promise<StoredFile | null>; cancel(): void; reset(): void } {
  const { call } = useKiosk();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const run = useRef(0);
  const abort = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      run.current++;
      abort.current?.abort();
    },
    [],
  );

  const upload = useCallback(
    async (file: File): Promise<StoredFile | null> => {
      abort.current?.abort();
      const id = ++run.current;
      const controller = new AbortController();
      abort.current = controller;
      setState({ phase: 'uploading', name: file.name, size: file.size, fraction: 0 });
      try {
        const stored = await uploadFile(call, file, {
          signal: controller.signal,
          onProgress: (sent, total) => {
            if (run.current === id) setState({ phase: 'uploading', name: file.name, size: file.size, fraction: total > 0 ? sent / total : 1 });
          },
        });
        if (run.current !== id) return null;
        setState({ phase: 'idle' });
        return stored;
      } catch (err) {
        if (run.current === id && !isAbort(err)) setState({ phase: 'failed', name: file.name, error: toApiError(err) });
        return null;
      }
    },
    [call],
  );

  const cancel = useCallback(() => {
    run.current++;
    abort.current?.abort();
    setState({ phase: 'idle' });
  }, []);

  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, upload, cancel, reset };
}
