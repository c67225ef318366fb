// Curves to polylines within a chord tolerance (mm): Béziers by Wang's formula (the number of uniform
// steps that keeps every chord within the tolerance of the curve), elliptical arcs by the angle step
// whose sagitta equals the tolerance on the larger radius.
import type { Polyline } from './types';

/** End points closer than this (mm) make a path closed. */
export const CLOSE_EPS_MM = 1e-4;
const MAX_STEPS = 100_000;

/** Counts points against a limit and throws the caller's error past it. */
export interface PointBudget {
  used: number;
  readonly limit: number;
  readonly onExceeded: () => never;
}

export function pointBudget(limit: number, onExceeded: () => never): PointBudget {
  return { used: 0, limit, onExceeded };
}

/** Collects subpaths as polylines. Coordinates are already in mm. */
export class PolylineBuilder {
  readonly out: Polyline[] = [];
  private cur: number[] = [];
  private startX = 0;
  private startY = 0;
  lastX = 0;
  lastY = 0;

  constructor(private readonly budget: PointBudget) {}

  moveTo(x: number, y: number): void {
    this.flush(false);
    this.cur.push(x, y);
    if (++this.budget.used > this.budget.limit) this.budget.onExceeded();
    this.startX = this.lastX = x;
    this.startY = this.lastY = y;
  }

  lineTo(x: number, y: number): void {
    if (this.cur.length === 0) this.cur.push(this.lastX, this.lastY);
    if (x === this.lastX && y === this.lastY) return;
    this.cur.push(x, y);
    this.lastX = x;
    this.lastY = y;
    if (++this.budget.used > this.budget.limit) this.budget.onExceeded();
  }

  /** Close the current subpath; the current point goes back to its start (SVG `Z`). */
  close(): void {
    this.flush(true);
    this.lastX = this.startX;
    this.lastY = this.startY;
  }

  cubicTo(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, tol: number): void {
    const x0 = this.lastX;
    const y0 = this.lastY;
    const ax = x0 - 2 * x1 + x2;
    const ay = y0 - 2 * y1 + y2;
    const bx = x1 - 2 * x2 + x3;
    const by = y1 - 2 * y2 + y3;
    const m = Math.sqrt(Math.max(ax * ax + ay * ay, bx * bx + by * by));
    const n = steps(Math.sqrt((0.75 * m) / tol));
    for (let i = 1; i < n; i++) {
      const t = i / n;
      const u = 1 - t;
      const a = u * u * u;
      const b = 3 * u * u * t;
      const c = 3 * u * t * t;
      const d = t * t * t;
      this.lineTo(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3);
    }
    this.lineTo(x3, y3);
  }

  quadTo(x1: number, y1: number, x2: number, y2: number, tol: number): void {
    const x0 = this.lastX;
    const y0 = this.lastY;
    const ax = x0 - 2 * x1 + x2;
    const ay = y0 - 2 * y1 + y2;
    const n = steps(Math.sqrt((0.25 * Math.sqrt(ax * ax + ay * ay)) / tol));
    for (let i = 1; i < n; i++) {
      const t = i / n;
      const u = 1 - t;
      this.lineTo(u * u * x0 + 2 * u * t * x1 + t * t * x2, u * u * y0 + 2 * u * t * y1 + t * t * y2);
    }
    this.lineTo(x2, y2);
  }

  /** SVG elliptical arc from the current point (endpoint parameterisation, SVG 1.1 F.6.5–F.6.6). */
  svgArcTo(rx: number, ry: number, rotDeg: number, large: boolean, sweep: boolean, x: number, y: number, tol: number): void {
    const x0 = this.lastX;
    const y0 = this.lastY;
    if (x0 === x && y0 === y) return;
    rx = Math.abs(rx);
    ry = Math.abs(ry);
    if (rx === 0 || ry === 0 || !Number.isFinite(rx) || !Number.isFinite(ry)) {
      this.lineTo(x, y);
      return;
    }
    const phi = (rotDeg * Math.PI) / 180;
    const cos = Math.cos(phi);
    const sin = Math.sin(phi);
    const dx = (x0 - x) / 2;
    const dy = (y0 - y) / 2;
    const x1p = cos * dx + sin * dy;
    const y1p = -sin * dx + cos * dy;
    const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
    if (lambda > 1) {
      const k = Math.sqrt(lambda);
      rx *= k;
      ry *= k;
    }
    const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
    const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
    let coef = den === 0 ? 0 : Math.sqrt(Math.max(0, num / den));
    if (large === sweep) coef = -coef;
    const cxp = (coef * rx * y1p) / ry;
    const cyp = (-coef * ry * x1p) / rx;
    const cx = cos * cxp - sin * cyp + (x0 + x) / 2;
    const cy = sin * cxp + cos * cyp + (y0 + y) / 2;
    const ux = (x1p - cxp) / rx;
    const uy = (y1p - cyp) / ry;
    const vx = (-x1p - cxp) / rx;
    const vy = (-y1p - cyp) / ry;
    const theta1 = Math.atan2(uy, ux);
    let dtheta = Math.atan2(vy, vx) - theta1;
    if (sweep && dtheta < 0) dtheta += 2 * Math.PI;
    else if (!sweep && dtheta > 0) dtheta -= 2 * Math.PI;
    this.ellipseArc(cx, cy, rx, ry, phi, theta1, dtheta, tol, x, y);
  }

  /**
   * Arc of the ellipse centred on (cx, cy), radii rx, ry, rotated by phi (rad), from angle theta1 over
   * dtheta (rad, signed). The current point is taken as the arc's start; (endX, endY), when given, is
   * its exact end (so that joined segments meet bit for bit).
   */
  ellipseArc(cx: number, cy: number, rx: number, ry: number, phi: number, theta1: number, dtheta: number, tol: number, endX?: number, endY?: number): void {
    const n = arcSteps(Math.max(rx, ry), dtheta, tol);
    const cos = Math.cos(phi);
    const sin = Math.sin(phi);
    for (let i = 1; i < n; i++) {
      const t = theta1 + (dtheta * i) / n;
      const ex = rx * Math.cos(t);
      const ey = ry * Math.sin(t);
      this.lineTo(cx + cos * ex - sin * ey, cy + sin * ex + cos * ey);
    }
    if (endX !== undefined && endY !== undefined) this.lineTo(endX, endY);
    else {
      const t = theta1 + dtheta;
      const ex = rx * Math.cos(t);
      const ey = ry * Math.sin(t);
      this.lineTo(cx + cos * ex - sin * ey, cy + sin * ex + cos * ey);
    }
  }

  /** End the current subpath (open unless `closed`) and return every polyline collected. */
  finish(): Polyline[] {
    this.flush(false);
    return this.out;
  }

  private flush(closed: boolean): void {
    const c = this.cur;
    if (c.length === 0) return;
    this.cur = [];
    let n = c.length;
    const ends = n >= 4 && Math.abs(c[0]! - c[n - 2]!) <= CLOSE_EPS_MM && Math.abs(c[1]! - c[n - 1]!) <= CLOSE_EPS_MM;
    if (ends) {
      closed = true;
      n -= 2;
    }
    if (n < 4) return; // a single point burns nothing
    if (closed && n < 6) closed = false; // two points: a line there and back
    const pts = new Float64Array(n);
    for (let i = 0; i < n; i++) pts[i] = c[i]!;
    this.out.push({ pts, closed });
  }
}

function steps(raw: number): number {
  if (!(raw > 1)) return 1;
  return Math.min(MAX_STEPS, Math.ceil(raw));
}

/** Steps for an arc of radius r over `sweep` radians whose chords stay within `tol` of it. */
export function arcSteps(r: number, sweep: number, tol: number): number {
  if (!(r > tol)) return Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2)));
  const step = 2 * Math.acos(1 - tol / r);
  return Math.max(1, Math.min(MAX_STEPS, Math.ceil(Math.abs(sweep) / step)));
}
