// The laser's bed seen from above, the drawing (or the image) placed on it: the maker drags it with a
// finger or the mouse, types or slides its size (the aspect ratio is kept), centres it. Machine
// millimetres with Y up; the SVG's user unit is the millimetre, drawn Y down.
import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaserOperationChoice, LaserSource, Placement } from '../../electron/api/types';
import { RefreshIcon, TargetIcon } from '../components/icons';
import { formatNumber, formatUnit, type Lang } from '../lib/format';
import { parseNumber } from '../templates/params';
import { ignoredColours } from './settings';
import { SliderField } from '../prepare/controls';
import { aspectOf, centred, dragged, drawingToBed, fitsBed, initialPlacement, maxWidth, minSizeMm, outlineBounds, resized, screenDeltaToMm, svgPoints, type Size } from './placement';

interface Drag {
  pointerId: number;
  start: Placement;
  from: { x: number; y: number };
}

function toUser(svg: SVGSVGElement, clientX: number, clientY: number): { x: number; y: number } | null {
  const m = svg.getScreenCTM();
  if (!m) return null;
  const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
  return { x: p.x, y: p.y };
}

export function BedEditor({
  source,
  bed,
  placement,
  choices,
  imageUrl,
  disabled,
  lang,
  onChange,
}: {
  source: LaserSource;
  bed: Size;
  placement: Placement;
  choices: readonly LaserOperationChoice[];
  /** An image's engraving preview (or the image itself) to lay on the bed. */
  imageUrl: string | null;
  disabled: boolean;
  lang: Lang;
  onChange(p: Placement): void;
}) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | null>(null);
  const size = { w: source.widthMm, h: source.heightMm };
  const aspect = aspectOf(size);
  const box = outlineBounds(source.outline);
  const m = drawingToBed(size, box, placement);
  const fits = fitsBed(placement, bed);
  const pad = Math.max(bed.w, bed.h) * 0.03;
  const ignored = ignoredColours(choices);
  const mm = (v: number) => formatNumber(v, lang, 1);

  const down = (e: ReactPointerEvent<SVGGElement>) => {
    if (disabled || !svg.current) return;
    const from = toUser(svg.current, e.clientX, e.clientY);
    if (!from) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { pointerId: e.pointerId, start: placement, from };
  };
  const move = (e: ReactPointerEvent<SVGGElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId || !svg.current) return;
    const now = toUser(svg.current, e.clientX, e.clientY);
    if (!now) return;
    const delta = screenDeltaToMm(now.x - d.from.x, now.y - d.from.y);
    onChange(dragged(d.start, delta.dx, delta.dy, bed));
  };
  const up = (e: ReactPointerEvent<SVGGElement>) => {
    if (drag.current?.pointerId === e.pointerId) drag.current = null;
  };

  const gridMinor: string[] = [];
  const gridMajor: string[] = [];
  for (let x = 10; x < bed.w; x += 10) (x % 50 === 0 ? gridMajor : gridMinor).push(`M${x} 0V${bed.h}`);
  for (let y = 10; y < bed.h; y += 10) (y % 50 === 0 ? gridMajor : gridMinor).push(`M0 ${bed.h - y}H${bed.w}`);

  const top = bed.h - placement.yMm - placement.heightMm;
  const stroke = Math.max(bed.w, bed.h) / 500;

  return (
    <section className="card bed-card" aria-labelledby="bed-title" data-testid="laser-bed">
      <div className="bed-head">
        <h2 id="bed-title" className="panel-title">
          {t('laser.bedTitle')}
        </h2>
        <span className={`tag ${fits ? 'tag-ok' : 'tag-bad'}`} data-testid="laser-fits" data-fits={fits ? 'yes' : 'no'}>
          {fits ? t('laser.onBed') : t('laser.offBed')}
        </span>
      </div>
      <svg
        ref={svg}
        className="bed-svg"
        viewBox={`${-pad} ${-pad} ${bed.w + 2 * pad} ${bed.h + 2 * pad}`}
        role="img"
        aria-label={t('laser.bedLabel', { w: mm(bed.w), h: mm(bed.h) })}
        data-x={placement.xMm}
        data-y={placement.yMm}
        data-w={placement.widthMm}
        data-h={placement.heightMm}
      >
        <rect className="bed-surface" x={0} y={0} width={bed.w} height={bed.h} rx={stroke * 3} />
        <path className="bed-grid-minor" d={gridMinor.join('')} strokeWidth={stroke * 0.5} />
        <path className="bed-grid-major" d={gridMajor.join('')} strokeWidth={stroke} />
        <rect className="bed-frame" x={0} y={0} width={bed.w} height={bed.h} rx={stroke * 3} strokeWidth={stroke * 2.5} />
        {/* The machine's origin: where X and Y are 0. */}
        <g className="bed-origin" transform={`translate(0 ${bed.h})`}>
          <circle r={stroke * 6} />
          <path d={`M0 0H${stroke * 28}M0 0V${-stroke * 28}`} strokeWidth={stroke * 2} />
        </g>
        <g
          className={`bed-job${disabled ? '' : ' is-draggable'}`}
          data-testid="laser-drag"
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
        >
          <rect
            className={`bed-job-box${fits ? '' : ' is-off'}`}
            x={placement.xMm}
            y={top}
            width={placement.widthMm}
            height={placement.heightMm}
            strokeWidth={stroke * 1.5}
            strokeDasharray={`${stroke * 6} ${stroke * 4}`}
          />
          {source.kind === 'image' && imageUrl ? (
            <image href={imageUrl} x={placement.xMm} y={top} width={placement.widthMm} height={placement.heightMm} preserveAspectRatio="none" />
          ) : null}
          {source.outline.map((pl, i) => {
            const off = ignored.has(pl.colour);
            const pts = svgPoints(pl.points, m, bed.h);
            const common = {
              className: off ? 'bed-path is-ignored' : 'bed-path',
              points: pts,
              stroke: off ? '#9c9282' : pl.colour,
              strokeWidth: stroke * (off ? 1 : 1.8),
              fill: 'none',
            };
            return pl.closed ? <polygon key={i} {...common} /> : <polyline key={i} {...common} />;
          })}
        </g>
      </svg>
      <div className="bed-tools">
        <SliderField
          id="laser-width"
          label={t('laser.size')}
          value={placement.widthMm}
          min={Math.max(minSizeMm, minSizeMm * aspect)}
          max={Math.max(minSizeMm, Math.floor(maxWidth(aspect, bed)))}
          step={1}
          format={(v) => formatUnit(v, 'millimeter', lang, 1)}
          defaultValue={Math.min(source.widthMm, maxWidth(aspect, bed))}
          defaultKind="source"
          disabled={disabled}
          testId="laser-width"
          onChange={(v) => onChange(resized(placement, v, 'w', aspect, bed))}
        />
        <div className="bed-row">
          <SizeInput
            label={t('laser.widthTyped')}
            value={placement.widthMm}
            disabled={disabled}
            lang={lang}
            testId="laser-width-input"
            onCommit={(v) => onChange(resized(placement, v, 'w', aspect, bed))}
          />
          <SizeInput
            label={t('laser.heightTyped')}
            value={placement.heightMm}
            disabled={disabled}
            lang={lang}
            testId="laser-height-input"
            onCommit={(v) => onChange(resized(placement, v, 'h', aspect, bed))}
          />
          <button type="button" className="btn btn-secondary" data-testid="laser-centre" disabled={disabled} onClick={() => onChange(centred(placement, bed))}>
            <TargetIcon />
            <span>{t('laser.centre')}</span>
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="laser-reset"
            disabled={disabled}
            onClick={() => onChange(initialPlacement(size, bed))}
          >
            <RefreshIcon />
            <span>{t('laser.resetPlacement')}</span>
          </button>
        </div>
        <p className="bed-where muted" data-testid="laser-where">
          {t('laser.where', { x: mm(placement.xMm), y: mm(placement.yMm), w: mm(placement.widthMm), h: mm(placement.heightMm) })}
        </p>
      </div>
      <p className="bed-hint muted">{t('laser.dragHint')}</p>
    </section>
  );
}

/** A size typed on the screen's number pad (or a keyboard): applied on Enter or when leaving the field. */
function SizeInput({
  label,
  value,
  disabled,
  lang,
  testId,
  onCommit,
}: {
  label: string;
  value: number;
  disabled: boolean;
  lang: Lang;
  testId: string;
  onCommit(v: number): void;
}) {
  const shown = formatNumber(value, lang, 1).replace(/[\u00a0\u202f]/g, '');
  const commit = (el: HTMLInputElement) => {
    const v = parseNumber(el.value);
    if (v !== null) onCommit(v);
    else el.value = shown;
  };
  return (
    <label className="size-input">
      <span className="size-input-label">{label}</span>
      <span className="size-input-box">
        <input
          key={shown}
          type="text"
          inputMode="decimal"
          className="text-input"
          defaultValue={shown}
          disabled={disabled}
          data-testid={testId}
          onBlur={(e) => commit(e.currentTarget)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(e.currentTarget);
          }}
        />
        <span className="size-input-unit">mm</span>
      </span>
    </label>
  );
}
