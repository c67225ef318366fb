// The quiz's outcome: the score in big, passed or not against the pass mark, and for every question
// answered wrong, the explanation. A pass still needs a trainer's practical sign-off: it says so.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizQuestion, QuizResult } from '../../electron/api/types';
import { AlertIcon, CheckIcon, StampIcon } from '../components/icons';
import { formatPercent, pick, type Lang } from '../lib/format';

export function QuizResultView({
  result,
  questions,
  lang,
  actions,
  who,
}: {
  result: QuizResult;
  questions: QuizQuestion[];
  lang: Lang;
  actions: ReactNode;
  /** The participant's name, when a trainer runs the quiz for several people on one kiosk (the trainer signs off next). */
  who?: string;
}) {
  const { t } = useTranslation();
  const wrong = result.questions.filter((q) => !q.correct);
  const text = (id: string) => {
    const q = questions.find((x) => x.id === id);
    return q ? pick(q.question, lang) : id;
  };
  return (
    <section className={`quiz-result ${result.passed ? 'is-passed' : 'is-failed'}`} data-testid="quiz-result" data-passed={result.passed} data-score={result.correctCount}>
      <div className="result-head">
        <div className="score-ring" aria-hidden="true">
          <span className="score-main">
            {result.correctCount}/{result.total}
          </span>
          <span className="score-pct">{formatPercent(result.score, lang)}</span>
        </div>
        <div className="result-words">
          {who ? <p className="kicker">{who}</p> : null}
          <h2>{result.passed ? t('quiz.passed') : t('quiz.failed')}</h2>
          <p>{t('quiz.passMark', { mark: formatPercent(result.passMark, lang) })}</p>
          {result.passed ? (
            <p className="signoff-needed" data-testid="signoff-needed">
              <StampIcon size={30} />
              <span>{who ? t('quiz.signoffNext') : t('quiz.signoffNeeded')}</span>
            </p>
          ) : (
            <p>{t('quiz.tryAgain')}</p>
          )}
        </div>
      </div>
      {wrong.length > 0 ? (
        <div className="explanations">
          <h3>{t('quiz.toReview', { count: wrong.length })}</h3>
          <ul>
            {wrong.map((q) => (
              <li key={q.id} className="explanation is-wrong" data-testid="quiz-explanation">
                <AlertIcon size={26} />
                <div>
                  <p className="explanation-q">{text(q.id)}</p>
                  <p>{pick(q.explanation, lang)}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="all-right">
          <CheckIcon size={26} />
          {t('quiz.allRight')}
        </p>
      )}
      <div className="result-actions">{actions}</div>
    </section>
  );
}
