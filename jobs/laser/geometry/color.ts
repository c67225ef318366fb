// CSS colour values to '#rrggbb': hex (#rgb, #rgba, #rrggbb, #rrggbbaa), rgb()/rgba() with numbers or
// percentages, hsl()/hsla(), named colours. A fully transparent colour paints nothing.
import { NAMED_COLORS } from './color-names';
import type { Hex } from './types';

export type Paint = { kind: 'none' } | { kind: 'color'; hex: Hex } | { kind: 'current' } | { kind: 'server' } | { kind: 'invalid' };

export const NONE: Paint = { kind: 'none' };

export function hexOf(rgb: number): Hex {
  return '#' + (rgb & 0xffffff).toString(16).padStart(6, '0');
}

/** Normalise a colour the caller wrote ('red', '#F00', 'rgb(255,0,0)') to '#rrggbb', or null. */
export function normalizeColor(value: string): Hex | null {
  const p = parsePaint(value);
  return p.kind === 'color' ? p.hex : null;
}

export function parsePaint(raw: string): Paint {
  const v = raw.trim().toLowerCase();
  if (v === '' ) return { kind: 'invalid' };
  if (v === 'none' || v === 'transparent') return NONE;
  if (v === 'currentcolor') return { kind: 'current' };
  if (v.startsWith('url(')) {
    // A paint server with a fallback colour after it: `url(#g) red`.
    const end = v.indexOf(')');
    const rest = end >= 0 ? v.slice(end + 1).trim() : '';
    if (rest) {
      const fb = parsePaint(rest);
      if (fb.kind === 'color' || fb.kind === 'none') return fb;
    }
    return { kind: 'server' };
  }
  if (v.startsWith('#')) return hexPaint(v.slice(1));
  const fn = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(v);
  if (fn) return fn[1]!.startsWith('rgb') ? rgbPaint(fn[2]!) : hslPaint(fn[2]!);
  const named = NAMED_COLORS[v];
  return named === undefined ? { kind: 'invalid' } : { kind: 'color', hex: hexOf(named) };
}

function hexPaint(h: string): Paint {
  if (!/^[0-9a-f]+$/.test(h)) return { kind: 'invalid' };
  if (h.length === 3 || h.length === 4) {
    if (h.length === 4 && h[3] === '0') return NONE;
    return { kind: 'color', hex: `#${h[0]}${h[0]}${h[1]}${h[1]}${h[2]}${h[2]}` };
  }
  if (h.length === 6 || h.length === 8) {
    if (h.length === 8 && h.slice(6) === '00') return NONE;
    return { kind: 'color', hex: `#${h.slice(0, 6)}` };
  }
  return { kind: 'invalid' };
}

function args(body: string): string[] {
  return body
    .replace(/\//g, ' ')
    .split(/[\s,]+/)
    .filter(Boolean);
}

function channel(s: string): number | null {
  const pct = s.endsWith('%');
  const n = Number(pct ? s.slice(0, -1) : s);
  if (!Number.isFinite(n)) return null;
  return Math.max(0, Math.min(255, Math.round(pct ? (n * 255) / 100 : n)));
}

function alpha(s: string | undefined): number {
  if (s === undefined) return 1;
  const pct = s.endsWith('%');
  const n = Number(pct ? s.slice(0, -1) : s);
  return Number.isFinite(n) ? (pct ? n / 100 : n) : 1;
}

function rgbPaint(body: string): Paint {
  const a = args(body);
  if (a.length < 3) return { kind: 'invalid' };
  const r = channel(a[0]!);
  const g = channel(a[1]!);
  const b = channel(a[2]!);
  if (r === null || g === null || b === null) return { kind: 'invalid' };
  if (alpha(a[3]) <= 0) return NONE;
  return { kind: 'color', hex: hexOf((r << 16) | (g << 8) | b) };
}

function hslPaint(body: string): Paint {
  const a = args(body);
  if (a.length < 3) return { kind: 'invalid' };
  const h = Number(a[0]!.replace(/deg$/, ''));
  const s = Number(a[1]!.replace(/%$/, '')) / 100;
  const l = Number(a[2]!.replace(/%$/, '')) / 100;
  if (![h, s, l].every(Number.isFinite)) return { kind: 'invalid' };
  if (alpha(a[3]) <= 0) return NONE;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const hp = (((h % 360) + 360) % 360) / 60;
  const x = c * (1 - Math.abs((hp % 2) - 1));
  const [r1, g1, b1] = hp < 1 ? [c, x, 0] : hp < 2 ? [x, c, 0] : hp < 3 ? [0, c, x] : hp < 4 ? [0, x, c] : hp < 5 ? [x, 0, c] : [c, 0, x];
  const m = l - c / 2;
  const to = (v: number) => Math.max(0, Math.min(255, Math.round((v + m) * 255)));
  return { kind: 'color', hex: hexOf((to(r1) << 16) | (to(g1) << 8) | to(b1)) };
}
