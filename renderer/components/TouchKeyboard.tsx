// An AZERTY keyboard for the touch screen, never a physical one. Four layouts: names (letters, space,
// hyphen, apostrophe, the French accented letters; capitals come by themselves at the start of each
// part of a name), e-mail addresses (lower case, digits, @ and the usual endings), phone numbers, and
// running text (digits, punctuation, new lines; a capital at the start of each sentence).
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BackspaceIcon, ShiftIcon } from './icons';

export type KeyboardLayout = 'name' | 'email' | 'phone' | 'text';

const letters = [
  ['a', 'z', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['q', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm'],
] as const;
const nameRow3 = ['w', 'x', 'c', 'v', 'b', 'n', "'", '-'] as const;
const accents = ['é', 'è', 'ê', 'à', 'ç'] as const;
const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;
const emailRow3 = ['w', 'x', 'c', 'v', 'b', 'n', '.', '-', '_'] as const;
const emailEndings = ['@', '.fr', '.com'] as const;
const punctuation = ['.', ',', ':', ';', '!', '?', '«', '»', '(', ')'] as const;

const keyIds: Record<string, string> = {
  "'": 'apostrophe',
  '-': 'hyphen',
  '.': 'dot',
  _: 'underscore',
  '@': 'at',
  '+': 'plus',
  '.fr': 'dotfr',
  '.com': 'dotcom',
  ',': 'comma',
  ':': 'colon',
  ';': 'semicolon',
  '!': 'bang',
  '?': 'question',
  '«': 'quote-open',
  '»': 'quote-close',
  '(': 'paren-open',
  ')': 'paren-close',
};

/** A name part starts at the beginning, after a space, a hyphen or an apostrophe. */
export function startsNamePart(value: string): boolean {
  return value === '' || /[\s'’-]$/u.test(value);
}

/** A sentence starts at the beginning, on a new line, or after ". ", "! " or "? ". */
export function startsSentence(value: string): boolean {
  return /(^|\n|[.!?…]\s+)$/u.test(value);
}

// Keep the focus where it is (the text field) when a key is pressed.
const keepFocus = (e: MouseEvent) => e.preventDefault();

export function TouchKeyboard({
  value,
  onInput,
  onBackspace,
  layout = 'name',
}: {
  value: string;
  onInput(text: string): void;
  onBackspace(): void;
  layout?: KeyboardLayout;
}) {
  const { t } = useTranslation();
  const [shift, setShift] = useState<boolean | null>(null);
  // Addresses and numbers have no capitals to guess.
  const upper = layout === 'name' ? (shift ?? startsNamePart(value)) : layout === 'text' ? (shift ?? startsSentence(value)) : false;

  const type = (ch: string) => {
    onInput(upper ? ch.toLocaleUpperCase('fr') : ch);
    setShift(null);
  };

  const key = (ch: string, extra = '') => (
    <button
      key={ch}
      type="button"
      className={`key${extra}`}
      data-testid={`kb-${keyIds[ch] ?? ch}`}
      onMouseDown={keepFocus}
      onClick={() => type(ch)}
    >
      {upper ? ch.toLocaleUpperCase('fr') : ch}
    </button>
  );

  const backspace = (
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
  );

  const space = (
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
  );

  if (layout === 'phone') {
    return (
      <div className="keyboard keyboard-phone" role="group" aria-label={t('keyboard.label')}>
        <div className="kb-row">{digits.slice(0, 5).map((d) => key(d))}</div>
        <div className="kb-row">{digits.slice(5).map((d) => key(d))}</div>
        <div className="kb-row">
          {key('+', ' key-mod')}
          {space}
          {backspace}
        </div>
      </div>
    );
  }

  if (layout === 'email') {
    return (
      <div className="keyboard" role="group" aria-label={t('keyboard.label')}>
        <div className="kb-row">{digits.map((d) => key(d))}</div>
        <div className="kb-row">{letters[0].map((c) => key(c))}</div>
        <div className="kb-row kb-row-2">{letters[1].map((c) => key(c))}</div>
        <div className="kb-row">
          {emailRow3.map((c) => key(c))}
          {backspace}
        </div>
        <div className="kb-row">{emailEndings.map((c) => key(c, ' key-mod key-ending'))}</div>
      </div>
    );
  }

  const shiftKey = (
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
  );

  if (layout === 'text') {
    return (
      <div className="keyboard keyboard-text" role="group" aria-label={t('keyboard.label')}>
        <div className="kb-row">{digits.map((d) => key(d))}</div>
        <div className="kb-row">{letters[0].map((c) => key(c))}</div>
        <div className="kb-row kb-row-2">{letters[1].map((c) => key(c))}</div>
        <div className="kb-row">
          {shiftKey}
          {nameRow3.map((c) => key(c))}
          {backspace}
        </div>
        <div className="kb-row">{punctuation.map((c) => key(c, ' key-mod'))}</div>
        <div className="kb-row">
          {accents.map((c) => key(c))}
          {space}
          <button
            type="button"
            className="key key-wide key-mod"
            data-testid="kb-enter"
            aria-label={t('keyboard.newLine')}
            onMouseDown={keepFocus}
            onClick={() => {
              onInput('\n');
              setShift(null);
            }}
          >
            ↵
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="keyboard" role="group" aria-label={t('keyboard.label')}>
      <div className="kb-row">{letters[0].map((c) => key(c))}</div>
      <div className="kb-row kb-row-2">{letters[1].map((c) => key(c))}</div>
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
        {nameRow3.map((c) => key(c))}
        {backspace}
      </div>
      <div className="kb-row">
        {accents.map((c) => key(c))}
        {space}
      </div>
    </div>
  );
}
