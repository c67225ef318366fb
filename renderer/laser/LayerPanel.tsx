// One row per colour of the drawing: its swatch, what the laser does with it (cut, score, engrave,
// ignore) as four big buttons, and power, speed and passes within the lab's limits for the material.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaserLayer, LaserOperation, LaserOperationChoice, LaserPreset } from '../../electron/api/types';
import { formatLength, formatNumber, formatUnit, type Lang } from '../lib/format';
import { Segmented, SliderField } from '../prepare/controls';
import { OperationIcon } from './OperationIcon';
import { clampSetting, isCustom, operations, withOperation, withValue } from './settings';

export function LayerPanel({
  layers,
  choices,
  preset,
  disabled,
  lang,
  onChange,
}: {
  layers: readonly LaserLayer[];
  choices: readonly LaserOperationChoice[];
  preset: LaserPreset | null;
  disabled: boolean;
  lang: Lang;
  onChange(next: LaserOperationChoice[]): void;
}) {
  const { t } = useTranslation();
  const set = (i: number, c: LaserOperationChoice) => onChange(choices.map((x, j) => (j === i ? c : x)));
  return (
    <section className="card layers-card" aria-labelledby="layers-title" data-testid="laser-layers">
      <h2 id="layers-title" className="panel-title">
        {t('laser.layersTitle')}
      </h2>
      <p className="muted layers-lead">{t('laser.layersLead')}</p>
      {layers.length === 0 ? <p className="empty">{t('laser.noLayers')}</p> : null}
      <ul className="layer-list">
        {layers.map((layer, i) => {
          const c = choices[i];
          if (!c) return null;
          return (
            <LayerRow key={`${layer.colour}-${layer.paint}`} layer={layer} choice={c} preset={preset} disabled={disabled} lang={lang} onChange={(next) => set(i, next)} />
          );
        })}
      </ul>
    </section>
  );
}

function LayerRow({
  layer,
  choice,
  preset,
  disabled,
  lang,
  onChange,
}: {
  layer: LaserLayer;
  choice: LaserOperationChoice;
  preset: LaserPreset | null;
  disabled: boolean;
  lang: Lang;
  onChange(c: LaserOperationChoice): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const op = choice.operation;
  const p = preset && op !== 'ignore' ? preset.operations[op] : null;
  const custom = isCustom(choice, preset);
  const pct = (v: number) => `${formatNumber(v, lang, 1)} %`;
  const speed = (v: number) => `${formatNumber(v, lang, 0)} mm/min`;
  const passes = (v: number) => t('laser.passes', { count: v });

  return (
    <li className={`layer-row layer-${op}`} data-testid="laser-layer" data-colour={layer.colour} data-paint={layer.paint} data-operation={op}>
      <div className="layer-top">
        {/* Outlines as an outlined square, painted areas as a filled one: what the drawing has of that colour. */}
        <svg className="layer-swatch" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
          {layer.paint === 'fill' ? (
            <rect x="2" y="2" width="36" height="36" rx="9" fill={layer.colour} stroke="#23201b" strokeOpacity="0.25" strokeWidth="2" />
          ) : (
            <>
              <rect x="2" y="2" width="36" height="36" rx="9" fill="#fffcf6" stroke="#23201b" strokeOpacity="0.25" strokeWidth="2" />
              <rect x="8" y="8" width="24" height="24" rx="5" fill="none" stroke={layer.colour} strokeWidth="5" />
            </>
          )}
        </svg>
        <div className="layer-what">
          <p className="layer-colour">
            {t('laser.colour', { colour: layer.colour.toUpperCase() })}
            <span className="layer-paint"> · {t(layer.paint === 'fill' ? 'laser.paintFill' : 'laser.paintStroke')}</span>
          </p>
          <p className="muted layer-stats">
            {t('laser.layerStats', { count: layer.paths, length: formatLength(layer.lengthMm, lang) })}
            {layer.filled ? ` · ${t('laser.filled')}` : ''}
          </p>
        </div>
      </div>
      <Segmented<LaserOperation>
        label={t('laser.operationFor', { colour: `${layer.colour.toUpperCase()} · ${t(layer.paint === 'fill' ? 'laser.paintFill' : 'laser.paintStroke')}` })}
        value={op}
        big
        disabled={disabled}
        testId="laser-operation"
        options={operations.map((o) => ({ value: o, label: t(`laser.op.${o}`), icon: <OperationIcon op={o} />, testId: `laser-op-${o}` }))}
        onChange={(o) => onChange(withOperation(choice, o, preset))}
      />
      {op === 'ignore' ? (
        <p className="muted layer-note">{t('laser.ignored')}</p>
      ) : !p ? (
        <p className="muted layer-note">{t('laser.pickMaterialForSettings')}</p>
      ) : (
        <div className="layer-settings">
          <button type="button" className="btn btn-secondary layer-more" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
            <span className="layer-summary">
              {pct(choice.powerPct ?? p.powerPct.value)} · {speed(choice.speedMmMin ?? p.speedMmMin.value)} · {passes(choice.passes ?? p.passes.value)}
            </span>
            <span className={custom ? 'tag tag-custom' : 'tag tag-ok'}>{custom ? t('laser.custom') : t('laser.labSettings')}</span>
            <span className="layer-more-label">{open ? t('laser.hideSettings') : t('laser.showSettings')}</span>
          </button>
          {open ? (
            <div className="layer-sliders">
              <SliderField
                id={`power-${layer.colour}-${layer.paint}`}
                label={t('laser.power')}
                value={choice.powerPct ?? p.powerPct.value}
                min={p.powerPct.min}
                max={p.powerPct.max}
                step={p.powerPct.step}
                defaultValue={p.powerPct.value}
                format={pct}
                disabled={disabled}
                onChange={(v) => onChange(withValue(choice, 'powerPct', v, preset))}
              />
              <SliderField
                id={`speed-${layer.colour}-${layer.paint}`}
                label={t('laser.speed')}
                value={choice.speedMmMin ?? p.speedMmMin.value}
                min={p.speedMmMin.min}
                max={p.speedMmMin.max}
                step={p.speedMmMin.step}
                defaultValue={p.speedMmMin.value}
                format={speed}
                short={(v) => formatNumber(v, lang, 0)}
                disabled={disabled}
                onChange={(v) => onChange(withValue(choice, 'speedMmMin', v, preset))}
              />
              <SliderField
                id={`passes-${layer.colour}-${layer.paint}`}
                label={t('laser.passesLabel')}
                value={choice.passes ?? p.passes.value}
                min={p.passes.min}
                max={p.passes.max}
                step={Math.max(1, p.passes.step)}
                defaultValue={p.passes.value}
                format={(v) => formatNumber(clampSetting(v, p.passes), lang, 0)}
                disabled={disabled}
                onChange={(v) => onChange(withValue(choice, 'passes', v, preset))}
              />
              <p className="muted layer-speed-hint">{t('laser.speedHint', { speed: formatUnit((choice.speedMmMin ?? p.speedMmMin.value) / 60, 'millimeter-per-second', lang, 0) })}</p>
            </div>
          ) : null}
        </div>
      )}
    </li>
  );
}
