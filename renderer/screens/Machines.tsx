// The machines: the board of the ones the kiosk drives (live state, jobs, emergency stops), then the
// others, with what a maker needs to know before coming.
import { useTranslation } from 'react-i18next';
import { MachineBoard } from '../board/MachineBoard';
import { useKiosk } from '../state/kiosk';

export function MachinesScreen() {
  const { t } = useTranslation();
  const { machines, boardMachineId } = useKiosk();
  return (
    <div className="screen screen-machines" data-testid="screen-machines">
      {boardMachineId ? null : (
        <>
          <h1 className="screen-title">{t('machines.title')}</h1>
          <p className="screen-lead">{t('machines.lead')}</p>
        </>
      )}
      {machines.length === 0 ? <p className="empty">{t('welcome.noMachines')}</p> : <MachineBoard />}
    </div>
  );
}
