// i18next with the two bundled languages. French is the kiosk's language; English is one tap away.
// The G-code engine's findings are translated in their own files (assets/i18n/findings/), by code:
// they are the `findings` namespace. The firmware's messages join `machines` (see firmware.ts).
// The job preparation cores' codes and template labels are namespaces of their own (prepare-texts.ts).
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../assets/i18n/en.json';
import findingsEn from '../../assets/i18n/findings/en.json';
import findingsFr from '../../assets/i18n/findings/fr.json';
import fr from '../../assets/i18n/fr.json';
import { withFirmware, type FirmwareTexts } from './firmware';
import { prepareNamespaces, type PrepareTexts } from './prepare-texts';

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

/**
 * A ready instance; `react` wires it to react-i18next (off in Node tests). `firmware`: the firmware
 * message files (the page gets them from the bundle, Node tests read them from disk); `prepare`: the
 * preparation cores' files, the same way.
 */
export function createI18n(options: { react?: boolean; firmware?: FirmwareTexts; prepare?: PrepareTexts } = {}): i18n {
  const instance = i18next.createInstance();
  if (options.react !== false) instance.use(initReactI18next);
  const fw = options.firmware;
  const prep = options.prepare;
  void instance.init({
    resources: {
      fr: { ...prep?.fr, ...resources.fr, ...(fw ? { translation: withFirmware(fr, fw.fr) } : {}) },
      en: { ...prep?.en, ...resources.en, ...(fw ? { translation: withFirmware(en, fw.en) } : {}) },
    },
    lng: 'fr',
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    ns: ['translation', 'findings', ...prepareNamespaces],
    defaultNS: 'translation',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
