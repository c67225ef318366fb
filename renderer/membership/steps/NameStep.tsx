// Step 1: the name, on the touch keyboard. It is also what the person will type to sign in.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchKeyboard } from '../../components/TouchKeyboard';
import { nameMax, type DraftProblem } from '../signup';
import { FieldError } from './FieldError';

export function NameStep({ value, onChange, problem }: { value: string; onChange(v: string): void; problem: DraftProblem | null }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <div className="wizard-step step-name">
      <div className="label-row">
        <label htmlFor="signup-name" className="field-label">
          {t('signup.nameLabel')}
        </label>
        <span className="muted">{t('signup.nameHint')}</span>
      </div>
      <input
        id="signup-name"
        ref={input}
        className={`text-input text-input-large${problem ? ' is-invalid' : ''}`}
        data-testid="signup-name"
        type="text"
        value={value}
        maxLength={nameMax}
        placeholder={t('signup.namePlaceholder')}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        inputMode="none"
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldError problem={problem} testId="signup-name-error" />
      <TouchKeyboard value={value} onInput={(s) => onChange((value + s).slice(0, nameMax))} onBackspace={() => onChange(value.slice(0, -1))} />
    </div>
  );
}
