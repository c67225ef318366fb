// The job preparation cores translate their own codes (errors, findings, template labels) in files of
// their own: assets/i18n/<core>/<lang>.json (or <name>.<lang>.json), one i18next namespace per folder.
// This turns the files a bundler's glob (or a Node test) found into those namespaces, by language.
import type { Lang } from '../lib/format';
import { unflatten, type Tree } from './firmware';

export const prepareNamespaces = ['laser', 'laser-raster', 'print', 'templates'] as const;
export type PrepareNamespace = (typeof prepareNamespaces)[number];
export type PrepareTexts = Record<Lang, Partial<Record<PrepareNamespace, Tree>>>;

const isNamespace = (v: string): v is PrepareNamespace => (prepareNamespaces as readonly string[]).includes(v);

function merge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = typeof prev === 'object' && typeof v === 'object' ? merge(prev, v) : v;
  }
  return out;
}

/** Files by path (`…/laser/fr.json`, `…/templates/coaster.en.json`) to namespaces by language. */
export function prepareTexts(files: Record<string, unknown>): PrepareTexts {
  const out: PrepareTexts = { fr: {}, en: {} };
  for (const [path, content] of Object.entries(files)) {
    const m = /([a-z0-9_-]+)\/(?:[a-z0-9_-]+\.)?(fr|en)\.json$/i.exec(path.replace(/\\/g, '/'));
    if (!m || content === null || typeof content !== 'object') continue;
    const ns = m[1]!.toLowerCase();
    if (!isNamespace(ns)) continue;
    const lang = m[2]!.toLowerCase() as Lang;
    // A JSON module may come wrapped as { default: … }.
    const body =
      'default' in content && typeof (content as { default: unknown }).default === 'object' ? (content as { default: object }).default : content;
    const tree = unflatten(body as Record<string, unknown>);
    const prev = out[lang][ns];
    out[lang][ns] = prev ? merge(prev, tree) : tree;
  }
  return out;
}
