// An AZERTY keyboard for names on the touch screen: letters, space, hyphen, apostrophe, the French
// accented letters and backspace. Capitals come by themselves at the start of each part of a name.
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BackspaceIcon, ShiftIcon } from './icons';

const rows = [
  ['a', 'z', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['q', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm'],
  ['w', 'x', 'c', 'v', 'b', 'n', "'", '-'],
] as const;
const accents = ['é', 'è', 'ê', 'à', 'ç'] as const;

const keyIds: Record<string, string> = { "'": 'apostrophe', '-': 'hyphen' };

/** A name part starts at the beginning, after a space, a hyphen or an apostrophe. */
export function startsNamePart(value: string): boolean {
  return value === '' || /[\s'’-]$/u.test(value);
}

// Keep the focus where it is (the text field) when a key is pressed.
const keepFocus = (e: MouseEvent) => e.preventDefault();

export function TouchKeyboard({
  value,
  onInput,
  onBackspace,
}: {
  value: string;
  onInput(text: string): void;
  onBackspace(): void;
}) {
  const { t } = useTranslation();
  const [shift, setShift] = useState<boolean | null>(null);
  const upper = shift ?? startsNamePart(value);

  const type = (ch: string) => {
    onInput(upper ? ch.toLocaleUpperCase('fr') : ch);
    setShift(null);
  };

  const key = (ch: string) => (
    <button
      key={ch}
      type="button"
      className="key"
      data-testid={`kb-${keyIds[ch] ?? ch}`}
      onMouseDown={keepFocus}
      onClick={() => type(ch)}
    >
      {upper ? ch.toLocaleUpperCase('fr') : ch}
    </button>
  );

  return (
    <div className="keyboard" role="group" aria-label={t('keyboard.label')}>
      <div className="kb-row">{rows[0].map(key)}</div>
      <div className="kb-row kb-row-2">{rows[1].map(key)}</div>
      <div className="kb-row">
        <button
          type="button"
          className={`key key-wide key-mod${upper ? ' key-on' : ''}`}
          data-testid="kb-shift"
          aria-pressed={upper}
          aria-label={t('keyboard.shift')}
          onMouseDown={keepFocus}
          onClick={() => setShift(!upper)}
        >
          <ShiftIcon />
        </button>
        {rows[2].map(key)}
        <button
          type="button"
          className="key key-wide key-mod"
          data-testid="kb-backspace"
          aria-label={t('keyboard.backspace')}
          onMouseDown={keepFocus}
          onClick={() => {
            onBackspace();
            setShift(null);
          }}
        >
          <BackspaceIcon />
        </button>
      </div>
      <div className="kb-row">
        {accents.map(key)}
        <button
          type="button"
          className="key key-space"
          data-testid="kb-space"
          onMouseDown={keepFocus}
          onClick={() => {
            onInput(' ');
            setShift(null);
          }}
        >
          {t('keyboard.space')}
        </button>
      </div>
    </div>
  );
}
