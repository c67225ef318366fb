// The simulator on one end of a pseudo-terminal, opened with `serialport` at 115200 like a real board's
// USB serial port: the driver on the other end crosses the real serial code path.
import { SerialPort } from 'serialport';
import { GrblSimulator, type GrblSimulatorOptions } from './simulator';

export interface AttachedGrbl {
  sim: GrblSimulator;
  port: SerialPort;
  /**
   * Closes the simulator's end only. The host's port stays open and hears nothing more (a board that lost
   * power behind its USB adapter); to pull the cable itself, kill socat.
   */
  unplug(): Promise<void>;
  close(): Promise<void>;
}

export async function attachGrbl(path: string, options: GrblSimulatorOptions & { baudRate?: number } = {}): Promise<AttachedGrbl> {
  const { baudRate = 115200, ...simOptions } = options;
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  const sim = new GrblSimulator(simOptions);
  port.on('data', (chunk: Buffer) => sim.receive(chunk));
  // socat killed under us: the port errors out (EBADF) and closes; the simulator just stops.
  port.on('error', () => {});
  port.on('close', () => sim.stop());
  sim.onOutput((bytes) => {
    if (port.isOpen) port.write(Buffer.from(bytes));
  });
  sim.start();
  const close = async (): Promise<void> => {
    sim.stop();
    if (!port.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  };
  return { sim, port, unplug: close, close };
}
