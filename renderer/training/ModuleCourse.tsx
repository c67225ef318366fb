// A member follows a safety module alone: its illustrated steps one at a time, then the quiz, then
// the result. Anyone may read the steps; the quiz needs a signed-in member (it is their attempt).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleContent, QuizResult } from '../../electron/api/types';
import { ArrowIcon, BackIcon, QuizIcon, RefreshIcon, SignInIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { errorMessage } from '../i18n/errors';
import { pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { answersPayload } from './quiz';
import { QuizResultView } from './QuizResultView';
import { QuizRunner } from './QuizRunner';
import { StepPager } from './StepPager';
import { StepView } from './StepView';

type Phase = { kind: 'step'; index: number } | { kind: 'quiz'; round: number } | { kind: 'result'; result: QuizResult };

export function ModuleCourse({ code, onExit, onDone }: { code: string; onExit(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { call, lang, member, navigate } = useKiosk();
  const content = useLoad(() => call('training.module', { code }), [call, code]);
  const [phase, setPhase] = useState<Phase>({ kind: 'step', index: 0 });

  const top = () => document.getElementById('main')?.scrollTo({ top: 0, behavior: 'instant' });
  const to = (p: Phase) => {
    setPhase(p);
    top();
  };

  if (content.state.phase === 'loading') return <Progress label={t('training.loadingModule')} fraction={null} lang={lang} />;
  if (content.state.phase === 'failed') return <p className="form-error">{errorMessage(content.state.error, t, lang)}</p>;
  const m: ModuleContent = content.state.value;
  const steps = m.content.steps;
  const quiz = m.content.quiz;

  const head = (
    <header className="course-head">
      <button type="button" className="btn btn-secondary" data-testid="course-exit" onClick={onExit}>
        <BackIcon />
        <span>{t('training.allModules')}</span>
      </button>
      <div className="course-title">
        <p className="kicker">{t('training.moduleKicker', { version: m.version })}</p>
        <h1 className="screen-title">{pick(m.title, lang)}</h1>
      </div>
    </header>
  );

  if (phase.kind === 'step') {
    const step = steps[phase.index];
    const last = phase.index >= steps.length - 1;
    return (
      <div className="course" data-testid="course" data-code={code}>
        {head}
        {step ? <StepView code={code} step={step} lang={lang} /> : null}
        <StepPager
          index={phase.index}
          count={steps.length}
          onPrev={() => to({ kind: 'step', index: phase.index - 1 })}
          onNext={() => to({ kind: 'step', index: phase.index + 1 })}
          finish={
            last ? (
              member ? (
                <button type="button" className="btn btn-primary btn-huge" data-testid="quiz-start" onClick={() => to({ kind: 'quiz', round: 1 })}>
                  <QuizIcon />
                  <span>{t('training.toQuiz', { count: quiz.length })}</span>
                </button>
              ) : (
                <button type="button" className="btn btn-primary btn-huge" data-testid="quiz-signin" onClick={() => navigate('signin')}>
                  <SignInIcon />
                  <span>{t('training.signInForQuiz')}</span>
                </button>
              )
            ) : null
          }
        />
      </div>
    );
  }

  if (phase.kind === 'quiz') {
    return (
      <div className="course" data-testid="course" data-code={code}>
        {head}
        <QuizRunner
          key={phase.round}
          questions={quiz}
          lang={lang}
          onBack={() => to({ kind: 'step', index: Math.max(0, steps.length - 1) })}
          onSubmit={async (answers) => {
            const result = await call('training.submitQuiz', { code, version: m.version, answers: answersPayload(answers, quiz) });
            to({ kind: 'result', result });
            onDone();
          }}
        />
      </div>
    );
  }

  return (
    <div className="course" data-testid="course" data-code={code}>
      {head}
      <QuizResultView
        result={phase.result}
        questions={quiz}
        lang={lang}
        actions={
          <>
            <button type="button" className="btn btn-secondary btn-huge" data-testid="result-steps" onClick={() => to({ kind: 'step', index: 0 })}>
              <BackIcon />
              <span>{t('quiz.reviewSteps')}</span>
            </button>
            {phase.result.passed ? null : (
              <button type="button" className="btn btn-secondary btn-huge" data-testid="result-retry" onClick={() => to({ kind: 'quiz', round: Date.now() })}>
                <RefreshIcon />
                <span>{t('quiz.retry')}</span>
              </button>
            )}
            <button type="button" className="btn btn-primary btn-huge" data-testid="result-done" onClick={onExit}>
              <span>{t('training.allModules')}</span>
              <ArrowIcon direction="right" />
            </button>
          </>
        }
      />
    </div>
  );
}
