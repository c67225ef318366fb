// What every laser program shares: the machine check, power to S, run-ups, the header and the footer.
import type { MachineProfile } from '../../gcode';
import { LaserError } from '../errors';
import type { FillParams, VectorParams } from '../presets/presets';
import type { BedBounds, LaserJobInput } from '../types';
import { fmt, type GcodeWriter } from './writer';

export function checkLaserMachine(machine: MachineProfile): void {
  if (machine.kind !== 'laser' || machine.firmware !== 'grbl') {
    throw new LaserError('machine_not_laser', { machine: machine.id ?? machine.name ?? '?', kind: machine.kind, firmware: machine.firmware ?? '?' });
  }
}

export const sValue = (pct: number, maxS: number): number => Math.round((pct / 100) * maxS);

/** Run-up for engraving lines: the distance to reach the feed from rest at the X acceleration, +20 %. */
export function overscanFor(machine: MachineProfile, speedMmMin: number): number {
  const v = speedMmMin / 60;
  const a = machine.maxAccelMmS2.x > 0 ? machine.maxAccelMmS2.x : 1000;
  return Math.min(25, Math.max(1, Math.round(((1.2 * v * v) / (2 * a)) * 10) / 10));
}

export function startPoint(machine: MachineProfile): { x: number; y: number } {
  const h = machine.homeMm ?? machine.workOrigin ?? { x: 0, y: 0, z: 0 };
  return { x: h.x, y: h.y };
}

function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 160);
}

/** One line of the header per operation group. */
export interface HeaderGroup {
  kind: 'engrave-fill' | 'score' | 'cut';
  params: VectorParams | FillParams;
  sources: string[];
}

export function writeHeader(w: GcodeWriter, input: LaserJobInput, b: BedBounds, maxS: number, kerfMm: number, groups: readonly HeaderGroup[]): void {
  const m = input.machine;
  w.comment('FabKiosk laser job');
  w.comment(`File: ${clean(input.source.name)}`);
  w.comment(`Machine: ${clean(m.id ?? '?')}${m.name ? ` (${clean(m.name)})` : ''}, Grbl 1.1 laser mode, $30=${maxS}`);
  w.comment(`Material: ${clean(input.materialId)}`);
  w.comment(`Bounds: X${fmt(b.minX)} Y${fmt(b.minY)} to X${fmt(b.maxX)} Y${fmt(b.maxY)} (${fmt(b.maxX - b.minX)} x ${fmt(b.maxY - b.minY)} mm)`);
  for (const g of groups) {
    const p = g.params;
    const name = g.kind === 'engrave-fill' ? 'Engrave (fill)' : g.kind === 'score' ? 'Score' : 'Cut';
    const extra = g.kind === 'engrave-fill' ? `, interval ${(p as FillParams).lineIntervalMm} mm` : g.kind === 'cut' ? `, kerf ${kerfMm} mm` : '';
    w.comment(`${name} [${clean(g.sources.join(', '))}]: ${p.powerPct} % (S${sValue(p.powerPct, maxS)}), ${p.speedMmMin} mm/min, ${p.passes} pass(es)${extra}`);
  }
  w.line('G21');
  w.line('G90');
  w.line('M5');
  if (input.home) w.line('$H');
  // Dynamic power: Grbl scales S with the actual speed, so corners do not burn deeper.
  w.line('M4 S0');
  w.knownS(0);
}

export function writeFooter(w: GcodeWriter, home: { x: number; y: number }): void {
  w.line('M5');
  w.forget();
  w.knownS(0); // M5: the beam is off whatever S holds
  w.rapid(home.x, home.y);
  w.line('M2');
}

