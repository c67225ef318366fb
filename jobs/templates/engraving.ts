// Text engraved on a laser part, in one of two styles (a template parameter, `textStyle`):
//   - fill (default): the letters drawn with a pen about an eighth of their height wide, as closed
//     outlines filled black — jobs/laser engraves the inside (bold, readable from a step back);
//   - score: the font's single strokes as blue lines — one pass of the beam, quick, thin letters.
import { TemplateError } from './errors';
import type { Outline } from './geometry';
import type { Contour } from './svg';
import { centreText, layoutText } from './text';
import { solidText } from './text-shape';

export const TEXT_STYLES = ['fill', 'score'] as const;
export type TextStyle = (typeof TEXT_STYLES)[number];

/** Width of the beam's line, for spacing the accents of scored text. */
const SCORE_LINE_MM = 0.2;

export function engravingPen(letterHeight: number): number {
  return Math.min(3, Math.max(0.4, letterHeight / 8));
}

export interface Room {
  /** Half of the square (or rectangle) the text must stay in, and the radius of its rounded corners. */
  halfWidth: number;
  halfHeight: number;
  cornerRadius: number;
}

/** Widest text of half-height `hh` centred in the room, or −1 when even a sliver is too tall. */
export function roomWidth(room: Room, hh: number): number {
  const { halfWidth: a, halfHeight: b } = room;
  const r = Math.min(room.cornerRadius, a, b);
  if (hh > b) return -1;
  if (hh <= b - r) return 2 * a;
  const dy = hh - (b - r);
  return 2 * (a - r + Math.sqrt(Math.max(0, r * r - dy * dy)));
}

export interface Engraving {
  engrave: Outline[];
  score: Contour[];
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Lays out `text` centred on (cx, cy) and checks it fits the room; nothing for an empty text. */
export function engraveText(text: string, letterHeight: number, style: TextStyle, cx: number, cy: number, room: Room): Engraving {
  if (text.length === 0) return { engrave: [], score: [] };
  const pen = style === 'fill' ? engravingPen(letterHeight) : SCORE_LINE_MM;
  const laid = centreText(layoutText(text, letterHeight, pen), cx, cy);
  const w = laid.box.maxX - laid.box.minX + pen;
  const h = laid.box.maxY - laid.box.minY + pen;
  if (h > 2 * room.halfHeight) throw new TemplateError('text_too_tall', { param: 'text', heightMm: round1(h), availableMm: round1(2 * room.halfHeight) });
  const available = roomWidth(room, h / 2);
  if (w > available) throw new TemplateError('text_does_not_fit', { param: 'text', widthMm: round1(w), availableMm: Math.max(0, Math.floor(available * 10) / 10) });
  if (style === 'fill') return { engrave: solidText(laid.strokes, pen), score: [] };
  const score = laid.strokes.map((s): Contour => {
    const first = s[0]!;
    const last = s[s.length - 1]!;
    if (s.length > 3 && first[0] === last[0] && first[1] === last[1]) return { points: s.slice(0, -1), closed: true };
    if (s.length > 1) return { points: [...s], closed: false };
    // A dot: a small scored ring.
    const [x, y] = s[0]!;
    const r = 0.25;
    return { points: Array.from({ length: 8 }, (_, k) => [x + r * Math.cos((k * Math.PI) / 4), y + r * Math.sin((k * Math.PI) / 4)] as const), closed: true };
  });
  return { engrave: [], score };
}
