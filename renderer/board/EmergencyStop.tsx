// The emergency stop: red, big, one touch, for anyone standing at the kiosk (a visitor who sees smoke
// does not sign in first). No confirmation: a second's doubt is the second that matters.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmergencyIcon } from '../components/icons';
import { useKiosk } from '../state/kiosk';
import { useAction } from './useAction';

export function EmergencyStop({ machineId, machineName, compact = false }: { machineId: string; machineName: string; compact?: boolean }) {
  const { t } = useTranslation();
  const { call } = useKiosk();
  const { busy, run } = useAction();
  const [sent, setSent] = useState(false);

  useEffect(() => {
    if (!sent) return;
    const timer = window.setTimeout(() => setSent(false), 4000);
    return () => window.clearTimeout(timer);
  }, [sent]);

  const stop = async () => {
    if (await run('estop', () => call('machines.emergencyStop', { machineId }))) setSent(true);
  };

  return (
    <button
      type="button"
      className={`estop${compact ? ' estop-compact' : ''}`}
      data-testid="estop"
      aria-label={t('board.estopFor', { machine: machineName })}
      aria-busy={busy !== null}
      onClick={() => void stop()}
    >
      <EmergencyIcon size={compact ? 40 : 52} />
      <span className="estop-text">
        <span className="estop-label">{t('board.estop')}</span>
        {sent ? (
          <span className="estop-sent" role="status">
            {t('board.estopSent')}
          </span>
        ) : null}
      </span>
    </button>
  );
}
