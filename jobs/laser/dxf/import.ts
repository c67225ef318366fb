// DXF → Drawing: model-space entities (and the blocks they insert) to polylines in mm, each with the
// colour the drawing shows it in (its own, its layer's, or its block insert's), so that colours map
// to operations as in an SVG. Layers that are off or frozen are left out, as the CAD program hides them.
import type { IArcEntity, IEntity, IInsertEntity, ILineEntity, ILwpolylineEntity, IPolylineEntity } from 'dxf-parser';
import { LaserError } from '../errors';
import { LaserFindings } from '../findings';
import { hexOf } from '../geometry/color';
import { pointBudget, PolylineBuilder } from '../geometry/flatten';
import { applyInPlace, type Matrix, maxScale, multiply, rotate, scale, translate } from '../geometry/matrix';
import type { Drawing, Hex, Shape } from '../geometry/types';
import { type LaserLimits, limitsWith } from '../limits';
import type { VectorImport } from '../svg/import';
import { flattenNurbs, type Nurbs, nurbsProblem, nurbsStart } from './nurbs';
import { decodeDxf, groupNumber, groupNumbers, parseDxf, type RawEntity } from './parse';
import { mmPerDxfUnit } from './units';

export interface DxfImportOptions {
  toleranceMm?: number;
  limits?: Partial<LaserLimits>;
}

/** AutoCAD colour 7 (white on a dark screen, black on paper) and layers without a colour. */
const DEFAULT_RGB = 0xffffff;
const SILENT = new Set(['POINT', 'VIEWPORT']);
const MIRROR_X: Matrix = [-1, 0, 0, 1, 0, 0];

interface Ctx {
  m: Matrix;
  /** Layer that entities on layer "0" take inside a block (the insert's). */
  layer0: string | null;
  /** Colour for entities drawn ByBlock (the insert's). */
  byBlock: number;
  depth: number;
  blocks: readonly string[];
}

type AnyEntity = IEntity & Partial<RawEntity>;

export function importDxf(bytes: Uint8Array, opts: DxfImportOptions = {}): VectorImport {
  const limits = limitsWith(opts.limits);
  if (bytes.length > limits.maxFileBytes) throw new LaserError('file_too_large', { size: bytes.length, limit: limits.maxFileBytes });
  const tol = opts.toleranceMm ?? 0.01;
  const dxf = parseDxf(decodeDxf(bytes));
  const findings = new LaserFindings();
  let unit = mmPerDxfUnit(dxf.header?.$INSUNITS);
  if (unit === null) {
    findings.add('dxf_units_assumed', {}, 1, '', 'info');
    unit = 1;
  }
  const layers = dxf.tables?.layer?.layers ?? {};
  const budget = pointBudget(limits.maxPoints, () => {
    throw new LaserError('too_many_points', { limit: limits.maxPoints });
  });
  const shapes: Shape[] = [];
  const unsupported = new Map<string, number>();
  let badSplines = 0;
  let count = 0;

  const layerOf = (e: AnyEntity, ctx: Ctx): string => {
    const l = e.layer ?? '0';
    return l === '0' && ctx.layer0 !== null ? ctx.layer0 : l;
  };
  const layerShown = (name: string): boolean => {
    const l = layers[name];
    return !l || (l.visible !== false && !l.frozen);
  };
  const layerRgb = (name: string): number => {
    const l = layers[name];
    return l && typeof l.color === 'number' ? l.color : DEFAULT_RGB;
  };
  const colorOf = (e: AnyEntity, layer: string, ctx: Ctx): number => {
    if (e.colorIndex === 0) return ctx.byBlock;
    if (typeof e.color === 'number' && Number.isFinite(e.color)) return e.color;
    return layerRgb(layer);
  };

  const emit = (e: AnyEntity, ctx: Ctx, draw: (b: PolylineBuilder, tolLocal: number) => void, local: Matrix = [1, 0, 0, 1, 0, 0]): void => {
    if (++count > limits.maxPaths) throw new LaserError('too_many_paths', { limit: limits.maxPaths });
    const layer = layerOf(e, ctx);
    const m = multiply(ctx.m, local);
    const k = maxScale(m);
    if (!(k > 0) || !m.every(Number.isFinite)) return;
    const b = new PolylineBuilder(budget);
    draw(b, tol / k);
    const paths = b.finish();
    for (const p of paths) applyInPlace(m, p.pts);
    const clean = paths.filter((p) => p.pts.every(Number.isFinite));
    if (clean.length === 0) return;
    const stroke: Hex = hexOf(colorOf(e, layer, ctx));
    shapes.push({ index: shapes.length, stroke, fill: null, fillRule: 'evenodd', layer, paths: clean });
  };

  const visit = (e: AnyEntity, ctx: Ctx): void => {
    if (!e || typeof e !== 'object' || e.inPaperSpace || e.visible === false) return;
    if (!layerShown(layerOf(e, ctx))) return;
    const type = String(e.type);
    switch (type) {
      case 'LINE': {
        const v = (e as ILineEntity).vertices;
        if (!v || v.length < 2) return;
        emit(e, ctx, (b) => {
          b.moveTo(v[0]!.x, v[0]!.y);
          b.lineTo(v[1]!.x, v[1]!.y);
        });
        return;
      }
      case 'LWPOLYLINE': {
        const pl = e as ILwpolylineEntity;
        const mirror = (pl.extrusionDirectionZ ?? 1) < 0;
        emit(e, ctx, (b, t) => bulgePolyline(b, pl.vertices ?? [], Boolean(pl.shape), t), mirror ? MIRROR_X : undefined);
        return;
      }
      case 'POLYLINE': {
        const pl = e as IPolylineEntity;
        if (pl.is3dPolygonMesh || pl.isPolyfaceMesh) {
          unsupported.set('POLYLINE mesh', (unsupported.get('POLYLINE mesh') ?? 0) + 1);
          return;
        }
        const fitted = pl.includesSplineFitVertices || pl.includesCurveFitVertices;
        const verts = (pl.vertices ?? []).filter((v) => !(fitted && v.splineControlPoint));
        const mirror = (pl.extrusionDirection?.z ?? 1) < 0;
        emit(e, ctx, (b, t) => bulgePolyline(b, verts, Boolean(pl.shape), t), mirror ? MIRROR_X : undefined);
        return;
      }
      case 'ARC': {
        const a = e as IArcEntity;
        if (!a.center || !(a.radius > 0)) return;
        let sweep = (a.endAngle ?? 0) - (a.startAngle ?? 0);
        while (sweep <= 0) sweep += 2 * Math.PI;
        while (sweep > 2 * Math.PI) sweep -= 2 * Math.PI;
        const mirror = (a.extrusionDirectionZ ?? 1) < 0;
        emit(
          e,
          ctx,
          (b, t) => {
            const s = a.startAngle ?? 0;
            b.moveTo(a.center.x + a.radius * Math.cos(s), a.center.y + a.radius * Math.sin(s));
            b.ellipseArc(a.center.x, a.center.y, a.radius, a.radius, 0, s, sweep, t);
          },
          mirror ? MIRROR_X : undefined,
        );
        return;
      }
      case 'CIRCLE': {
        const r = e as RawEntity;
        const cx = groupNumber(r, 10, NaN);
        const cy = groupNumber(r, 20, NaN);
        const rad = groupNumber(r, 40, NaN);
        if (!Number.isFinite(cx) || !Number.isFinite(cy) || !(rad > 0)) return;
        const mirror = groupNumber(r, 230, 1) < 0;
        emit(
          e,
          ctx,
          (b, t) => {
            b.moveTo(cx + rad, cy);
            b.ellipseArc(cx, cy, rad, rad, 0, 0, 2 * Math.PI, t, cx + rad, cy);
            b.close();
          },
          mirror ? MIRROR_X : undefined,
        );
        return;
      }
      case 'ELLIPSE': {
        const r = e as RawEntity;
        const cx = groupNumber(r, 10, NaN);
        const cy = groupNumber(r, 20, NaN);
        const mx = groupNumber(r, 11, NaN);
        const my = groupNumber(r, 21, NaN);
        const ratio = groupNumber(r, 40, 1);
        const s0 = groupNumber(r, 41, 0);
        const s1 = groupNumber(r, 42, 2 * Math.PI);
        const major = Math.hypot(mx, my);
        if (![cx, cy, mx, my, ratio, s0, s1].every(Number.isFinite) || !(major > 0) || !(ratio > 0)) return;
        let sweep = s1 - s0;
        while (sweep <= 1e-12) sweep += 2 * Math.PI;
        while (sweep > 2 * Math.PI + 1e-12) sweep -= 2 * Math.PI;
        const full = Math.abs(sweep - 2 * Math.PI) < 1e-9;
        // A negative extrusion runs the parameter clockwise (the minor axis is N × major).
        const dir = groupNumber(r, 230, 1) < 0 ? -1 : 1;
        const phi = Math.atan2(my, mx);
        emit(e, ctx, (b, t) => {
          const rx = major;
          const ry = major * ratio;
          const th = dir * s0;
          const c = Math.cos(phi);
          const s = Math.sin(phi);
          b.moveTo(cx + c * rx * Math.cos(th) - s * ry * Math.sin(th), cy + s * rx * Math.cos(th) + c * ry * Math.sin(th));
          b.ellipseArc(cx, cy, rx, ry, phi, th, dir * sweep, t);
          if (full) b.close();
        });
        return;
      }
      case 'SPLINE': {
        const r = e as RawEntity;
        const flags = groupNumber(r, 70, 0);
        const xs = groupNumbers(r, 10);
        const ys = groupNumbers(r, 20);
        const ctrl: number[] = [];
        for (let i = 0; i < Math.min(xs.length, ys.length); i++) ctrl.push(xs[i]!, ys[i]!);
        const w = groupNumbers(r, 41);
        const s: Nurbs = { degree: groupNumber(r, 71, 3), knots: groupNumbers(r, 40), ctrl, weights: w.length > 0 ? w : null };
        if (nurbsProblem(s) === null) {
          const closed = (flags & 1) !== 0;
          emit(e, ctx, (b, t) => {
            const [x0, y0] = nurbsStart(s);
            b.moveTo(x0, y0);
            flattenNurbs(s, t, b, (x, y) => [x, y]);
            if (closed) b.close();
          });
          return;
        }
        const fx = groupNumbers(r, 11);
        const fy = groupNumbers(r, 21);
        badSplines++;
        if (fx.length >= 2 && fy.length >= 2) {
          emit(e, ctx, (b) => {
            b.moveTo(fx[0]!, fy[0]!);
            for (let i = 1; i < Math.min(fx.length, fy.length); i++) b.lineTo(fx[i]!, fy[i]!);
            if ((flags & 1) !== 0) b.close();
          });
        }
        return;
      }
      case 'INSERT': {
        const ins = e as IInsertEntity;
        const block = dxf.blocks?.[ins.name];
        if (!block || !Array.isArray(block.entities) || ctx.blocks.includes(ins.name)) return;
        if (ctx.depth >= limits.maxDepth) throw new LaserError('too_many_paths', { limit: limits.maxPaths });
        const layer = layerOf(e, ctx);
        const byBlock = colorOf(e, layer, ctx);
        const base = block.position ?? { x: 0, y: 0 };
        const pos = ins.position ?? { x: 0, y: 0 };
        const rows = Math.max(1, Math.floor(ins.rowCount ?? 1));
        const cols = Math.max(1, Math.floor(ins.columnCount ?? 1));
        if (rows * cols > limits.maxPaths) throw new LaserError('too_many_paths', { limit: limits.maxPaths });
        const mirror = (ins.extrusionDirection?.z ?? 1) < 0;
        for (let row = 0; row < rows; row++) {
          for (let col = 0; col < cols; col++) {
            let m = multiply(
              translate(pos.x, pos.y),
              multiply(
                rotate(ins.rotation ?? 0),
                multiply(translate(col * (ins.columnSpacing ?? 0), row * (ins.rowSpacing ?? 0)), multiply(scale(ins.xScale ?? 1, ins.yScale ?? 1), translate(-base.x, -base.y))),
              ),
            );
            if (mirror) m = multiply(MIRROR_X, m);
            const inner: Ctx = { m: multiply(ctx.m, m), layer0: layer, byBlock, depth: ctx.depth + 1, blocks: [...ctx.blocks, ins.name] };
            for (const child of block.entities) visit(child as AnyEntity, inner);
          }
        }
        return;
      }
      default:
        if (!SILENT.has(type)) unsupported.set(type, (unsupported.get(type) ?? 0) + 1);
    }
  };

  const top: Ctx = { m: scale(unit), layer0: null, byBlock: DEFAULT_RGB, depth: 0, blocks: [] };
  for (const e of dxf.entities ?? []) visit(e as AnyEntity, top);
  for (const [type, n] of unsupported) findings.add('dxf_unsupported_entity', { type }, n, type);
  if (badSplines > 0) findings.add('dxf_bad_spline', {}, badSplines);
  const drawing: Drawing = { format: 'dxf', shapes, page: null, points: budget.used };
  return { drawing, findings: findings.list() };
}

interface BulgeVertex {
  x: number;
  y: number;
  bulge?: number;
}

/** A polyline whose segments may be arcs: bulge = tan(θ/4), θ the signed included angle. */
function bulgePolyline(b: PolylineBuilder, verts: readonly BulgeVertex[], closed: boolean, tol: number): void {
  const v = verts.filter((p) => p && Number.isFinite(p.x) && Number.isFinite(p.y));
  if (v.length === 0) return;
  b.moveTo(v[0]!.x, v[0]!.y);
  const n = closed ? v.length : v.length - 1;
  for (let i = 0; i < n; i++) {
    const p = v[i]!;
    const q = v[(i + 1) % v.length]!;
    const bulge = Number(p.bulge ?? 0);
    if (!Number.isFinite(bulge) || Math.abs(bulge) < 1e-12) {
      b.lineTo(q.x, q.y);
      continue;
    }
    const theta = 4 * Math.atan(bulge);
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const c = Math.hypot(dx, dy);
    if (c === 0) continue;
    const r = c / (2 * Math.sin(Math.abs(theta) / 2));
    const d = c / (2 * Math.tan(theta / 2)); // signed: left of the chord for a counter-clockwise arc
    const cx = (p.x + q.x) / 2 - (dy / c) * d;
    const cy = (p.y + q.y) / 2 + (dx / c) * d;
    const start = Math.atan2(p.y - cy, p.x - cx);
    b.ellipseArc(cx, cy, r, r, 0, start, theta, tol, q.x, q.y);
  }
  if (closed) b.close();
}

