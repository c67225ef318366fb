import { useTranslation } from 'react-i18next';
import type { MachineStatus } from '../../electron/api/types';

export function StatusBadge({ status, large = false }: { status: MachineStatus; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}${large ? ' status-large' : ''}`}>
      <span className="status-dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}
