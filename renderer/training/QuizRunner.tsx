// A quiz, one question at a time, with big choices: a tap chooses (or, where several answers are
// right, ticks and unticks). The answers go to the back end in one go, which scores them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, QuizQuestion } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { ArrowIcon, BackIcon, CheckIcon } from '../components/icons';
import { errorMessage } from '../i18n/errors';
import { pick, type Lang } from '../lib/format';
import { answeredCount, firstUnanswered, isAnswered, toggleChoice, type QuizAnswers } from './quiz';

const letters = 'ABCDEFGHIJ';

export function QuizRunner({
  questions,
  lang,
  onSubmit,
  onBack,
}: {
  questions: QuizQuestion[];
  lang: Lang;
  /** Sends the answers (question id → chosen indices); throws the back end's refusal. */
  onSubmit(answers: QuizAnswers): Promise<void>;
  /** Before the first question: back to the steps. */
  onBack(): void;
}) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<QuizAnswers>({});
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const q = questions[index];
  if (!q) return null;
  const chosen = answers[q.id] ?? [];
  const last = index === questions.length - 1;

  const go = (i: number) => {
    setIndex(i);
    setMissing(false);
  };

  const submit = async () => {
    const gap = firstUnanswered(answers, questions);
    if (gap !== null) {
      go(gap);
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(answers);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <section className="quiz" data-testid="quiz" data-question={q.id} data-index={index}>
      <div className="quiz-head">
        <p className="kicker">{t('quiz.questionOf', { n: index + 1, count: questions.length })}</p>
        <progress className="progress-bar" max={questions.length} value={answeredCount(answers, questions)} aria-label={t('quiz.answered', { count: answeredCount(answers, questions) })} />
      </div>
      <h2 className="quiz-question">{pick(q.question, lang)}</h2>
      <p className={`quiz-hint${q.multiple ? ' is-multiple' : ''}`} data-testid="quiz-hint">
        {q.multiple ? t('quiz.multiple') : t('quiz.single')}
      </p>
      <div className="quiz-choices" role={q.multiple ? 'group' : 'radiogroup'} aria-label={pick(q.question, lang)}>
        {q.choices.map((c, i) => {
          const on = chosen.includes(i);
          return (
            <button
              key={i}
              type="button"
              role={q.multiple ? 'checkbox' : 'radio'}
              aria-checked={on}
              className={`quiz-choice${q.multiple ? ' is-multiple' : ''}`}
              data-testid="quiz-choice"
              data-index={i}
              disabled={busy}
              onClick={() => {
                setAnswers((a) => toggleChoice(a, q, i));
                setMissing(false);
              }}
            >
              <span className="quiz-letter" aria-hidden="true">
                {on ? <CheckIcon size={26} /> : letters[i]}
              </span>
              <span className="quiz-choice-text">{pick(c, lang)}</span>
            </button>
          );
        })}
      </div>
      {missing ? (
        <p className="form-error" role="alert" data-testid="quiz-missing">
          {t('quiz.answerFirst')}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="quiz-error">
          {errorMessage(error, t, lang)}
        </p>
      ) : null}
      <div className="pager">
        <button type="button" className="btn btn-secondary btn-huge" data-testid="quiz-prev" disabled={busy} onClick={() => (index === 0 ? onBack() : go(index - 1))}>
          <BackIcon />
          <span>{index === 0 ? t('quiz.backToSteps') : t('quiz.prev')}</span>
        </button>
        <ol className="pager-dots" aria-hidden="true">
          {questions.map((qq, i) => (
            <li key={qq.id} className={`${i === index ? 'is-current' : ''}${isAnswered(answers, qq.id) ? ' is-done' : ''}`} />
          ))}
        </ol>
        {last ? (
          <button type="button" className="btn btn-primary btn-huge" data-testid="quiz-submit" disabled={busy} onClick={() => void submit()}>
            <CheckIcon />
            <span>{busy ? t('quiz.sending') : t('quiz.submit')}</span>
          </button>
        ) : (
          <button type="button" className="btn btn-primary btn-huge" data-testid="quiz-next" disabled={busy || !isAnswered(answers, q.id)} onClick={() => go(index + 1)}>
            <span>{t('quiz.next')}</span>
            <ArrowIcon direction="right" />
          </button>
        )}
      </div>
    </section>
  );
}
