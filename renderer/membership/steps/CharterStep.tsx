// Step 7: the charter in force, to read (it scrolls) and accept. It is about how the place works
// together more than about rules of access, so it is shown whole, not as a link.
import { useTranslation } from 'react-i18next';
import type { CharterInfo } from '../../../electron/api/types';
import { CheckIcon } from '../../components/icons';
import { TextBlocks } from '../../components/TextBlocks';
import { formatDate, pick, type Lang } from '../../lib/format';
import type { DraftProblem } from '../signup';
import { FieldError } from './FieldError';

export function CharterStep({
  charter,
  accepted,
  onChange,
  problem,
  lang,
}: {
  charter: CharterInfo;
  accepted: boolean;
  onChange(v: boolean): void;
  problem: DraftProblem | null;
  lang: Lang;
}) {
  const { t } = useTranslation();
  return (
    <div className="wizard-step step-charter">
      <p className="muted">{t('charter.version', { version: charter.version, date: formatDate(charter.publishedAt, lang) })}</p>
      <div className="charter-text" tabIndex={0} data-testid="signup-charter-text">
        <TextBlocks text={pick(charter.text, lang)} />
      </div>
      <button
        type="button"
        className={`accept-toggle${accepted ? ' is-on' : ''}`}
        role="checkbox"
        aria-checked={accepted}
        data-testid="signup-charter-accept"
        onClick={() => onChange(!accepted)}
      >
        <span className="accept-box" aria-hidden="true">
          {accepted ? <CheckIcon size={30} /> : null}
        </span>
        <span>{t('signup.charterAccept')}</span>
      </button>
      <FieldError problem={problem} testId="signup-charter-error" />
    </div>
  );
}
