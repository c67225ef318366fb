// The charter's versions (which is in force, how many members accepted each) and publishing a new
// one: it is in force at once, and every member is asked to accept it at their next sign-in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, CharterVersion } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CheckIcon, KeyboardIcon } from '../components/icons';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { TextBlocks } from '../components/TextBlocks';
import { TouchKeyboard } from '../components/TouchKeyboard';
import { formatDate, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { ErrorLine } from './ErrorLine';

type Field = 'version' | 'fr' | 'en';
const versionPattern = /^[0-9A-Za-z][0-9A-Za-z.-]{0,15}$/u;

export function ChartersPanel() {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const list = useLoad(() => call('charters.list', {}), [call]);
  const [draft, setDraft] = useState<Record<Field, string>>({ version: '', fr: '', en: '' });
  const [field, setField] = useState<Field | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const current: CharterVersion | undefined = list.state.phase === 'ready' ? list.state.value.find((c) => c.current) : undefined;
  const versionOk = versionPattern.test(draft.version.trim());
  const ready = versionOk && draft.fr.trim().length > 0 && draft.en.trim().length > 0;

  const startFromCurrent = () => {
    if (current) setDraft((d) => ({ ...d, fr: current.text.fr, en: current.text.en }));
  };

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('charters.publish', { version: draft.version.trim(), text: { fr: draft.fr.trim(), en: draft.en.trim() } });
      setDraft({ version: '', fr: '', en: '' });
      setField(null);
      list.reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <section className="card table-card" aria-labelledby="charters-title" data-testid="charters">
        <div className="table-head">
          <div>
            <h2 id="charters-title">{t('manage.chartersTitle')}</h2>
            <p className="muted">{t('manage.chartersLead')}</p>
          </div>
        </div>
        {list.state.phase === 'failed' ? <ErrorLine error={list.state.error} lang={lang} /> : null}
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('manage.colVersion')}</th>
                <th scope="col">{t('manage.colPublished')}</th>
                <th scope="col">{t('manage.colBy')}</th>
                <th scope="col">{t('manage.colAccepted')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('manage.read')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.state.phase === 'ready'
                ? list.state.value.map((c) => (
                    <tr key={c.version} data-testid="charter-row" data-version={c.version} data-current={c.current}>
                      <th scope="row">
                        {c.version} {c.current ? <span className="pill pill-ok">{t('manage.current')}</span> : null}
                      </th>
                      <td className="nowrap">{formatDate(c.publishedAt, lang)}</td>
                      <td>{c.publishedBy ?? '—'}</td>
                      <td>{t('manage.acceptedBy', { count: c.acceptedBy })}</td>
                      <td>
                        <button type="button" className="btn btn-secondary" aria-pressed={open === c.version} onClick={() => setOpen(open === c.version ? null : c.version)}>
                          {open === c.version ? t('manage.hide') : t('manage.read')}
                        </button>
                      </td>
                    </tr>
                  ))
                : null}
            </tbody>
          </table>
        </div>
        {open && list.state.phase === 'ready' ? (
          <div className="charter-text charter-read">
            <TextBlocks text={pick(list.state.value.find((c) => c.version === open)?.text ?? { fr: '', en: '' }, lang)} />
          </div>
        ) : null}
      </section>

      <section className="card table-card charter-publish" aria-labelledby="publish-title" data-testid="charter-publish">
        <div className="table-head">
          <div>
            <h2 id="publish-title">{t('manage.publishTitle')}</h2>
            <p className="muted">{t('manage.publishLead')}</p>
          </div>
          {current ? (
            <button type="button" className="btn btn-secondary" onClick={startFromCurrent}>
              {t('manage.startFromCurrent', { version: current.version })}
            </button>
          ) : null}
        </div>
        <div className="publish-grid">
          <label className={`edit-field${field === 'version' ? ' is-active' : ''}`}>
            <span className="field-label">{t('manage.newVersion')}</span>
            <input
              className="text-input"
              data-testid="charter-version"
              type="text"
              inputMode="none"
              value={draft.version}
              placeholder="2026-2"
              maxLength={16}
              onFocus={() => setField('version')}
              onChange={(e) => setDraft({ ...draft, version: e.target.value })}
            />
            {draft.version && !versionOk ? <span className="field-error">{t('manage.versionRule')}</span> : null}
          </label>
          {(['fr', 'en'] as const).map((l) => (
            <label key={l} className={`edit-field${field === l ? ' is-active' : ''}`}>
              <span className="field-label">{t(`manage.text_${l}`)}</span>
              <textarea
                className="text-input text-area"
                data-testid={`charter-text-${l}`}
                inputMode="none"
                rows={6}
                value={draft[l]}
                onFocus={() => setField(l)}
                onChange={(e) => setDraft({ ...draft, [l]: e.target.value })}
              />
            </label>
          ))}
        </div>
        {field ? (
          <>
            <p className="muted">
              <KeyboardIcon size={20} /> {t('manage.keyboardFor', { field: t(field === 'version' ? 'manage.newVersion' : `manage.text_${field}`) })}
            </p>
            <TouchKeyboard
              key={field}
              layout={field === 'version' ? 'email' : 'text'}
              value={draft[field]}
              onInput={(s) => setDraft((d) => ({ ...d, [field]: (d[field] + s).slice(0, field === 'version' ? 16 : 20_000) }))}
              onBackspace={() => setDraft((d) => ({ ...d, [field]: d[field].slice(0, -1) }))}
            />
          </>
        ) : null}
        {error ? <ErrorLine error={error} lang={lang} /> : null}
        <div className="editor-actions">
          <span />
          <button type="button" className="btn btn-primary btn-huge" data-testid="charter-publish-btn" disabled={!ready || busy} onClick={() => setConfirming(true)}>
            <CheckIcon />
            <span>{t('manage.publish')}</span>
          </button>
        </div>
      </section>

      {confirming ? (
        <ConfirmDialog
          title={t('manage.publishConfirmTitle', { version: draft.version.trim() })}
          confirmLabel={t('manage.publish')}
          cancelLabel={t('manage.eraseCancel')}
          confirmIcon={<CheckIcon />}
          busy={busy}
          testId="charter-publish-dialog"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void publish()}
        >
          <p>{t('manage.publishConfirmText')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
