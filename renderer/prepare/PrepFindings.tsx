// What the preparation noticed (text left as text in an SVG, a hole smaller than the kerf, a model
// that needs supports…), in words, by the cores' own codes.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PrepFinding } from '../../electron/api/types';
import { AlertIcon, CheckIcon, WarningIcon } from '../components/icons';
import { codeText } from '../i18n/prepare-codes';
import { formatNumber, type Lang } from '../lib/format';

export function prepFindingText(f: PrepFinding, t: TFunction, lang: Lang): string {
  return codeText(t, lang, f.code, f.params, 'finding', 'prepare.findingCode');
}

export function PrepFindingList({ findings, lang, testId = 'prep-findings' }: { findings: readonly PrepFinding[]; lang: Lang; testId?: string }) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <ul className="findings" data-testid={testId} data-count={findings.length}>
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`finding finding-${f.severity}`} data-testid="prep-finding" data-code={f.code} data-severity={f.severity}>
          <span className="finding-icon" aria-hidden="true">
            {f.severity === 'error' ? <AlertIcon /> : f.severity === 'warning' ? <WarningIcon /> : <CheckIcon />}
          </span>
          <div className="finding-body">
            <p className="finding-head">
              <span className="finding-severity">{t(`prepare.severity.${f.severity}`)}</span>
            </p>
            <p className="finding-text">{prepFindingText(f, t, lang)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The card around the list, for the results screens. */
export function PrepFindingsCard({ findings, lang }: { findings: readonly PrepFinding[]; lang: Lang }) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <section className="card findings-card" aria-labelledby="prep-findings-title">
      <h2 id="prep-findings-title" className="panel-title">
        {t('prepare.findingsTitle')}
        <span className="pill">{formatNumber(findings.length, lang, 0)}</span>
      </h2>
      <PrepFindingList findings={findings} lang={lang} />
    </section>
  );
}
