// Findings of laser job preparation: what the maker should know about the file, while the job is
// still made. Translated by code (assets/i18n/laser, key `findings.<code>`); `message` is an English
// fallback for logs and the command line.

export type LaserFindingCode =
  /** Live <text> elements are not burnt: convert text to paths in the drawing program (params: count). */
  | 'svg_text_not_paths'
  /** Embedded or linked bitmaps inside an SVG are not engraved (params: count). */
  | 'svg_image_ignored'
  /** No physical size (width/height in mm, in…): user units were read as CSS pixels at 96 dpi. */
  | 'svg_no_physical_size'
  /** Paint servers (gradients, patterns) are not colours: such paint was treated as none (params: count). */
  | 'svg_unsupported_paint'
  /** Unreadable values (a path's data, a transform, a length) were skipped (params: count). */
  | 'svg_invalid_values'
  /** A colour no operation is mapped to: its shapes are not burnt (params: paint, color, count). */
  | 'unmapped_color'
  /** The same outline drawn twice: burnt once (params: count). */
  | 'duplicate_paths_removed'
  /** Open shapes in a cut: they cannot free a part and get no kerf offset (params: count). */
  | 'open_cut_path'
  /** A hole smaller than the kerf: cut as drawn, without offset (params: count). */
  | 'kerf_too_large_for_hole'
  /** Open shapes cannot be filled: not engraved (params: count). */
  | 'fill_open_shape'
  /** DXF entities not converted (text, dimensions, hatches…) (params: type, count). */
  | 'dxf_unsupported_entity'
  /** DXF without $INSUNITS: read as millimetres. */
  | 'dxf_units_assumed'
  /** A spline without control points, or with inconsistent knots: drawn through its fit points or skipped (params: count). */
  | 'dxf_bad_spline';

export interface LaserFinding {
  severity: 'warning' | 'info';
  code: LaserFindingCode;
  params: Record<string, string | number>;
  message: string;
}

const s = (v: unknown): string => (v === undefined ? '?' : String(v));

const MESSAGES: Record<LaserFindingCode, (p: Record<string, string | number>) => string> = {
  svg_text_not_paths: (p) => `${s(p.count)} text element(s) are not burnt: text must already be paths (convert it in the drawing program).`,
  svg_image_ignored: (p) => `${s(p.count)} bitmap image(s) inside the SVG are not engraved.`,
  svg_no_physical_size: () => 'The SVG gives no size in mm, cm or inches: its units were read as pixels at 96 dpi.',
  svg_unsupported_paint: (p) => `${s(p.count)} gradient or pattern paint(s) were treated as no colour.`,
  svg_invalid_values: (p) => `${s(p.count)} unreadable value(s) (path data, transform, length) were skipped.`,
  unmapped_color: (p) => `${s(p.count)} shape(s) with ${s(p.paint)} colour ${s(p.color)} are mapped to no operation: not burnt.`,
  duplicate_paths_removed: (p) => `${s(p.count)} path(s) drawn twice were burnt once.`,
  open_cut_path: (p) => `${s(p.count)} open shape(s) are cut: they cannot free a part and get no kerf offset.`,
  kerf_too_large_for_hole: (p) => `${s(p.count)} hole(s) are smaller than the kerf: cut as drawn.`,
  fill_open_shape: (p) => `${s(p.count)} open shape(s) cannot be filled: not engraved.`,
  dxf_unsupported_entity: (p) => `${s(p.count)} DXF ${s(p.type)} entit(y/ies) not converted.`,
  dxf_units_assumed: () => 'The DXF does not say its units: read as millimetres.',
  dxf_bad_spline: (p) => `${s(p.count)} spline(s) without usable control points were drawn through their fit points or skipped.`,
};

export function laserFindingMessage(code: LaserFindingCode, params: Record<string, string | number>): string {
  return MESSAGES[code](params);
}

/** Collects findings; repeats of a code (and key) add up in `params.count`. */
export class LaserFindings {
  private readonly byKey = new Map<string, LaserFinding>();

  add(code: LaserFindingCode, params: Record<string, string | number> = {}, count = 1, key = '', severity: 'warning' | 'info' = 'warning'): void {
    if (count <= 0) return;
    const k = `${code}\u0000${key}`;
    const prev = this.byKey.get(k);
    if (prev) {
      prev.params.count = Number(prev.params.count ?? 0) + count;
      return;
    }
    this.byKey.set(k, { severity, code, params: { ...params, count }, message: '' });
  }

  merge(list: readonly LaserFinding[]): void {
    for (const f of list) {
      const { count, ...rest } = f.params;
      const key = Object.entries(rest).map(([a, b]) => `${a}=${b}`).join('&');
      this.add(f.code, rest, typeof count === 'number' ? count : 1, key, f.severity);
    }
  }

  list(): LaserFinding[] {
    return [...this.byKey.values()].map((f) => ({ ...f, params: { ...f.params }, message: laserFindingMessage(f.code, f.params) }));
  }
}
