// Step 4: a plan, with its price, or none for now (it can be chosen at the desk later).
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../electron/api/types';
import { CheckIcon, SparkIcon } from '../../components/icons';
import { formatMoney, pick, type Lang } from '../../lib/format';
import { offersFirstMonth } from '../plans';

export function PlanStep({
  catalog,
  currency,
  value,
  onChange,
  lang,
}: {
  catalog: Catalog;
  currency: string;
  value: string | null;
  onChange(code: string | null): void;
  lang: Lang;
}) {
  const { t } = useTranslation();
  return (
    <div className="wizard-step step-plan">
      <p className="step-lead">{t('signup.planLead')}</p>
      <div className="plan-choices" role="radiogroup" aria-label={t('signup.steps.plan')}>
        {catalog.plans.map((plan) => (
          <button
            key={plan.id}
            type="button"
            role="radio"
            aria-checked={value === plan.id}
            className="plan-choice"
            data-testid="signup-plan"
            data-code={plan.id}
            onClick={() => onChange(plan.id)}
          >
            <span className="plan-choice-main">
              <span className="plan-choice-name">{pick(plan.name, lang)}</span>
              <span className="plan-choice-text">{pick(plan.description, lang)}</span>
              {plan.includedDays !== null ? <span className="muted">{t('welcome.includedDays', { count: plan.includedDays })}</span> : null}
            </span>
            <span className="price">
              <span className="price-amount">{formatMoney(plan.priceCents, currency, lang)}</span>
              <span className="price-period">{t(`plan.${plan.period}`)}</span>
            </span>
            {offersFirstMonth(catalog, plan) ? (
              <span className="plan-free" data-testid="plan-first-month-free">
                <SparkIcon size={20} />
                {t('welcome.firstMonthFree')}
              </span>
            ) : null}
            {value === plan.id ? (
              <span className="pick-check" aria-hidden="true">
                <CheckIcon size={22} />
              </span>
            ) : null}
          </button>
        ))}
        <button
          type="button"
          role="radio"
          aria-checked={value === null}
          className="plan-choice plan-choice-none"
          data-testid="signup-plan"
          data-code="none"
          onClick={() => onChange(null)}
        >
          <span className="plan-choice-main">
            <span className="plan-choice-name">{t('signup.planNone')}</span>
            <span className="plan-choice-text">{t('signup.planNoneText')}</span>
          </span>
          {value === null ? (
            <span className="pick-check" aria-hidden="true">
              <CheckIcon size={22} />
            </span>
          ) : null}
        </button>
      </div>
      <p className="muted field-hint">{t('signup.planHint')}</p>
    </div>
  );
}
