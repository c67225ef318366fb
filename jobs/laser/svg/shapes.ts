// The basic shapes as path data (user units), so that one path pipeline (transform, arcs, flattening)
// serves them all. Returns null for a shape that renders nothing (zero size, negative radius…).
import { numberList, userLength } from './units';
import type { XmlElement } from './xml';

export interface Viewport {
  w: number;
  h: number;
}

export const SHAPE_NAMES = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);

const n = (v: number): string => String(v);

export function shapeToPathData(el: XmlElement, vp: Viewport): string | null {
  const a = el.attrs;
  const diag = Math.hypot(vp.w, vp.h) / Math.SQRT2;
  switch (el.name) {
    case 'path':
      return a.d ?? null;
    case 'rect': {
      const x = userLength(a.x, vp.w, 0);
      const y = userLength(a.y, vp.h, 0);
      const w = userLength(a.width, vp.w, 0);
      const h = userLength(a.height, vp.h, 0);
      if (!(w > 0 && h > 0)) return null;
      // rx/ry: a missing or 'auto' one takes the other's value; both are clamped to half the side.
      let rx = a.rx === undefined || a.rx === 'auto' ? NaN : userLength(a.rx, vp.w, NaN);
      let ry = a.ry === undefined || a.ry === 'auto' ? NaN : userLength(a.ry, vp.h, NaN);
      if (Number.isNaN(rx)) rx = Number.isNaN(ry) ? 0 : ry;
      if (Number.isNaN(ry)) ry = rx;
      rx = Math.min(Math.max(rx, 0), w / 2);
      ry = Math.min(Math.max(ry, 0), h / 2);
      if (rx === 0 || ry === 0) return `M${n(x)} ${n(y)}H${n(x + w)}V${n(y + h)}H${n(x)}Z`;
      const arc = `A${n(rx)} ${n(ry)} 0 0 1`;
      return (
        `M${n(x + rx)} ${n(y)}H${n(x + w - rx)}${arc} ${n(x + w)} ${n(y + ry)}V${n(y + h - ry)}` +
        `${arc} ${n(x + w - rx)} ${n(y + h)}H${n(x + rx)}${arc} ${n(x)} ${n(y + h - ry)}V${n(y + ry)}${arc} ${n(x + rx)} ${n(y)}Z`
      );
    }
    case 'circle': {
      const cx = userLength(a.cx, vp.w, 0);
      const cy = userLength(a.cy, vp.h, 0);
      const r = userLength(a.r, diag, 0);
      if (!(r > 0)) return null;
      return ellipse(cx, cy, r, r);
    }
    case 'ellipse': {
      const cx = userLength(a.cx, vp.w, 0);
      const cy = userLength(a.cy, vp.h, 0);
      let rx = a.rx === undefined || a.rx === 'auto' ? NaN : userLength(a.rx, vp.w, NaN);
      let ry = a.ry === undefined || a.ry === 'auto' ? NaN : userLength(a.ry, vp.h, NaN);
      if (Number.isNaN(rx)) rx = ry;
      if (Number.isNaN(ry)) ry = rx;
      if (!(rx > 0 && ry > 0)) return null;
      return ellipse(cx, cy, rx, ry);
    }
    case 'line': {
      const x1 = userLength(a.x1, vp.w, 0);
      const y1 = userLength(a.y1, vp.h, 0);
      const x2 = userLength(a.x2, vp.w, 0);
      const y2 = userLength(a.y2, vp.h, 0);
      return `M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}`;
    }
    case 'polyline':
    case 'polygon': {
      const p = numberList(a.points);
      if (p.length < 4) return null;
      let d = `M${n(p[0]!)} ${n(p[1]!)}`;
      for (let i = 2; i + 1 < p.length; i += 2) d += `L${n(p[i]!)} ${n(p[i + 1]!)}`;
      return el.name === 'polygon' ? d + 'Z' : d;
    }
  }
  return null;
}

function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  const arc = `A${n(rx)} ${n(ry)} 0 0 1`;
  return `M${n(cx + rx)} ${n(cy)}${arc} ${n(cx)} ${n(cy + ry)}${arc} ${n(cx - rx)} ${n(cy)}${arc} ${n(cx)} ${n(cy - ry)}${arc} ${n(cx + rx)} ${n(cy)}Z`;
}
