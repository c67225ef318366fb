// Where the person is in the wizard: every step by its number and short name, done ones ticked.
import { useTranslation } from 'react-i18next';
import { CheckIcon } from '../components/icons';
import type { SignUpStep, StepList } from './signup';

export function WizardProgress({ steps, current }: { steps: StepList; current: SignUpStep }) {
  const { t } = useTranslation();
  const at = steps.indexOf(current);
  return (
    <ol className="wizard-progress" aria-label={t('signup.progress', { step: at + 1, count: steps.length })} data-testid="signup-progress" data-step={current}>
      {steps.map((s, i) => (
        <li key={s} className={i < at ? 'is-done' : i === at ? 'is-current' : ''} aria-current={i === at ? 'step' : undefined}>
          <span className="wizard-dot" aria-hidden="true">
            {i < at ? <CheckIcon size={20} /> : i + 1}
          </span>
          <span className="wizard-label">{t(`signup.steps.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}
