// The simulated board's EEPROM settings: a 400 × 400 mm diode laser as a vendor would ship it on
// Grbl 1.1h (laser mode on, MPos and buffer state in reports), and how Grbl prints them.

export const DEFAULT_SETTINGS: ReadonlyMap<number, number> = new Map([
  [0, 10],
  [1, 25],
  [2, 0],
  [3, 0],
  [4, 0],
  [5, 0],
  [6, 0],
  [10, 3],
  [11, 0.01],
  [12, 0.002],
  [13, 0],
  [20, 0],
  [21, 0],
  [22, 0],
  [23, 0],
  [24, 25],
  [25, 500],
  [26, 250],
  [27, 1],
  [30, 1000],
  [31, 0],
  [32, 1],
  [100, 80],
  [101, 80],
  [102, 250],
  [110, 6000],
  [111, 6000],
  [112, 1000],
  [120, 1000],
  [121, 1000],
  [122, 100],
  [130, 400],
  [131, 400],
  [132, 50],
]);

/** Settings Grbl prints without decimals ($30/$31 are floats printed with none). */
const WHOLE = new Set([0, 1, 2, 3, 4, 5, 6, 10, 13, 20, 21, 22, 23, 26, 30, 31, 32]);

export function formatSetting(id: number, value: number): string {
  return `$${id}=${WHOLE.has(id) ? Math.round(value).toString() : value.toFixed(3)}`;
}

/** Settings that must be whole numbers (masks, flags): Grbl truncates what it is given. */
export function isWholeSetting(id: number): boolean {
  return WHOLE.has(id);
}

export const HELP = "[HLP:$$ $# $G $I $N $x=val $Nx=line $J=line $SLP $C $X $H ~ ! ? ctrl-x]";

export const f3 = (n: number): string => (Math.abs(n) < 0.0005 ? 0 : n).toFixed(3);
