// The templates' names, descriptions and parameter labels are keys of the templates' own texts
// (assets/i18n/templates, the `templates` namespace), given with or without the namespace. A key no
// file has yet shows its last word rather than a dotted code.
import type { i18n as I18n } from 'i18next';
import type { Lang } from '../lib/format';

export function templateKeys(key: string): string[] {
  if (key.includes(':')) return [key];
  return [`templates:${key}`, key];
}

/** "params.innerWidth" → "Inner width". */
export function humanize(key: string): string {
  const last = key.split(/[.:]/).filter(Boolean).at(-1) ?? key;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

export function templateText(i18n: I18n, lang: Lang, key: string, params?: Record<string, unknown>): string {
  const t = i18n.getFixedT(lang) as unknown as (k: string, o?: Record<string, unknown>) => string;
  for (const k of templateKeys(key)) {
    if (i18n.exists(k, { lng: lang })) return t(k, params);
  }
  return humanize(key);
}
