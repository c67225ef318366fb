// G-code words as the byte loop sees them: a letter index (a = 0) with one bit per letter in a line's
// mask, and numbers read straight from the bytes (comments and `$` settings; the words of a command
// line are parsed inline in the byte loop, see analyzer.ts).

export const L_E = 4;
export const L_F = 5;
export const L_I = 8;
export const L_J = 9;
export const L_K = 10;
export const L_L = 11;
export const L_P = 15;
export const L_R = 17;
export const L_S = 18;
export const L_T = 19;
export const L_X = 23;
export const L_Y = 24;
export const L_Z = 25;
export const B_E = 1 << L_E;
export const B_F = 1 << L_F;
export const B_I = 1 << L_I;
export const B_J = 1 << L_J;
export const B_K = 1 << L_K;
export const B_L = 1 << L_L;
export const B_P = 1 << L_P;
export const B_R = 1 << L_R;
export const B_S = 1 << L_S;
export const B_T = 1 << L_T;
export const B_X = 1 << L_X;
export const B_Y = 1 << L_Y;
export const B_Z = 1 << L_Z;
export const B_XYZ = B_X | B_Y | B_Z;
export const B_AXES = B_XYZ | B_E;
export const B_ARC = B_I | B_J | B_K | B_R;

/** Words beyond this magnitude are typos or garbage, not coordinates (and would overflow the planner). */
export const NUM_LIMIT = 1e12;

/** Exact powers of ten: an integer mantissa divided by one of them is parseFloat's result. */
export const POW10 = new Float64Array(23);
for (let i = 0; i < 23; i++) POW10[i] = Math.pow(10, i);

const utf8 = new TextDecoder('utf-8', { fatal: false });

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export function decode(buf: Uint8Array, s: number, e: number): string {
  return utf8.decode(buf.subarray(s, e)).trim();
}

export function matchAt(buf: Uint8Array, i: number, end: number, p: Uint8Array): boolean {
  const n = p.length;
  if (end - i < n) return false;
  for (let k = 0; k < n; k++) if (buf[i + k] !== p[k]) return false;
  return true;
}

/** The letter of the lowest bit of a word mask, upper case. */
export function letterOf(bits: number): string {
  const k = 31 - Math.clz32(bits & -bits);
  return String.fromCharCode(65 + k);
}

/** Where the last parseNumber stopped (a module variable: no object per call). */
let numEnd = 0;

/** Decimal number in bytes (comments): sign, digits, point, optional exponent. NaN when none. */
export function parseNumber(buf: Uint8Array, i: number, end: number): number {
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  let neg = false;
  if (buf[i] === 45) {
    neg = true;
    i++;
  } else if (buf[i] === 43) i++;
  let m = 0;
  let nd = 0;
  let fd = -1;
  for (; i < end; i++) {
    const c = buf[i]!;
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      nd++;
      if (fd >= 0) fd++;
    } else if (c === 46 && fd < 0) fd = 0;
    else break;
  }
  numEnd = i;
  if (nd === 0) return NaN;
  let v = fd > 0 ? m / Math.pow(10, fd) : m;
  if (i < end && (buf[i] === 101 || buf[i] === 69)) {
    let j = i + 1;
    let eneg = false;
    if (buf[j] === 45) {
      eneg = true;
      j++;
    } else if (buf[j] === 43) j++;
    let ex = 0;
    let en = 0;
    while (j < end && buf[j]! >= 48 && buf[j]! <= 57 && en < 4) {
      ex = ex * 10 + buf[j]! - 48;
      j++;
      en++;
    }
    if (en > 0) {
      v *= Math.pow(10, eneg ? -ex : ex);
      numEnd = j;
    }
  }
  return neg ? -v : v;
}

/** The sum of a comma-separated list of numbers (PrusaSlicer's per-extruder footer figures). */
export function sumNumbers(buf: Uint8Array, i: number, e: number): number {
  let total = 0;
  let any = false;
  while (i < e) {
    const v = parseNumber(buf, i, e);
    if (v === v) {
      total += v;
      any = true;
    }
    i = numEnd;
    while (i < e && buf[i] !== 44) i++;
    i++;
  }
  return any ? total : NaN;
}
