// A machine's state as a coloured badge. On the board it is `huge`: an icon and a word that read from
// two metres, because colour alone does not say "alarm" to everyone.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MachineStatus } from '../../electron/api/types';
import { AlertIcon, CheckIcon, HandIcon, HomeIcon, PauseIcon, PlayIcon, PlugIcon, PlugOffIcon, RefreshIcon, WarningIcon } from './icons';

function statusIcon(status: MachineStatus, size: number): ReactNode {
  switch (status) {
    case 'idle':
      return <CheckIcon size={size} />;
    case 'running':
      return <PlayIcon size={size} />;
    case 'paused':
      return <PauseIcon size={size} />;
    case 'homing':
      return <HomeIcon size={size} />;
    case 'alarm':
      return <WarningIcon size={size} />;
    case 'error':
      return <AlertIcon size={size} />;
    case 'connecting':
      return <RefreshIcon size={size} />;
    case 'connected':
      return <PlugIcon size={size} />;
    case 'manual':
      return <HandIcon size={size} />;
    case 'offline':
      return <PlugOffIcon size={size} />;
  }
}

export function StatusBadge({ status, large = false, huge = false, testId }: { status: MachineStatus; large?: boolean; huge?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const size = huge ? 'status-huge' : large ? 'status-large' : '';
  return (
    <span className={`status status-${status} ${size}`.trim()} data-testid={testId} data-status={status}>
      {huge ? (
        <span className="status-icon" aria-hidden="true">
          {statusIcon(status, 34)}
        </span>
      ) : (
        <span className="status-dot" aria-hidden="true" />
      )}
      {t(`status.${status}`)}
    </span>
  );
}
