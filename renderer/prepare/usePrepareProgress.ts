// How far the back end is with a preparation of this file (reading, slicing, generating, analysing),
// from its `prepare.progress` events, while `active`.
import { useEffect, useState } from 'react';
import type { ApiEvent } from '../../electron/api/types';
import { useKiosk } from '../state/kiosk';

export type PrepareStage = Extract<ApiEvent, { type: 'prepare.progress' }>['stage'];
export interface StageProgress {
  stage: PrepareStage | null;
  fraction: number | null;
}

export function usePrepareProgress(fileId: string | null, active: boolean): StageProgress {
  const { onEvent } = useKiosk();
  const [progress, setProgress] = useState<StageProgress>({ stage: null, fraction: null });
  useEffect(() => {
    setProgress({ stage: null, fraction: null });
    if (!active || !fileId) return;
    return onEvent((ev) => {
      if (ev.type !== 'prepare.progress' || ev.fileId !== fileId) return;
      setProgress({ stage: ev.stage, fraction: Number.isFinite(ev.fraction) ? ev.fraction : null });
    });
  }, [onEvent, fileId, active]);
  return progress;
}
