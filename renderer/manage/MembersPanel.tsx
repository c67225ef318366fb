// The members, searchable by name (touch keyboard on demand); a tap on "Edit" opens the profile.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MemberSummary } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CloseIcon, KeyboardIcon, PencilIcon, SearchIcon } from '../components/icons';
import { TouchKeyboard } from '../components/TouchKeyboard';
import { formatDate, formatTime } from '../lib/format';
import { useCatalogLabels } from '../screens/labels';
import { useKiosk } from '../state/kiosk';
import { ErrorLine } from './ErrorLine';

export function MembersPanel({ onEdit, version }: { onEdit(memberId: string): void; version: number }) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const labels = useCatalogLabels();
  const [query, setQuery] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const [members, setMembers] = useState<MemberSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const request = useRef(0);

  const load = useCallback(
    async (q: string) => {
      const id = ++request.current;
      try {
        const list = await call('members.list', q.trim() ? { query: q } : {});
        if (id !== request.current) return;
        setMembers(list);
        setError(null);
      } catch (err) {
        if (id === request.current) setError(toApiError(err));
      }
    },
    [call],
  );

  // Search as the manager types, a little after the last key.
  useEffect(() => {
    const timer = window.setTimeout(() => void load(query), query ? 250 : 0);
    return () => window.clearTimeout(timer);
  }, [query, load, version]);
  useEffect(
    () => () => {
      request.current++;
    },
    [],
  );

  const now = Date.now();
  const lockedUntil = (m: MemberSummary) => (m.lockedUntil && Date.parse(m.lockedUntil) > now ? m.lockedUntil : null);

  return (
    <section className="card table-card" aria-labelledby="members-title">
      <div className="table-head">
        <h2 id="members-title">{t('manage.members')}</h2>
        {members ? <span className="pill">{t('manage.count', { count: members.length })}</span> : null}
      </div>
      <div className="search-row">
        <label className="search-field">
          <SearchIcon />
          <span className="visually-hidden">{t('manage.searchLabel')}</span>
          <input
            className="text-input"
            data-testid="members-search"
            type="text"
            enterKeyHint="search"
            value={query}
            placeholder={t('manage.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        {query ? (
          <button type="button" className="btn btn-secondary" onClick={() => setQuery('')} aria-label={t('manage.clearSearch')}>
            <CloseIcon />
          </button>
        ) : null}
        <button type="button" className="btn btn-secondary" aria-pressed={keyboard} onClick={() => setKeyboard((k) => !k)}>
          <KeyboardIcon />
          <span>{keyboard ? t('manage.hideKeyboard') : t('manage.showKeyboard')}</span>
        </button>
      </div>
      {keyboard ? <TouchKeyboard value={query} onInput={(s) => setQuery((q) => q + s)} onBackspace={() => setQuery((q) => q.slice(0, -1))} /> : null}
      {error ? <ErrorLine error={error} lang={lang} /> : null}
      <div className="table-wrap">
        <table className="table" data-testid="members-table">
          <thead>
            <tr>
              <th scope="col">{t('manage.colName')}</th>
              <th scope="col">{t('manage.colRole')}</th>
              <th scope="col">{t('manage.colProfile')}</th>
              <th scope="col">{t('manage.colPlan')}</th>
              <th scope="col">{t('manage.colStatus')}</th>
              <th scope="col">{t('manage.colSince')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('manage.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members === null && !error ? (
              <tr>
                <td colSpan={7} className="muted">
                  {t('manage.loading')}
                </td>
              </tr>
            ) : null}
            {members?.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  {t('manage.noMembers')}
                </td>
              </tr>
            ) : null}
            {members?.map((m) => {
              const locked = lockedUntil(m);
              return (
                <tr key={m.id} data-testid="member-row" data-member={m.id}>
                  <th scope="row">{m.displayName}</th>
                  <td>
                    <span className={`role role-${m.role}`}>{t(`roles.${m.role}`)}</span>
                  </td>
                  <td>{labels.profile(m.profileCategory)}</td>
                  <td>{labels.plan(m.planId)}</td>
                  <td>
                    {locked ? (
                      <span className="pill pill-alarm">{t('manage.lockedUntil', { time: formatTime(locked, lang) })}</span>
                    ) : m.charterCurrent ? (
                      <span className="pill pill-ok">{t('manage.active')}</span>
                    ) : (
                      <span className="pill pill-warn">{t('manage.charterOld')}</span>
                    )}
                  </td>
                  <td className="nowrap">{formatDate(m.createdAt, lang)}</td>
                  <td>
                    <button type="button" className="btn btn-secondary" data-testid="member-edit" onClick={() => onEdit(m.id)}>
                      <PencilIcon />
                      <span>{t('manage.edit')}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
