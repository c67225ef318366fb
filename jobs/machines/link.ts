// The byte pipe a driver talks through: a serial port in the kiosk, any Duplex in tests.
// Drivers never see `serialport` itself, so they can be driven by an in-memory peer as well as a pty.
import type { Duplex } from 'node:stream';

export interface Link {
  /** Writes raw bytes; resolves once the OS has taken them (the port's drain). */
  write(bytes: Uint8Array): Promise<void>;
  /** Bytes as they arrive, in order. One listener: the driver that owns the link. */
  onData(listener: (chunk: Uint8Array) => void): void;
  /** The link is gone: cable pulled, port closed, board powered off. `error` says why when known. */
  onClose(listener: (error?: Error) => void): void;
  close(): Promise<void>;
  readonly isOpen: boolean;
}

/** Wraps any Node Duplex (a SerialPort is one) as a Link. */
export function duplexLink(stream: Duplex & { isOpen?: boolean }): Link {
  let open = true;
  let closeListener: ((error?: Error) => void) | undefined;
  let lastError: Error | undefined;
  const closed = (): void => {
    if (!open) return;
    open = false;
    closeListener?.(lastError);
  };
  stream.on('error', (e: Error) => {
    lastError = e;
    closed();
  });
  // serialport passes the reason (EBADF when the other end vanished) with its close event.
  stream.on('close', (e?: unknown) => {
    if (e instanceof Error) lastError = e;
    closed();
  });
  stream.on('end', closed);
  return {
    get isOpen() {
      return open;
    },
    write(bytes) {
      if (!open) return Promise.reject(new Error('link closed'));
      return new Promise((resolve, reject) => {
        stream.write(bytes, (err) => (err ? reject(err) : resolve()));
      });
    },
    onData(listener) {
      stream.on('data', (chunk: Buffer) => listener(chunk));
    },
    onClose(listener) {
      closeListener = listener;
      if (!open) listener(lastError);
    },
    close() {
      if (!open) return Promise.resolve();
      return new Promise((resolve) => {
        stream.once('close', () => resolve());
        stream.destroy();
        setTimeout(resolve, 500).unref();
      });
    },
  };
}
