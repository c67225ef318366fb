// What the machine said lately, newest first, in plain words; the firmware's own text stays under it
// in small print, for the trainer who knows what `error:20` means.
import { useTranslation } from 'react-i18next';
import type { MachineMessage } from '../../electron/api/types';
import { AlertIcon, ChatIcon, CheckIcon, WarningIcon } from '../components/icons';
import { formatNumber, formatTime, type Lang } from '../lib/format';
import { messageText, recentMessages } from './messages';

const shown = 6;

export function MessageLine({ m, count = 1, lang }: { m: MachineMessage; count?: number; lang: Lang }) {
  const { t, i18n } = useTranslation();
  const { text } = messageText(m, i18n, lang);
  return (
    <li className={`machine-message message-${m.severity}`} data-testid="machine-message" data-code={m.code} data-severity={m.severity}>
      <span className="message-icon" aria-hidden="true">
        {m.severity === 'error' ? <AlertIcon /> : m.severity === 'warning' ? <WarningIcon /> : <CheckIcon />}
      </span>
      <div className="message-body">
        <p className="message-text">{text}</p>
        <p className="message-meta">
          {count > 1 ? (
            <span className="pill message-count" title={t('board.messageTimes', { count })}>
              ×{formatNumber(count, lang, 0)}
            </span>
          ) : null}
          <span>{formatTime(m.at, lang)}</span>
          {m.line !== null && m.line > 0 ? <span>{t('gcode.line', { line: formatNumber(m.line, lang, 0) })}</span> : null}
          {m.raw ? <code className="raw">{m.raw}</code> : null}
        </p>
      </div>
    </li>
  );
}

export function MessagesPanel({ messages, lang, machineId }: { messages: MachineMessage[]; lang: Lang; machineId: string }) {
  const { t } = useTranslation();
  const recent = recentMessages(messages, shown);
  return (
    <section className="card board-panel messages-panel" aria-labelledby={`messages-${machineId}`} data-testid="messages">
      <h2 id={`messages-${machineId}`} className="panel-title">
        <ChatIcon />
        {t('board.messages')}
      </h2>
      {recent.length === 0 ? (
        <p className="muted">{t('board.messagesNone')}</p>
      ) : (
        <ul className="machine-messages">
          {recent.map(({ message: m, count }, i) => (
            <MessageLine key={`${m.at}-${m.code}-${i}`} m={m} count={count} lang={lang} />
          ))}
        </ul>
      )}
    </section>
  );
}
