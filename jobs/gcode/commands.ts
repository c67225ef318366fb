// The G and M commands each firmware dialect knows, for the `unknown_command` finding.
// A command is keyed by number × 10 (one decimal: G38.2 → 382), M commands offset by M_OFFSET.

import type { Firmware } from './profile';

export const M_OFFSET = 1_000_000;

export function commandKey(letter: 'G' | 'M', value: number): number {
  return (letter === 'M' ? M_OFFSET : 0) + Math.round(value * 10);
}

export function commandName(key: number): string {
  const m = key >= M_OFFSET;
  const v = m ? key - M_OFFSET : key;
  const major = Math.floor(v / 10);
  const minor = v % 10;
  return `${m ? 'M' : 'G'}${major}${minor ? `.${minor}` : ''}`;
}

// Marlin 2.1 (marlinfw.org G-code index).
const MARLIN_G =
  '0 1 2 3 4 5 6 10 11 12 17 18 19 20 21 26 27 28 29 30 31 32 33 34 35 38.2 38.3 38.4 38.5 42 53 54 55 56 57 58 59 59.1 59.2 59.3 60 61 76 80 90 91 92 425';
const MARLIN_M =
  '0 1 3 4 5 7 8 9 10 11 16 17 18 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 42 43 43.1 48 73 75 76 77 78 80 81 82 83 84 85 86 87 92 ' +
  '100 102 104 105 106 107 108 109 110 111 112 113 114 115 117 118 119 120 121 122 123 125 126 127 128 129 140 141 143 145 149 ' +
  '150 154 155 163 164 165 166 190 191 192 193 200 201 203 204 205 206 207 208 209 211 217 218 220 221 226 240 250 255 256 260 ' +
  '261 280 281 282 290 300 301 302 303 304 305 306 350 351 355 360 361 362 363 364 380 381 400 401 402 403 404 405 406 407 410 ' +
  '412 413 414 415 420 421 422 423 425 428 430 486 493 500 501 502 503 504 510 511 512 524 540 569 575 592 593 600 603 605 665 ' +
  '666 672 701 702 710 808 810 851 852 860 861 862 863 864 865 866 867 868 869 871 876 900 906 907 908 909 910 911 912 913 914 ' +
  '915 916 917 918 919 928 951 993 994 995 997 999 7219';
// Prusa's Marlin fork (Buddy firmware) on top of Marlin.
const PRUSA_M = '74 115 555 572 591 601 602 862.1 862.2 862.3 862.4 862.5 862.6 1977 9140 9150';
const PRUSA_G = '64 162 163';
// Grbl 1.1 (gcode.c).
const GRBL_G = '0 1 2 3 4 10 17 18 19 20 21 28 28.1 30 30.1 38.2 38.3 38.4 38.5 40 43.1 49 53 54 55 56 57 58 59 61 80 90 91 91.1 92 92.1 93 94';
const GRBL_M = '0 1 2 3 4 5 7 8 9 30 56';

function build(g: string, m: string): Set<number> {
  const s = new Set<number>();
  for (const t of g.split(' ')) if (t) s.add(commandKey('G', Number(t)));
  for (const t of m.split(' ')) if (t) s.add(commandKey('M', Number(t)));
  return s;
}

const SETS = {
  marlin: build(MARLIN_G, MARLIN_M),
  prusa: build(`${MARLIN_G} ${PRUSA_G}`, `${MARLIN_M} ${PRUSA_M}`),
  grbl: build(GRBL_G, GRBL_M),
};

/** The set of known command keys for a firmware plus the profile's extra commands; null = no check. */
export function knownCommands(firmware: Firmware, extra: readonly string[] = []): Set<number> | null {
  if (!firmware) return null;
  const s = new Set(SETS[firmware]);
  for (const c of extra) {
    const m = /^\s*([GgMm])\s*(\d+(?:\.\d)?)\s*$/.exec(c);
    if (m) s.add(commandKey(m[1]!.toUpperCase() as 'G' | 'M', Number(m[2])));
  }
  return s;
}
