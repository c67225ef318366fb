// The sign-up, one question per screen, for whoever stands at the kiosk: a touch keyboard for text,
// the PIN pad for the code, big buttons for choices. Used at the desk (every step) and by a trainer
// signing a newcomer up during a session (fewer steps). The back end checks everything again; its
// refusals lead back to the step that asks for the field.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, CharterInfo } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { BackIcon, CheckIcon, ArrowIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { errorMessage } from '../i18n/errors';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { emptyDraft, nextStep, previousStep, stepOfField, stepProblems, toggleConsent, type FieldProblem, type SignUpDraft, type SignUpStep, type StepList } from './signup';
import { CharterStep } from './steps/CharterStep';
import { ConsentStep } from './steps/ConsentStep';
import { ContactStep } from './steps/ContactStep';
import { NameStep } from './steps/NameStep';
import { PinStep } from './steps/PinStep';
import { PlanStep } from './steps/PlanStep';
import { ProfileStep } from './steps/ProfileStep';
import { WizardProgress } from './WizardProgress';

/** Where each back-end refusal is fixed. */
function stepOfError(error: ApiError): SignUpStep | null {
  switch (error.code) {
    case 'name_taken':
      return 'name';
    case 'weak_pin':
      return 'pin';
    case 'consent_required':
      return 'consent';
    case 'charter_outdated':
      return 'charter';
    case 'invalid_input':
      return stepOfField(String(error.params?.field ?? error.issues?.[0]?.field ?? ''));
    default:
      return null;
  }
}

export function SignUpWizard({
  steps,
  title,
  submitLabel,
  onSubmit,
  onCancel,
  aside,
}: {
  steps: StepList;
  title: string;
  submitLabel: string;
  /** Sends the finished form; throws the back end's refusal. */
  onSubmit(draft: SignUpDraft, charter: CharterInfo): Promise<void>;
  onCancel(): void;
  /** Shown beside the title (the trainer's session, for a quick sign-up). */
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  const { call, catalog, info, lang } = useKiosk();
  const charter = useLoad(() => call('kiosk.charter', {}), [call]);
  const [step, setStep] = useState<SignUpStep>(steps[0] ?? 'name');
  const [draft, setDraft] = useState<SignUpDraft>(emptyDraft);
  /** Steps the person tried to leave: their problems show from then on. */
  const [tried, setTried] = useState<ReadonlySet<SignUpStep>>(new Set());
  const [serverError, setServerError] = useState<{ step: SignUpStep | null; error: ApiError } | null>(null);
  const [busy, setBusy] = useState(false);

  const info2 = charter.state.phase === 'ready' ? charter.state.value : null;
  const required = info2?.purposes.filter((p) => p.kind === 'required').map((p) => p.code) ?? [];
  const problems = stepProblems(step, draft, required);
  const shown: FieldProblem[] = tried.has(step) ? problems : [];
  const problemOf = (field: FieldProblem['field']) => shown.find((p) => p.field === field)?.problem ?? null;
  const last = nextStep(step, steps) === null;

  const update = (patch: Partial<SignUpDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (serverError?.step === step) setServerError(null);
  };

  const go = (to: SignUpStep) => {
    setStep(to);
    document.getElementById('main')?.scrollTo({ top: 0, behavior: 'instant' });
  };

  const submit = async () => {
    if (!info2 || busy) return;
    setBusy(true);
    setServerError(null);
    try {
      await onSubmit(draft, info2);
    } catch (err) {
      const error = toApiError(err);
      const at = stepOfError(error);
      if (error.code === 'charter_outdated') charter.reload();
      if (at === 'pin') setDraft((d) => ({ ...d, pin: '', pinAgain: '' }));
      if (at === 'charter') setDraft((d) => ({ ...d, charterAccepted: false }));
      setServerError({ step: at && steps.includes(at) ? at : null, error });
      if (at && steps.includes(at)) go(at);
      setBusy(false);
    }
  };

  const forward = () => {
    setTried((s) => new Set(s).add(step));
    if (problems.length > 0) return;
    const next = nextStep(step, steps);
    if (next) go(next);
    else void submit();
  };

  const back = () => {
    const prev = previousStep(step, steps);
    if (prev) go(prev);
    else onCancel();
  };

  const stepError = serverError && (serverError.step === step || (serverError.step === null && last)) ? errorMessage(serverError.error, t, lang) : null;

  let body: ReactNode;
  if (charter.state.phase === 'loading' || !catalog) {
    body = <Progress label={t('app.loading')} fraction={null} lang={lang} />;
  } else if (charter.state.phase === 'failed') {
    body = <p className="form-error">{errorMessage(charter.state.error, t, lang)}</p>;
  } else {
    const c = charter.state.value;
    switch (step) {
      case 'name':
        body = <NameStep value={draft.name} onChange={(name) => update({ name })} problem={problemOf('name')} />;
        break;
      case 'contact':
        body = (
          <ContactStep
            email={draft.email}
            phone={draft.phone}
            onChange={(f, v) => update(f === 'email' ? { email: v } : { phone: v })}
            problems={{ email: problemOf('email') ?? undefined, phone: problemOf('phone') ?? undefined }}
          />
        );
        break;
      case 'profile':
        body = <ProfileStep profiles={catalog.profiles} value={draft.profile} onChange={(profile) => update({ profile })} problem={problemOf('profile')} lang={lang} />;
        break;
      case 'plan':
        body = <PlanStep catalog={catalog} currency={info.currency} value={draft.plan} onChange={(plan) => update({ plan })} lang={lang} />;
        break;
      case 'pin':
        body = (
          <PinStep
            pin={draft.pin}
            pinAgain={draft.pinAgain}
            onChange={(pin, pinAgain) => update({ pin, pinAgain })}
            onDone={forward}
            problem={problemOf('pin') ?? problemOf('pinAgain')}
            serverError={stepError}
          />
        );
        break;
      case 'consent':
        body = (
          <ConsentStep
            purposes={c.purposes}
            given={draft.consents}
            onToggle={(code) => update({ consents: toggleConsent(draft.consents, code) })}
            problem={problemOf('consents')}
            lang={lang}
          />
        );
        break;
      case 'charter':
        body = <CharterStep charter={c} accepted={draft.charterAccepted} onChange={(charterAccepted) => update({ charterAccepted })} problem={problemOf('charter')} lang={lang} />;
        break;
    }
  }

  return (
    <div className="wizard" data-testid="signup-wizard">
      <section className="card wizard-card" aria-labelledby="wizard-step-title" data-testid={`signup-step-${step}`}>
        <div className="wizard-kicker">
          <p className="kicker">
            {title} · {t('signup.progress', { step: steps.indexOf(step) + 1, count: steps.length })}
          </p>
          {aside}
        </div>
        <h1 id="wizard-step-title" className="wizard-step-title">
          {t(`signup.titles.${step}`)}
        </h1>
        {body}
        {stepError && step !== 'pin' ? (
          <p className="form-error" role="alert" data-testid="signup-error" data-code={serverError?.error.code}>
            {stepError}
          </p>
        ) : null}
      </section>
      <footer className="wizard-nav">
        <button type="button" className="btn btn-secondary btn-huge" data-testid="signup-back" onClick={back} disabled={busy}>
          <BackIcon />
          <span>{steps.indexOf(step) === 0 ? t('signup.cancel') : t('signup.back')}</span>
        </button>
        <WizardProgress steps={steps} current={step} />
        {/* The PIN pad has its own "confirm" key: one button for one action. */}
        {step === 'pin' ? (
          <span className="wizard-nav-spacer" />
        ) : (
          <button type="button" className="btn btn-primary btn-huge" data-testid="signup-next" onClick={forward} disabled={busy || charter.state.phase !== 'ready'}>
            {last ? <CheckIcon /> : null}
            <span>{last ? (busy ? t('signup.creating') : submitLabel) : t('signup.next')}</span>
            {last ? null : <ArrowIcon direction="right" />}
          </button>
        )}
      </footer>
    </div>
  );
}
