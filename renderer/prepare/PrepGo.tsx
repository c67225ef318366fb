// The foot of a preparation screen: the big button that starts it, what is still missing (or what it
// will do), its progress while it runs, its failure, and the way back to results already made.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/api/types';
import type { PrepareNamespace } from '../i18n/prepare-texts';
import type { Lang } from '../lib/format';
import { prepError } from './errors';

export function PrepGo({
  testIdPrefix,
  button,
  missing,
  hint,
  running,
  error,
  errorFrom,
  lang,
  onSeeResults,
  children,
}: {
  /** `<prefix>-missing` and `<prefix>-error` are what the tests and the kiosk's help read. */
  testIdPrefix: string;
  button: ReactNode;
  missing: string | null;
  hint: string;
  /** The progress while the back end works. */
  running: ReactNode;
  error: ApiError | null;
  errorFrom: readonly PrepareNamespace[];
  lang: Lang;
  /** Given when results are made but not shown. */
  onSeeResults: (() => void) | null;
  /** Said between the progress and the error (a cancelled run). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="card prep-go" aria-live="polite">
      <div className="prep-go-row">
        {button}
        <p className="prep-go-hint" data-testid={`${testIdPrefix}-missing`} data-missing={missing ?? ''}>
          {hint}
        </p>
      </div>
      {running}
      {children}
      {error ? (
        <p className="form-error" role="alert" data-testid={`${testIdPrefix}-error`} data-code={error.code}>
          {prepError(error, t, lang, errorFrom)}
        </p>
      ) : null}
      {onSeeResults ? (
        <button type="button" className="btn btn-secondary btn-huge" onClick={onSeeResults}>
          <span>{t('prepare.seeResults')}</span>
        </button>
      ) : null}
    </section>
  );
}
