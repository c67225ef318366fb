// The real transport: a serial port opened with the `serialport` package, as a Link.
import { SerialPort } from 'serialport';
import { duplexLink, type Link } from './link';

export function openSerial(path: string, baudRate = 115200): Promise<Link> {
  return new Promise((resolve, reject) => {
    // hupcl off: dropping DTR on close would reset many boards once more.
    const port = new SerialPort({ path, baudRate, autoOpen: false, hupcl: false });
    port.open((err) => {
      if (err) return reject(err);
      resolve(duplexLink(port));
    });
  });
}
