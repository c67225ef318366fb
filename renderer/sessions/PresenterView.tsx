// The big screen during a trainer session: the step in full width and very large type, "step n of N",
// and nothing personal (no names, no scores). With controls on the kiosk itself; without, on a second
// screen that follows the session.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleContent } from '../../electron/api/types';
import { ArrowIcon, BackIcon, CloseIcon, QuizIcon } from '../components/icons';
import { pick, type Lang } from '../lib/format';
import { StepView } from '../training/StepView';

export function PresenterView({
  module,
  step,
  lang,
  controls,
}: {
  module: ModuleContent;
  /** 0-based; the number of steps means the quiz. */
  step: number;
  lang: Lang;
  controls?: { onPrev(): void; onNext(): void; onClose(): void; busy: boolean };
}) {
  const { t } = useTranslation();
  const steps = module.content.steps;
  const current = steps[step];
  const total = steps.length;
  const quiz = step >= total;

  // Arrow keys and a presenter's clicker (PageUp/PageDown) move the slides too.
  useEffect(() => {
    if (!controls) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'PageDown') controls.onNext();
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') controls.onPrev();
      else if (e.key === 'Escape') controls.onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controls]);

  return (
    <div className="presenter" data-testid="presenter" data-step={step}>
      <header className="presenter-head">
        <p className="presenter-title">{pick(module.title, lang)}</p>
        <p className="presenter-count" data-testid="presenter-count">
          {quiz ? t('sessions.quizSlide') : t('training.stepOf', { n: step + 1, count: total })}
        </p>
        {controls ? (
          <button type="button" className="btn btn-ghost-light" data-testid="presenter-close" onClick={controls.onClose}>
            <CloseIcon />
            <span>{t('sessions.closePresenter')}</span>
          </button>
        ) : null}
      </header>
      <progress className="presenter-progress" max={total} value={Math.min(step + 1, total)} aria-hidden="true" />
      <main className="presenter-body">
        {quiz || !current ? (
          <div className="presenter-quiz">
            <QuizIcon size={160} />
            <h2>{t('sessions.quizSlideTitle')}</h2>
            <p>{t('sessions.quizSlideText', { count: module.content.quiz.length })}</p>
          </div>
        ) : (
          <StepView code={module.code} step={current} lang={lang} presenter />
        )}
      </main>
      {controls ? (
        <footer className="presenter-controls">
          <button type="button" className="btn btn-secondary btn-huge" data-testid="presenter-prev" disabled={step <= 0 || controls.busy} onClick={controls.onPrev}>
            <BackIcon />
            <span>{t('training.prev')}</span>
          </button>
          <button type="button" className="btn btn-primary btn-huge" data-testid="presenter-next" disabled={quiz || controls.busy} onClick={controls.onNext}>
            <span>{step === total - 1 ? t('sessions.toQuizSlide') : t('training.next')}</span>
            <ArrowIcon direction="right" />
          </button>
        </footer>
      ) : null}
    </div>
  );
}
