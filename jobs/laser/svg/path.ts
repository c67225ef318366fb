// Path data through svgpath (parse, transform to mm — arcs included —, absolute, S/T expanded), then
// flattened to polylines within the chord tolerance.
import svgpath from 'svgpath';
import type { Matrix } from '../geometry/matrix';
import { type PointBudget, PolylineBuilder } from '../geometry/flatten';
import type { Polyline } from '../geometry/types';

export interface FlatPath {
  paths: Polyline[];
  /** svgpath stopped at an error: what came before it is kept, as SVG renderers do. */
  invalid: boolean;
}

export function flattenPathData(d: string, m: Matrix, tol: number, budget: PointBudget): FlatPath {
  const p = svgpath(d);
  const invalid = Boolean((p as unknown as { err?: string }).err);
  p.matrix([...m]).abs().unshort();
  const b = new PolylineBuilder(budget);
  p.iterate((seg) => {
    switch (seg[0]) {
      case 'M':
        b.moveTo(seg[1], seg[2]);
        break;
      case 'L':
        b.lineTo(seg[1], seg[2]);
        break;
      case 'H':
        b.lineTo(seg[1], b.lastY);
        break;
      case 'V':
        b.lineTo(b.lastX, seg[1]);
        break;
      case 'C':
        b.cubicTo(seg[1], seg[2], seg[3], seg[4], seg[5], seg[6], tol);
        break;
      case 'Q':
        b.quadTo(seg[1], seg[2], seg[3], seg[4], tol);
        break;
      case 'A':
        // svgpath may leave the flags as strings once it has transformed the arc.
        b.svgArcTo(seg[1], seg[2], seg[3], Number(seg[4]) !== 0, Number(seg[5]) !== 0, seg[6], seg[7], tol);
        break;
      case 'Z':
      case 'z':
        b.close();
        break;
      default:
        break; // relative and short forms are gone after abs() and unshort()
    }
  });
  const paths = b.finish();
  for (const pl of paths) {
    for (let i = 0; i < pl.pts.length; i++) if (!Number.isFinite(pl.pts[i]!)) return { paths: [], invalid: true };
  }
  return { paths, invalid };
}
