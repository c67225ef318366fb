// What only a trainer may do at a machine: send it home, clear an alarm, nudge the head with the jog
// pad. Members never see this panel (and the back end refuses it to them anyway).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MachineLive, MachineSummary } from '../../electron/api/types';
import { ArrowIcon, HomeIcon, ShieldIcon, UnlockIcon } from '../components/icons';
import { formatNumber, formatUnit, type Lang } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { jogMove, jogSteps, type JogAxis, type JogStep } from './jog';
import type { BoardActions } from './permissions';
import { useAction } from './useAction';

export function TrainerTools({ live, machine, actions, lang }: { live: MachineLive; machine: MachineSummary; actions: BoardActions; lang: Lang }) {
  const { t } = useTranslation();
  const { call } = useKiosk();
  const { busy, run } = useAction();
  const [step, setStep] = useState<JogStep>(1);
  const machineId = live.machineId;

  const jog = (axis: JogAxis, dir: 1 | -1) => void run(`jog-${axis}${dir}`, () => call('machines.jog', { machineId, ...jogMove(machine.kind, axis, dir, step) }));
  const jogButton = (axis: JogAxis, dir: 1 | -1, direction: 'up' | 'down' | 'left' | 'right', cls: string) => (
    <button
      type="button"
      className={`jog-key ${cls}`}
      data-testid={`jog-${axis}${dir > 0 ? 'plus' : 'minus'}`}
      aria-label={t('board.jogMove', { axis: axis.toUpperCase(), sign: dir > 0 ? '+' : '−', step: formatNumber(step, lang, 1) })}
      disabled={!actions.jog || busy !== null}
      onClick={() => jog(axis, dir)}
    >
      <ArrowIcon direction={direction} size={30} />
      <span>
        {axis.toUpperCase()}
        {dir > 0 ? '+' : '−'}
      </span>
    </button>
  );

  return (
    <section className="card board-panel trainer-panel" aria-labelledby={`trainer-${machineId}`} data-testid="trainer-tools">
      <h2 id={`trainer-${machineId}`} className="panel-title">
        <ShieldIcon />
        {t('board.trainerTools')}
      </h2>
      <p className="muted">{t('board.trainerOnly')}</p>
      <div className="trainer-actions">
        <button type="button" className="btn btn-secondary btn-huge" data-testid="machine-home" disabled={!actions.home || busy !== null} onClick={() => void run('home', () => call('machines.home', { machineId }))}>
          <HomeIcon />
          <span>{t('board.home')}</span>
        </button>
        {actions.unlock ? (
          <button type="button" className="btn btn-primary btn-huge" data-testid="machine-unlock" disabled={busy !== null} onClick={() => void run('unlock', () => call('machines.unlock', { machineId }))}>
            <UnlockIcon />
            <span>{t('board.unlock')}</span>
          </button>
        ) : null}
      </div>
      <div className="jog" data-testid="jog-pad">
        <div className="jog-xy">
          {jogButton('y', 1, 'up', 'jog-n')}
          {jogButton('x', -1, 'left', 'jog-w')}
          <span className="jog-center" aria-hidden="true">
            XY
          </span>
          {jogButton('x', 1, 'right', 'jog-e')}
          {jogButton('y', -1, 'down', 'jog-s')}
        </div>
        <div className="jog-z">
          {jogButton('z', 1, 'up', '')}
          {jogButton('z', -1, 'down', '')}
        </div>
        <div className="jog-steps">
          <p className="jog-steps-label" id={`jog-step-${machineId}`}>
            {t('board.jogStep')}
          </p>
          <div className="segmented segmented-vertical" role="group" aria-labelledby={`jog-step-${machineId}`}>
            {jogSteps.map((s) => (
              <button key={s} type="button" data-testid={`jog-step-${s}`} aria-pressed={step === s} onClick={() => setStep(s)}>
                {formatUnit(s, 'millimeter', lang, 1)}
              </button>
            ))}
          </div>
        </div>
      </div>
      {!actions.jog ? <p className="muted jog-why">{t('board.jogWhenIdle')}</p> : null}
    </section>
  );
}
