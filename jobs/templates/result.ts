// Turning a drawing or a mesh into the result every template returns.
import { boxOf } from './geometry';
import { meshBounds, moveMesh, type Mesh } from './mesh';
import { writeStl } from './stl';
import { drawingBox, previewPolylines, translateDrawing, writeSvg, type Contour, type Drawing } from './svg';
import type { Bounds, LaserPart, LaserResult, ParamValue, Placement, PrintResult, TemplateId } from './types';

export interface PartDraft {
  id: string;
  labelKey: string;
  /** Its cut contours, for its bounds. */
  contours: Contour[];
  sheetOrigin?: { x: number; y: number };
  placement?: Placement;
}

const flatBounds = (minX: number, minY: number, maxX: number, maxY: number): Bounds => ({
  min: { x: minX, y: minY, z: 0 },
  max: { x: maxX, y: maxY, z: 0 },
});

/** Moves the drawing so its bounds start at (0, 0), writes the SVG and the preview. */
export function laserResult(
  template: TemplateId,
  params: Record<string, ParamValue>,
  drawing: Drawing,
  parts: PartDraft[],
  dimensions: Record<string, number>,
): LaserResult {
  const b = drawingBox(drawing);
  const dx = -b.minX;
  const dy = -b.minY;
  const moved = translateDrawing(drawing, dx, dy);
  return {
    kind: 'laser',
    template,
    params,
    svg: writeSvg(moved, `FabKiosk — ${template}`),
    bounds: flatBounds(0, 0, b.maxX - b.minX, b.maxY - b.minY),
    parts: parts.map((p): LaserPart => {
      const pb = boxOf(p.contours.map((c) => c.points));
      const part: LaserPart = { id: p.id, labelKey: p.labelKey, bounds: flatBounds(pb.minX + dx, pb.minY + dy, pb.maxX + dx, pb.maxY + dy) };
      if (p.sheetOrigin) part.sheetOrigin = { x: p.sheetOrigin.x + dx, y: p.sheetOrigin.y + dy };
      if (p.placement) part.placement = p.placement;
      return part;
    }),
    preview: { polylines: previewPolylines(moved) },
    dimensions,
  };
}

/** Moves the part so its bounds start at (0, 0, 0), on the bed, and writes the STL. */
export function printResult(template: TemplateId, params: Record<string, ParamValue>, solid: Mesh, dimensions: Record<string, number>): PrintResult {
  const b = meshBounds(solid);
  const mesh = b.min.x === 0 && b.min.y === 0 && b.min.z === 0 ? solid : moveMesh(solid, (x, y, z) => [x - b.min.x, y - b.min.y, z - b.min.z]);
  return {
    kind: 'print',
    template,
    params,
    stl: writeStl(mesh, `FabKiosk template ${template}, binary STL, mm`),
    bounds: meshBounds(mesh),
    triangles: mesh.triangles,
    preview: { positions: mesh.positions, normals: mesh.normals },
    dimensions,
  };
}
