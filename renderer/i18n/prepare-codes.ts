// A code of the preparation cores (an error's `reason`, a finding's `code`) in the screen's language.
// Each core translates its own codes in its namespace (prepare-texts.ts), under `errors.<code>` or
// `findings.<code>` (or flat); the first that has it wins. A code no file knows yet is still said in
// words, with the code itself for the fabmanager.
import type { TFunction } from 'i18next';
import { formatNumber, type Lang } from '../lib/format';
import { prepareNamespaces, type PrepareNamespace } from './prepare-texts';

const codePattern = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Where a code may be translated, most specific first; `kind` puts errors or findings first, and the
 * namespaces of `prefer` (the core the screen talks to: two cores may use the same code) come first.
 */
export function codeKeys(code: string, kind: 'error' | 'finding', prefer: readonly PrepareNamespace[] = []): string[] {
  if (!codePattern.test(code) || code === 'errors' || code === 'findings') return [];
  const sections = kind === 'error' ? ['errors', 'findings'] : ['findings', 'errors'];
  const order = [...prefer, ...prepareNamespaces.filter((ns) => !prefer.includes(ns))];
  const keys: string[] = [];
  for (const ns of order) {
    for (const section of sections) keys.push(`${ns}:${section}.${code}`);
    keys.push(`${ns}:${code}`);
  }
  // The G-code engine's findings (a prepared job is analysed like any G-code).
  if (kind === 'finding') keys.push(`findings:${code}`);
  return keys;
}

/** The values of a sentence: numbers as the language writes them, `count` kept for the plural, `context` as is. */
export function codeParams(params: Record<string, string | number> | undefined, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (k === 'count' || k === 'context') out[k] = v;
    else if (typeof v === 'number') out[k] = formatNumber(v, lang, 2);
    else out[k] = v;
  }
  return out;
}

type LooseT = (keys: string | string[], options?: Record<string, unknown>) => string;

/**
 * The sentence for a core's code. `fallbackKey` (a key of the app's own texts, taking `{{code}}`) is
 * used when no namespace has it.
 */
export function codeText(
  t: TFunction,
  lang: Lang,
  code: string,
  params: Record<string, string | number> | undefined,
  kind: 'error' | 'finding',
  fallbackKey: string,
  prefer: readonly PrepareNamespace[] = [],
): string {
  // The code comes from the back end at run time: the keys are looked up, not checked by the compiler.
  const loose = t as unknown as LooseT;
  return loose([...codeKeys(code, kind, prefer), fallbackKey], { ...codeParams(params, lang), code });
}
