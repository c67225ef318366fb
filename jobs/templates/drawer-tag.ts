// Drawer tag to laser-cut: a rounded rectangle with two screw holes and its label engraved between them.
import { defineTemplate } from './define';
import { engraveText, TEXT_STYLES } from './engraving';
import { TemplateError } from './errors';
import { circleSegments, outlinesOf, roundedBox } from './geometry';
import { jscad } from './jscad';
import { choice, num, text } from './params';
import { laserResult } from './result';
import type { Contour, Drawing } from './svg';

const PARAMS = [
  num('width', { unit: 'mm', min: 40, max: 150, step: 1, default: 70 }),
  num('height', { unit: 'mm', min: 15, max: 60, step: 1, default: 25 }),
  num('cornerRadius', { unit: 'mm', min: 0, max: 10, step: 0.5, default: 3 }),
  text('text', { min: 1, max: 24, default: 'Vis M3' }),
  num('letterHeight', { unit: 'mm', min: 3, max: 30, step: 0.5, default: 8 }),
  num('holeDiameter', { unit: 'mm', min: 2, max: 5, step: 0.1, default: 3.5 }),
  choice('textStyle', TEXT_STYLES, 'fill'),
] as const;

/** Wood left between a hole and the tag's end; room kept between the holes and the letters. */
const HOLE_WALL_MM = 3.5;
const TEXT_GAP_MM = 2;

export const drawerTag = defineTemplate({
  id: 'drawer-tag',
  outputs: ['laser'],
  params: PARAMS,
  build(p) {
    const { primitives } = jscad;
    const max = Math.min(p.width, p.height) / 2;
    if (p.cornerRadius > max) throw new TemplateError('corner_radius_too_large', { maxMm: max });
    const centre: [number, number] = [p.width / 2, p.height / 2];
    const shape = roundedBox(p.width, p.height, p.cornerRadius, centre);
    const outline: Contour = { points: outlinesOf(shape)[0]!, closed: true };
    const r = p.holeDiameter / 2;
    const inset = HOLE_WALL_MM + r;
    const holes: Contour[] = [inset, p.width - inset].map((x) => ({
      points: outlinesOf(primitives.circle({ radius: r, center: [x, p.height / 2], segments: circleSegments(r) }))[0]!,
      closed: true,
    }));
    const halfWidth = p.width / 2 - inset - r - TEXT_GAP_MM;
    const text = engraveText(p.text, p.letterHeight, p.textStyle, centre[0], centre[1], { halfWidth, halfHeight: p.height / 2 - TEXT_GAP_MM, cornerRadius: 0 });
    const drawing: Drawing = { cut: [...holes, outline], score: text.score, engrave: text.engrave };
    return laserResult('drawer-tag', { ...p }, drawing, [{ id: 'tag', labelKey: 'drawer-tag.parts.tag', contours: [outline] }], {
      width: p.width,
      height: p.height,
      holeSpacing: p.width - 2 * inset,
    });
  },
});
