// Coaster to laser-cut: a round or rounded-square outline (red), a text engraved in the middle.
import { defineTemplate } from './define';
import { engraveText, TEXT_STYLES } from './engraving';
import { TemplateError } from './errors';
import { outlinesOf, roundedBox } from './geometry';
import { choice, num, text } from './params';
import { laserResult } from './result';
import type { Contour, Drawing } from './svg';

const PARAMS = [
  choice('shape', ['round', 'square'], 'round'),
  num('size', { unit: 'mm', min: 60, max: 150, step: 1, default: 95 }),
  num('cornerRadius', { unit: 'mm', min: 0, max: 30, step: 0.5, default: 8 }),
  text('text', { min: 0, max: 20, default: 'FabLab' }),
  num('letterHeight', { unit: 'mm', min: 4, max: 30, step: 0.5, default: 12 }),
  choice('textStyle', TEXT_STYLES, 'fill'),
] as const;

export const coaster = defineTemplate({
  id: 'coaster',
  outputs: ['laser'],
  params: PARAMS,
  build(p) {
    const half = p.size / 2;
    const round = p.shape === 'round';
    if (!round && p.cornerRadius > half) throw new TemplateError('corner_radius_too_large', { maxMm: half });
    const corner = round ? half : p.cornerRadius;
    const shape = roundedBox(p.size, p.size, corner, [half, half]);
    const outline: Contour = { points: outlinesOf(shape)[0]!, closed: true };
    // Text keeps clear of the edge by a tenth of the size (at least 5 mm).
    const margin = Math.max(5, 0.1 * p.size);
    const inner = half - margin;
    const text = engraveText(p.text, p.letterHeight, p.textStyle, half, half, { halfWidth: inner, halfHeight: inner, cornerRadius: Math.max(0, corner - margin) });
    const drawing: Drawing = { cut: [outline], score: text.score, engrave: text.engrave };
    return laserResult('coaster', { ...p }, drawing, [{ id: 'coaster', labelKey: 'coaster.parts.coaster', contours: [outline] }], {
      size: p.size,
      letterHeight: p.letterHeight,
    });
  },
});
