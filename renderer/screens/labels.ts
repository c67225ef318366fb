// Labels for codes that come as data (training modules, audit actions, profiles, plans).
import { useTranslation } from 'react-i18next';
import { pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';

const modules = ['fdm', 'laser', 'cnc', 'vinyl', 'thermoformer'] as const;
type ModuleCode = (typeof modules)[number];
const isModule = (c: string): c is ModuleCode => (modules as readonly string[]).includes(c);

/** A known safety module by its name; a module added later by its code until it gets a translation. */
export function useModuleLabel(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => (isModule(code) ? t(`modules.${code}`) : code);
}

/** Profile categories and plans are content: their names come from the catalogue in both languages. */
export function useCatalogLabels(): { profile(id: string): string; plan(id: string | null): string } {
  const { t } = useTranslation();
  const { catalog, lang } = useKiosk();
  return {
    profile: (id) => {
      const p = catalog?.profiles.find((x) => x.id === id);
      return p ? pick(p.name, lang) : id;
    },
    plan: (id) => {
      if (id === null) return t('manage.noPlan');
      const p = catalog?.plans.find((x) => x.id === id);
      return p ? pick(p.name, lang) : id;
    },
  };
}

const auditActions = {
  'session.sign_in': 'signIn',
  'session.sign_out': 'signOut',
  'member.locked': 'locked',
  'member.sign_up': 'signUp',
  'member.update': 'memberUpdate',
  'member.erase': 'memberErase',
  'member.export': 'memberExport',
  'consent.change': 'consentChange',
  'charter.accept': 'charterAccept',
  'charter.publish': 'charterPublish',
  'visit.check_in': 'checkIn',
  'visit.check_out': 'checkOut',
  'quiz.submit': 'quizSubmit',
  'certification.sign_off': 'signOff',
  'certification.not_passed': 'notPassed',
  'certification.revoke': 'revoke',
  'module.content_changed': 'moduleChanged',
  'training_session.start': 'sessionStart',
  'training_session.end': 'sessionEnd',
  'training_session.add_attendee': 'addAttendee',
  'training_session.remove_attendee': 'removeAttendee',
  'job.queue': 'jobQueue',
  'job.start': 'jobStart',
  'job.pause': 'jobPause',
  'job.resume': 'jobResume',
  'job.cancel': 'jobCancel',
  'job.retry': 'jobRetry',
  'machine.emergency_stop': 'emergencyStop',
} as const;

export function useAuditActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => {
    const key = (auditActions as Record<string, (typeof auditActions)[keyof typeof auditActions] | undefined>)[action];
    return key ? t(`audit.${key}`) : action;
  };
}
