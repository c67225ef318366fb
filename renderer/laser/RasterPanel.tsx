// Engraving an image: how the grays become dots (each method shown on the maker's own image, as the
// laser will burn it), how fine the lines are, brighter or darker, more or less contrast, inverted,
// and power and speed within the lab's limits.
import { useTranslation } from 'react-i18next';
import type { DitherMethod, LaserPreset, RasterChoice } from '../../electron/api/types';
import { formatNumber, type Lang } from '../lib/format';
import { SliderField, Toggle } from '../prepare/controls';
import type { RasterPreview } from './useRasterPreview';
import { clampSetting, clampTone, ditherMethods, dpiOf } from './settings';

export function RasterPanel({
  raster,
  preset,
  preview,
  disabled,
  lang,
  onChange,
}: {
  raster: RasterChoice;
  preset: LaserPreset | null;
  preview: RasterPreview;
  disabled: boolean;
  lang: Lang;
  onChange(r: RasterChoice): void;
}) {
  const { t } = useTranslation();
  const urls = preview.phase === 'ready' ? preview.urls : preview.phase === 'working' ? preview.previous : null;
  const tone = (v: number) => (v > 0 ? `+${formatNumber(v, lang, 0)}` : formatNumber(v, lang, 0));
  const r = preset?.raster ?? null;
  const pct = (v: number) => `${formatNumber(v, lang, 1)} %`;

  return (
    <section className="card raster-card" aria-labelledby="raster-title" data-testid="laser-raster">
      <h2 id="raster-title" className="panel-title">
        {t('laser.rasterTitle')}
      </h2>
      <p className="muted layers-lead">{t('laser.rasterLead')}</p>
      <div className="dither-grid" role="group" aria-label={t('laser.dither')} data-testid="laser-dither" data-value={raster.dither}>
        {ditherMethods.map((m: DitherMethod) => (
          <button
            key={m}
            type="button"
            className="dither-card"
            data-method={m}
            aria-pressed={raster.dither === m}
            disabled={disabled}
            onClick={() => onChange({ ...raster, dither: m })}
          >
            <span className="dither-thumb">
              {urls?.[m] ? <img src={urls[m]} alt="" draggable={false} /> : <span className="dither-wait" aria-hidden="true" />}
            </span>
            <span className="dither-name">{t(`laser.ditherName.${m}`)}</span>
            <span className="dither-hint">{t(`laser.ditherHint.${m}`)}</span>
          </button>
        ))}
      </div>
      {preview.phase === 'failed' ? <p className="muted">{t('laser.previewFailed')}</p> : null}
      <div className="raster-sliders">
        {preset && !r ? (
          <p className="form-error" role="alert" data-testid="laser-no-raster">
            {t('laser.noRaster')}
          </p>
        ) : r ? (
          <SliderField
            id="raster-lines"
            label={t('laser.linesPerMm')}
            value={raster.linesPerMm}
            min={r.linesPerMm.min}
            max={r.linesPerMm.max}
            step={r.linesPerMm.step}
            defaultValue={r.linesPerMm.value}
            format={(v) => t('laser.linesValue', { lines: formatNumber(v, lang, 1), dpi: formatNumber(dpiOf(v), lang, 0) })}
            short={(v) => t('laser.linesShort', { lines: formatNumber(v, lang, 1) })}
            disabled={disabled}
            testId="raster-lines"
            onChange={(v) => onChange({ ...raster, linesPerMm: clampSetting(v, r.linesPerMm) })}
          />
        ) : (
          <p className="muted layer-note">{t('laser.pickMaterialForSettings')}</p>
        )}
        <SliderField
          id="raster-brightness"
          label={t('laser.brightness')}
          value={raster.brightness}
          min={-100}
          max={100}
          step={5}
          defaultValue={0}
          defaultKind="start"
          format={tone}
          disabled={disabled}
          onChange={(v) => onChange({ ...raster, brightness: clampTone(v) })}
        />
        <SliderField
          id="raster-contrast"
          label={t('laser.contrast')}
          value={raster.contrast}
          min={-100}
          max={100}
          step={5}
          defaultValue={0}
          defaultKind="start"
          format={tone}
          disabled={disabled}
          onChange={(v) => onChange({ ...raster, contrast: clampTone(v) })}
        />
        <Toggle
          label={t('laser.invert')}
          hint={t('laser.invertHint')}
          checked={raster.invert}
          disabled={disabled}
          testId="raster-invert"
          onChange={(v) => onChange({ ...raster, invert: v })}
        />
        {r ? (
          <>
            <SliderField
              id="raster-power"
              label={t('laser.power')}
              value={raster.powerPct ?? r.powerPct.value}
              min={r.powerPct.min}
              max={r.powerPct.max}
              step={r.powerPct.step}
              defaultValue={r.powerPct.value}
              format={pct}
              disabled={disabled}
              onChange={(v) => onChange({ ...raster, powerPct: clampSetting(v, r.powerPct) })}
            />
            <SliderField
              id="raster-speed"
              label={t('laser.speed')}
              value={raster.speedMmMin ?? r.speedMmMin.value}
              min={r.speedMmMin.min}
              max={r.speedMmMin.max}
              step={r.speedMmMin.step}
              defaultValue={r.speedMmMin.value}
              format={(v) => `${formatNumber(v, lang, 0)} mm/min`}
              disabled={disabled}
              onChange={(v) => onChange({ ...raster, speedMmMin: clampSetting(v, r.speedMmMin) })}
            />
          </>
        ) : null}
      </div>
    </section>
  );
}
