// Step 5: the personal code, chosen on the PIN pad and typed a second time to be sure of it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LockIcon } from '../../components/icons';
import { PinDots, PinPad, pinMax } from '../../components/PinPad';
import { pinProblem, type DraftProblem } from '../signup';
import { FieldError } from './FieldError';

export function PinStep({
  pin,
  pinAgain,
  onChange,
  onDone,
  problem,
  serverError,
}: {
  pin: string;
  pinAgain: string;
  onChange(pin: string, pinAgain: string): void;
  /** Both codes typed and the same: the wizard goes on. */
  onDone(): void;
  problem: DraftProblem | null;
  serverError?: string | null;
}) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<'first' | 'again'>('first');
  const [local, setLocal] = useState<DraftProblem | null>(null);
  const value = phase === 'first' ? pin : pinAgain;
  const set = (v: string) => (phase === 'first' ? onChange(v, pinAgain) : onChange(pin, v));

  const submit = () => {
    if (phase === 'first') {
      const p = pinProblem(pin);
      setLocal(p);
      if (!p) {
        setPhase('again');
        onChange(pin, '');
      }
      return;
    }
    if (pinAgain !== pin) {
      // Start again from the first code: the person may not know which of the two was mistyped.
      setLocal('pin_mismatch');
      setPhase('first');
      onChange('', '');
      return;
    }
    setLocal(null);
    onDone();
  };

  const shown = local ?? problem;
  return (
    <div className="wizard-step step-pin">
      <div className="pin-explain">
        <span className="pin-explain-icon" aria-hidden="true">
          <LockIcon size={56} />
        </span>
        <p className="field-label" data-testid="signup-pin-phase" data-phase={phase}>
          {phase === 'first' ? t('signup.pinFirst') : t('signup.pinAgain')}
        </p>
        <p className="muted">{t('signup.pinHint')}</p>
        <FieldError problem={shown} testId="signup-pin-error" />
        {serverError && !shown ? (
          <p className="field-error" role="alert">
            {serverError}
          </p>
        ) : null}
      </div>
      <div className="pin-box">
        <PinDots length={value.length} />
        <PinPad
          onDigit={(d) => set(value.length >= pinMax ? value : value + d)}
          onClear={() => set('')}
          onBackspace={() => set(value.slice(0, -1))}
          onSubmit={submit}
          disabled={false}
          busy={false}
        />
      </div>
    </div>
  );
}
