// The simulator on the other end of an in-memory Duplex, wrapped in the same Link a serial port gets:
// fast unit tests of the driver without a pty. Bytes written by the driver reach the simulator on the
// next turn of the event loop, like bytes crossing a real transport.
import { Duplex } from 'node:stream';
import { duplexLink, type Link } from '../../../jobs/machines/link';
import { GrblSimulator, type GrblSimulatorOptions } from './simulator';

export interface MemoryGrbl {
  sim: GrblSimulator;
  link: Link;
  /** Every chunk the driver wrote, as written: real-time bytes must arrive alone and raw. */
  written: Uint8Array[];
  /** Pulls the cable: the stream is destroyed, the link closes. */
  unplug(): void;
  /** Stops the simulator and closes the stream. */
  close(): void;
}

export function memoryGrbl(options: GrblSimulatorOptions = {}, { start = true }: { start?: boolean } = {}): MemoryGrbl {
  const sim = new GrblSimulator(options);
  const written: Uint8Array[] = [];
  const stream = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, callback) {
      const copy = Uint8Array.from(chunk);
      written.push(copy);
      setImmediate(() => sim.receive(copy));
      callback();
    },
  });
  sim.onOutput((bytes) => {
    if (!stream.destroyed) stream.push(Buffer.from(bytes));
  });
  const link = duplexLink(stream);
  // Powered up once the driver had a chance to listen, as a board reset by opening its port.
  if (start) setImmediate(() => sim.start());
  return {
    sim,
    link,
    written,
    unplug: () => {
      stream.destroy();
    },
    close: () => {
      sim.stop();
      stream.destroy();
    },
  };
}
