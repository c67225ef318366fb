// The parameters of a template as touch controls, generated from their description: numbers with
// steppers and a slider within their limits, text on the touch keyboard, choices as big buttons,
// yes/no as switches. Values are held to the limits as they change.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateParam } from '../../electron/api/types';
import { KeyboardIcon } from '../components/icons';
import { TouchKeyboard } from '../components/TouchKeyboard';
import { formatNumber, type Lang } from '../lib/format';
import { Segmented, SliderField, Toggle } from '../prepare/controls';
import { clampNumber, clippedText, type ParamValue, type Problem, type Values } from './params';
import { templateText } from './text';

export function TemplateForm({
  params,
  values,
  problems,
  lang,
  onChange,
}: {
  params: readonly TemplateParam[];
  values: Values;
  problems: readonly Problem[];
  lang: Lang;
  onChange(key: string, value: ParamValue): void;
}) {
  return (
    <div className="template-form" data-testid="template-form">
      {params.map((p) => (
        <ParamField key={p.key} param={p} value={values[p.key] ?? p.default} problem={problems.find((x) => x.key === p.key) ?? null} lang={lang} onChange={(v) => onChange(p.key, v)} />
      ))}
    </div>
  );
}

function unitText(unit: string | undefined, v: number, lang: Lang, decimals: number): string {
  const n = formatNumber(v, lang, decimals);
  if (!unit) return n;
  if (unit === 'deg') return `${n}°`;
  return `${n} ${unit}`;
}

function ParamField({
  param: p,
  value,
  problem,
  lang,
  onChange,
}: {
  param: TemplateParam;
  value: ParamValue;
  problem: Problem | null;
  lang: Lang;
  onChange(v: ParamValue): void;
}) {
  const { t, i18n } = useTranslation();
  const label = templateText(i18n, lang, p.labelKey);
  const [keyboard, setKeyboard] = useState(false);
  const problemText = problem
    ? problem.rule === 'empty'
      ? t('templates.problem.empty')
      : problem.rule === 'too_long'
        ? t('templates.problem.tooLong', { max: problem.max })
        : problem.rule === 'out_of_range'
          ? t('templates.problem.range', { min: formatNumber(problem.min, lang, 2), max: formatNumber(problem.max, lang, 2) })
          : t('templates.problem.number')
    : null;

  let control;
  if (p.type === 'number' || p.type === 'integer') {
    const v = typeof value === 'number' ? value : typeof p.default === 'number' ? p.default : 0;
    const step = p.step && p.step > 0 ? p.step : 1;
    const decimals = p.type === 'integer' ? 0 : Math.min(3, (String(step).split('.')[1] ?? '').length);
    control = (
      <SliderField
        id={`param-${p.key}`}
        label={label}
        value={v}
        min={p.min ?? Math.min(v, 0)}
        max={p.max ?? Math.max(v * 2, 1)}
        step={step}
        defaultValue={typeof p.default === 'number' ? p.default : undefined}
        defaultKind="start"
        format={(x) => unitText(p.unit, x, lang, decimals)}
        testId={`param-${p.key}`}
        onChange={(x) => onChange(clampNumber(p, x))}
      />
    );
  } else if (p.type === 'text') {
    const s = typeof value === 'string' ? value : '';
    const max = p.maxLength ?? p.max;
    control = (
      <div className="param-text">
        <label htmlFor={`param-${p.key}`} className="slider-label">
          {label}
        </label>
        <div className="param-text-row">
          <input
            id={`param-${p.key}`}
            className="text-input text-input-large"
            data-testid={`param-${p.key}`}
            type="text"
            value={s}
            maxLength={max}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            inputMode="none"
            onFocus={() => setKeyboard(true)}
            onChange={(e) => onChange(clippedText(p, e.target.value.replace(/[\r\n]/g, ' ')))}
          />
          <button
            type="button"
            className="btn btn-secondary btn-square"
            aria-pressed={keyboard}
            aria-label={t('templates.keyboard')}
            data-testid={`param-${p.key}-keyboard`}
            onClick={() => setKeyboard((k) => !k)}
          >
            <KeyboardIcon />
          </button>
        </div>
        {max !== undefined ? <p className="muted param-count">{t('templates.characters', { n: [...s].length, max })}</p> : null}
        {keyboard ? (
          <TouchKeyboard
            layout="text"
            value={s}
            onInput={(x) => onChange(clippedText(p, s + x.replace(/[\r\n]/g, ' ')))}
            onBackspace={() => onChange([...s].slice(0, -1).join(''))}
          />
        ) : null}
      </div>
    );
  } else if (p.type === 'choice') {
    const choices = p.choices ?? [];
    control = (
      <div className="param-choice">
        <p className="slider-label" id={`param-${p.key}-label`}>
          {label}
        </p>
        <Segmented<string>
          label={label}
          value={String(value)}
          testId={`param-${p.key}`}
          options={choices.map((c) => ({ value: c.value, label: templateText(i18n, lang, c.labelKey), testId: `param-${p.key}-${c.value}` }))}
          onChange={(v) => onChange(v)}
        />
      </div>
    );
  } else {
    control = <Toggle label={label} checked={value === true} testId={`param-${p.key}`} onChange={(v) => onChange(v)} />;
  }

  return (
    <div className={`param-field${problem ? ' is-invalid' : ''}`} data-key={p.key}>
      {control}
      {problemText ? (
        <p className="form-error" role="alert" data-testid={`param-${p.key}-problem`}>
          {problemText}
        </p>
      ) : null}
    </div>
  );
}
