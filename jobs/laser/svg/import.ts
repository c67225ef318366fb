// SVG → Drawing: walks the element tree with the transforms, viewports and styles in force, and
// turns every visible shape with a stroke or a fill into polylines in mm.
import { LaserError } from '../errors';
import { LaserFindings } from '../findings';
import { pointBudget } from '../geometry/flatten';
import { IDENTITY, type Matrix, multiply, translate } from '../geometry/matrix';
import type { Drawing, Shape } from '../geometry/types';
import { type LaserLimits, limitsWith } from '../limits';
import { flattenPathData } from './path';
import { SHAPE_NAMES, shapeToPathData, type Viewport } from './shapes';
import { computeStyle, ROOT_STYLE, type Style, StyleSheet } from './style';
import { parseTransform } from './transform';
import { userLength } from './units';
import { nestedFrame, rootFrame } from './viewport';
import { decodeText, parseXml, refuseActiveContent, type XmlElement } from './xml';

export interface SvgImportOptions {
  /** Chord tolerance for curves, mm (default 0.01). */
  toleranceMm?: number;
  limits?: Partial<LaserLimits>;
}

export interface VectorImport {
  drawing: Drawing;
  findings: ReturnType<LaserFindings['list']>;
}

const CONTAINERS = new Set(['g', 'a', 'switch']);
/** Never rendered where they stand: their content shows only through <use> or a paint reference. */
const SKIPPED = new Set(['defs', 'symbol', 'clipPath', 'mask', 'marker', 'pattern', 'linearGradient', 'radialGradient', 'filter', 'metadata', 'title', 'desc', 'style', 'foreignObject']);

export function importSvg(bytes: Uint8Array, opts: SvgImportOptions = {}): VectorImport {
  const limits = limitsWith(opts.limits);
  if (bytes.length > limits.maxFileBytes) throw new LaserError('file_too_large', { size: bytes.length, limit: limits.maxFileBytes });
  const tol = opts.toleranceMm ?? 0.01;
  const root = parseXml(decodeText(bytes), limits.maxDepth);
  refuseActiveContent(root);

  const findings = new LaserFindings();
  const sheet = new StyleSheet();
  const ids = new Map<string, XmlElement>();
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.name === 'style' && (el.attrs.type === undefined || /css/i.test(el.attrs.type))) sheet.add(el.text);
    const id = el.attrs.id;
    if (id !== undefined && !ids.has(id)) ids.set(id, el);
    for (const c of el.children) stack.push(c);
  }

  const frame = rootFrame(root);
  if (frame.assumedPx) findings.add('svg_no_physical_size', {}, 1, '', 'info');
  const budget = pointBudget(limits.maxPoints, () => {
    throw new LaserError('too_many_points', { limit: limits.maxPoints });
  });
  const shapes: Shape[] = [];
  let texts = 0;
  let images = 0;
  let invalid = 0;
  let servers = 0;
  let count = 0;
  const styleCtx = { sheet, onServerPaint: () => servers++, onInvalid: () => invalid++ };

  const walk = (el: XmlElement, m: Matrix, parent: Style, vp: Viewport, depth: number, uses: readonly string[]): void => {
    if (depth > limits.maxDepth) throw new LaserError('svg_too_deep', { limit: limits.maxDepth });
    const name = el.name;
    if (name.includes(':') || SKIPPED.has(name)) return;
    if (name === 'text') {
      texts++;
      return;
    }
    if (name === 'image') {
      images++;
      return;
    }
    const isShape = SHAPE_NAMES.has(name);
    if (!isShape && !CONTAINERS.has(name) && name !== 'svg' && name !== 'use') return;
    const { style, displayed } = computeStyle(el, parent, styleCtx);
    if (!displayed) return;
    let t = parseTransform(el.attrs.transform);
    if (t === null) {
      invalid++;
      t = IDENTITY;
    }
    let mm = multiply(m, t);

    if (isShape) {
      if (++count > limits.maxPaths) throw new LaserError('too_many_paths', { limit: limits.maxPaths });
      if (!style.visible) return;
      const stroke = style.stroke.kind === 'color' && style.strokeOpacity > 0 ? style.stroke.hex : null;
      const fill = name !== 'line' && style.fill.kind === 'color' && style.fillOpacity > 0 ? style.fill.hex : null;
      if (stroke === null && fill === null) return;
      const d = shapeToPathData(el, vp);
      if (d === null) return;
      // The chord tolerance is in mm: curves are flattened after the transform to mm.
      const flat = flattenPathData(d, mm, tol, budget);
      if (flat.invalid) invalid++;
      if (flat.paths.length === 0) return;
      shapes.push({ index: shapes.length, stroke, fill, fillRule: style.fillRule, layer: null, paths: flat.paths });
      return;
    }
    if (name === 'svg') {
      const f = nestedFrame(el, vp);
      if (!f) return;
      mm = multiply(mm, f.matrix);
      for (const c of el.children) walk(c, mm, style, f.viewport, depth + 1, uses);
      return;
    }
    if (name === 'use') {
      const href = (el.attrs.href ?? el.attrs['xlink:href'] ?? '').trim();
      const target = href.startsWith('#') ? ids.get(href.slice(1)) : undefined;
      if (!target || uses.includes(href) || uses.length >= 32) return;
      if (++count > limits.maxPaths) throw new LaserError('too_many_paths', { limit: limits.maxPaths });
      mm = multiply(mm, translate(userLength(el.attrs.x, vp.w, 0), userLength(el.attrs.y, vp.h, 0)));
      const next = [...uses, href];
      if (target.name === 'symbol') {
        const f = nestedFrame({ ...target, attrs: { ...target.attrs, x: '0', y: '0' } }, vp, { width: el.attrs.width, height: el.attrs.height });
        if (!f) return;
        const { style: symStyle, displayed: symShown } = computeStyle(target, style, styleCtx);
        if (!symShown) return;
        for (const c of target.children) walk(c, multiply(mm, f.matrix), symStyle, f.viewport, depth + 1, next);
      } else {
        walk(target, mm, style, vp, depth + 1, next);
      }
      return;
    }
    if (name === 'switch') {
      const first = el.children.find((c) => c.name !== 'foreignObject' && !c.name.includes(':'));
      if (first) walk(first, mm, style, vp, depth + 1, uses);
      return;
    }
    for (const c of el.children) walk(c, mm, style, vp, depth + 1, uses);
  };

  const { style: rootStyle, displayed } = computeStyle(root, ROOT_STYLE, styleCtx);
  if (displayed) {
    let t = parseTransform(root.attrs.transform);
    if (t === null) t = IDENTITY;
    const m = multiply(frame.matrix, t);
    for (const c of root.children) walk(c, m, rootStyle, frame.viewport, 1, []);
  }

  if (texts > 0) findings.add('svg_text_not_paths', {}, texts);
  if (images > 0) findings.add('svg_image_ignored', {}, images);
  if (servers > 0) findings.add('svg_unsupported_paint', {}, servers);
  if (invalid > 0) findings.add('svg_invalid_values', {}, invalid);

  if (frame.page === null) liftToZero(shapes);
  return { drawing: { format: 'svg', shapes, page: frame.page, points: budget.used }, findings: findings.list() };
}

/** Without a page, y was flipped about 0: put the drawing's lowest point back on y = 0. */
function liftToZero(shapes: Shape[]): void {
  let minY = Infinity;
  for (const s of shapes) for (const p of s.paths) for (let i = 1; i < p.pts.length; i += 2) if (p.pts[i]! < minY) minY = p.pts[i]!;
  if (!Number.isFinite(minY)) return;
  for (const s of shapes) for (const p of s.paths) for (let i = 1; i < p.pts.length; i += 2) p.pts[i] = p.pts[i]! - minY;
}
