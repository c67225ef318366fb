// A host pause for printers: the firmware knows nothing of it, so the host itself parks the head away
// from the part and later puts everything back as the job left it. The commands are built here, as
// plain lists, so what a pause does can be read and tested without a printer.
import type { Position } from './responses';

export interface PauseOptions {
  /** Filament pulled back while parked, so it does not ooze onto the part (mm). */
  retractMm: number;
  retractFeed: number;
  /** Z lift above the part (mm), clamped to `zMax` when the machine's height is known. */
  liftMm: number;
  zMax?: number;
  /** Where the head waits; Y defaults to the front of the bed (`yMax`) when known, else 0. */
  park: { x: number; y?: number };
  yMax?: number;
  travelFeed: number;
  zFeed: number;
  /** Below this nozzle temperature Marlin refuses E moves ("cold extrusion prevented"): skip them. */
  minExtrudeTemp: number;
  /** A heater this much below its saved target is waited for before the head goes back (°C). */
  reheatMargin: number;
}

export const DEFAULT_PAUSE: PauseOptions = {
  retractMm: 2,
  retractFeed: 2400,
  liftMm: 10,
  park: { x: 0 },
  travelFeed: 6000,
  zFeed: 600,
  minExtrudeTemp: 170,
  reheatMargin: 5,
};

/** Everything the job had set when it was paused; restored in this order by `resumeCommands`. */
export interface SavedState {
  position: Position;
  relative: boolean;
  relativeE: boolean;
  /** mm/min, NaN when the job never set one. */
  feed: number;
  toolTarget: number;
  bedTarget: number;
  /** Whether the park retracted (only when the nozzle was hot enough). */
  retracted: boolean;
  /** How far Z actually went up. */
  lifted: number;
}

export interface HeaterNow {
  toolTarget: number;
  toolActual: number;
  bedTarget: number;
  bedActual: number;
}

const fmt = (v: number): string => String(Math.round(v * 1000) / 1000);

/** Decides retract and lift from where the head is; the driver sends `commands` in order. */
export function planPark(
  position: Position,
  toolActual: number,
  opts: PauseOptions,
): { commands: string[]; retracted: boolean; lifted: number } {
  const retracted = opts.retractMm > 0 && toolActual >= opts.minExtrudeTemp;
  const room = opts.zMax === undefined ? opts.liftMm : Math.max(0, opts.zMax - position.z);
  const lifted = Math.min(opts.liftMm, room);
  const parkY = opts.park.y ?? opts.yMax ?? 0;
  const commands = ['G91'];
  if (retracted) commands.push(`G1 E-${fmt(opts.retractMm)} F${fmt(opts.retractFeed)}`);
  if (lifted > 0) commands.push(`G1 Z${fmt(lifted)} F${fmt(opts.zFeed)}`);
  commands.push('G90', `G1 X${fmt(opts.park.x)} Y${fmt(parkY)} F${fmt(opts.travelFeed)}`, 'M400');
  return { commands, retracted, lifted };
}

/**
 * Back to work: heaters first (both targets set at once so they heat together, then waited for),
 * XY at the parked height so the nozzle does not drag across the part, then Z, then the filament,
 * then the job's own modes and feed rate.
 */
export function resumeCommands(saved: SavedState, now: HeaterNow, opts: PauseOptions): string[] {
  const out: string[] = [];
  const bedNeeded = saved.bedTarget > 0 && (now.bedTarget < saved.bedTarget || now.bedActual < saved.bedTarget - opts.reheatMargin);
  const toolNeeded =
    saved.toolTarget > 0 && (now.toolTarget < saved.toolTarget || now.toolActual < saved.toolTarget - opts.reheatMargin);
  if (bedNeeded) out.push(`M140 S${fmt(saved.bedTarget)}`);
  if (toolNeeded) out.push(`M104 S${fmt(saved.toolTarget)}`);
  if (bedNeeded) out.push(`M190 S${fmt(saved.bedTarget)}`);
  if (toolNeeded) out.push(`M109 S${fmt(saved.toolTarget)}`);
  const p = saved.position;
  out.push('G90', `G1 X${fmt(p.x)} Y${fmt(p.y)} F${fmt(opts.travelFeed)}`, `G1 Z${fmt(p.z)} F${fmt(opts.zFeed)}`);
  if (saved.retracted) out.push('G91', `G1 E${fmt(opts.retractMm)} F${fmt(opts.retractFeed)}`, 'G90');
  // In absolute E the slicer counts on E being where it left it: say so, whatever the retract did.
  if (!saved.relativeE) out.push(`G92 E${fmt(p.e)}`);
  out.push(...modeCommands(saved.relative, saved.relativeE));
  if (Number.isFinite(saved.feed)) out.push(`G1 F${fmt(saved.feed)}`);
  return out;
}

/** G90/G91 then M82/M83: Marlin's G90/G91 also switch E, so the E mode must come second. */
export function modeCommands(relative: boolean, relativeE: boolean): string[] {
  return [relative ? 'G91' : 'G90', relativeE ? 'M83' : 'M82'];
}
