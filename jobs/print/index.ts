// Public API of 3D-print job preparation: model files (STL, 3MF, OBJ) to a typed mesh, placing it on
// the bed, slicing it with PrusaSlicer on the lab's locked profiles, and checking G-code (sliced here
// or uploaded ready-made) against the printer and the material. See README.md.

export { PrintError, isPrintError, type PrintErrorCode, type PrintErrorParams } from './errors';
export { DEFAULT_MESH_LIMITS, meshLimits, type MeshLimits } from './limits';
export { boundsCentre, boundsSize, computeBounds, countDegenerate, meshVolume, validateMesh, type Mesh, type MeshBounds, type Vec3 } from './mesh';
export { formatFromName, loadMesh, sniffFormat, type LoadedMesh, type LoadOptions, type MeshFormat } from './load';
export { loadMeshFile } from './file';
export { detectStl, parseStl, writeBinaryStl, type StlKind } from './stl';
export { parse3mf, UNIT_MM, type ThreeMfResult } from './threemf';
export { parseObj } from './obj';
export {
  applyLinear,
  assertFits,
  bedCentre,
  checkFit,
  dropToBed,
  insideWorkArea,
  placeOnBed,
  rotate,
  rotationMatrix,
  scale,
  translate,
  type Axis,
  type FitCheck,
} from './transform';
export { findLayFlatFace, layFlat, rotationOntoDown, type LayFlatResult } from './layflat';
export {
  BRIM_WIDTH_MM,
  choiceArgs,
  DEFAULT_CHOICES,
  INFILL_PERCENTS,
  LAYER_HEIGHT_MM,
  profileFiles,
  QUALITIES,
  sliceChoices,
  type ProfileFiles,
  type Quality,
  type SliceChoices,
} from './profiles';
export { DEFAULT_SLICE_TIMEOUT_MS, findSlicer, parseProgressLine, runSlicer, type ProgressLine } from './slicer';
export { sliceFile, sliceMesh, type SliceFileOptions, type SliceOptions, type SliceResult, type SliceStage } from './slice';
export { checkPresliced, checkPreslicedFile, DEFAULT_MAX_GCODE_BYTES, printCheck, type PrintCheck, type PrintCheckOptions } from './check';
