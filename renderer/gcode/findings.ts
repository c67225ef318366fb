// A finding of the G-code engine in the screen's language: its code is the key of the `findings`
// namespace (assets/i18n/findings/), its params fill the sentence. Numbers are written the way the
// language writes them; a code that has no translation yet shows the engine's English message.
import type { i18n as I18n } from 'i18next';
import type { GcodeAnalysis } from '../../electron/api/types';
import { formatNumber, type Lang } from '../lib/format';

type Finding = GcodeAnalysis['findings'][number];

const kinds = ['fdm', 'laser', 'cnc', 'vinyl', 'thermoformer', 'embroidery', 'sewing', 'scanner'] as const;
type Kind = (typeof kinds)[number];
const isKind = (v: unknown): v is Kind => typeof v === 'string' && (kinds as readonly string[]).includes(v);

export function findingParams(f: Finding, i18n: I18n, lang: Lang): Record<string, string | number> {
  const t = i18n.getFixedT(lang);
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.params)) {
    if (k === 'count' && typeof v === 'number') out[k] = v;
    else if (typeof v === 'number') out[k] = formatNumber(v, lang, 3);
    else if (k === 'axis' && typeof v === 'string') out[k] = v.toUpperCase();
    else if (k === 'machineKind' && isKind(v)) out[k] = t(`kind.${v}`).toLocaleLowerCase(lang);
    else if (k === 'source' && (v === 'machine' || v === 'material')) out[k] = t(v === 'machine' ? 'gcode.sourceMachine' : 'gcode.sourceMaterial');
    else out[k] = String(v);
  }
  return out;
}

export function findingText(f: Finding, i18n: I18n, lang: Lang): string {
  const key = `findings:${f.code}`;
  if (!i18n.exists(key, { lng: lang })) return f.message;
  // The code comes from the back end at run time: the key is checked above, not by the compiler.
  const t = i18n.getFixedT(lang) as unknown as (key: string, options: Record<string, unknown>) => string;
  return t(key, findingParams(f, i18n, lang));
}

export function severityText(severity: Finding['severity'], i18n: I18n, lang: Lang): string {
  const t = i18n.getFixedT(lang, 'findings');
  return t(severity === 'error' ? 'severity.error' : 'severity.warning');
}
