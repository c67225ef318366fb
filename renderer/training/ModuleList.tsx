// Every safety module: what it covers, how long it takes, which machines it opens, and where the
// signed-in member stands. Trainers also start a guided session from here.
import { useTranslation } from 'react-i18next';
import type { CertificationView, ModuleSummary } from '../../electron/api/types';
import { ArrowIcon, ClockIcon, GearIcon, QuizIcon, ScreenIcon, ShieldIcon } from '../components/icons';
import { formatPercent, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { CertificationBadge } from './CertificationBadge';
import { durationLabel, machineNames } from './labels';
import { ModuleImage } from './ModuleImage';

export function ModuleList({
  modules,
  certifications,
  onOpen,
  onStartSession,
  startingSession,
}: {
  modules: ModuleSummary[];
  certifications: CertificationView[] | null;
  onOpen(code: string): void;
  /** Only for trainers. */
  onStartSession?(code: string): void;
  startingSession?: string | null;
}) {
  const { t } = useTranslation();
  const { lang, machines } = useKiosk();
  if (modules.length === 0) return <p className="empty">{t('training.noModules')}</p>;
  return (
    <div className="module-grid">
      {modules.map((m) => {
        const cert = certifications?.find((c) => c.module === m.code) ?? null;
        const opens = machineNames(m.machines, machines);
        const title = pick(m.title, lang);
        return (
          <article key={m.code} className="card module-card" data-testid="module-card" data-code={m.code}>
            <div className="module-cover">
              <ModuleImage code={m.code} file={m.cover} alt="" />
            </div>
            <div className="module-body">
              <h2>{title}</h2>
              <p className="module-summary">{pick(m.summary, lang)}</p>
              <ul className="module-facts">
                <li>
                  <ClockIcon size={22} />
                  {durationLabel(m.durationMin, lang)}
                </li>
                <li>
                  <ShieldIcon size={22} />
                  {t('training.steps', { count: m.steps })}
                </li>
                <li>
                  <QuizIcon size={22} />
                  {t('training.questions', { count: m.questions, mark: formatPercent(m.passMark, lang) })}
                </li>
              </ul>
              {opens.length > 0 ? (
                <p className="module-opens">
                  <GearIcon size={22} />
                  <span>{t('training.opens', { machines: opens.join(', ') })}</span>
                </p>
              ) : null}
              <p className="muted module-validity">{t('training.validity', { count: m.validityMonths })}</p>
              {cert ? <CertificationBadge status={cert.status} expiresAt={cert.expiresAt} lang={lang} testId="module-status" /> : null}
              <div className="module-actions">
                <button type="button" className="btn btn-primary btn-huge" data-testid="module-open" data-code={m.code} onClick={() => onOpen(m.code)}>
                  <span>{cert && cert.status !== 'none' ? t('training.review') : t('training.start')}</span>
                  <ArrowIcon direction="right" />
                </button>
                {onStartSession ? (
                  <button
                    type="button"
                    className="btn btn-secondary btn-huge"
                    data-testid="session-start"
                    data-code={m.code}
                    disabled={startingSession !== null && startingSession !== undefined}
                    onClick={() => onStartSession(m.code)}
                  >
                    <ScreenIcon />
                    <span>{t('sessions.start')}</span>
                  </button>
                ) : null}
              </div>
            </div>
          </article>
        );
      })}
    </div>
  );
}
