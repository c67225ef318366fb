// Phone stand to print: a side profile (base, front lip, slot, inclined back rest, rear wall, a window
// to save plastic) extruded across the width, lying on its base.
import { defineTemplate } from './define';
import type { Outline } from './geometry';
import { moveMesh, prism } from './mesh';
import { num } from './params';
import { printResult } from './result';
import type { Vec2 } from './types';

const PARAMS = [
  num('phoneThickness', { unit: 'mm', min: 6, max: 20, step: 0.5, default: 11 }),
  num('angle', { unit: 'deg', min: 50, max: 80, step: 1, default: 65 }),
  num('width', { unit: 'mm', min: 40, max: 120, step: 1, default: 70 }),
] as const;

/** Walls, the lip's height, the back rest's length (along its slope), and the play left around the phone. */
export const STAND = { wall: 4, lip: 12, rest: 90, clearance: 1 } as const;

export interface StandProfile {
  outer: Outline;
  window: Outline | null;
  /** Horizontal width of the slot at its floor. */
  slot: number;
}

/** The profile in the (depth, height) plane: x towards the back, y up; the phone leans towards +x. */
export function standProfile(phoneThickness: number, angleDeg: number): StandProfile {
  const { wall: w, lip, rest, clearance } = STAND;
  const a = (angleDeg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  // A slab of thickness T leaning at angle a crosses the floor over T / sin(a).
  const slot = (phoneThickness + clearance) / sin;
  const foot: Vec2 = [w + slot, w];
  const topFront: Vec2 = [foot[0] + rest * cos, foot[1] + rest * sin];
  const topBack: Vec2 = [topFront[0] + w * sin, topFront[1] - w * cos];
  const back = topBack[0];
  const outer: Outline = [[0, 0], [back, 0], topBack, topFront, foot, [w, w], [w, lip], [0, lip]];
  // The window: under the back rest, over the base, before the rear wall (each a wall thick).
  const low: Vec2 = [topBack[0] - (topBack[1] - w) / Math.tan(a), w];
  const corner: Vec2 = [back - w, w];
  const high: Vec2 = [back - w, topBack[1] - w * Math.tan(a)];
  const big = corner[0] - low[0] > 8 && high[1] - corner[1] > 8;
  // Clockwise: a hole.
  return { outer, window: big ? [low, high, corner] : null, slot };
}

export const phoneStand = defineTemplate({
  id: 'phone-stand',
  outputs: ['print'],
  params: PARAMS,
  build(p) {
    const profile = standProfile(p.phoneThickness, p.angle);
    const flat = prism(profile.window ? [profile.outer, profile.window] : [profile.outer], p.width);
    // Stand it up: profile (x, y) → (x, z), extruded along y; a proper rotation, so faces stay outward.
    const mesh = moveMesh(flat, (x, y, z) => [x, p.width - z, y]);
    return printResult('phone-stand', { ...p }, mesh, {
      slotWidth: profile.slot,
      restLength: STAND.rest,
      depth: profile.outer[1]![0],
      height: Math.max(...profile.outer.map((q) => q[1])),
    });
  },
});
