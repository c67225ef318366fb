// One person in a session: how their quiz went, the trainer's practical sign-off (passed / not yet),
// and handing them the kiosk for the quiz. Names show here, on the trainer's screen, never on the big one.
import { useTranslation } from 'react-i18next';
import type { SessionAttendee } from '../../electron/api/types';
import { CheckIcon, CloseIcon, QuizIcon, StampIcon, TrashIcon } from '../components/icons';
import { formatDate, formatPercent, type Lang } from '../lib/format';

export function AttendeeRow({
  a,
  ended,
  busy,
  lang,
  onQuiz,
  onSignOff,
  onRemove,
}: {
  a: SessionAttendee;
  ended: boolean;
  busy: boolean;
  lang: Lang;
  onQuiz(): void;
  onSignOff(passed: boolean): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const quizPassed = a.quiz?.passed === true;
  return (
    <li className={`attendee${a.signedOff === true ? ' is-certified' : ''}`} data-testid="attendee" data-member={a.memberId} data-signed-off={String(a.signedOff)}>
      <div className="attendee-who">
        <p className="attendee-name">{a.name}</p>
        <p className={`attendee-quiz ${a.quiz ? (a.quiz.passed ? 'is-ok' : 'is-bad') : ''}`} data-testid="attendee-quiz" data-passed={a.quiz ? String(a.quiz.passed) : 'none'}>
          <QuizIcon size={22} />
          {a.quiz
            ? t(a.quiz.passed ? 'sessions.quizPassed' : 'sessions.quizFailed', { score: formatPercent(a.quiz.score, lang) })
            : t('sessions.quizNone')}
        </p>
        {a.signedOff === true && a.expiresAt ? (
          <p className="attendee-cert">
            <StampIcon size={22} />
            {t('sessions.certifiedUntil', { date: formatDate(a.expiresAt, lang) })}
          </p>
        ) : a.signedOff === false ? (
          <p className="attendee-notyet">{t('sessions.notYetNote')}</p>
        ) : null}
      </div>
      {ended ? null : (
        <div className="attendee-actions">
          {quizPassed ? null : (
            <button type="button" className="btn btn-secondary" data-testid="attendee-quiz-run" disabled={busy} onClick={onQuiz}>
              <QuizIcon />
              <span>{a.quiz ? t('sessions.quizAgain') : t('sessions.quizRun')}</span>
            </button>
          )}
          <div className="signoff" role="group" aria-label={t('sessions.signoffLabel', { name: a.name })}>
            <button
              type="button"
              className="yes-no-btn is-no"
              aria-pressed={a.signedOff === false}
              data-testid="signoff-notyet"
              disabled={busy}
              onClick={() => onSignOff(false)}
            >
              <CloseIcon size={22} />
              <span>{t('sessions.notYet')}</span>
            </button>
            <button
              type="button"
              className="yes-no-btn is-yes"
              aria-pressed={a.signedOff === true}
              data-testid="signoff-pass"
              disabled={busy || !quizPassed}
              title={quizPassed ? undefined : t('sessions.quizFirst')}
              onClick={() => onSignOff(true)}
            >
              <CheckIcon size={22} />
              <span>{t('sessions.passed')}</span>
            </button>
          </div>
          {a.signedOff === true ? null : (
            <button type="button" className="icon-btn attendee-remove" data-testid="attendee-remove" aria-label={t('sessions.remove', { name: a.name })} disabled={busy} onClick={onRemove}>
              <TrashIcon />
            </button>
          )}
        </div>
      )}
    </li>
  );
}
