// Adds people to a session: search members by name on the touch keyboard and tap one, or sign a
// newcomer up on the spot.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MemberSummary } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CheckIcon, CloseIcon, PlusIcon, ProfileIcon, SearchIcon, UserIcon } from '../components/icons';
import { TouchKeyboard } from '../components/TouchKeyboard';
import { errorMessage } from '../i18n/errors';
import { useCatalogLabels } from '../screens/labels';
import { useKiosk } from '../state/kiosk';

export function AttendeePicker({
  already,
  onAdd,
  onNewPerson,
  onClose,
}: {
  /** Member ids already in the session. */
  already: ReadonlySet<string>;
  onAdd(memberId: string): Promise<void>;
  onNewPerson(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const labels = useCatalogLabels();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<MemberSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      call('members.search', { query: q })
        .then((r) => live && (setResults(r), setError(null)))
        .catch((err: unknown) => live && setError(toApiError(err)));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [call, query]);

  const add = async (id: string) => {
    setAdding(id);
    setError(null);
    try {
      await onAdd(id);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setAdding(null);
    }
  };

  return (
    <section className="card picker" aria-labelledby="picker-title" data-testid="attendee-picker">
      <div className="picker-head">
        <h2 id="picker-title">{t('sessions.addTitle')}</h2>
        <button type="button" className="btn btn-secondary" data-testid="picker-close" onClick={onClose}>
          <CloseIcon />
          <span>{t('sessions.addDone')}</span>
        </button>
      </div>
      <label className="search-field">
        <SearchIcon />
        <span className="visually-hidden">{t('sessions.searchLabel')}</span>
        <input
          className="text-input text-input-large"
          data-testid="attendee-search"
          type="text"
          inputMode="none"
          value={query}
          placeholder={t('sessions.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {errorMessage(error, t, lang)}
        </p>
      ) : null}
      <ul className="picker-results" data-testid="attendee-results">
        {results?.length === 0 ? <li className="muted">{t('sessions.noMatch')}</li> : null}
        {results?.map((m) => {
          const inSession = already.has(m.id);
          return (
            <li key={m.id}>
              <span className="picker-who">
                <ProfileIcon code={m.profileCategory} size={30} />
                <span>
                  <span className="picker-name">{m.displayName}</span>
                  <span className="muted">{labels.profile(m.profileCategory)}</span>
                </span>
              </span>
              <button
                type="button"
                className="btn btn-primary"
                data-testid="attendee-add"
                data-member={m.id}
                disabled={inSession || adding !== null}
                onClick={() => void add(m.id)}
              >
                {inSession ? <CheckIcon /> : <PlusIcon />}
                <span>{inSession ? t('sessions.inSession') : t('sessions.add')}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {/* Under the results, so that what the search finds shows without scrolling. */}
      <TouchKeyboard value={query} onInput={(s) => setQuery((q) => (q + s).slice(0, 80))} onBackspace={() => setQuery((q) => q.slice(0, -1))} />
      <button type="button" className="btn btn-secondary btn-huge picker-new" data-testid="attendee-new" onClick={onNewPerson}>
        <UserIcon />
        <span>{t('sessions.newPerson')}</span>
      </button>
    </section>
  );
}
