// Plugs a simulated machine into a test back end: a socat pseudo-terminal pair, the firmware simulator
// on one end, the demo machine's port pointed at the other, and the hub told to connect now.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MachineStatus } from '../../electron/api/models';
import type { Backend } from '../../electron/backend';
import { findMachine } from '../../electron/services/machines/profile';
import { attachGrbl } from '../peers/grbl/attach';
import type { GrblSimulator, GrblSimulatorOptions } from '../peers/grbl/simulator';
import { scaledClock } from '../peers/marlin/clock';
import { attachMarlinSimulator } from '../peers/marlin/attach';
import type { MarlinSimOptions, MarlinSimulator } from '../peers/marlin/simulator';
import { openPtyPair, type PtyPair } from './pty';
import { waitFor } from './wait';

export interface PluggedMachine<S> {
  machineId: string;
  code: string;
  sim: S;
  /** The kiosk's end of the cable. */
  portPath: string;
  /** Pulls the cable (socat goes), the simulator stops. Once is enough; again does nothing. */
  unplug(): Promise<void>;
}

interface Cable {
  dir: string;
  pty: PtyPair;
}

async function cable(code: string): Promise<Cable> {
  const dir = mkdtempSync(join(tmpdir(), `fabkiosk-${code}-`));
  const pty = await openPtyPair(join(dir, 'kiosk'), join(dir, 'board'));
  return { dir, pty };
}

function once(f: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= f());
}

/** Points the machine at the kiosk's end, connects, and waits for the firmware's answer. */
async function connect(backend: Backend, code: string, path: string, timeoutMs: number): Promise<string> {
  const row = findMachine(backend.store, code);
  if (!row) throw new Error(`no machine ${code} in the demo fablab`);
  backend.store.writer.update('machines', row.id, { port_path: path });
  await backend.hub.forget(row.id);
  await backend.hub.refresh();
  await waitForStatus(backend, row.id, ['idle'], timeoutMs);
  return row.id;
}

export async function waitForStatus(backend: Backend, machineId: string, states: MachineStatus[], timeoutMs = 10_000): Promise<void> {
  try {
    await waitFor(() => states.includes(backend.hub.liveOf(machineId).status), timeoutMs);
  } catch {
    throw new Error(`machine ${machineId} is ${backend.hub.liveOf(machineId).status}, not ${states.join('/')}, after ${timeoutMs} ms`);
  }
}

/** Plugs a simulator (attached to the board's end of a fresh cable) into the demo machine `code`. */
async function plug<S>(
  backend: Backend,
  code: string,
  attach: (boardEnd: string) => Promise<{ sim: S; close(): Promise<void> }>,
): Promise<PluggedMachine<S>> {
  const c = await cable(code);
  try {
    const attached = await attach(c.pty.b);
    const machineId = await connect(backend, code, c.pty.a, 10_000);
    return {
      machineId,
      code,
      sim: attached.sim,
      portPath: c.pty.a,
      unplug: once(async () => {
        await attached.close();
        await c.pty.close();
        rmSync(c.dir, { recursive: true, force: true });
      }),
    };
  } catch (err) {
    await c.pty.close();
    rmSync(c.dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * A Marlin printer. `speed`: how many times faster than real time the simulated firmware runs (heating,
 * moves), so a 12-minute print shows progress within seconds.
 */
export function plugMarlin(
  backend: Backend,
  code = 'prusa-mk4',
  options: MarlinSimOptions & { speed?: number } = {},
): Promise<PluggedMachine<MarlinSimulator>> {
  const { speed = 1, ...simOptions } = options;
  return plug(backend, code, (path) => attachMarlinSimulator(path, { clock: speed === 1 ? undefined : scaledClock(speed), ...simOptions }));
}

/** A Grbl machine (the laser by default: the simulator's defaults are a diode laser with `$32=1`). */
export function plugGrbl(backend: Backend, code = 'laser-co2', options: GrblSimulatorOptions = {}): Promise<PluggedMachine<GrblSimulator>> {
  return plug(backend, code, (path) => attachGrbl(path, options));
}
