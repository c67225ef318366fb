// A file the check passed goes to the machine's queue, and the maker is taken to the machine's board
// to start it there (standing by the machine, once the bed is clear). Shown only when nothing in the
// check is an error and the machine is one the kiosk drives; the back end checks both again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, GcodeAnalysis, MachineSummary, Material } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { SendIcon, ShieldIcon } from '../components/icons';
import { errorMessage } from '../i18n/errors';
import { useKiosk } from '../state/kiosk';
import { countFindings } from './summary';

export function canSend(analysis: GcodeAnalysis, machine: MachineSummary): boolean {
  return countFindings(analysis.findings).errors === 0 && machine.connection === 'serial' && (machine.firmware === 'grbl' || machine.firmware === 'marlin');
}

export function SendToMachine({ analysis, machine, material }: { analysis: GcodeAnalysis; machine: MachineSummary; material: Material | null }) {
  const { t } = useTranslation();
  const { call, lang, openMachine, navigate } = useKiosk();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!canSend(analysis, machine)) return null;

  const send = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('jobs.queue', { fileId: analysis.file.id, machineId: machine.id, ...(material ? { materialId: material.id } : {}) });
      openMachine(machine.id);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <div className="send-row">
      <button type="button" className="btn btn-primary btn-huge send-button" data-testid="gcode-send" disabled={busy} onClick={() => void send()}>
        <SendIcon size={32} />
        <span>{busy ? t('gcode.sending') : t('gcode.send')}</span>
      </button>
      <p className="muted send-hint">{t('gcode.sendHint', { machine: machine.name })}</p>
      {error ? (
        <p className="form-error" role="alert" data-testid="gcode-send-error" data-code={error.code}>
          {errorMessage(error, t, lang)}
        </p>
      ) : null}
      {/* Refused for want of training: the way to get it is one tap away. */}
      {error?.code === 'not_certified' ? (
        <button type="button" className="btn btn-secondary btn-huge" data-testid="gcode-to-training" onClick={() => navigate('training')}>
          <ShieldIcon />
          <span>{t('gcode.toTraining')}</span>
        </button>
      ) : null}
    </div>
  );
}
