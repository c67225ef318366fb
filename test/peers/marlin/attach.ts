// Connects the simulator to one end of a pseudo-terminal pair through `serialport`, as a board sits
// at the end of a USB cable. The other end is the kiosk's.
import { SerialPort } from 'serialport';
import { MarlinSimulator, type MarlinSimOptions } from './simulator';

export interface AttachedSimulator {
  sim: MarlinSimulator;
  port: SerialPort;
  /** Stops the simulator and closes its end (the other end stays open: kill socat to unplug). */
  close(): Promise<void>;
}

export async function attachMarlinSimulator(
  path: string,
  options: MarlinSimOptions & { baudRate?: number; openNow?: boolean } = {},
): Promise<AttachedSimulator> {
  const port = await new Promise<SerialPort>((resolve, reject) => {
    const p: SerialPort = new SerialPort({ path, baudRate: options.baudRate ?? 115200 }, (err) => (err ? reject(err) : resolve(p)));
  });
  const sim = new MarlinSimulator(options);
  port.on('data', (chunk: Buffer) => sim.input(chunk));
  port.on('error', () => sim.close());
  sim.onOutput((bytes) => {
    if (port.isOpen) port.write(bytes);
  });
  // Bytes written before the kiosk opens its end are lost by the pty: greet when told to, by default
  // now (the caller opens the kiosk's end first, as opening the port is what resets a real board).
  if (options.openNow !== false) sim.open();
  return {
    sim,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        sim.close();
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}
