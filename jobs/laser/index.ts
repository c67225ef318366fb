// Public API of laser job preparation (issue #6): SVG / DXF / bitmap in, Grbl 1.1 laser program out,
// with its analysis by the G-code engine. See README.md.

export { prepareLaserJob } from './job';
export type { BedBounds, ImageSettings, LaserJob, LaserJobInput, OperationStats } from './types';

export { inspectDrawing, type DrawingInspection, type InspectedColor, type InspectOptions, type OutlinePath } from './inspect';
export { importSvg, type SvgImportOptions, type VectorImport } from './svg/import';
export { importDxf, type DxfImportOptions } from './dxf/import';
export { detectFormat, type SourceFormat } from './source';
export type { Box, Drawing, FillRule, Hex, Polyline, Shape } from './geometry/types';
export { normalizeColor } from './geometry/color';

export { assignOperations, DEFAULT_MAPPING, type Assignment, type ColorMapping, type ColorSettings, type ColorUse, type MappingValue, type OperationGroup } from './plan/operations';
export { scaleAssignment, type Size } from './plan/scale';
export { buildContainment, type Containment } from './plan/containment';
export { offsetForKerf, loadClipper } from './plan/kerf';
export { planRoute, listedTravel, type Route, type RouteOptions } from './plan/order';
export { hatchLines, type HatchLine } from './plan/hatch';
export { checkFits, workAreaOf, type Placement, type WorkArea } from './plan/place';

export { frameGcode, type FrameBounds, type FrameOptions } from './output/frame';
export { checkLaserMachine, overscanFor, sValue } from './output/program';

export { defaultPresets, groupParams, materialPresets, parsePresets, resolveParams, type FillParams, type JobParams, type ParamOverrides, type RasterParams, type VectorParams } from './presets/presets';
export { OPERATION_KINDS, presetsSchema, type LaserPresets, type OperationChoice, type OperationKind } from './presets/schema';

export { isLaserError, LaserError, type LaserErrorCode, type LaserErrorParams } from './errors';
export { laserFindingMessage, type LaserFinding, type LaserFindingCode } from './findings';
export { DEFAULT_LIMITS, type LaserLimits } from './limits';
