// Whom it is for: a name typed on the kiosk's keyboard, the matching members as big buttons, the one
// chosen shown with their profile. Trainers and managers only (`members.search`).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MemberSummary } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CloseIcon, ProfileIcon, SearchIcon } from '../components/icons';
import { TouchKeyboard } from '../components/TouchKeyboard';
import { initials } from '../lib/format';
import { ErrorLine } from '../manage/ErrorLine';
import { useCatalogLabels } from '../screens/labels';
import { useKiosk } from '../state/kiosk';

const shown = 6;

export function MemberPicker({
  value,
  onChange,
  label,
  testId = 'member-picker',
}: {
  value: MemberSummary | null;
  onChange(member: MemberSummary | null): void;
  label: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const labels = useCatalogLabels();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<MemberSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const request = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q || value) {
      setFound(null);
      return;
    }
    const id = ++request.current;
    const timer = window.setTimeout(() => {
      call('members.search', { query: q })
        .then((list) => {
          if (id !== request.current) return;
          setFound(list);
          setError(null);
        })
        .catch((err: unknown) => {
          if (id === request.current) setError(toApiError(err));
        });
    }, 200);
    return () => window.clearTimeout(timer);
  }, [call, query, value]);

  if (value) {
    return (
      <div className="member-picked" data-testid={testId} data-member={value.id}>
        <span className="avatar" aria-hidden="true">
          {initials(value.displayName)}
        </span>
        <span className="member-picked-name">
          <strong data-testid={`${testId}-name`}>{value.displayName}</strong>
          <span className="muted">
            <ProfileIcon code={value.profileCategory} size={20} /> {labels.profile(value.profileCategory)}
          </span>
        </span>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid={`${testId}-change`}
          onClick={() => {
            setQuery('');
            onChange(null);
          }}
        >
          <CloseIcon />
          <span>{t('ledger.member.change')}</span>
        </button>
      </div>
    );
  }

  return (
    <div className="member-search" data-testid={testId}>
      <label className="search-field">
        <SearchIcon />
        <span className="visually-hidden">{label}</span>
        <input
          className="text-input"
          data-testid={`${testId}-query`}
          type="text"
          value={query}
          placeholder={label}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value.slice(0, 80))}
        />
      </label>
      {error ? <ErrorLine error={error} lang={lang} /> : null}
      {found !== null ? (
        found.length === 0 ? (
          <p className="muted">{t('ledger.member.none')}</p>
        ) : (
          <ul className="member-results">
            {found.slice(0, shown).map((m) => (
              <li key={m.id}>
                <button type="button" className="member-result" data-testid={`${testId}-result`} data-name={m.displayName} onClick={() => onChange(m)}>
                  <span className="avatar" aria-hidden="true">
                    {initials(m.displayName)}
                  </span>
                  <span>
                    <strong>{m.displayName}</strong>
                    <span className="muted"> · {labels.profile(m.profileCategory)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : (
        <p className="muted small-note">{t('ledger.member.typeName')}</p>
      )}
      <TouchKeyboard value={query} onInput={(s) => setQuery((q) => (q + s).slice(0, 80))} onBackspace={() => setQuery((q) => q.slice(0, -1))} />
    </div>
  );
}
