// The template form's values: defaults, what the touch screen gives (steppers, sliders, a typed
// number with a French comma, a name on the touch keyboard), held to each parameter's limits, and
// what templates.build takes. Pure.
import type { TemplateParam } from '../../electron/api/types';

export type ParamValue = number | string | boolean;
export type Values = Record<string, ParamValue>;

export type Problem =
  | { key: string; rule: 'empty' }
  | { key: string; rule: 'too_long'; max: number }
  | { key: string; rule: 'out_of_range'; min: number; max: number }
  | { key: string; rule: 'not_number' };

const isNumeric = (p: TemplateParam) => p.type === 'number' || p.type === 'integer';

export function initialValues(params: readonly TemplateParam[]): Values {
  const out: Values = {};
  for (const p of params) out[p.key] = p.default;
  return out;
}

/** "3,5", "3.5", " 12 " → a number; anything else → null. */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

function decimalsOf(step: number): number {
  const s = String(step);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]);
  return (s.split('.')[1] ?? '').length;
}

/** A number held to the parameter's range and steps (whole numbers for an integer). */
export function clampNumber(p: TemplateParam, v: number): number {
  if (!Number.isFinite(v)) return typeof p.default === 'number' ? p.default : 0;
  const min = p.min ?? -Infinity;
  const max = p.max ?? Infinity;
  let x = Math.min(max, Math.max(min, v));
  const step = p.type === 'integer' ? Math.max(1, p.step ?? 1) : p.step;
  if (step && step > 0) {
    const base = Number.isFinite(min) ? min : 0;
    x = base + Math.round((x - base) / step) * step;
    if (x > max) x -= step;
    x = Number(x.toFixed(Math.min(6, decimalsOf(step))));
  }
  return p.type === 'integer' ? Math.round(x) : x;
}

/** One tap on a stepper. */
export function stepped(p: TemplateParam, value: ParamValue, direction: 1 | -1): number {
  const current = typeof value === 'number' ? value : typeof p.default === 'number' ? p.default : 0;
  const step = p.step && p.step > 0 ? p.step : p.type === 'integer' ? 1 : 1;
  return clampNumber(p, current + direction * step);
}

/** Text as typed, cut at the parameter's length. */
export function clippedText(p: TemplateParam, text: string): string {
  const max = p.maxLength ?? p.max ?? 64;
  return [...text].slice(0, Math.max(0, max)).join('');
}

/** What is wrong with the values, one problem per parameter at most, in the form's order. */
export function problemsOf(params: readonly TemplateParam[], values: Values): Problem[] {
  const out: Problem[] = [];
  for (const p of params) {
    const v = values[p.key];
    if (isNumeric(p)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) out.push({ key: p.key, rule: 'not_number' });
      else if ((p.min !== undefined && v < p.min) || (p.max !== undefined && v > p.max)) {
        out.push({ key: p.key, rule: 'out_of_range', min: p.min ?? -Infinity, max: p.max ?? Infinity });
      }
    } else if (p.type === 'text') {
      const s = typeof v === 'string' ? v : '';
      const max = p.maxLength ?? p.max;
      if (s.trim() === '' && (p.min ?? 1) >= 1) out.push({ key: p.key, rule: 'empty' });
      else if (max !== undefined && [...s].length > max) out.push({ key: p.key, rule: 'too_long', max });
    }
  }
  return out;
}

/** What templates.build takes: every parameter, defaults for what the form lacks. */
export function buildPayload(params: readonly TemplateParam[], values: Values): Values {
  const out: Values = {};
  for (const p of params) {
    const v = values[p.key] ?? p.default;
    out[p.key] = p.type === 'text' && typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** One string per set of values: the preview is built again only when it changes. */
export function valuesKey(values: Values): string {
  return JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k]]));
}

/** Where a number sits on its slider (0–1), for a parameter with both limits. */
export function sliderFraction(p: TemplateParam, v: number): number | null {
  if (p.min === undefined || p.max === undefined || p.max <= p.min) return null;
  return Math.min(1, Math.max(0, (v - p.min) / (p.max - p.min)));
}
