// Where the camera stands to show the job: the box to frame (the part, else the work, else every
// move, else the bed), and the distance at which all of its corners are in view.
import { Box3, Vector3 } from 'three';
import type { Box, ToolpathStats } from './toolpath-data';

/** The part's bounds, or the work's, or all moves', or the bed; never smaller than 10 mm across. */
export function frameBox(stats: ToolpathStats | null, area: { x: number; y: number; z: number } | null): Box3 {
  const pick: Box | null = stats ? ([stats.part, stats.work, stats.all].find((b) => !b.empty) ?? null) : null;
  const box = pick
    ? new Box3(new Vector3(...pick.min), new Vector3(...pick.max))
    : new Box3(new Vector3(0, 0, 0), new Vector3(area?.x ?? 200, area?.y ?? 200, 0));
  const size = box.getSize(new Vector3());
  if (Math.max(size.x, size.y, size.z) < 10) box.expandByVector(new Vector3(5, 5, 0));
  return box;
}

/**
 * How far from the centre, along `dir`, the camera must stand for every corner of the box to be in
 * view, with a small margin: closer than the bounding sphere would put it.
 */
export function fitDistance(box: Box3, center: Vector3, dir: Vector3, up: Vector3, fovDeg: number, aspect: number): number {
  const tanV = Math.tan((fovDeg * Math.PI) / 360);
  const tanH = tanV * aspect;
  const forward = dir.clone().negate();
  const right = new Vector3().crossVectors(forward, up).normalize();
  const upward = new Vector3().crossVectors(right, forward).normalize();
  const margin = 1.12;
  let d = 1;
  const rel = new Vector3();
  for (let i = 0; i < 8; i++) {
    rel.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).sub(center);
    const along = rel.dot(dir);
    d = Math.max(d, along + (Math.abs(rel.dot(right)) * margin) / tanH, along + (Math.abs(rel.dot(upward)) * margin) / tanV);
  }
  return d;
}

