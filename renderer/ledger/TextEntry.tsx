// A line of text typed on the kiosk's own keyboard (a reason, a reference, a name at the counter): the
// field shows what is typed; the keyboard opens under it on demand.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyboardIcon } from '../components/icons';
import { TouchKeyboard, type KeyboardLayout } from '../components/TouchKeyboard';

export function TextEntry({
  label,
  value,
  onChange,
  maxLength,
  layout = 'text',
  placeholder,
  hint,
  testId,
  keyboardOpen = false,
  multiline = false,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
  layout?: KeyboardLayout;
  placeholder?: string;
  hint?: string;
  testId: string;
  keyboardOpen?: boolean;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(keyboardOpen);
  // One line: the keyboard's Enter key adds nothing (the back end refuses control characters there).
  const set = (next: string) => onChange((multiline ? next : next.replace(/[\r\n]+/g, ' ')).slice(0, maxLength));
  return (
    <div className="text-entry">
      <label className="text-entry-label">
        <span className="field-label">{label}</span>
        <span className="text-entry-row">
          {multiline ? (
            <textarea className="text-input text-area" data-testid={testId} value={value} placeholder={placeholder} rows={3} maxLength={maxLength} onChange={(e) => set(e.target.value)} />
          ) : (
            <input className="text-input" data-testid={testId} type="text" value={value} placeholder={placeholder} maxLength={maxLength} autoComplete="off" spellCheck={false} onChange={(e) => set(e.target.value)} />
          )}
          <button type="button" className="btn btn-secondary btn-square" aria-pressed={open} aria-label={open ? t('manage.hideKeyboard') : t('manage.showKeyboard')} onClick={() => setOpen((o) => !o)}>
            <KeyboardIcon />
          </button>
        </span>
      </label>
      {hint ? <p className="muted small-note">{hint}</p> : null}
      {open ? <TouchKeyboard layout={layout} value={value} onInput={(s) => set(value + s)} onBackspace={() => set(value.slice(0, -1))} /> : null}
    </div>
  );
}
