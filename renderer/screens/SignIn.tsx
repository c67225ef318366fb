// Name on the touch keyboard, code on the PIN pad. A physical keyboard works for both: letters go to
// the name field, digits typed elsewhere go to the code, Enter confirms.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { PinDots, PinPad, pinMax } from '../components/PinPad';
import { TouchKeyboard } from '../components/TouchKeyboard';
import { UserIcon } from '../components/icons';
import { errorMessage } from '../i18n/errors';
import { useKiosk } from '../state/kiosk';

export function SignInScreen() {
  const { t } = useTranslation();
  const { call, lang, signedIn, navigate } = useKiosk();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    nameInput.current?.focus();
    return () => {
      alive.current = false;
    };
  }, []);

  const addDigit = useCallback((d: string) => {
    setPin((p) => (p.length >= pinMax ? p : p + d));
  }, []);

  const submit = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const session = await call('session.signIn', { name, pin });
      if (!alive.current) return;
      if (session.member) signedIn(session.member);
    } catch (err) {
      if (!alive.current) return;
      setError(toApiError(err));
      setPin('');
    } finally {
      if (alive.current) setBusy(false);
    }
  }, [busy, call, name, pin, signedIn]);

  // Physical keyboard outside the name field: digits, backspace, Enter, Escape drive the PIN.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target === nameInput.current || e.ctrlKey || e.metaKey || e.altKey) return;
      if (/^\d$/.test(e.key)) {
        addDigit(e.key);
        e.preventDefault();
      } else if (e.key === 'Backspace') {
        setPin((p) => p.slice(0, -1));
        e.preventDefault();
      } else if (e.key === 'Escape') {
        setPin('');
      } else if (e.key === 'Enter') {
        // On this screen Enter always means "confirm", even with a digit key focused (which would
        // otherwise type its digit again); elsewhere (the top bar) it keeps its usual meaning.
        const target = e.target instanceof Node ? e.target : null;
        if (target === document.body || (target && root.current?.contains(target))) {
          e.preventDefault();
          void submit();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [addDigit, submit]);

  const message = error ? errorMessage(error, t, lang) : null;

  return (
    <div ref={root} className="screen screen-signin" data-testid="screen-signin">
      <div className="signin-head">
        <h1 className="screen-title">{t('signin.title')}</h1>
        {/* The error takes the place of the instructions, so that nothing below moves. */}
        {message ? (
          <p className="form-error" data-testid="signin-error" role="alert">
            {message}
          </p>
        ) : (
          <p className="screen-lead">{t('signin.lead')}</p>
        )}
      </div>
      <div className="signin-grid">
        <section className="card signin-name">
          <label htmlFor="signin-name" className="field-label">
            <span className="step">1</span>
            {t('signin.nameLabel')}
          </label>
          <input
            id="signin-name"
            ref={nameInput}
            className="text-input text-input-large"
            data-testid="signin-name"
            type="text"
            value={name}
            placeholder={t('signin.namePlaceholder')}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            autoCapitalize="words"
            inputMode="none"
            enterKeyHint="next"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (pin.length > 0) void submit();
                else nameInput.current?.blur();
              }
            }}
          />
          <TouchKeyboard value={name} onInput={(s) => setName((n) => n + s)} onBackspace={() => setName((n) => n.slice(0, -1))} />
          <div className="signin-foot">
            <p className="muted signin-help">{t('signin.help')}</p>
            <button type="button" className="btn btn-secondary" data-testid="signin-to-signup" onClick={() => navigate('signup')}>
              <UserIcon />
              <span>{t('signin.noAccount')}</span>
            </button>
          </div>
        </section>
        <section className="card signin-pin" aria-labelledby="pin-label">
          <p id="pin-label" className="field-label">
            <span className="step">2</span>
            {t('signin.pinLabel')}
          </p>
          <PinDots length={pin.length} />
          <PinPad
            onDigit={addDigit}
            onClear={() => setPin('')}
            onBackspace={() => setPin((p) => p.slice(0, -1))}
            onSubmit={() => void submit()}
            disabled={busy}
            busy={busy}
          />
        </section>
      </div>
    </div>
  );
}
