// i18next with the two bundled languages. French is the kiosk's language; English is one tap away.
// The G-code engine's findings are translated in their own files (assets/i18n/findings/), by code:
// they are the `findings` namespace.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../assets/i18n/en.json';
import findingsEn from '../../assets/i18n/findings/en.json';
import findingsFr from '../../assets/i18n/findings/fr.json';
import fr from '../../assets/i18n/fr.json';

export const resources = {
  fr: { translation: fr, findings: findingsFr },
  en: { translation: en, findings: findingsEn },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr; findings: typeof findingsFr };
  }
}

/** A ready instance; `react` wires it to react-i18next (off in Node tests). */
export function createI18n(options: { react?: boolean } = {}): i18n {
  const instance = i18next.createInstance();
  if (options.react !== false) instance.use(initReactI18next);
  void instance.init({
    resources,
    lng: 'fr',
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    ns: ['translation', 'findings'],
    defaultNS: 'translation',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
