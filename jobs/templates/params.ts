// Parameter schemas and their validation. Values arrive as numbers/booleans (UI) or strings (command
// line, "3,5" accepted as French users type it); anything wrong is a TemplateError naming the parameter.
import { TemplateError } from './errors';
import { checkText } from './text';
import type {
  BooleanParamSpec,
  ChoiceParamSpec,
  NumberParamSpec,
  ParamInfo,
  ParamSpec,
  ParamValue,
  ParamValues,
  RawParams,
  StringParamSpec,
  TemplateId,
  Unit,
} from './types';

interface NumberOptions {
  unit: Unit | null;
  min: number;
  max: number;
  step: number;
  default: number;
}

export const num = <K extends string>(key: K, o: NumberOptions): NumberParamSpec<K> => ({ key, type: 'number', ...o });
export const int = <K extends string>(key: K, o: Omit<NumberOptions, 'unit' | 'step'> & { unit?: Unit | null }): NumberParamSpec<K> => ({
  key,
  type: 'integer',
  unit: o.unit ?? null,
  min: o.min,
  max: o.max,
  step: 1,
  default: o.default,
});
export const text = <K extends string>(key: K, o: { min: number; max: number; default: string }): StringParamSpec<K> => ({
  key,
  type: 'string',
  unit: null,
  ...o,
});
export const bool = <K extends string>(key: K, def: boolean): BooleanParamSpec<K> => ({ key, type: 'boolean', unit: null, default: def });
export const choice = <K extends string, C extends string>(key: K, choices: readonly C[], def: NoInfer<C>): ChoiceParamSpec<K, C> => ({
  key,
  type: 'choice',
  unit: null,
  choices,
  default: def,
});

/** The schema with the translation keys of its texts (assets/i18n/templates: `<id>.params.<key>.label|help`). */
export function describeParams(id: TemplateId, specs: readonly ParamSpec[]): ParamInfo[] {
  return specs.map((s) => {
    const base = `${id}.params.${s.key}`;
    const info: ParamInfo = { ...s, labelKey: `${base}.label`, helpKey: `${base}.help` };
    if (s.type === 'choice') info.choiceKeys = Object.fromEntries(s.choices.map((c) => [c, `${base}.choices.${c}`]));
    return info;
  });
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const TRUE = new Set(['true', '1', 'yes', 'oui', 'on']);
const FALSE = new Set(['false', '0', 'no', 'non', 'off']);

function shown(value: unknown): string {
  const s = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function resolveOne(spec: ParamSpec, value: unknown): ParamValue {
  const param = spec.key;
  switch (spec.type) {
    case 'number':
    case 'integer': {
      let n: number;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'string' && NUMBER.test(value.trim())) n = Number(value.trim().replace(',', '.'));
      else throw new TemplateError('not_a_number', { param, value: shown(value) });
      if (!Number.isFinite(n)) throw new TemplateError('not_a_number', { param, value: shown(value) });
      if (spec.type === 'integer' && !Number.isInteger(n)) throw new TemplateError('not_an_integer', { param, value: shown(value) });
      if (n < spec.min || n > spec.max) {
        throw new TemplateError('out_of_range', { param, value: n, min: spec.min, max: spec.max, unit: spec.unit ?? '' });
      }
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const s = typeof value === 'string' ? value.trim().toLowerCase() : null;
      if (s !== null && TRUE.has(s)) return true;
      if (s !== null && FALSE.has(s)) return false;
      throw new TemplateError('not_a_boolean', { param, value: shown(value) });
    }
    case 'choice': {
      const s = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
      if (s === null || !spec.choices.includes(s)) {
        throw new TemplateError('bad_choice', { param, value: shown(value), choices: spec.choices.join(', ') });
      }
      return s;
    }
    case 'string': {
      if (typeof value !== 'string') throw new TemplateError('text_bad_characters', { param, characters: shown(value) });
      return checkText(param, value, spec.min, spec.max);
    }
  }
}

/** Defaults for what is missing, every given value checked; an unknown name is refused, not ignored. */
export function resolveParams<S extends readonly ParamSpec[]>(specs: S, raw: RawParams): ParamValues<S> {
  const known = new Set(specs.map((s) => s.key));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new TemplateError('unknown_parameter', { param: key, known: [...known].join(', ') });
  }
  const out: Record<string, ParamValue> = {};
  for (const spec of specs) {
    const value = raw[spec.key];
    out[spec.key] = value === undefined ? spec.default : resolveOne(spec, value);
  }
  return out as ParamValues<S>;
}
