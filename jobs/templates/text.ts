// Lettering with jscad's single-stroke (Hershey simplex) font, which only knows ASCII: accented letters
// are composed here from their base letter and a drawn mark, so French names come out right
// (é è ê ë à â ç î ï ô ù û ü ÿ œ æ and capitals). Anything else is refused with the characters named.
import { TemplateError } from './errors';
import { jscad } from './jscad';
import type { Vec2 } from './types';

/** Font units: capitals are 21 high, lowercase 14, descenders reach −7. */
const CAP_UNITS = 21;
const PUNCTUATION = " -'.,!?&+():/#";
const MARKS = new Set(['\u0300', '\u0301', '\u0302', '\u0303', '\u0308', '\u0327']);
// Ligatures: the second letter drawn where its left stroke meets the first letter's right side (font units).
const LIGATURES: Record<string, [string, string, number]> = { œ: ['o', 'e', 13], æ: ['a', 'e', 12], Œ: ['O', 'E', 15], Æ: ['A', 'E', 13] };
const TYPOGRAPHIC: Record<string, string> = { '\u2019': "'", '\u2018': "'", '\u2010': '-', '\u2011': '-', '\u00a0': ' ' };

const isBase = (c: string) => /^[A-Za-z0-9]$/.test(c) || PUNCTUATION.includes(c);

/** One user character: a base glyph (or ligature) and its marks. */
interface Cluster {
  base: string;
  marks: string[];
}

function clusters(text: string): { clusters: Cluster[]; bad: string[] } {
  const out: Cluster[] = [];
  const bad: string[] = [];
  for (const ch of Array.from(text.normalize('NFC'))) {
    const c = TYPOGRAPHIC[ch] ?? ch;
    if (LIGATURES[c]) {
      out.push({ base: c, marks: [] });
      continue;
    }
    const [base = '', ...marks] = Array.from(c.normalize('NFD'));
    const drawable = marks.length === 0 ? isBase(base) : /^[A-Za-z]$/.test(base) && marks.every((m) => MARKS.has(m));
    if (drawable) {
      out.push({ base, marks });
    } else if (!bad.includes(ch)) {
      bad.push(ch);
    }
  }
  return { clusters: out, bad };
}

/**
 * Checks a text parameter against the characters the font can draw and its length limits; returns it
 * NFC-normalised with typographic apostrophes made plain. Leading/trailing spaces are dropped.
 */
export function checkText(param: string, value: string, min: number, max: number): string {
  const text = Array.from(value.normalize('NFC').trim(), (c) => TYPOGRAPHIC[c] ?? c).join('');
  const length = Array.from(text).length;
  if (length > max) throw new TemplateError('text_too_long', { param, length, max });
  const { bad } = clusters(text);
  if (bad.length > 0) {
    const characters = bad.map((c) => (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c));
    throw new TemplateError('text_bad_characters', { param, characters: characters.join(' ') });
  }
  if (length < min) throw new TemplateError('text_empty', { param });
  return text;
}

export interface StrokeBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface StrokeText {
  /** Polylines in mm, baseline on y = 0: open, closed (the first point repeated), or a single point (a dot). */
  strokes: Vec2[][];
  /** Bounds of the strokes' centre lines. */
  box: StrokeBox;
}

type Pt = [number, number];

function glyph(c: string, x: number): { width: number; segments: Pt[][] } {
  const g = jscad.text.vectorChar({ xOffset: x, yOffset: 0, height: 14 }, c);
  return { width: g.width, segments: g.segments.map((s) => s.map((p) => [p[0], p[1]] as Pt)) };
}

function markStrokes(mark: string, cx: number, top: number): Pt[][] {
  // A dot is a single point: a round blob of the pen when solid, a small ring when scored.
  const dot = (x: number, y: number): Pt[] => [[x, y]];
  switch (mark) {
    case '\u0301':
      return [[[cx - 1.5, top], [cx + 2, top + 4]]];
    case '\u0300':
      return [[[cx + 1.5, top], [cx - 2, top + 4]]];
    case '\u0302':
      return [[[cx - 3, top], [cx, top + 3.5], [cx + 3, top]]];
    case '\u0303':
      return [[[cx - 3.5, top + 1], [cx - 2.2, top + 2.5], [cx - 0.8, top + 2.5], [cx + 0.8, top + 1], [cx + 2.2, top + 1], [cx + 3.5, top + 2.5]]];
    case '\u0308':
      return [dot(cx - 2.5, top + 1.5), dot(cx + 2.5, top + 1.5)];
    case '\u0327':
      // Straight down through the letter's foot, then the hook well below it.
      return [[[cx, 0], [cx, -4.5], [cx + 2, -5], [cx + 2.2, -6.2], [cx + 0.8, -7], [cx - 1.5, -7]]];
    default:
      return [];
  }
}

/**
 * Lays out one line of (checked) text with capitals `capHeight` mm high, starting at x = 0 on the baseline.
 * `penMm` is the width the strokes will be drawn with: accents keep clear of their letter by more than that.
 */
export function layoutText(text: string, capHeight: number, penMm = 0): StrokeText {
  const { clusters: list } = clusters(text);
  const scale = capHeight / CAP_UNITS;
  const clearance = Math.max(2.5, penMm / scale + 1.2);
  const strokes: Pt[][] = [];
  let x = 0;
  for (const { base, marks } of list) {
    const lig = LIGATURES[base];
    if (lig) {
      const [first, second, offset] = lig;
      const joined = glyph(second, x + offset);
      strokes.push(...glyph(first, x).segments, ...joined.segments);
      x += offset + joined.width;
      continue;
    }
    const g = glyph(base, x);
    const width = g.width;
    let segments = g.segments;
    if (marks.some((m) => m !== '\u0327') && (base === 'i' || base === 'j')) {
      segments = segments.filter((s) => s.some((p) => p[1] < 19)); // dotless under an accent
    }
    if (marks.length > 0) {
      const xs = segments.flat().map((p) => p[0]);
      const cx = base === 'i' || base === 'j' ? (segments.find((s) => s[0]![1] <= 14)?.[0]![0] ?? x + width / 2) : (Math.min(...xs) + Math.max(...xs)) / 2;
      const top = (/[A-Z]/.test(base) ? CAP_UNITS : 14) + clearance;
      for (const m of marks) segments.push(...markStrokes(m, cx, top));
    }
    if (base !== ' ') strokes.push(...segments);
    x += width;
  }
  const scaled = strokes.map((s) => s.map(([px, py]) => [px * scale, py * scale] as const));
  const pts = scaled.flat();
  const box: StrokeBox =
    pts.length === 0
      ? { minX: 0, minY: 0, maxX: 0, maxY: 0 }
      : {
          minX: Math.min(...pts.map((p) => p[0])),
          minY: Math.min(...pts.map((p) => p[1])),
          maxX: Math.max(...pts.map((p) => p[0])),
          maxY: Math.max(...pts.map((p) => p[1])),
        };
  return { strokes: scaled, box };
}

/** Moves strokes so the centre of their box lands on (cx, cy). */
export function centreText(t: StrokeText, cx: number, cy: number): StrokeText {
  const dx = cx - (t.box.minX + t.box.maxX) / 2;
  const dy = cy - (t.box.minY + t.box.maxY) / 2;
  return {
    strokes: t.strokes.map((s) => s.map(([x, y]) => [x + dx, y + dy] as const)),
    box: { minX: t.box.minX + dx, maxX: t.box.maxX + dx, minY: t.box.minY + dy, maxY: t.box.maxY + dy },
  };
}
