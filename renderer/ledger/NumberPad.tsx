// A keypad for amounts and quantities, never the physical keyboard: digits, the decimal comma (if the
// value takes one) and backspace, under the value as typed and as it will be read ("12,50 €").
import { useTranslation } from 'react-i18next';
import { BackspaceIcon } from '../components/icons';

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function NumberPad({
  value,
  onChange,
  label,
  reading,
  decimals = 2,
  maxLength = 9,
  testId,
}: {
  value: string;
  onChange(value: string): void;
  label: string;
  /** The value as it will be understood, or null while it is not one. */
  reading: string | null;
  /** Digits after the comma (0: whole numbers). */
  decimals?: number;
  maxLength?: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const type = (ch: string) => {
    if (value.length >= maxLength) return;
    if (ch === ',') {
      if (decimals === 0 || value.includes(',')) return;
      onChange(value === '' ? '0,' : `${value},`);
      return;
    }
    const comma = value.indexOf(',');
    if (comma >= 0 && value.length - comma > decimals) return;
    // "0" then "5" is "5", not "05".
    onChange(value === '0' ? ch : value + ch);
  };
  return (
    <div className="number-pad" data-testid={testId}>
      <div className="number-pad-readout">
        <span className="field-label">{label}</span>
        <output className={`number-pad-value ${reading === null && value !== '' ? 'is-bad' : ''}`} data-testid={`${testId}-value`} aria-live="polite">
          {reading ?? (value || '—')}
        </output>
      </div>
      <div className="number-pad-keys" role="group" aria-label={label}>
        {digits.map((d) => (
          <button key={d} type="button" className="pin-key" data-testid={`${testId}-key-${d}`} onClick={() => type(d)}>
            {d}
          </button>
        ))}
        <button type="button" className="pin-key pin-key-text" data-testid={`${testId}-key-comma`} disabled={decimals === 0} onClick={() => type(',')}>
          ,
        </button>
        <button type="button" className="pin-key" data-testid={`${testId}-key-0`} onClick={() => type('0')}>
          0
        </button>
        <button type="button" className="pin-key pin-key-text" data-testid={`${testId}-key-back`} aria-label={t('keyboard.backspace')} onClick={() => onChange(value.slice(0, -1))}>
          <BackspaceIcon />
        </button>
      </div>
    </div>
  );
}
