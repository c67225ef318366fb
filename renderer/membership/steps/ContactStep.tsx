// Step 2: how to reach the person, both optional. One keyboard, for the field being filled: letters
// and @ for the address, digits for the phone.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MailIcon, PhoneIcon } from '../../components/icons';
import { TouchKeyboard } from '../../components/TouchKeyboard';
import type { DraftProblem } from '../signup';
import { FieldError } from './FieldError';

type Field = 'email' | 'phone';

export function ContactStep({
  email,
  phone,
  onChange,
  problems,
}: {
  email: string;
  phone: string;
  onChange(field: Field, value: string): void;
  problems: Partial<Record<Field, DraftProblem>>;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState<Field>('email');
  const value = active === 'email' ? email : phone;
  const max = active === 'email' ? 120 : 24;

  const field = (f: Field) => (
    <div className={`contact-field${active === f ? ' is-active' : ''}`}>
      <label htmlFor={`signup-${f}`} className="field-label">
        {f === 'email' ? <MailIcon /> : <PhoneIcon />}
        {t(`signup.${f}Label`)}
        <span className="optional">{t('signup.optional')}</span>
      </label>
      <input
        id={`signup-${f}`}
        className={`text-input text-input-large${problems[f] ? ' is-invalid' : ''}`}
        data-testid={`signup-${f}`}
        type="text"
        value={f === 'email' ? email : phone}
        placeholder={t(`signup.${f}Placeholder`)}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="none"
        spellCheck={false}
        inputMode="none"
        aria-invalid={problems[f] ? true : undefined}
        onFocus={() => setActive(f)}
        onClick={() => setActive(f)}
        onChange={(e) => onChange(f, e.target.value)}
      />
      <FieldError problem={problems[f]} testId={`signup-${f}-error`} />
    </div>
  );

  return (
    <div className="wizard-step step-contact">
      <p className="step-lead">{t('signup.contactLead')}</p>
      <div className="contact-fields">
        {field('email')}
        {field('phone')}
      </div>
      <TouchKeyboard
        key={active}
        layout={active}
        value={value}
        onInput={(s) => onChange(active, (value + s).slice(0, max))}
        onBackspace={() => onChange(active, value.slice(0, -1))}
      />
    </div>
  );
}
