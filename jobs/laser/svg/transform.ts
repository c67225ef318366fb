// The `transform` attribute: a list of matrix / translate / scale / rotate(a [cx cy]) / skewX / skewY,
// separated by spaces or commas. An unreadable list makes the whole attribute void (null).
import { IDENTITY, type Matrix, multiply, rotate, scale, skewX, skewY, translate } from '../geometry/matrix';
import { numberList } from './units';

const FN_RE = /\s*,?\s*(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)\s*/y;

export function parseTransform(raw: string | undefined): Matrix | null {
  if (raw === undefined) return IDENTITY;
  const s = raw.trim();
  if (s === '') return IDENTITY;
  let m: Matrix = IDENTITY;
  FN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < s.length) {
    FN_RE.lastIndex = pos;
    const f = FN_RE.exec(s);
    if (!f) return null;
    pos = FN_RE.lastIndex;
    const a = numberList(f[2]);
    let t: Matrix | null = null;
    switch (f[1]) {
      case 'matrix':
        if (a.length === 6) t = [a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!];
        break;
      case 'translate':
        if (a.length === 1 || a.length === 2) t = translate(a[0]!, a[1] ?? 0);
        break;
      case 'scale':
        if (a.length === 1 || a.length === 2) t = scale(a[0]!, a[1] ?? a[0]!);
        break;
      case 'rotate':
        if (a.length === 1) t = rotate(a[0]!);
        else if (a.length === 3) t = rotate(a[0]!, a[1]!, a[2]!);
        break;
      case 'skewX':
        if (a.length === 1) t = skewX(a[0]!);
        break;
      case 'skewY':
        if (a.length === 1) t = skewY(a[0]!);
        break;
    }
    if (t === null) return null;
    m = multiply(m, t);
  }
  return m.every(Number.isFinite) ? m : null;
}
