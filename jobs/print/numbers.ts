// Decimal numbers read straight from bytes (ASCII STL, OBJ): no string per token on the common path.

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const latin1 = new TextDecoder('latin1');

/**
 * The number in bytes[start, end). Exact: the fast path (at most 15 significant digits, a power of ten
 * up to 22) is a single correctly rounded multiplication or division, like `Number()`; anything else
 * (more digits, big exponents, `nan`, `inf`, garbage) goes through `Number()` on the token, so garbage
 * gives NaN, which the mesh check refuses.
 */
export function parseNumber(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let neg = false;
  let c = bytes[i];
  if (c === 0x2d || c === 0x2b) {
    neg = c === 0x2d;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let scale = 0;
  let any = false;
  while (i < end && (c = bytes[i]!) >= 0x30 && c <= 0x39) {
    if (digits < 15) {
      mant = mant * 10 + (c - 0x30);
      if (mant !== 0) digits++;
    } else scale++;
    any = true;
    i++;
  }
  if (i < end && bytes[i] === 0x2e) {
    i++;
    while (i < end && (c = bytes[i]!) >= 0x30 && c <= 0x39) {
      if (digits < 15) {
        mant = mant * 10 + (c - 0x30);
        if (mant !== 0) digits++;
        scale--;
      }
      any = true;
      i++;
    }
  }
  if (!any) return slow(bytes, start, end);
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    i++;
    let eneg = false;
    if (bytes[i] === 0x2d || bytes[i] === 0x2b) {
      eneg = bytes[i] === 0x2d;
      i++;
    }
    let e = 0;
    let edigits = 0;
    while (i < end && (c = bytes[i]!) >= 0x30 && c <= 0x39) {
      if (e < 10000) e = e * 10 + (c - 0x30);
      edigits++;
      i++;
    }
    if (edigits === 0) return slow(bytes, start, end);
    scale += eneg ? -e : e;
  }
  if (i !== end || digits >= 15) return slow(bytes, start, end);
  let v: number;
  if (scale === 0) v = mant;
  else if (scale > 0 && scale <= 22) v = mant * POW10[scale]!;
  else if (scale < 0 && scale >= -22) v = mant / POW10[-scale]!;
  else return slow(bytes, start, end);
  return neg ? -v : v;
}

function slow(bytes: Uint8Array, start: number, end: number): number {
  const s = latin1.decode(bytes.subarray(start, end));
  // Number('') is 0 and Number('0x10') is 16: neither is a decimal coordinate.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return NaN;
  return Number(s);
}
