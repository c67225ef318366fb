// A laser template drawn flat: its outlines in their colours (red cuts, blue scores, black engraves)
// on a sheet, with its width and height in millimetres along the sides.
import { useTranslation } from 'react-i18next';
import type { BuiltTemplate } from '../../electron/api/types';
import { formatNumber, type Lang } from '../lib/format';

export function OutlinePreview({ built, lang }: { built: BuiltTemplate; lang: Lang }) {
  const { t } = useTranslation();
  const { min, max } = built.bounds;
  const w = Math.max(1e-3, max.x - min.x);
  const h = Math.max(1e-3, max.y - min.y);
  const pad = Math.max(w, h) * 0.16;
  const stroke = Math.max(w, h) / 300;
  const font = Math.max(w, h) * 0.05;
  // Y up in the template, down on screen.
  const pts = (p: readonly number[]) => {
    const out: string[] = [];
    for (let i = 0; i + 1 < p.length; i += 2) out.push(`${(p[i]! - min.x).toFixed(2)},${(max.y - p[i + 1]!).toFixed(2)}`);
    return out.join(' ');
  };
  return (
    <svg
      className="outline-svg"
      viewBox={`${-pad} ${-pad} ${w + 2 * pad} ${h + 2 * pad}`}
      role="img"
      aria-label={t('templates.previewLabel', { w: formatNumber(w, lang, 1), h: formatNumber(h, lang, 1) })}
      data-testid="template-outline"
      data-paths={built.preview.outline?.length ?? 0}
    >
      <rect x={-pad * 0.35} y={-pad * 0.35} width={w + pad * 0.7} height={h + pad * 0.7} rx={stroke * 4} className="outline-sheet" />
      {(built.preview.outline ?? []).map((pl, i) =>
        pl.closed ? (
          <polygon key={i} points={pts(pl.points)} fill="none" stroke={pl.colour} strokeWidth={stroke * 1.6} strokeLinejoin="round" />
        ) : (
          <polyline key={i} points={pts(pl.points)} fill="none" stroke={pl.colour} strokeWidth={stroke * 1.6} strokeLinejoin="round" strokeLinecap="round" />
        ),
      )}
      <g className="outline-dims" fontSize={font} strokeWidth={stroke}>
        <path d={`M0 ${-pad * 0.6} H${w}`} />
        <text x={w / 2} y={-pad * 0.7} textAnchor="middle">
          {formatNumber(w, lang, 1)} mm
        </text>
        <path d={`M${-pad * 0.6} 0 V${h}`} />
        <text x={-pad * 0.7} y={h / 2} textAnchor="middle" transform={`rotate(-90 ${-pad * 0.7} ${h / 2})`}>
          {formatNumber(h, lang, 1)} mm
        </text>
      </g>
    </svg>
  );
}
