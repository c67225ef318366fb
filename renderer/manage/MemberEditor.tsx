// A manager edits one member: name and contact (touch keyboard), category, plan, role, a new PIN for
// someone who forgot theirs, lifting a lock, and their certifications. Closing an account on the
// person's request is here too. Only what changed is sent; the audit log records it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MemberProfile } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CheckIcon, CloseIcon, LockIcon, TrashIcon, UnlockIcon } from '../components/icons';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { PinDots, PinPad, pinMax } from '../components/PinPad';
import { Progress } from '../components/Progress';
import { TouchKeyboard, type KeyboardLayout } from '../components/TouchKeyboard';
import { formatDate, formatTime, pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { CertificationBadge } from '../training/CertificationBadge';
import { ErrorLine } from './ErrorLine';
import { changesOf, formOf, type MemberForm } from './member-changes';

type TextField = 'displayName' | 'email' | 'phone';
const layoutOf: Record<TextField, KeyboardLayout> = { displayName: 'name', email: 'email', phone: 'phone' };

export function MemberEditor({ memberId, onClose, onSaved }: { memberId: string; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { call, catalog, lang } = useKiosk();
  const profile = useLoad(() => call('members.get', { memberId }), [call, memberId]);
  const certs = useLoad(() => call('training.certifications', { memberId }), [call, memberId]);
  const [form, setForm] = useState<MemberForm | null>(null);
  const [field, setField] = useState<TextField | null>(null);
  const [pinOpen, setPinOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [erasing, setErasing] = useState(false);

  useEffect(() => {
    if (profile.state.phase === 'ready') setForm(formOf(profile.state.value));
  }, [profile.state]);

  if (profile.state.phase === 'failed') return <ErrorLine error={profile.state.error} lang={lang} />;
  if (profile.state.phase === 'loading' || !form) return <Progress label={t('manage.loading')} fraction={null} lang={lang} />;
  const p: MemberProfile = profile.state.value;
  const changes = changesOf(p, form);
  const dirty = Object.keys(changes).length > 0;
  const locked = p.lockedUntil && Date.parse(p.lockedUntil) > Date.now() ? p.lockedUntil : null;

  const run = async (f: () => Promise<MemberProfile | null>, after?: () => void) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await f();
      if (next) {
        profile.set(next);
        setForm(formOf(next));
        setSaved(true);
      }
      onSaved();
      after?.();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const text = (f: TextField) => (
    <label className={`edit-field${field === f ? ' is-active' : ''}`}>
      <span className="field-label">{t(`manage.field.${f}`)}</span>
      <input
        className="text-input"
        data-testid={`edit-${f}`}
        type="text"
        inputMode="none"
        value={form[f]}
        autoComplete="off"
        spellCheck={false}
        onFocus={() => setField(f)}
        onChange={(e) => setForm({ ...form, [f]: e.target.value })}
      />
    </label>
  );

  const chips = <V extends string | null>(label: string, options: { value: V; label: string }[], value: V, set: (v: V) => void, testId: string) => (
    <div className="edit-chips">
      <p className="field-label">{label}</p>
      <div className="chips" role="radiogroup" aria-label={label}>
        {options.map((o) => (
          <button key={o.value ?? 'none'} type="button" role="radio" className="chip" aria-checked={value === o.value} aria-pressed={value === o.value} data-testid={testId} data-value={o.value ?? 'none'} onClick={() => set(o.value)}>
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );

  return (
    <section className="card member-editor" aria-labelledby="editor-title" data-testid="member-editor" data-member={memberId}>
      <div className="table-head">
        <div>
          <h2 id="editor-title">{p.displayName}</h2>
          <p className="muted">{t('manage.editorLead', { date: formatDate(p.createdAt, lang), charter: p.charter.accepted ?? '—' })}</p>
        </div>
        <button type="button" className="btn btn-secondary" data-testid="editor-close" onClick={onClose}>
          <CloseIcon />
          <span>{t('manage.close')}</span>
        </button>
      </div>

      <div className="edit-grid">
        {text('displayName')}
        {text('email')}
        {text('phone')}
      </div>
      {field ? (
        <TouchKeyboard
          key={field}
          layout={layoutOf[field]}
          value={form[field]}
          onInput={(s) => setForm({ ...form, [field]: (form[field] + s).slice(0, 120) })}
          onBackspace={() => setForm({ ...form, [field]: form[field].slice(0, -1) })}
        />
      ) : null}

      {chips(
        t('manage.field.profile'),
        (catalog?.profiles ?? []).map((x) => ({ value: x.id, label: pick(x.name, lang) })),
        form.profileCategory,
        (v) => setForm({ ...form, profileCategory: v }),
        'edit-profile',
      )}
      {chips<string | null>(
        t('manage.field.plan'),
        [...(catalog?.plans ?? []).map((x) => ({ value: x.id as string | null, label: pick(x.name, lang) })), { value: null, label: t('manage.noPlan') }],
        form.planId,
        (v) => setForm({ ...form, planId: v }),
        'edit-plan',
      )}
      {chips<MemberForm['role']>(
        t('manage.field.role'),
        (['member', 'trainer', 'manager'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) })),
        form.role,
        (v) => setForm({ ...form, role: v }),
        'edit-role',
      )}

      <div className="edit-security">
        {locked ? (
          <p className="pill pill-alarm">
            <LockIcon size={20} /> {t('manage.lockedUntil', { time: formatTime(locked, lang) })}
          </p>
        ) : null}
        {locked ? (
          <button type="button" className="btn btn-secondary" data-testid="edit-unlock" disabled={busy} onClick={() => void run(() => call('members.update', { memberId, unlock: true }))}>
            <UnlockIcon />
            <span>{t('manage.unlock')}</span>
          </button>
        ) : null}
        <button type="button" className="btn btn-secondary" data-testid="edit-pin" aria-pressed={pinOpen} onClick={() => setPinOpen((o) => !o)}>
          <LockIcon />
          <span>{form.pin ? t('manage.newPinSet') : t('manage.newPin')}</span>
        </button>
      </div>
      {pinOpen ? (
        <div className="edit-pin">
          <p className="muted">{t('manage.newPinHint')}</p>
          <PinDots length={form.pin.length} />
          <PinPad
            onDigit={(d) => setForm({ ...form, pin: form.pin.length >= pinMax ? form.pin : form.pin + d })}
            onClear={() => setForm({ ...form, pin: '' })}
            onBackspace={() => setForm({ ...form, pin: form.pin.slice(0, -1) })}
            onSubmit={() => setPinOpen(false)}
            disabled={busy}
            busy={false}
            submitLabel={t('manage.newPinOk')}
          />
        </div>
      ) : null}

      {error ? <ErrorLine error={error} lang={lang} /> : null}
      {saved && !dirty ? (
        <p className="ok-line" role="status" data-testid="editor-saved">
          <CheckIcon size={22} />
          {t('manage.saved')}
        </p>
      ) : null}
      <div className="editor-actions">
        <button type="button" className="btn btn-danger-outline" data-testid="edit-erase" disabled={busy} onClick={() => setErasing(true)}>
          <TrashIcon />
          <span>{t('manage.erase')}</span>
        </button>
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="edit-save"
          disabled={!dirty || busy}
          onClick={() => void run(() => call('members.update', { memberId, ...changes }))}
        >
          <CheckIcon />
          <span>{t('manage.save')}</span>
        </button>
      </div>

      <h3 className="editor-sub">{t('manage.memberCerts')}</h3>
      {certs.state.phase === 'ready' ? (
        <ul className="cert-compact">
          {certs.state.value.map((c) => (
            <li key={c.module}>
              <span>{pick(c.title, lang)}</span>
              <CertificationBadge status={c.status} expiresAt={c.expiresAt} lang={lang} />
            </li>
          ))}
        </ul>
      ) : certs.state.phase === 'failed' ? (
        <ErrorLine error={certs.state.error} lang={lang} />
      ) : null}

      {erasing ? (
        <ConfirmDialog
          title={t('manage.eraseTitle', { name: p.displayName })}
          confirmLabel={t('manage.eraseConfirm')}
          cancelLabel={t('manage.eraseCancel')}
          confirmIcon={<TrashIcon />}
          tone="danger"
          busy={busy}
          onCancel={() => setErasing(false)}
          onConfirm={() =>
            void run(
              async () => {
                await call('members.erase', { memberId });
                return null;
              },
              onClose,
            )
          }
        >
          <p>{t('account.closeGone')}</p>
          <p>{t('account.closeKept')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
