// Finding a machine's port: USB ids are stable, /dev/ttyUSB numbers are not (they follow plug order).
// A machine is matched by serial number first, then by vendor/product id when only one port has them,
// then falls back to the configured path.
import { SerialPort } from 'serialport';

export interface PortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

export interface PortMatcher {
  portPath: string | null;
  usb: { vendorId?: string | null; productId?: string | null; serialNumber?: string | null } | null;
}

/**
 * Lists serial ports. Never rejects: without udev (`udevadm` missing) or on any listing error it
 * returns no ports and the reason, and configured paths still work.
 */
export async function listPorts(): Promise<{ ports: PortInfo[]; error: string | null }> {
  try {
    const ports = await SerialPort.list();
    return {
      ports: ports.map((p) => ({
        path: p.path,
        manufacturer: p.manufacturer,
        serialNumber: p.serialNumber,
        vendorId: p.vendorId?.toLowerCase(),
        productId: p.productId?.toLowerCase(),
      })),
      error: null,
    };
  } catch (err) {
    return { ports: [], error: err instanceof Error ? err.message : String(err) };
  }
}

const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** The port this machine is on now, or null. `exists` checks a configured path (ptys never appear in a listing). */
export function matchPort(machine: PortMatcher, ports: PortInfo[], exists: (path: string) => boolean): string | null {
  const usb = machine.usb;
  if (usb?.serialNumber) {
    const bySerial = ports.find((p) => same(p.serialNumber, usb.serialNumber));
    if (bySerial) return bySerial.path;
  }
  if (usb?.vendorId && usb.productId) {
    const byId = ports.filter((p) => same(p.vendorId, usb.vendorId) && same(p.productId, usb.productId));
    // Two identical adapters: the ids cannot tell them apart, so prefer the configured path among them.
    if (byId.length === 1) return byId[0]!.path;
    const configured = byId.find((p) => p.path === machine.portPath);
    if (configured) return configured.path;
  }
  return machine.portPath && exists(machine.portPath) ? machine.portPath : null;
}
