// From the root <svg> (or a nested one) to millimetres: width/height with units, viewBox and
// preserveAspectRatio. User units without a physical size are CSS pixels (96 dpi).
import { type Matrix, multiply, scale, translate } from '../geometry/matrix';
import { MM_PER_UNIT, numberList, parseLength, physicalMm, userLength } from './units';
import type { Viewport } from './shapes';
import type { XmlElement } from './xml';

interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function viewBoxOf(el: XmlElement): ViewBox | null {
  const v = numberList(el.attrs.viewBox);
  if (v.length !== 4 || !(v[2]! > 0) || !(v[3]! > 0)) return null;
  return { x: v[0]!, y: v[1]!, w: v[2]!, h: v[3]! };
}

/** The viewBox fitted into a w × h viewport (same units as w, h), per preserveAspectRatio. */
export function fitViewBox(vb: ViewBox, w: number, h: number, par: string | undefined): Matrix {
  const words = (par ?? '').trim().split(/\s+/).filter((x) => x !== 'defer');
  const align = words[0] ?? 'xMidYMid';
  let sx = w / vb.w;
  let sy = h / vb.h;
  let tx = 0;
  let ty = 0;
  if (align !== 'none') {
    const s = words[1] === 'slice' ? Math.max(sx, sy) : Math.min(sx, sy);
    sx = sy = s;
    const ax = /xMid/.test(align) ? 0.5 : /xMax/.test(align) ? 1 : 0;
    const ay = /YMid/.test(align) ? 0.5 : /YMax/.test(align) ? 1 : 0;
    tx = ax * (w - vb.w * s);
    ty = ay * (h - vb.h * s);
  }
  return multiply(translate(tx, ty), multiply(scale(sx, sy), translate(-vb.x, -vb.y)));
}

export interface RootFrame {
  /** User units of the root to model mm (y up: the page's bottom-left corner at 0,0). */
  matrix: Matrix;
  page: { widthMm: number; heightMm: number } | null;
  /** Size of the root viewport in user units, for percentages. */
  viewport: Viewport;
  /** The file gives no physical size: its units were read as 96 dpi pixels. */
  assumedPx: boolean;
}

const PX = MM_PER_UNIT.px!;

export function rootFrame(svg: XmlElement): RootFrame {
  const vb = viewBoxOf(svg);
  let wMm = physicalMm(parseLength(svg.attrs.width));
  let hMm = physicalMm(parseLength(svg.attrs.height));
  if (vb && wMm !== null && hMm === null) hMm = (wMm * vb.h) / vb.w;
  if (vb && hMm !== null && wMm === null) wMm = (hMm * vb.w) / vb.h;
  if (wMm !== null && !(wMm > 0)) wMm = null;
  if (hMm !== null && !(hMm > 0)) hMm = null;

  let toPage: Matrix;
  let page: RootFrame['page'];
  let assumedPx = false;
  if (wMm !== null && hMm !== null) {
    toPage = vb ? fitViewBox(vb, wMm, hMm, svg.attrs.preserveAspectRatio) : scale(PX);
    page = { widthMm: wMm, heightMm: hMm };
  } else if (vb) {
    toPage = multiply(scale(PX), translate(-vb.x, -vb.y));
    page = { widthMm: vb.w * PX, heightMm: vb.h * PX };
    assumedPx = true;
  } else {
    toPage = scale(PX);
    page = null;
    assumedPx = true;
  }
  const flip: Matrix = [1, 0, 0, -1, 0, page ? page.heightMm : 0];
  const viewport = vb ? { w: vb.w, h: vb.h } : { w: (wMm ?? 0) / PX, h: (hMm ?? 0) / PX };
  return { matrix: multiply(flip, toPage), page, viewport, assumedPx };
}

/** A nested <svg> (or a <symbol> shown by <use>): its own viewport inside the parent's user space. */
export function nestedFrame(el: XmlElement, parent: Viewport, over?: { width?: string; height?: string }): { matrix: Matrix; viewport: Viewport } | null {
  const x = userLength(el.attrs.x, parent.w, 0);
  const y = userLength(el.attrs.y, parent.h, 0);
  const w = userLength(over?.width ?? el.attrs.width ?? '100%', parent.w, 0);
  const h = userLength(over?.height ?? el.attrs.height ?? '100%', parent.h, 0);
  if (!(w > 0 && h > 0)) return null;
  const vb = viewBoxOf(el);
  const inner = vb ? fitViewBox(vb, w, h, el.attrs.preserveAspectRatio) : translate(0, 0);
  return { matrix: multiply(translate(x, y), inner), viewport: vb ? { w: vb.w, h: vb.h } : { w, h } };
}
