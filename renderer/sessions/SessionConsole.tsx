// The trainer's desk for one guided session: the big screen's step (and the full-screen presenter),
// the attendees (added by search or signed up on the spot), each one's quiz handed over on the kiosk,
// the practical sign-offs, and the end of the session with its report and attestations.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, TrainingSessionView } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { ArrowIcon, BackIcon, CheckIcon, PlusIcon, ScreenIcon, StampIcon } from '../components/icons';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Progress } from '../components/Progress';
import { errorMessage } from '../i18n/errors';
import { formatTime, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { quickSignUpSteps, tidyName } from '../membership/signup';
import { SignUpWizard } from '../membership/SignUpWizard';
import { AttendeePicker } from './AttendeePicker';
import { AttendeeRow } from './AttendeeRow';
import { ParticipantQuiz } from './ParticipantQuiz';
import { presenterHash } from './presenter-hash';
import { PresenterView } from './PresenterView';
import { SessionDocuments } from './SessionDocuments';

type Mode = { kind: 'console' } | { kind: 'presenter' } | { kind: 'pick' } | { kind: 'newPerson' } | { kind: 'quiz'; memberId: string; name: string } | { kind: 'ending' };

export function SessionConsole({ sessionId, onExit }: { sessionId: string; onExit(): void }) {
  const { t } = useTranslation();
  const { call, lang, onEvent } = useKiosk();
  const session = useLoad(() => call('sessions.get', { sessionId }), [call, sessionId]);
  const code = session.state.phase === 'ready' ? session.state.value.module.code : null;
  const module = useLoad(() => (code ? call('training.module', { code }) : new Promise<never>(() => {})), [call, code]);
  const [mode, setMode] = useState<Mode>({ kind: 'console' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { reload, set } = session;

  // Another screen (a second kiosk, the back end's own end of session) may change it: follow.
  useEffect(() => onEvent((ev) => ev.type === 'training.session' && ev.sessionId === sessionId && reload()), [onEvent, sessionId, reload]);

  const act = useCallback(
    async (f: () => Promise<TrainingSessionView>) => {
      setBusy(true);
      setError(null);
      try {
        set(await f());
        return true;
      } catch (err) {
        setError(toApiError(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [set],
  );

  if (session.state.phase === 'loading') return <Progress label={t('sessions.loading')} fraction={null} lang={lang} />;
  if (session.state.phase === 'failed') return <p className="form-error">{errorMessage(session.state.error, t, lang)}</p>;
  const s = session.state.value;
  const ended = s.endedAt !== null;
  const total = s.module.steps;
  const setStep = (step: number) => void act(() => call('sessions.setStep', { sessionId, step: Math.max(0, Math.min(total, step)) }));
  const certified = s.attendees.filter((a) => a.signedOff === true).length;
  const notYet = s.attendees.length - certified;

  if (mode.kind === 'presenter' && module.state.phase === 'ready') {
    return (
      <PresenterView
        module={module.state.value}
        step={s.step}
        lang={lang}
        controls={{ onPrev: () => setStep(s.step - 1), onNext: () => setStep(s.step + 1), onClose: () => setMode({ kind: 'console' }), busy }}
      />
    );
  }
  if (mode.kind === 'quiz' && module.state.phase === 'ready') {
    return (
      <ParticipantQuiz
        sessionId={sessionId}
        module={module.state.value}
        memberId={mode.memberId}
        name={mode.name}
        onDone={() => {
          setMode({ kind: 'console' });
          reload();
        }}
      />
    );
  }
  if (mode.kind === 'newPerson') {
    return (
      <SignUpWizard
        steps={quickSignUpSteps}
        title={t('sessions.newPersonTitle')}
        submitLabel={t('sessions.newPersonSubmit')}
        aside={<p className="pill">{pick(s.module.title, lang)}</p>}
        onCancel={() => setMode({ kind: 'pick' })}
        onSubmit={async (d, charter) => {
          set(
            await call('sessions.quickSignUp', {
              sessionId,
              displayName: tidyName(d.name),
              profileCategory: d.profile ?? '',
              pin: d.pin,
              consentPurposes: [...d.consents],
              charterVersion: charter.version,
            }),
          );
          setMode({ kind: 'pick' });
        }}
      />
    );
  }

  const stepTitle =
    module.state.phase === 'ready' ? (s.step >= total ? t('sessions.quizSlideTitle') : pick(module.state.value.content.steps[s.step]?.title ?? { fr: '', en: '' }, lang)) : '';

  return (
    <div className="session-console" data-testid="session-console" data-session={s.id} data-ended={ended}>
      <header className="course-head">
        <button type="button" className="btn btn-secondary" data-testid="session-exit" onClick={onExit}>
          <BackIcon />
          <span>{t('training.allModules')}</span>
        </button>
        <div className="course-title">
          <p className="kicker">{ended ? t('sessions.endedKicker') : t('sessions.kicker')}</p>
          <h1 className="screen-title">{pick(s.module.title, lang)}</h1>
          <p className="muted">{t('sessions.startedBy', { time: formatTime(s.startedAt, lang), name: s.trainer.name, version: s.module.version })}</p>
        </div>
        {ended ? null : (
          <button type="button" className="btn btn-danger btn-huge" data-testid="session-end" disabled={busy} onClick={() => setMode({ kind: 'ending' })}>
            <StampIcon />
            <span>{t('sessions.end')}</span>
          </button>
        )}
      </header>
      {error ? (
        <p className="form-error" role="alert" data-testid="session-error" data-code={error.code}>
          {errorMessage(error, t, lang)}
        </p>
      ) : null}

      <div className={`session-grid${ended ? ' is-ended' : ''}`}>
        <div className="session-side">
          {ended ? (
            <SessionDocuments session={s} />
          ) : (
            <section className="card stage-card" aria-labelledby="stage-title">
              <h2 id="stage-title">
                <ScreenIcon />
                {t('sessions.bigScreen')}
              </h2>
              <p className="stage-now" data-testid="stage-step" data-step={s.step}>
                <span className="stage-count">{s.step >= total ? t('sessions.quizSlide') : t('training.stepOf', { n: s.step + 1, count: total })}</span>
                <span className="stage-title">{stepTitle}</span>
              </p>
              <progress className="progress-bar" max={total} value={Math.min(s.step + 1, total)} aria-hidden="true" />
              <div className="stage-buttons">
                <button type="button" className="btn btn-secondary btn-huge" data-testid="stage-prev" disabled={busy || s.step <= 0} onClick={() => setStep(s.step - 1)}>
                  <BackIcon />
                  <span>{t('training.prev')}</span>
                </button>
                <button type="button" className="btn btn-secondary btn-huge" data-testid="stage-next" disabled={busy || s.step >= total} onClick={() => setStep(s.step + 1)}>
                  <span>{t('training.next')}</span>
                  <ArrowIcon direction="right" />
                </button>
              </div>
              <button type="button" className="btn btn-primary btn-huge stage-present" data-testid="present" disabled={module.state.phase !== 'ready'} onClick={() => setMode({ kind: 'presenter' })}>
                <ScreenIcon />
                <span>{t('sessions.present')}</span>
              </button>
              <p className="muted stage-second">
                {t('sessions.secondScreen')} <code>{`${window.location.origin}${window.location.pathname}${presenterHash(s.id)}`}</code>
              </p>
            </section>
          )}
        </div>

        <div className="session-main">
          {mode.kind === 'pick' ? (
            <AttendeePicker
              already={new Set(s.attendees.map((a) => a.memberId))}
              onAdd={async (memberId) => {
                await act(() => call('sessions.addAttendee', { sessionId, memberId }));
              }}
              onNewPerson={() => setMode({ kind: 'newPerson' })}
              onClose={() => setMode({ kind: 'console' })}
            />
          ) : null}
          <section className="card attendees-card" aria-labelledby="attendees-title">
            <div className="table-head">
              <h2 id="attendees-title">{t('sessions.attendees', { count: s.attendees.length })}</h2>
              {ended || mode.kind === 'pick' ? null : (
                <button type="button" className="btn btn-primary" data-testid="attendees-add" onClick={() => setMode({ kind: 'pick' })}>
                  <PlusIcon />
                  <span>{t('sessions.addPeople')}</span>
                </button>
              )}
            </div>
            {s.attendees.length === 0 ? <p className="muted">{t('sessions.noAttendees')}</p> : null}
            <ul className="attendees" data-testid="attendees">
              {s.attendees.map((a) => (
                <AttendeeRow
                  key={a.memberId}
                  a={a}
                  ended={ended}
                  busy={busy}
                  lang={lang}
                  onQuiz={() => setMode({ kind: 'quiz', memberId: a.memberId, name: a.name })}
                  onSignOff={(passed) => void act(() => call('sessions.signOff', { sessionId, memberId: a.memberId, passed }))}
                  onRemove={() => void act(() => call('sessions.removeAttendee', { sessionId, memberId: a.memberId }))}
                />
              ))}
            </ul>
          </section>
        </div>
      </div>

      {mode.kind === 'ending' ? (
        <ConfirmDialog
          title={t('sessions.endTitle')}
          confirmLabel={t('sessions.endConfirm')}
          cancelLabel={t('sessions.endCancel')}
          confirmIcon={<CheckIcon />}
          busy={busy}
          testId="session-end-dialog"
          onCancel={() => setMode({ kind: 'console' })}
          onConfirm={() => {
            void act(() => call('sessions.end', { sessionId })).then(() => setMode({ kind: 'console' }));
          }}
        >
          <p>{t('sessions.endText', { certified, notYet })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
