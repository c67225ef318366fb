// A second screen (the room's projector) that follows a session: open the kiosk's address with
// "#/presenter/<session id>". No sign-in and no names: the back end's presenter view has none.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Progress } from '../components/Progress';
import { errorMessage } from '../i18n/errors';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { PresenterView } from './PresenterView';

export function PresenterFollow({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { call, lang, onEvent } = useKiosk();
  const view = useLoad(() => call('sessions.presenter', { sessionId }), [call, sessionId]);
  const code = view.state.phase === 'ready' ? view.state.value.module : null;
  const module = useLoad(() => (code ? call('training.module', { code }) : new Promise<never>(() => {})), [call, code]);
  const { reload } = view;

  useEffect(() => onEvent((ev) => ev.type === 'training.session' && ev.sessionId === sessionId && reload()), [onEvent, sessionId, reload]);

  if (view.state.phase === 'failed') return <p className="form-error presenter-error">{errorMessage(view.state.error, t, lang)}</p>;
  if (view.state.phase !== 'ready' || module.state.phase !== 'ready') {
    return (
      <div className="splash">
        <Progress label={t('app.loading')} fraction={null} lang={lang} />
      </div>
    );
  }
  if (view.state.value.endedAt) {
    return (
      <div className="presenter presenter-ended" data-testid="presenter-ended">
        <h1>{t('sessions.endedSlide')}</h1>
      </div>
    );
  }
  return <PresenterView module={module.state.value} step={view.state.value.step} lang={lang} />;
}
