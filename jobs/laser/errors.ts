// Errors of laser job preparation: a stable code and the values its translated sentence needs
// (assets/i18n/laser/{fr,en}.json, key `errors.<code>`). Anything the maker's file or settings can get
// wrong ends here; an Error of another class is a bug.

export type LaserErrorCode =
  /** The file is bigger than the limit (params: size, limit, in bytes). */
  | 'file_too_large'
  /** Neither SVG nor DXF (nor an image when raster engraving is available) (params: name). */
  | 'unsupported_format'
  /** Not well-formed XML (params: reason, line). */
  | 'svg_invalid_xml'
  /** Well-formed XML whose root is not <svg> (params: root). */
  | 'svg_not_svg'
  /** A DOCTYPE with an internal subset or an ENTITY declaration: refused, never expanded. */
  | 'svg_entities'
  /** A <script> element or an event attribute such as onload (params: what). */
  | 'svg_script'
  /** A link to a resource outside the file (http:, file:, another file…) (params: href). */
  | 'svg_external_reference'
  /** Elements nested deeper than the limit (params: limit). */
  | 'svg_too_deep'
  /** Not a readable text DXF (params: reason). */
  | 'dxf_invalid'
  /** A binary DXF: save it as ASCII DXF. */
  | 'dxf_binary'
  /** More shapes (elements, entities, expanded clones) than the limit (params: limit). */
  | 'too_many_paths'
  /** More points after flattening curves than the limit (params: limit). */
  | 'too_many_points'
  /** Nothing to burn: no shape has a colour mapped to an operation (params: colors). */
  | 'empty_job'
  /** The job does not fit the work area where it is placed (params: axis, min, max, areaMin, areaMax). */
  | 'job_outside_work_area'
  /** The job is larger than the work area: it cannot fit anywhere (params: axis, size, limit). */
  | 'job_larger_than_work_area'
  /** The machine is not a laser on Grbl (params: machine, kind, firmware). */
  | 'machine_not_laser'
  /** The lab has no presets for this machine and material (params: machine, material). */
  | 'no_presets'
  /** A setting outside the lab's limits for this material (params: operation, param, value, min, max). */
  | 'param_out_of_limits'
  /** The presets file does not follow its schema (params: issues). */
  | 'presets_invalid'
  /** An option the caller passed is not valid (params: option, value). */
  | 'bad_option'
  /** The raster engraver refused the image (params: reason). */
  | 'image_invalid';

export type LaserErrorParams = Record<string, string | number>;

export class LaserError extends Error {
  constructor(
    readonly code: LaserErrorCode,
    readonly params: LaserErrorParams = {},
  ) {
    super(`${code}${Object.keys(params).length > 0 ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'LaserError';
  }
}

export function isLaserError(e: unknown): e is LaserError {
  return e instanceof LaserError;
}
