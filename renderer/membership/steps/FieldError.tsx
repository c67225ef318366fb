import { useTranslation } from 'react-i18next';
import type { DraftProblem } from '../signup';

/** The sentence for a problem the wizard found itself (the back end's errors come through errorMessage). */
export function FieldError({ problem, testId }: { problem: DraftProblem | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <p className="field-error" role="alert" data-testid={testId} data-problem={problem}>
      {t(`signup.problems.${problem}`)}
    </p>
  );
}
