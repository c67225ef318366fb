// Big digit keys for the personal code. The code shows as dots, never as digits.
import { useTranslation } from 'react-i18next';
import { BackspaceIcon, CheckIcon } from './icons';

export const pinMin = 4;
export const pinMax = 8;

export function PinDots({ length }: { length: number }) {
  const { t } = useTranslation();
  const slots = Math.max(pinMin, length);
  return (
    <div className="pin-dots" data-testid="pin-dots" data-count={length} role="status" aria-label={t('signin.pinEntered', { count: length })}>
      {Array.from({ length: slots }, (_, i) => (
        <span key={i} className={i < length ? 'pin-dot pin-dot-filled' : 'pin-dot'} data-filled={i < length ? 'true' : 'false'} />
      ))}
    </div>
  );
}

export function PinPad({
  onDigit,
  onClear,
  onBackspace,
  onSubmit,
  disabled,
  busy,
  submitLabel,
  danger = false,
}: {
  onDigit(d: string): void;
  onClear(): void;
  onBackspace(): void;
  onSubmit(): void;
  disabled: boolean;
  busy: boolean;
  /** What confirming does, when it is more than signing in ("Close my account"). */
  submitLabel?: string;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const digit = (d: string) => (
    <button key={d} type="button" className="pin-key" data-testid={`pin-key-${d}`} disabled={disabled} onClick={() => onDigit(d)}>
      {d}
    </button>
  );
  return (
    <div className="pin-pad">
      <div className="pin-grid">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(digit)}
        <button type="button" className="pin-key pin-key-text" data-testid="pin-clear" disabled={disabled} onClick={onClear}>
          {t('signin.clear')}
        </button>
        {digit('0')}
        <button
          type="button"
          className="pin-key pin-key-text"
          data-testid="pin-backspace"
          disabled={disabled}
          aria-label={t('signin.backspace')}
          onClick={onBackspace}
        >
          <BackspaceIcon size={32} />
        </button>
      </div>
      <button type="button" className={`btn ${danger ? 'btn-danger' : 'btn-primary'} btn-huge pin-submit`} data-testid="pin-submit" disabled={disabled} onClick={onSubmit}>
        <CheckIcon />
        <span>{busy ? t('signin.checking') : (submitLabel ?? t('signin.submit'))}</span>
      </button>
    </div>
  );
}
