// The command line speaks French unless the environment asks for English.
import i18next, { type TFunction } from 'i18next';
import en from '../../assets/i18n/cli/en.json';
import fr from '../../assets/i18n/cli/fr.json';
import findingsEn from '../../assets/i18n/findings/en.json';
import findingsFr from '../../assets/i18n/findings/fr.json';

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): 'fr' | 'en' {
  const asked = env.FABKIOSK_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return asked.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** A core's own sentences (errors, findings) beside the command line's, under their namespace. */
export interface ExtraNamespace {
  ns: string;
  fr: object;
  en: object;
}

export function cliTranslator(lng: 'fr' | 'en' = cliLanguage(), extra?: ExtraNamespace): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'fr',
    initAsync: false,
    resources: {
      fr: { translation: fr, findings: findingsFr, ...(extra ? { [extra.ns]: extra.fr } : {}) },
      en: { translation: en, findings: findingsEn, ...(extra ? { [extra.ns]: extra.en } : {}) },
    },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
