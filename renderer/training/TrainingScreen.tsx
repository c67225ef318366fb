// The training menu: every safety module, and for a trainer the guided sessions (open ones to carry
// on, a new one for any module). Opening a module or a session stays within this screen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { Progress } from '../components/Progress';
import { errorMessage } from '../i18n/errors';
import { roleAtLeast } from '../lib/roles';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { SessionConsole } from '../sessions/SessionConsole';
import { TrainerSessions } from '../sessions/TrainerSessions';
import { ModuleCourse } from './ModuleCourse';
import { ModuleList } from './ModuleList';

type View = { kind: 'list' } | { kind: 'module'; code: string } | { kind: 'session'; sessionId: string };

export function TrainingScreen() {
  const { t } = useTranslation();
  const { call, lang, member } = useKiosk();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const modules = useLoad(() => call('training.modules', {}), [call]);
  const memberId = member?.id ?? null;
  const certs = useLoad(() => (memberId ? call('training.certifications', {}) : Promise.resolve(null)), [call, memberId]);
  const trainer = member !== null && roleAtLeast(member.role, 'trainer');

  const top = () => document.getElementById('main')?.scrollTo({ top: 0, behavior: 'instant' });
  const show = (v: View) => {
    setView(v);
    setError(null);
    top();
  };

  const startSession = async (code: string) => {
    setStarting(code);
    setError(null);
    try {
      const s = await call('sessions.start', { moduleCode: code });
      show({ kind: 'session', sessionId: s.id });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setStarting(null);
    }
  };

  if (view.kind === 'module') {
    return (
      <div className="screen screen-training" data-testid="screen-training">
        <ModuleCourse code={view.code} onExit={() => show({ kind: 'list' })} onDone={certs.reload} />
      </div>
    );
  }
  if (view.kind === 'session' && trainer) {
    return (
      <div className="screen screen-training screen-session" data-testid="screen-training">
        <SessionConsole sessionId={view.sessionId} onExit={() => show({ kind: 'list' })} />
      </div>
    );
  }

  return (
    <div className="screen screen-training" data-testid="screen-training">
      <h1 className="screen-title">{t('training.title')}</h1>
      <p className="screen-lead">{member ? t('training.leadMember') : t('training.leadVisitor')}</p>
      {trainer ? <TrainerSessions onOpen={(id) => show({ kind: 'session', sessionId: id })} /> : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="training-error">
          {errorMessage(error, t, lang)}
        </p>
      ) : null}
      {modules.state.phase === 'loading' ? (
        <Progress label={t('training.loading')} fraction={null} lang={lang} />
      ) : modules.state.phase === 'failed' ? (
        <p className="form-error">{errorMessage(modules.state.error, t, lang)}</p>
      ) : (
        <ModuleList
          modules={modules.state.value}
          certifications={certs.state.phase === 'ready' ? certs.state.value : null}
          onOpen={(code) => show({ kind: 'module', code })}
          onStartSession={trainer ? (code) => void startSession(code) : undefined}
          startingSession={starting}
        />
      )}
    </div>
  );
}
