// An in-memory serial cable for unit tests: a Duplex for the driver (through duplexLink, as a real
// port would be), the simulator on the other end. Bytes cross on the next turn of the event loop,
// like a real port's, so neither side is ever re-entered from its own write.
import { Duplex } from 'node:stream';
import { MarlinSimulator, type MarlinSimOptions } from './simulator';

export interface MemoryCable {
  /** The driver's end: give it to duplexLink(). */
  port: Duplex & { isOpen: boolean };
  sim: MarlinSimulator;
  /** Pulls the cable: the driver's end closes, the simulator hears nothing more. */
  unplug(): void;
  close(): void;
}

export function memoryCable(options: MarlinSimOptions = {}): MemoryCable {
  const sim = new MarlinSimulator(options);
  let open = true;
  const port = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, done) {
      const copy = Buffer.from(chunk);
      setImmediate(() => {
        if (open) sim.input(copy);
      });
      done();
    },
  }) as Duplex & { isOpen: boolean };
  Object.defineProperty(port, 'isOpen', { get: () => open });
  sim.onOutput((bytes) => {
    const copy = Buffer.from(bytes);
    setImmediate(() => {
      if (open) port.push(copy);
    });
  });
  const unplug = (): void => {
    if (!open) return;
    open = false;
    sim.close();
    port.destroy();
  };
  return { port, sim, unplug, close: unplug };
}
