// Pictures for the print screen: a quarter turn about an axis, lay flat, the infill's density, a
// quality's layers, supports and brim.
import type { PrintQuality } from '../../electron/api/types';
import type { Axis } from './choices';

const axisColour: Record<Axis, string> = { x: '#c0462b', y: '#2f6b52', z: '#1f5fbf' };

export function RotateIcon({ axis, size = 30 }: { axis: Axis; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" fill="none" strokeLinecap="round" strokeLinejoin="round">
      <path d="M25 16 a9 9 0 1 1 -3 -6.7" stroke="currentColor" strokeWidth="2.4" />
      <path d="M23.5 3.5 L22.4 9.8 L28.4 10.6" stroke="currentColor" strokeWidth="2.4" />
      <text x="16" y="20.5" textAnchor="middle" fontSize="11" fontWeight="800" fill={axisColour[axis]} fontFamily="DejaVu Sans, sans-serif">
        {axis.toUpperCase()}
      </text>
    </svg>
  );
}

export function LayFlatIcon({ size = 30 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round" strokeLinecap="round">
      <path d="M9 6 L19 4 L17 14 Z" opacity="0.45" strokeDasharray="2.5 2.5" />
      <path d="M6 24 L26 24 L16 15 Z" fill="currentColor" fillOpacity="0.2" />
      <path d="M3 28 H29" strokeWidth="2.8" />
      <path d="M22 8 q4 3 2 9" />
      <path d="M22.5 13.8 L24 17.2 L26.6 14.6" />
    </svg>
  );
}

export function InfillIcon({ pct, size = 34 }: { pct: number; size?: number }) {
  // More lines for a denser infill; 100 % is solid.
  const n = pct >= 100 ? 0 : Math.max(1, Math.round(pct / 8));
  const step = 24 / (n + 1);
  const d: string[] = [];
  for (let i = 1; i <= n; i++) {
    const v = 4 + i * step;
    d.push(`M${v} 4 V28 M4 ${v} H28`);
  }
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="3" y="3" width="26" height="26" rx="4" fill={pct >= 100 ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="2.4" />
      {n > 0 ? <path d={d.join('')} stroke="currentColor" strokeWidth="1.4" opacity="0.8" /> : null}
    </svg>
  );
}

export function QualityIcon({ quality, size = 34 }: { quality: PrintQuality; size?: number }) {
  const layers = quality === 'draft' ? 3 : quality === 'normal' ? 5 : 7;
  const h = 22 / layers;
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      {Array.from({ length: layers }, (_, i) => (
        <rect key={i} x={6 + (i % 2) * 0.8} y={5 + i * h} width={20} height={h * 0.78} rx={h * 0.39} fill="currentColor" opacity={0.55 + (0.45 * i) / layers} />
      ))}
    </svg>
  );
}
