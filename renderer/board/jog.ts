// The trainer's jog pad: steps and feeds. Feeds are gentle on purpose: a jog is a trainer nudging the
// head near a part or a clamp, and a printer's Z screw or a mill's plunge is slow on every machine.
import type { MachineKind } from '../../electron/api/types';

export const jogSteps = [0.1, 1, 10] as const;
export type JogStep = (typeof jogSteps)[number];
export type JogAxis = 'x' | 'y' | 'z';

const feeds: Record<'fdm' | 'laser' | 'cnc' | 'other', { xy: number; z: number }> = {
  fdm: { xy: 3000, z: 600 },
  laser: { xy: 3000, z: 300 },
  cnc: { xy: 1000, z: 300 },
  other: { xy: 1000, z: 300 },
};

/** mm/min for a jog along one axis; a tenth of a millimetre goes slower still, to be seen. */
export function jogFeed(kind: MachineKind, axis: JogAxis, step: JogStep): number {
  const f = feeds[kind === 'fdm' || kind === 'laser' || kind === 'cnc' ? kind : 'other'];
  const base = axis === 'z' ? f.z : f.xy;
  return step < 1 ? Math.min(base, 300) : base;
}

export function jogMove(
  kind: MachineKind,
  axis: JogAxis,
  direction: 1 | -1,
  step: JogStep,
): { x?: number; y?: number; z?: number; feedMmMin: number } {
  return { [axis]: direction * step, feedMmMin: jogFeed(kind, axis, step) };
}
