// Words and number formats of the statements, invoices and reports, in French or English. Documents are
// built in the back end (PDF, CSV, the command line), so they carry their own translator; the strings
// live in assets/i18n/reports like every other user-facing text.
import i18next from 'i18next';
import en from '../../../assets/i18n/reports/en.json';
import fr from '../../../assets/i18n/reports/fr.json';
import type { ReportLanguage } from '../../api/models';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

const translators = new Map<ReportLanguage, Translate>();
const maxCached = 20_000;

/**
 * A translator for one language. i18next takes tens of microseconds a call, and a ledger export asks
 * the same few labels thousands of times: results are kept (up to a bound).
 */
export function reportTranslator(lang: ReportLanguage): Translate {
  let t = translators.get(lang);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      fallbackLng: 'fr',
      initAsync: false,
      resources: { fr: { translation: fr }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    const cache = new Map<string, string>();
    t = (key, params) => {
      const id = params ? `${key}\u0000${JSON.stringify(params)}` : key;
      let text = cache.get(id);
      if (text === undefined) {
        text = instance.t(key, params ?? {});
        if (cache.size >= maxCached) cache.clear();
        cache.set(id, text);
      }
      return text;
    };
    translators.set(lang, t);
  }
  return t;
}

export interface Formats {
  lang: ReportLanguage;
  locale: string;
  /** "1 234,50 €" */
  money(cents: number): string;
  /** "1 234,5": at most `digits` decimals. */
  number(value: number, digits?: number): string;
  /** Seconds as decimal hours, "12,5". */
  hours(seconds: number): string;
  /** "23 novembre 2026" */
  longDay(day: string): string;
  /** "23/11/2026", in both languages (British order: no confusion for a French lab). */
  shortDay(day: string): string;
  /** "novembre 2026" */
  month(ym: string): string;
  /** "nov. 26" */
  shortMonth(ym: string): string;
}

const formatCache = new Map<string, Formats>();

/** Intl formatters are costly to build: one set per language and currency, reused. */
export function formats(lang: ReportLanguage, currency = 'EUR'): Formats {
  const key = `${lang}/${currency}`;
  let f = formatCache.get(key);
  if (!f) {
    f = buildFormats(lang, currency);
    formatCache.set(key, f);
  }
  return f;
}

function buildFormats(lang: ReportLanguage, currency: string): Formats {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    let f = numberFormats.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      numberFormats.set(digits, f);
    }
    return f;
  };
  const longFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  const monthFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const shortMonthFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', year: '2-digit' });
  return {
    lang,
    locale,
    money: (cents) => moneyFormat.format(cents / 100),
    number: (value, digits = 2) => num(digits).format(value),
    hours: (seconds) => num(2).format(seconds / 3600),
    longDay: (day) => longFormat.format(new Date(`${day}T00:00:00Z`)),
    shortDay: (day) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`,
    month: (ym) => monthFormat.format(new Date(`${ym}-01T00:00:00Z`)),
    shortMonth: (ym) => shortMonthFormat.format(new Date(`${ym}-01T00:00:00Z`)),
  };
}
