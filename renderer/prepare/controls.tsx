// Touch controls the preparation screens share: a slider with steppers and the lab's default marked
// on it, a big on/off switch, a segmented choice. Targets of 52 px at least.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MinusIcon, PlusIcon } from '../components/icons';

export function SliderField({
  id,
  label,
  value,
  min,
  max,
  step,
  format,
  short = format,
  defaultValue,
  defaultKind = 'lab',
  disabled = false,
  testId,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format(v: number): string;
  /** A shorter form for the limits under the slider (the value's own form by default). */
  short?: (v: number) => string;
  /** The lab's value (a template's starting value with `defaultKind` 'start', a drawing's own size with 'source'): marked under the slider. */
  defaultValue?: number | undefined;
  defaultKind?: 'lab' | 'start' | 'source';
  disabled?: boolean;
  testId?: string;
  onChange(v: number): void;
}) {
  const { t } = useTranslation();
  const span = max - min;
  const at = (v: number) => (span > 0 ? ((v - min) / span) * 100 : 0);
  const fixed = min === max;
  return (
    <div className={`slider-field${disabled ? ' is-disabled' : ''}`} data-testid={testId} data-value={value}>
      <div className="slider-head">
        <label htmlFor={id} className="slider-label">
          {label}
        </label>
        <output htmlFor={id} className="slider-value">
          {format(value)}
        </output>
      </div>
      <div className="slider-row">
        <button
          type="button"
          className="btn btn-secondary btn-square"
          aria-label={t('prepare.less', { what: label })}
          disabled={disabled || fixed || value <= min}
          onClick={() => onChange(Math.max(min, value - step))}
        >
          <MinusIcon />
        </button>
        <div className="slider-track">
          <input
            id={id}
            type="range"
            className="prep-range"
            min={min}
            max={max}
            step={step}
            value={value}
            disabled={disabled || fixed}
            aria-valuetext={format(value)}
            onChange={(e) => onChange(Number(e.target.value))}
          />
          {defaultValue !== undefined && span > 0 ? (
            <svg className="slider-default" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <path d={`M${at(defaultValue)} 0 L${at(defaultValue) - 3} 10 L${at(defaultValue) + 3} 10 Z`} />
            </svg>
          ) : null}
        </div>
        <button
          type="button"
          className="btn btn-secondary btn-square"
          aria-label={t('prepare.more', { what: label })}
          disabled={disabled || fixed || value >= max}
          onClick={() => onChange(Math.min(max, value + step))}
        >
          <PlusIcon />
        </button>
      </div>
      <p className="slider-foot muted">
        <span>{short(min)}</span>
        {defaultValue !== undefined ? (
          <span className="slider-lab">
            {t(defaultKind === 'start' ? 'prepare.startDefault' : defaultKind === 'source' ? 'prepare.sourceDefault' : 'prepare.labDefault', { value: short(defaultValue) })}
          </span>
        ) : null}
        <span>{short(max)}</span>
      </p>
    </div>
  );
}

export function Toggle({
  label,
  hint,
  checked,
  disabled = false,
  testId,
  onChange,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  testId?: string;
  onChange(v: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      className="toggle"
      data-testid={testId}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span className="toggle-text">
        <span className="toggle-label">{label}</span>
        {hint ? <span className="toggle-hint">{hint}</span> : null}
      </span>
      <span className="toggle-switch" aria-hidden="true">
        <span className="toggle-knob" />
      </span>
      <span className="toggle-state">{checked ? t('prepare.yes') : t('prepare.no')}</span>
    </button>
  );
}

export interface SegmentOption<V extends string | number> {
  value: V;
  label: ReactNode;
  icon?: ReactNode;
  hint?: ReactNode;
  testId?: string;
}

export function Segmented<V extends string | number>({
  label,
  value,
  options,
  disabled = false,
  big = false,
  testId,
  onChange,
}: {
  label: string;
  value: V;
  options: readonly SegmentOption<V>[];
  disabled?: boolean;
  big?: boolean;
  testId?: string;
  onChange(v: V): void;
}) {
  return (
    <div className={`seg${big ? ' seg-big' : ''}`} role="group" aria-label={label} data-testid={testId} data-value={value}>
      {options.map((o) => (
        <button
          key={String(o.value)}
          type="button"
          className="seg-option"
          data-value={o.value}
          data-testid={o.testId}
          aria-pressed={o.value === value}
          disabled={disabled}
          onClick={() => onChange(o.value)}
        >
          {o.icon ? <span className="seg-icon">{o.icon}</span> : null}
          <span className="seg-label">{o.label}</span>
          {o.hint ? <span className="seg-hint">{o.hint}</span> : null}
        </button>
      ))}
    </div>
  );
}
