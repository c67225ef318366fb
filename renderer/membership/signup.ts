// The sign-up wizard as data: its steps in order, what each one asks, and what is wrong with the
// answers so far. Pure, so the rules are tested without a browser; the back end checks them again.
import { pinMax, pinMin } from '../components/PinPad';

export const signUpSteps = ['name', 'contact', 'profile', 'plan', 'pin', 'consent', 'charter'] as const;
export type SignUpStep = (typeof signUpSteps)[number];

export interface SignUpDraft {
  name: string;
  email: string;
  phone: string;
  profile: string | null;
  /** null: no plan yet (a visitor may join and choose at the desk later). */
  plan: string | null;
  pin: string;
  pinAgain: string;
  /** Consent purposes the person agreed to, by id. */
  consents: readonly string[];
  charterAccepted: boolean;
}

export const emptyDraft: SignUpDraft = {
  name: '',
  email: '',
  phone: '',
  profile: null,
  plan: null,
  pin: '',
  pinAgain: '',
  consents: [],
  charterAccepted: false,
};

/** Why an answer is not accepted yet; each one has its sentence under `signup.errors.`. */
export type DraftProblem =
  | 'name_missing'
  | 'name_short'
  | 'name_long'
  | 'name_letters'
  | 'email_format'
  | 'phone_format'
  | 'profile_missing'
  | 'pin_length'
  | 'pin_easy'
  | 'pin_mismatch'
  | 'consent_required'
  | 'charter_required';

export interface FieldProblem {
  field: 'name' | 'email' | 'phone' | 'profile' | 'pin' | 'pinAgain' | 'consents' | 'charter';
  problem: DraftProblem;
}

export const nameMax = 80;

/** Collapses the spaces a touch keyboard leaves behind: "  Léa   Dubois " → "Léa Dubois". */
export function tidyName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim();
}

export function nameProblem(name: string): DraftProblem | null {
  const n = tidyName(name);
  if (n.length === 0) return 'name_missing';
  if (n.length < 2) return 'name_short';
  if (n.length > nameMax) return 'name_long';
  if (!/\p{L}/u.test(n) || /[\p{Cc}\d]/u.test(n)) return 'name_letters';
  return null;
}

/** Enough to catch a typo on a touch screen (missing @, no dot after it); the mail server decides the rest. */
export function emailProblem(email: string): DraftProblem | null {
  const e = email.trim();
  if (e === '') return null;
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u.test(e) && e.length <= 254 ? null : 'email_format';
}

/** Digits, spaces, dots and one leading "+": 10 digits for a French number, 8 to 15 with a country code. */
export function phoneProblem(phone: string): DraftProblem | null {
  const p = phone.trim();
  if (p === '') return null;
  if (!/^\+?[\d .-]+$/u.test(p)) return 'phone_format';
  const count = p.replace(/\D/gu, '').length;
  return count >= 8 && count <= 15 ? null : 'phone_format';
}

/** Only digits; whoever stands behind the person could guess "0000" or "1234" at a glance. */
export function pinProblem(pin: string): DraftProblem | null {
  if (!/^\d*$/u.test(pin) || pin.length < pinMin || pin.length > pinMax) return 'pin_length';
  if (/^(\d)\1+$/u.test(pin)) return 'pin_easy';
  const steps = [...pin].map((d, i, all) => (i === 0 ? 0 : Number(d) - Number(all[i - 1])));
  const run = steps.slice(1);
  if (run.every((s) => s === 1) || run.every((s) => s === -1)) return 'pin_easy';
  return null;
}

/** What stands in the way of leaving `step`, given the purposes the back end says are required. */
export function stepProblems(step: SignUpStep, draft: SignUpDraft, requiredConsents: readonly string[] = []): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: FieldProblem['field'], problem: DraftProblem | null) => {
    if (problem) out.push({ field, problem });
  };
  switch (step) {
    case 'name':
      add('name', nameProblem(draft.name));
      break;
    case 'contact':
      add('email', emailProblem(draft.email));
      add('phone', phoneProblem(draft.phone));
      break;
    case 'profile':
      if (!draft.profile) add('profile', 'profile_missing');
      break;
    case 'plan':
      break;
    case 'pin': {
      const p = pinProblem(draft.pin);
      add('pin', p);
      if (!p && draft.pinAgain !== draft.pin) add('pinAgain', 'pin_mismatch');
      break;
    }
    case 'consent':
      if (requiredConsents.some((id) => !draft.consents.includes(id))) add('consents', 'consent_required');
      break;
    case 'charter':
      if (!draft.charterAccepted) add('charter', 'charter_required');
      break;
  }
  return out;
}

/** The steps a wizard asks, in order: all of them at the desk, fewer for a trainer's quick sign-up. */
export type StepList = readonly SignUpStep[];

/** The steps of a trainer's quick sign-up: no contact, no plan (chosen later at the desk). */
export const quickSignUpSteps: StepList = ['name', 'profile', 'pin', 'consent', 'charter'];

export function nextStep(step: SignUpStep, steps: StepList = signUpSteps): SignUpStep | null {
  return steps[steps.indexOf(step) + 1] ?? null;
}

export function previousStep(step: SignUpStep, steps: StepList = signUpSteps): SignUpStep | null {
  const i = steps.indexOf(step);
  return i > 0 ? (steps[i - 1] ?? null) : null;
}

/** Adds or removes a purpose; the required ones can be ticked like the others (the person says yes). */
export function toggleConsent(consents: readonly string[], id: string): string[] {
  return consents.includes(id) ? consents.filter((c) => c !== id) : [...consents, id];
}

/** The first step with a problem, to go back to when the back end refuses the whole form. */
export function firstStepWithProblems(draft: SignUpDraft, requiredConsents: readonly string[] = [], steps: StepList = signUpSteps): SignUpStep | null {
  return steps.find((s) => stepProblems(s, draft, requiredConsents).length > 0) ?? null;
}

/** A field the back end named in an `invalid_input` error, mapped to the step that asks for it. */
export function stepOfField(field: string): SignUpStep | null {
  const f = field.split('.')[0] ?? '';
  if (['name', 'displayName', 'firstName', 'lastName'].includes(f)) return 'name';
  if (['email', 'phone', 'contact'].includes(f)) return 'contact';
  if (['profile', 'profileCategory', 'profileCode'].includes(f)) return 'profile';
  if (['plan', 'planId', 'planCode'].includes(f)) return 'plan';
  if (f === 'pin') return 'pin';
  if (['consents', 'consent'].includes(f)) return 'consent';
  if (['charter', 'charterVersion', 'charterVersionId'].includes(f)) return 'charter';
  return null;
}
