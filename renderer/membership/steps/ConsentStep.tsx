// Step 6: what the kiosk does with the person's data, in plain words, purpose by purpose. The ones
// membership needs must be accepted; the optional ones are off until the person turns them on; the
// ones that are not a consent (anonymous statistics) are only stated.
import { useTranslation } from 'react-i18next';
import type { ConsentPurpose } from '../../../electron/api/types';
import { CheckIcon, CloseIcon } from '../../components/icons';
import { pick, type Lang } from '../../lib/format';
import type { DraftProblem } from '../signup';
import { FieldError } from './FieldError';

export function ConsentStep({
  purposes,
  given,
  onToggle,
  problem,
  lang,
}: {
  purposes: ConsentPurpose[];
  given: readonly string[];
  onToggle(code: string): void;
  problem: DraftProblem | null;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const order = { required: 0, optional: 1, information: 2 } as const;
  const sorted = [...purposes].sort((a, b) => order[a.kind] - order[b.kind]);
  return (
    <div className="wizard-step step-consent">
      <p className="step-lead">{t('signup.consentLead')}</p>
      <ul className="consent-list">
        {sorted.map((p) => {
          const yes = given.includes(p.code);
          return (
            <li key={p.code} className={`consent consent-${p.kind}`} data-testid="consent" data-code={p.code} data-kind={p.kind}>
              <div className="consent-text">
                <p className="consent-kind">{t(`signup.consentKind.${p.kind}`)}</p>
                <h3>{pick(p.title, lang)}</h3>
                <p>{pick(p.text, lang)}</p>
              </div>
              {p.kind === 'information' ? null : (
                <div className="yes-no" role="group" aria-label={pick(p.title, lang)}>
                  <button type="button" className="yes-no-btn is-no" aria-pressed={!yes} data-testid="consent-no" onClick={() => yes && onToggle(p.code)}>
                    <CloseIcon size={22} />
                    <span>{t('signup.no')}</span>
                  </button>
                  <button type="button" className="yes-no-btn is-yes" aria-pressed={yes} data-testid="consent-yes" onClick={() => !yes && onToggle(p.code)}>
                    <CheckIcon size={22} />
                    <span>{t('signup.yes')}</span>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <FieldError problem={problem} testId="signup-consent-error" />
    </div>
  );
}
