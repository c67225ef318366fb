// Grbl 1.1 real-time commands. The firmware picks these bytes off the serial stream the instant they
// arrive, in its receive interrupt, before the 128-byte line buffer: they never count against it, work
// while that buffer is full, and must travel as one raw byte each (0x91 written as UTF-8 text would
// become 0xC2 0x91, which Grbl would take as two unknown commands).

export const RT = {
  softReset: 0x18,
  status: 0x3f, // '?'
  feedHold: 0x21, // '!'
  cycleStart: 0x7e, // '~'
  safetyDoor: 0x84,
  jogCancel: 0x85,
  feedReset: 0x90,
  feedPlus10: 0x91,
  feedMinus10: 0x92,
  feedPlus1: 0x93,
  feedMinus1: 0x94,
  rapidFull: 0x95,
  rapidHalf: 0x96,
  rapidQuarter: 0x97,
  spindleReset: 0x99,
  spindlePlus10: 0x9a,
  spindleMinus10: 0x9b,
  spindlePlus1: 0x9c,
  spindleMinus1: 0x9d,
  spindleStop: 0x9e,
  floodToggle: 0xa0,
  mistToggle: 0xa1,
} as const;

/** Bytes Grbl never puts in its line buffer: the four ASCII ones and the whole extended range. */
export function isRealtimeByte(b: number): boolean {
  return b === RT.softReset || b === RT.status || b === RT.feedHold || b === RT.cycleStart || b >= 0x80;
}

export type StepAction = 'reset' | '+10' | '-10' | '+1' | '-1';
export type RapidAction = 'reset' | '50' | '25';
export type OverrideKind = 'feed' | 'rapid' | 'spindle';

/** Grbl's bounds for feed and spindle overrides (config.h defaults), in percent. */
export const OVERRIDE_MIN = 10;
export const OVERRIDE_MAX = 200;

const FEED: Record<StepAction, number> = {
  reset: RT.feedReset,
  '+10': RT.feedPlus10,
  '-10': RT.feedMinus10,
  '+1': RT.feedPlus1,
  '-1': RT.feedMinus1,
};
const SPINDLE: Record<StepAction, number> = {
  reset: RT.spindleReset,
  '+10': RT.spindlePlus10,
  '-10': RT.spindleMinus10,
  '+1': RT.spindlePlus1,
  '-1': RT.spindleMinus1,
};
const RAPID: Record<RapidAction, number> = { reset: RT.rapidFull, '50': RT.rapidHalf, '25': RT.rapidQuarter };

export function overrideByte(kind: 'feed' | 'spindle', action: StepAction): number;
export function overrideByte(kind: 'rapid', action: RapidAction): number;
export function overrideByte(kind: OverrideKind, action: StepAction | RapidAction): number;
export function overrideByte(kind: OverrideKind, action: StepAction | RapidAction): number {
  const table: Record<string, number> = kind === 'feed' ? FEED : kind === 'spindle' ? SPINDLE : RAPID;
  const b = table[action];
  if (b === undefined) throw new RangeError(`no ${kind} override "${action}"`);
  return b;
}

/**
 * The bytes that take an override from `from` to `to` percent: Grbl only has relative steps, so a
 * target is reached with a reset (when it is 100 %) or tens then units. Rapid has three fixed levels.
 */
export function overrideSteps(kind: OverrideKind, from: number, to: number): number[] {
  if (kind === 'rapid') {
    if (to >= 100) return [RT.rapidFull];
    return [to >= 50 ? RT.rapidHalf : RT.rapidQuarter];
  }
  const target = Math.round(Math.min(OVERRIDE_MAX, Math.max(OVERRIDE_MIN, to)));
  const steps = kind === 'feed' ? FEED : SPINDLE;
  const out: number[] = [];
  let at = from;
  if (target === 100 || !Number.isFinite(at)) {
    out.push(steps.reset);
    at = 100;
  }
  const delta = target - at;
  const tens = Math.trunc(Math.abs(delta) / 10);
  const units = Math.abs(delta) - tens * 10;
  for (let i = 0; i < tens; i++) out.push(delta > 0 ? steps['+10'] : steps['-10']);
  for (let i = 0; i < units; i++) out.push(delta > 0 ? steps['+1'] : steps['-1']);
  return out;
}

/** For traces: `?`, `!`, `~` as themselves, the rest in hex. */
export function describeRealtime(b: number): string {
  return b === RT.status || b === RT.feedHold || b === RT.cycleStart ? String.fromCharCode(b) : `0x${b.toString(16).padStart(2, '0')}`;
}
