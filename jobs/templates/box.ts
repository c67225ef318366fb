// Finger-joint box to laser-cut: five or six panels laid flat, each one closed red outline.
import { edgePattern, fingerCount, panelOutline, plainPattern, type PanelEdges } from './box-joints';
import { defineTemplate } from './define';
import { TemplateError } from './errors';
import { outlinesOf, translateOutline, type Outline } from './geometry';
import { jscad } from './jscad';
import { bool, choice, num } from './params';
import { laserResult, type PartDraft } from './result';
import type { Drawing } from './svg';
import type { Placement, Point3 } from './types';

const PARAMS = [
  choice('dimensions', ['outer', 'inner'], 'outer'),
  num('width', { unit: 'mm', min: 30, max: 400, step: 1, default: 120 }),
  num('depth', { unit: 'mm', min: 30, max: 400, step: 1, default: 80 }),
  num('height', { unit: 'mm', min: 20, max: 300, step: 1, default: 60 }),
  num('thickness', { unit: 'mm', min: 1.5, max: 10, step: 0.1, default: 3 }),
  // 0 by default: jobs/laser already grows cut outlines by its material's kerf (doing it here too would
  // double it). For a file cut elsewhere, or a tighter fit, this adds its own.
  num('kerf', { unit: 'mm', min: 0, max: 0.5, step: 0.01, default: 0 }),
  num('finger', { unit: 'mm', min: 3, max: 50, step: 0.5, default: 10 }),
  bool('lid', true),
  num('spacing', { unit: 'mm', min: 2, max: 20, step: 1, default: 5 }),
] as const;

type PanelId = 'bottom' | 'lid' | 'front' | 'back' | 'left' | 'right';

interface Panel {
  id: PanelId;
  w: number;
  h: number;
  edges: PanelEdges;
  placement: Placement;
}

const P = (x: number, y: number, z: number): Point3 => ({ x, y, z });
const X = P(1, 0, 0);
const Y = P(0, 1, 0);
const Z = P(0, 0, 1);

/** Grows the outline by half the kerf, square corners: the beam's path, so the part comes out at size (fingers wider, slots narrower). */
function kerfed(o: Outline, kerf: number): Outline {
  if (kerf === 0) return o;
  const { expansions, geometries } = jscad;
  const grown = outlinesOf(expansions.offset({ delta: kerf / 2, corners: 'edge' }, geometries.geom2.fromPoints(o.map(([x, y]) => [x, y]))));
  if (grown.length !== 1) throw new Error('box: kerf offset split a panel');
  return grown[0]!;
}

export const box = defineTemplate({
  id: 'box',
  outputs: ['laser'],
  params: PARAMS,
  build(p) {
    const t = p.thickness;
    const inner = p.dimensions === 'inner';
    const W = inner ? p.width + 2 * t : p.width;
    const D = inner ? p.depth + 2 * t : p.depth;
    const H = inner ? p.height + (p.lid ? 2 : 1) * t : p.height;
    if (p.finger < t) throw new TemplateError('finger_too_narrow', { minMm: t });

    // Between the corners, three fingers at least, each at least as wide as the sheet is thick:
    // an edge is 5 thicknesses long at least.
    const count = (edge: 'width' | 'depth' | 'height', length: number) => {
      const n = fingerCount(length - 2 * t, p.finger);
      if ((length - 2 * t) / n < t - 1e-9) {
        const own = inner ? 5 * t - (edge === 'height' ? (p.lid ? 2 : 1) * t : 2 * t) : 5 * t;
        throw new TemplateError('fingers_do_not_fit', { edge, minMm: Math.round(own * 100) / 100 });
      }
      return n;
    };
    const nW = count('width', W);
    const nD = count('depth', D);
    const nH = count('height', H);

    // Front and back own the corners and start their spans with a finger; the others fit around them.
    const sideAlongW = edgePattern(W, t, nW, true, true);
    const sideAlongH = edgePattern(H, t, nH, true, true);
    const floorAlongW = edgePattern(W, t, nW, false, false);
    const floorAlongD = edgePattern(D, t, nD, false, true);
    const endAlongD = edgePattern(D, t, nD, false, false);
    const endAlongH = edgePattern(H, t, nH, false, false);

    const floor: PanelEdges = { bottom: floorAlongW, top: floorAlongW, left: floorAlongD, right: floorAlongD };
    const side: PanelEdges = { bottom: sideAlongW, top: p.lid ? sideAlongW : plainPattern(W), left: sideAlongH, right: sideAlongH };
    const end: PanelEdges = { bottom: endAlongD, top: p.lid ? endAlongD : plainPattern(D), left: endAlongH, right: endAlongH };
    const panels: Panel[] = [
      { id: 'bottom', w: W, h: D, edges: floor, placement: { origin: P(0, 0, 0), u: X, v: Y, w: Z } },
      { id: 'front', w: W, h: H, edges: side, placement: { origin: P(0, 0, 0), u: X, v: Z, w: Y } },
      { id: 'left', w: D, h: H, edges: end, placement: { origin: P(0, 0, 0), u: Y, v: Z, w: X } },
      ...(p.lid ? [{ id: 'lid' as const, w: W, h: D, edges: floor, placement: { origin: P(0, 0, H - t), u: X, v: Y, w: Z } }] : []),
      { id: 'back', w: W, h: H, edges: side, placement: { origin: P(0, D - t, 0), u: X, v: Z, w: Y } },
      { id: 'right', w: D, h: H, edges: end, placement: { origin: P(W - t, 0, 0), u: Y, v: Z, w: X } },
    ];

    // Two rows on the sheet: bottom, front, left / (lid), back, right.
    const k = p.kerf;
    const rows = [panels.slice(0, 3), panels.slice(3)];
    const drawing: Drawing = { cut: [], score: [], engrave: [] };
    const parts: PartDraft[] = [];
    let y = 0;
    for (const row of rows) {
      let x = 0;
      for (const panel of row) {
        const origin = { x: x + k / 2, y: y + k / 2 };
        const outline = translateOutline(kerfed(panelOutline(panel.w, panel.h, t, panel.edges), k), origin.x, origin.y);
        const contour = { points: outline, closed: true };
        drawing.cut.push(contour);
        parts.push({ id: panel.id, labelKey: `box.parts.${panel.id}`, contours: [contour], sheetOrigin: origin, placement: panel.placement });
        x += panel.w + k + p.spacing;
      }
      y += Math.max(...row.map((r) => r.h)) + k + p.spacing;
    }
    const innerH = H - (p.lid ? 2 : 1) * t;
    return laserResult('box', { ...p }, drawing, parts, {
      outerWidth: W,
      outerDepth: D,
      outerHeight: H,
      innerWidth: W - 2 * t,
      innerDepth: D - 2 * t,
      innerHeight: innerH,
      fingersAlongWidth: nW,
      fingersAlongDepth: nD,
      fingersAlongHeight: nH,
    });
  },
});
