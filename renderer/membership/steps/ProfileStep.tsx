// Step 3: who the person is, in big picture buttons. The funders' statistics count by these.
import { useTranslation } from 'react-i18next';
import type { ProfileCategory } from '../../../electron/api/types';
import { CheckIcon, ProfileIcon } from '../../components/icons';
import { pick, type Lang } from '../../lib/format';
import type { DraftProblem } from '../signup';
import { FieldError } from './FieldError';

export function ProfileStep({
  profiles,
  value,
  onChange,
  problem,
  lang,
}: {
  profiles: ProfileCategory[];
  value: string | null;
  onChange(code: string): void;
  problem: DraftProblem | null;
  lang: Lang;
}) {
  const { t } = useTranslation();
  return (
    <div className="wizard-step step-profile">
      <p className="step-lead">{t('signup.profileLead')}</p>
      <div className="profile-grid" role="radiogroup" aria-label={t('signup.steps.profile')}>
        {profiles.map((p) => (
          <button
            key={p.id}
            type="button"
            role="radio"
            aria-checked={value === p.id}
            className={`profile-choice profile-${p.id}`}
            data-testid="signup-profile"
            data-code={p.id}
            onClick={() => onChange(p.id)}
          >
            <span className="profile-icon">
              <ProfileIcon code={p.id} size={44} />
            </span>
            <span className="profile-name">{pick(p.name, lang)}</span>
            {value === p.id ? (
              <span className="pick-check" aria-hidden="true">
                <CheckIcon size={22} />
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <FieldError problem={problem} testId="signup-profile-error" />
      <p className="muted field-hint">{t('signup.profileHint')}</p>
    </div>
  );
}
