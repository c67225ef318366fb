// The command line speaks French unless the environment asks for English.
import i18next, { type TFunction } from 'i18next';
import en from '../../assets/i18n/cli/en.json';
import fr from '../../assets/i18n/cli/fr.json';

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): 'fr' | 'en' {
  const asked = env.FABKIOSK_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return asked.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function cliTranslator(lng: 'fr' | 'en' = cliLanguage()): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'fr',
    initAsync: false,
    resources: { fr: { translation: fr }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
