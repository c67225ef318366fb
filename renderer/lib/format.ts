// Numbers, money and dates in the screen's language. French first; English uses British conventions
// (24-hour clock, day before month), which is what a visitor in France expects to read.
import type { Localized } from '../../electron/api/types';

export const languages = ['fr', 'en'] as const;
export type Lang = (typeof languages)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

export function localeOf(lang: Lang): 'fr-FR' | 'en-GB' {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

/** Content authored in both languages, in the current one (French if the English text is missing). */
export function pick(text: Localized, lang: Lang): string {
  return (lang === 'en' ? text.en : text.fr) || text.fr;
}

/** Integer cents as money; whole amounts without decimals ("250 €", "€4.50"). */
export function formatMoney(cents: number, currency: string, lang: Lang): string {
  const whole = cents % 100 === 0;
  try {
    return new Intl.NumberFormat(localeOf(lang), {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(cents / 100);
  } catch {
    // An unknown currency code from a misconfigured site still shows an amount.
    return `${new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: whole ? 0 : 2 }).format(cents / 100)} ${currency}`;
  }
}

function asDate(iso: string | Date): Date | null {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? null : d;
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:32" today, "12 mars, 14:32" on another day. */
export function formatTime(iso: string | Date, lang: Lang, now: Date = new Date()): string {
  const d = asDate(iso);
  if (!d) return String(iso);
  const locale = localeOf(lang);
  if (sameDay(d, now)) {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  }
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

/** "12/03/2026 14:32" style, for tables. */
export function formatDateTime(iso: string | Date, lang: Lang): string {
  const d = asDate(iso);
  if (!d) return String(iso);
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

/** "12 mars 2026". */
export function formatDate(iso: string | Date, lang: Lang): string {
  const d = asDate(iso);
  if (!d) return String(iso);
  return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** "600 × 400 × 50 mm", or "600 × 1 000 mm" for a flat machine (z = 0). */
export function formatWorkArea(area: { x: number; y: number; z: number }, lang: Lang): string {
  const n = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 });
  const dims = area.z > 0 ? [area.x, area.y, area.z] : [area.x, area.y];
  return `${dims.map((v) => n.format(v)).join(' × ')} mm`;
}

/** Two letters for an avatar: "Léa Dubois" → "LD". */
export function initials(name: string): string {
  const parts = name.trim().split(/[\s-]+/u).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** A plain number in the screen's language ("1 234,5"). */
export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 1, minimumFractionDigits = 0): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits, minimumFractionDigits }).format(value);
}

type Unit = 'hour' | 'minute' | 'second' | 'millimeter' | 'meter' | 'gram' | 'celsius' | 'kilobyte' | 'megabyte' | 'gigabyte' | 'millimeter-per-second';

/** A number with its unit, as the language writes it ("12,5 mm", "230 °C", "1.2 MB"). */
export function formatUnit(value: number, unit: Unit, lang: Lang, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits }).format(value);
}

/** A fraction as a percentage ("45 %", "45%"). */
export function formatPercent(fraction: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/**
 * A duration to read at a glance: "45 s", "12 min 51 s" under an hour, "2 h 5 min" above (seconds
 * would only be noise on a long job). English takes the short forms a clock face uses ("12m 51s").
 */
export function formatDuration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0));
  const part = (value: number, unit: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit, unitDisplay: lang === 'en' ? 'narrow' : 'short' }).format(value);
  if (s < 60) return part(s, 'second');
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest === 0 ? part(m, 'minute') : `${part(m, 'minute')} ${part(rest, 'second')}`;
  }
  const totalMin = Math.round(s / 60);
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return m === 0 ? part(h, 'hour') : `${part(h, 'hour')} ${part(m, 'minute')}`;
}

/** A length given in mm: "850 mm" below a metre, "12,4 m" above. */
export function formatLength(mm: number, lang: Lang): string {
  return Math.abs(mm) < 1000 ? formatUnit(mm, 'millimeter', lang, 0) : formatUnit(mm / 1000, 'meter', lang, mm < 10_000 ? 2 : 1);
}

/** A file size: "840 kB" / "840 ko", "12.5 MB" / "12,5 Mo", "1.1 GB" / "1,1 Go". */
export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1e6) return formatUnit(Math.max(1, Math.round(bytes / 1000)), 'kilobyte', lang, 0);
  if (bytes < 1e9) return formatUnit(bytes / 1e6, 'megabyte', lang, 1);
  return formatUnit(bytes / 1e9, 'gigabyte', lang, 1);
}
