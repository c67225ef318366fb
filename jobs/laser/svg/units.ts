// SVG lengths. Physical units convert to mm; user units are CSS pixels at 96 dpi (1 in = 96 px).

export const MM_PER_UNIT: Readonly<Record<string, number>> = {
  mm: 1,
  cm: 10,
  q: 0.25,
  in: 25.4,
  pt: 25.4 / 72,
  pc: 25.4 / 6,
  px: 25.4 / 96,
  '': 25.4 / 96,
};

export interface Length {
  value: number;
  /** '' (user units), 'mm', 'cm', 'q', 'in', 'pt', 'pc', 'px', '%', 'em', 'ex'. */
  unit: string;
}

const LENGTH_RE = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(mm|cm|q|in|pt|pc|px|%|em|ex)?$/i;

export function parseLength(raw: string | undefined): Length | null {
  if (raw === undefined) return null;
  const m = LENGTH_RE.exec(raw.trim());
  if (!m) return null;
  const value = Number(m[1]);
  if (!Number.isFinite(value)) return null;
  return { value, unit: (m[2] ?? '').toLowerCase() };
}

/** A length given in physical units (or px), in mm; null for %, em, ex or nothing. */
export function physicalMm(len: Length | null): number | null {
  if (!len) return null;
  const k = MM_PER_UNIT[len.unit];
  return k === undefined ? null : len.value * k;
}

/**
 * A length inside user space (a coordinate, a radius), in user units: physical units convert at
 * 96 user units per inch; % is of `ref` (the viewport's width, height or diagonal ÷ √2).
 */
export function userLength(raw: string | undefined, ref: number, fallback: number): number {
  const len = parseLength(raw);
  if (!len) return fallback;
  if (len.unit === '%') return (len.value / 100) * ref;
  if (len.unit === 'em') return len.value * 16;
  if (len.unit === 'ex') return len.value * 8;
  return len.value * (MM_PER_UNIT[len.unit]! / MM_PER_UNIT.px!);
}

/** Numbers in a list attribute (viewBox, points): separated by spaces and/or commas. */
export function numberList(raw: string | undefined): number[] {
  if (!raw) return [];
  const out: number[] = [];
  const re = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) out.push(Number(m[0]));
  return out;
}
