// Where the job lands on the bed, and whether it fits there. Model coordinates are the drawing's own
// (an SVG page's bottom-left corner, a DXF's origin, at the bed's origin); a placement moves the
// job's lower-left corner to a point of the bed.
import type { MachineProfile } from '../../gcode';
import { LaserError } from '../errors';
import type { Box } from '../geometry/types';

export interface Placement {
  /** Where the lower-left corner of the job's bounds goes, in machine coordinates (mm). */
  xMm: number;
  yMm: number;
}

export interface WorkArea {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function workAreaOf(machine: MachineProfile): WorkArea | null {
  if (!machine.workArea) return null;
  const o = machine.workOrigin ?? { x: 0, y: 0, z: 0 };
  return { minX: o.x, minY: o.y, maxX: o.x + machine.workArea.x, maxY: o.y + machine.workArea.y };
}

/**
 * Without a placement, a job drawn against the page's edge goes past it by half its kerf (0.09 mm on a
 * CO2 laser): moved inside by up to this much rather than refused. Further out is a real placement
 * error, reported as such.
 */
const NUDGE_MM = 1;

/** The shift from model to machine coordinates. */
export function placementOffset(bounds: Box, placement: Placement | undefined, area: WorkArea | null): { dx: number; dy: number } {
  if (!placement) {
    if (!area) return { dx: 0, dy: 0 };
    return { dx: nudge(bounds.minX, bounds.maxX, area.minX, area.maxX), dy: nudge(bounds.minY, bounds.maxY, area.minY, area.maxY) };
  }
  if (!Number.isFinite(placement.xMm) || !Number.isFinite(placement.yMm)) {
    throw new LaserError('bad_option', { option: 'placement', value: `${placement.xMm},${placement.yMm}` });
  }
  return { dx: placement.xMm - bounds.minX, dy: placement.yMm - bounds.minY };
}

const EPS = 1e-6;

function nudge(lo: number, hi: number, aLo: number, aHi: number): number {
  if (hi - lo > aHi - aLo) return 0; // too large anywhere: checkFits says so
  if (lo < aLo && aLo - lo <= NUDGE_MM) return aLo - lo;
  if (hi > aHi && hi - aHi <= NUDGE_MM) return aHi - hi;
  return 0;
}

/** Throws when the placed job leaves the work area. */
export function checkFits(b: Box, area: WorkArea | null): void {
  if (!area) return;
  for (const axis of ['x', 'y'] as const) {
    const lo = axis === 'x' ? b.minX : b.minY;
    const hi = axis === 'x' ? b.maxX : b.maxY;
    const aLo = axis === 'x' ? area.minX : area.minY;
    const aHi = axis === 'x' ? area.maxX : area.maxY;
    const r = (v: number) => Math.round(v * 100) / 100;
    if (hi - lo > aHi - aLo + EPS) throw new LaserError('job_larger_than_work_area', { axis: axis.toUpperCase(), size: r(hi - lo), limit: r(aHi - aLo) });
    if (lo < aLo - EPS || hi > aHi + EPS) {
      throw new LaserError('job_outside_work_area', { axis: axis.toUpperCase(), min: r(lo), max: r(hi), areaMin: r(aLo), areaMax: r(aHi) });
    }
  }
}
