// Name keychain to print: raised single-stroke letters on a rounded plate, with a ring hole.
import { defineTemplate } from './define';
import { circleSegments, outlinesOf, reverse, roundedBox, toOrigin, type Outline } from './geometry';
import { jscad } from './jscad';
import { terracedSolid } from './mesh';
import { bool, num, text } from './params';
import { printResult } from './result';
import { layoutText } from './text';
import { solidText } from './text-shape';

const PARAMS = [
  text('text', { min: 1, max: 16, default: 'FabLab' }),
  num('letterHeight', { unit: 'mm', min: 5, max: 20, step: 0.5, default: 8 }),
  num('plateThickness', { unit: 'mm', min: 1.5, max: 5, step: 0.1, default: 2 }),
  num('reliefHeight', { unit: 'mm', min: 0.6, max: 3, step: 0.1, default: 1.2 }),
  bool('ring', true),
  num('holeDiameter', { unit: 'mm', min: 3, max: 8, step: 0.5, default: 5 }),
] as const;

/** Wall of plastic around the ring hole. */
const RING_WALL_MM = 2.5;

/** Pen width of the letters: bold enough for a 0.4 mm nozzle (two or more lines), never blobby. */
export function keychainStroke(letterHeight: number): number {
  return Math.min(2.5, Math.max(0.9, letterHeight * 0.15));
}

export const keychain = defineTemplate({
  id: 'keychain',
  outputs: ['print'],
  params: PARAMS,
  build(p) {
    const { primitives, hulls } = jscad;
    const stroke = keychainStroke(p.letterHeight);
    const laid = layoutText(p.text, p.letterHeight, stroke);
    const letters = solidText(laid.strokes, stroke);
    const margin = Math.max(2.5, 0.3 * p.letterHeight);
    const x0 = laid.box.minX - stroke / 2 - margin;
    const x1 = laid.box.maxX + stroke / 2 + margin;
    const y0 = laid.box.minY - stroke / 2 - margin;
    const y1 = laid.box.maxY + stroke / 2 + margin;
    const w = x1 - x0;
    const h = y1 - y0;
    const radius = Math.min(Math.min(w, h) / 2, 3 + 0.25 * p.letterHeight);
    let plate = roundedBox(w, h, radius, [(x0 + x1) / 2, (y0 + y1) / 2], 0.02);
    const outlines: Outline[] = [];
    if (p.ring) {
      // The hole sits left of the plate's text area, its wall merged into the plate by a convex hull.
      const hole = p.holeDiameter / 2;
      const centre: [number, number] = [x0 - hole, (y0 + y1) / 2];
      const ringRadius = hole + RING_WALL_MM;
      plate = hulls.hull(plate, primitives.circle({ radius: ringRadius, center: centre, segments: circleSegments(ringRadius, 0.02) }));
      outlines.push(...outlinesOf(plate), reverse(outlinesOf(primitives.circle({ radius: hole, center: centre, segments: circleSegments(hole, 0.02) }))[0]!));
    } else {
      outlines.push(...outlinesOf(plate));
    }
    const top = p.plateThickness + p.reliefHeight;
    const [plateAtOrigin, lettersAtOrigin] = toOrigin([outlines, letters]);
    const mesh = terracedSolid([
      { outlines: plateAtOrigin!, z0: 0, z1: p.plateThickness },
      { outlines: lettersAtOrigin!, z0: p.plateThickness, z1: top },
    ]);
    return printResult('keychain', { ...p }, mesh, {
      letterHeight: p.letterHeight,
      strokeWidth: stroke,
      textWidth: laid.box.maxX - laid.box.minX + stroke,
      totalHeight: top,
    });
  },
});
