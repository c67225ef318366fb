// Compact numbers for G-code words: at most three decimals (1 µm, under any stepper's resolution), no
// trailing zeros, no "-0". A raster is millions of these, so the fractions come from a table instead of
// toFixed and a trim. Node-free.

const FRACTIONS: string[] = Array.from({ length: 1000 }, (_, f) => (f === 0 ? '' : `.${String(f).padStart(3, '0').replace(/0+$/, '')}`));

/** `v` rounded to 0.001: 12.5 → "12.5", 3 → "3", -0.0004 → "0", 0.1 + 0.2 → "0.3". */
export function mm(v: number): string {
  let n = Math.round(v * 1000);
  if (n === 0) return '0';
  let sign = '';
  if (n < 0) {
    sign = '-';
    n = -n;
  }
  const whole = Math.floor(n / 1000);
  return sign + whole + FRACTIONS[n - whole * 1000]!;
}
