// A slow, obviously simple reading of G-code (a regex per line) to check the analyzer against in tests.

import { readFileSync } from 'node:fs';

const WORD = {
  X: /(?:^|\s)X([-+]?[0-9]*\.?[0-9]+)(?=\s|$)/,
  Y: /(?:^|\s)Y([-+]?[0-9]*\.?[0-9]+)(?=\s|$)/,
  Z: /(?:^|\s)Z([-+]?[0-9]*\.?[0-9]+)(?=\s|$)/,
  E: /(?:^|\s)E([-+]?[0-9]*\.?[0-9]+)(?=\s|$)/,
};

export interface Reference {
  lines: number;
  min: number[];
  max: number[];
  tmin: number[];
  tmax: number[];
  filament: number;
  layerMarkers: number;
}

/**
 * A slow, obviously simple reading (regex per line) of files made of G0/G1 moves: bounds of extruding
 * moves (both ends) and of all positions, net filament as retraction-aware E, and layer markers.
 */
export function reference(path: string): Reference {
  const text = readFileSync(path, 'latin1');
  const lines = text.split('\n');
  const pos = [0, 0, 0];
  let e = 0;
  let absXYZ = true;
  let absE = true;
  let used = 0;
  let debt = 0;
  let markers = 0;
  let moved = false;
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  const tmin = [Infinity, Infinity, Infinity];
  const tmax = [-Infinity, -Infinity, -Infinity];
  const grow = (lo: number[], hi: number[], p: number[]): void => {
    for (let k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k]!, p[k]!);
      hi[k] = Math.max(hi[k]!, p[k]!);
    }
  };
  for (const raw of lines) {
    if (/^;(LAYER_CHANGE|LAYER:)/.test(raw)) markers++;
    const code = raw.split(';')[0]!.trim();
    const word = (l: 'X' | 'Y' | 'Z' | 'E'): number | undefined => {
      const m = WORD[l].exec(code);
      return m ? Number(m[1]) : undefined;
    };
    if (/^G9[01]\b/.test(code)) {
      absXYZ = absE = code.startsWith('G90');
    } else if (/^M8[23]\b/.test(code)) {
      absE = code.startsWith('M82');
    } else if (/^G92\b/.test(code)) {
      const v = word('E');
      if (v !== undefined) e = v;
    } else if (/^G28\b/.test(code)) {
      const axes = ['X', 'Y', 'Z'].filter((a) => new RegExp(`\\b${a}`).test(code.slice(3)));
      const which = axes.length ? axes : ['X', 'Y', 'Z'];
      if (!moved) grow(tmin, tmax, pos);
      for (const a of which) pos['XYZ'.indexOf(a)] = 0;
      grow(tmin, tmax, pos);
      moved = true;
    } else if (/^G[01]\b/.test(code)) {
      const start = [...pos];
      (['X', 'Y', 'Z'] as const).forEach((a, k) => {
        const v = word(a);
        if (v !== undefined) pos[k] = absXYZ ? v : pos[k]! + v;
      });
      let de = 0;
      const ev = word('E');
      if (ev !== undefined) {
        de = absE ? ev - e : ev;
        e = absE ? ev : e + ev;
      }
      const movedXYZ = pos.some((v, k) => v !== start[k]);
      if (de < 0) debt -= de;
      else if (de > 0) {
        const p = Math.min(de, debt);
        debt -= p;
        used += de - p;
      }
      if (movedXYZ) {
        if (!moved) grow(tmin, tmax, start);
        moved = true;
        grow(tmin, tmax, pos);
        if (de > 0) {
          grow(min, max, start);
          grow(min, max, pos);
        }
      }
    }
  }
  return { lines: text.endsWith('\n') ? lines.length - 1 : lines.length, min, max, tmin, tmax, filament: used, layerMarkers: markers };
}

