// For fabmanagers: the members (searchable) and the audit log. The back end checks the role on every
// call; this screen is only shown to managers so that others are not offered what they cannot do.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, AuditEntry, MemberSummary } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CloseIcon, KeyboardIcon, RefreshIcon, SearchIcon } from '../components/icons';
import { TouchKeyboard } from '../components/TouchKeyboard';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime, formatTime, type Lang } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { useAuditActionLabel, useCatalogLabels } from './labels';

const auditLimit = 100;

function ErrorLine({ error, lang }: { error: ApiError; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <p className="form-error" role="alert">
      {errorMessage(error, t, lang)}
    </p>
  );
}

export function ManageScreen() {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const labels = useCatalogLabels();
  const actionLabel = useAuditActionLabel();

  const [query, setQuery] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const [members, setMembers] = useState<MemberSummary[] | null>(null);
  const [membersError, setMembersError] = useState<ApiError | null>(null);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [auditError, setAuditError] = useState<ApiError | null>(null);
  /** Names of every member seen, to show who an audit entry is about. */
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const request = useRef(0);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const loadMembers = useCallback(
    async (q: string) => {
      const id = ++request.current;
      try {
        const list = await call('members.list', q.trim() ? { query: q } : {});
        if (!alive.current || id !== request.current) return;
        setMembers(list);
        setMembersError(null);
        setNames((prev) => {
          const next = new Map(prev);
          for (const m of list) next.set(m.id, m.displayName);
          return next;
        });
      } catch (err) {
        if (alive.current && id === request.current) setMembersError(toApiError(err));
      }
    },
    [call],
  );

  const loadAudit = useCallback(async () => {
    try {
      const entries = await call('audit.list', { limit: auditLimit });
      if (!alive.current) return;
      setAudit(entries);
      setAuditError(null);
    } catch (err) {
      if (alive.current) setAuditError(toApiError(err));
    }
  }, [call]);

  // Search as the manager types, a little after the last key.
  useEffect(() => {
    const timer = window.setTimeout(() => void loadMembers(query), query ? 250 : 0);
    return () => window.clearTimeout(timer);
  }, [query, loadMembers]);

  useEffect(() => {
    void loadAudit();
  }, [loadAudit]);

  const now = new Date();
  const lockedUntil = (m: MemberSummary) =>
    m.lockedUntil && Date.parse(m.lockedUntil) > now.getTime() ? m.lockedUntil : null;

  const details = (e: AuditEntry) =>
    Object.entries(e.details)
      .map(([k, v]) =>
        k === 'until' && typeof v === 'string'
          ? t('manage.until', { time: formatTime(v, lang) })
          : `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`,
      )
      .join(' · ');

  return (
    <div className="screen screen-manage" data-testid="screen-manage">
      <h1 className="screen-title">{t('manage.title')}</h1>

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
        {keyboard ? (
          <TouchKeyboard value={query} onInput={(s) => setQuery((q) => q + s)} onBackspace={() => setQuery((q) => q.slice(0, -1))} />
        ) : null}
        {membersError ? <ErrorLine error={membersError} lang={lang} /> : null}
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
              </tr>
            </thead>
            <tbody>
              {members === null && !membersError ? (
                <tr>
                  <td colSpan={6} className="muted">
                    {t('manage.loading')}
                  </td>
                </tr>
              ) : null}
              {members?.length === 0 ? (
                <tr>
                  <td colSpan={6} className="muted">
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
                      ) : (
                        <span className="pill pill-ok">{t('manage.active')}</span>
                      )}
                    </td>
                    <td className="nowrap">{formatDate(m.createdAt, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card table-card" aria-labelledby="audit-title">
        <div className="table-head">
          <div>
            <h2 id="audit-title">{t('manage.audit')}</h2>
            <p className="muted">{t('manage.auditLead')}</p>
          </div>
          <button type="button" className="btn btn-secondary" data-testid="audit-refresh" onClick={() => void loadAudit()}>
            <RefreshIcon />
            <span>{t('manage.refresh')}</span>
          </button>
        </div>
        {auditError ? <ErrorLine error={auditError} lang={lang} /> : null}
        <div className="table-wrap">
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('manage.colAt')}</th>
                <th scope="col">{t('manage.colActor')}</th>
                <th scope="col">{t('manage.colAction')}</th>
                <th scope="col">{t('manage.colTarget')}</th>
                <th scope="col">{t('manage.colDetails')}</th>
              </tr>
            </thead>
            <tbody>
              {audit === null && !auditError ? (
                <tr>
                  <td colSpan={5} className="muted">
                    {t('manage.loading')}
                  </td>
                </tr>
              ) : null}
              {audit?.length === 0 ? (
                <tr>
                  <td colSpan={5} className="muted">
                    {t('manage.noAudit')}
                  </td>
                </tr>
              ) : null}
              {audit?.map((e) => (
                <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                  <td className="nowrap">{formatDateTime(e.at, lang)}</td>
                  <td>{e.actor ?? <span className="muted">{t('manage.system')}</span>}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>{e.target ? (names.get(e.target) ?? <code>{e.target.slice(0, 8)}</code>) : '—'}</td>
                  <td>{details(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
