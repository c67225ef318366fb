// Placing a model on the printer: pure functions on the typed mesh, each returning a new mesh.
// Rotations and scaling happen about the centre of the model's bounds, so that the model stays where
// it was; `placeOnBed` then puts it in the middle of the bed, resting on it.

import type { MachineProfile } from '../gcode';
import { PrintError } from './errors';
import { boundsCentre, boundsSize, computeBounds, type Mesh, type Vec3 } from './mesh';

export type Axis = 'x' | 'y' | 'z';

/** Slack on the fit check: float32 coordinates and the slicer's own rounding. */
const FIT_TOLERANCE_MM = 1e-3;
/** Scale factors beyond which a maker has typed a wrong number rather than asked for a size. */
const MIN_SCALE = 1e-3;
const MAX_SCALE = 1e3;

/** A 3×3 matrix (row-major) applied about a centre, then a translation. */
export function applyLinear(mesh: Mesh, m: ArrayLike<number>, centre: Vec3 = { x: 0, y: 0, z: 0 }, translate: Vec3 = { x: 0, y: 0, z: 0 }): Mesh {
  const src = mesh.positions;
  const out = new Float32Array(mesh.triangles * 9);
  const [a, b, c, d, e, f, g, h, k] = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!, m[8]!];
  const tx = centre.x + translate.x, ty = centre.y + translate.y, tz = centre.z + translate.z;
  for (let i = 0; i < out.length; i += 3) {
    const x = src[i]! - centre.x, y = src[i + 1]! - centre.y, z = src[i + 2]! - centre.z;
    out[i] = a * x + b * y + c * z + tx;
    out[i + 1] = d * x + e * y + f * z + ty;
    out[i + 2] = g * x + h * y + k * z + tz;
  }
  // A mirroring matrix would turn the faces inside out.
  const det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
  if (det < 0) {
    for (let i = 0; i < out.length; i += 9) {
      for (let j = 0; j < 3; j++) {
        const t = out[i + 3 + j]!;
        out[i + 3 + j] = out[i + 6 + j]!;
        out[i + 6 + j] = t;
      }
    }
  }
  return { positions: out, triangles: mesh.triangles, bounds: computeBounds(out, mesh.triangles) };
}

export function translate(mesh: Mesh, by: Vec3): Mesh {
  if (![by.x, by.y, by.z].every(Number.isFinite)) throw new PrintError('bad_transform', { reason: 'translate' });
  const src = mesh.positions;
  const out = new Float32Array(mesh.triangles * 9);
  for (let i = 0; i < out.length; i += 3) {
    out[i] = src[i]! + by.x;
    out[i + 1] = src[i + 1]! + by.y;
    out[i + 2] = src[i + 2]! + by.z;
  }
  return { positions: out, triangles: mesh.triangles, bounds: computeBounds(out, mesh.triangles) };
}

/** The rotation matrix (row-major) of `degrees` about an axis, right-handed. */
export function rotationMatrix(axis: Axis, degrees: number): number[] {
  const r = (degrees * Math.PI) / 180;
  // Exact for quarter turns: no 6e-17 left where a maker expects a straight face.
  const q = degrees / 90;
  const exact = Number.isInteger(q);
  const turn = ((q % 4) + 4) % 4;
  const c = exact ? [1, 0, -1, 0][turn]! : Math.cos(r);
  const s = exact ? [0, 1, 0, -1][turn]! : Math.sin(r);
  if (axis === 'x') return [1, 0, 0, 0, c, -s, 0, s, c];
  if (axis === 'y') return [c, 0, s, 0, 1, 0, -s, 0, c];
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

/** Rotates about the centre of the model's bounds. */
export function rotate(mesh: Mesh, axis: Axis, degrees: number): Mesh {
  if (!Number.isFinite(degrees) || !['x', 'y', 'z'].includes(axis)) throw new PrintError('bad_transform', { reason: 'rotate' });
  return applyLinear(mesh, rotationMatrix(axis, degrees), boundsCentre(mesh.bounds));
}

/** Uniform scale about the centre of the model's bounds (1 = unchanged, 25.4 = inches read as mm). */
export function scale(mesh: Mesh, factor: number): Mesh {
  if (!Number.isFinite(factor) || factor < MIN_SCALE || factor > MAX_SCALE) {
    throw new PrintError('bad_transform', { reason: 'scale', value: String(factor), min: MIN_SCALE, max: MAX_SCALE });
  }
  return applyLinear(mesh, [factor, 0, 0, 0, factor, 0, 0, 0, factor], boundsCentre(mesh.bounds));
}

/** Moves the model down (or up) so that its lowest point is at z = 0. */
export function dropToBed(mesh: Mesh): Mesh {
  return translate(mesh, { x: 0, y: 0, z: -mesh.bounds.min.z });
}

/** The middle of the machine's work area (its bed), in machine coordinates. */
export function bedCentre(machine: MachineProfile): { x: number; y: number } {
  if (!machine.workArea) throw new PrintError('machine_not_printer', { machine: machine.id ?? '' });
  const o = machine.workOrigin ?? { x: 0, y: 0, z: 0 };
  return { x: o.x + machine.workArea.x / 2, y: o.y + machine.workArea.y / 2 };
}

/** Centres the model on the bed and rests it on it (z = 0). */
export function placeOnBed(mesh: Mesh, machine: MachineProfile): Mesh {
  const c = boundsCentre(mesh.bounds);
  const bed = bedCentre(machine);
  return translate(mesh, { x: bed.x - c.x, y: bed.y - c.y, z: -mesh.bounds.min.z });
}

export interface FitCheck {
  fits: boolean;
  size: Vec3;
  workArea: Vec3;
  /** Axes along which the model is too large. */
  tooLarge: Axis[];
  /** It would fit turned a quarter turn about Z. */
  fitsRotated: boolean;
}

export function checkFit(mesh: Mesh, machine: MachineProfile): FitCheck {
  if (!machine.workArea) throw new PrintError('machine_not_printer', { machine: machine.id ?? '' });
  const size = boundsSize(mesh.bounds);
  const w = machine.workArea;
  const tooLarge = (['x', 'y', 'z'] as const).filter((a) => size[a] > w[a] + FIT_TOLERANCE_MM);
  const fitsRotated = size.y <= w.x + FIT_TOLERANCE_MM && size.x <= w.y + FIT_TOLERANCE_MM && size.z <= w.z + FIT_TOLERANCE_MM;
  return { fits: tooLarge.length === 0, size, workArea: { ...w }, tooLarge, fitsRotated };
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

/** Throws `model_too_large` with the model's and the printer's sizes when it cannot fit as it is. */
export function assertFits(mesh: Mesh, machine: MachineProfile): void {
  const f = checkFit(mesh, machine);
  if (f.fits) return;
  const params: Record<string, string | number> = {
    x: r1(f.size.x),
    y: r1(f.size.y),
    z: r1(f.size.z),
    maxX: f.workArea.x,
    maxY: f.workArea.y,
    maxZ: f.workArea.z,
    axes: f.tooLarge.map((a) => a.toUpperCase()).join(', '),
    machine: machine.name ?? machine.id ?? '',
  };
  // i18next context: the sentence then suggests a quarter turn.
  if (f.fitsRotated) params.context = 'rotate';
  throw new PrintError('model_too_large', params);
}

/** Whether the model, where it stands, lies within the work area (for a model placed by hand). */
export function insideWorkArea(mesh: Mesh, machine: MachineProfile): boolean {
  if (!machine.workArea) return false;
  const o = machine.workOrigin ?? { x: 0, y: 0, z: 0 };
  const { min, max } = mesh.bounds;
  const t = FIT_TOLERANCE_MM;
  return (
    min.x >= o.x - t && min.y >= o.y - t && min.z >= o.z - t &&
    max.x <= o.x + machine.workArea.x + t && max.y <= o.y + machine.workArea.y + t && max.z <= o.z + machine.workArea.z + t
  );
}
