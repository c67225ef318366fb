// A trainer's sessions: the ones still open (started on this kiosk or another) to carry on, and the
// last ones ended, to find their report and attestations again.
import { useTranslation } from 'react-i18next';
import type { TrainingSessionSummary } from '../../electron/api/types';
import { ArrowIcon, ClipboardIcon, ScreenIcon } from '../components/icons';
import { formatDate, formatTime } from '../lib/format';
import { useModuleLabel } from '../screens/labels';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';

const recentCount = 4;

export function TrainerSessions({ onOpen }: { onOpen(sessionId: string): void }) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const moduleLabel = useModuleLabel();
  const { state } = useLoad(() => call('sessions.list', { open: false, limit: 30 }), [call]);
  if (state.phase !== 'ready') return null;
  const open = state.value.filter((s) => s.endedAt === null);
  const ended = state.value.filter((s) => s.endedAt !== null).slice(0, recentCount);
  if (open.length === 0 && ended.length === 0) return null;

  const row = (s: TrainingSessionSummary) => (
    <li key={s.id} data-testid={s.endedAt ? 'session-ended' : 'session-open'} data-session={s.id}>
      <div>
        <p className="open-session-name">{moduleLabel(s.module)}</p>
        <p className="muted">
          {s.endedAt
            ? t('sessions.endedLine', { date: formatDate(s.startedAt, lang), trainer: s.trainerName, count: s.certified })
            : t('sessions.openLine', { time: formatTime(s.startedAt, lang), trainer: s.trainerName, count: s.attendees })}
        </p>
      </div>
      <button type="button" className={`btn ${s.endedAt ? 'btn-secondary' : 'btn-primary'}`} data-testid="session-resume" data-session={s.id} onClick={() => onOpen(s.id)}>
        <span>{s.endedAt ? t('sessions.documents') : t('sessions.resume')}</span>
        <ArrowIcon direction="right" />
      </button>
    </li>
  );

  return (
    <div className="trainer-sessions">
      {open.length > 0 ? (
        <section className="card open-sessions" aria-labelledby="open-sessions-title" data-testid="open-sessions">
          <h2 id="open-sessions-title">
            <ScreenIcon />
            {t('sessions.openTitle')}
          </h2>
          <ul>{open.map(row)}</ul>
        </section>
      ) : null}
      {ended.length > 0 ? (
        <section className="card open-sessions ended-sessions" aria-labelledby="ended-sessions-title" data-testid="ended-sessions">
          <h2 id="ended-sessions-title">
            <ClipboardIcon />
            {t('sessions.endedTitle')}
          </h2>
          <ul>{ended.map(row)}</ul>
        </section>
      ) : null}
    </div>
  );
}
