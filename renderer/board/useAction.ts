// One board action at a time per panel: the button shows it is working, a refusal is shown in words.
import { useCallback, useRef, useState } from 'react';
import { toApiError } from '../api/client';
import { useKiosk } from '../state/kiosk';

export function useAction(): { busy: string | null; run(key: string, action: () => Promise<unknown>): Promise<boolean> } {
  const { showError } = useKiosk();
  const [busy, setBusy] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (key: string, action: () => Promise<unknown>) => {
      // A second tap while the first is on its way is the same intent, not a second order.
      if (running.current) return false;
      running.current = true;
      setBusy(key);
      try {
        await action();
        return true;
      } catch (err) {
        showError(toApiError(err));
        return false;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [showError],
  );
  return { busy, run };
}
