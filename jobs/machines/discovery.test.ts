import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listPorts, matchPort, type PortInfo } from './discovery';

const ports: PortInfo[] = [
  { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' },
  { path: '/dev/ttyACM1', vendorId: '2c99', productId: '001a', serialNumber: 'CZPX1234' },
  { path: '/dev/ttyUSB1', vendorId: '0403', productId: '6001', serialNumber: 'A50285BI' },
  { path: '/dev/ttyUSB2', vendorId: '0403', productId: '6001', serialNumber: 'B77' },
];
const none = () => false;

test('a printer that comes back on another port is found again by its serial number', () => {
  assert.equal(matchPort({ portPath: '/dev/ttyACM0', usb: { vendorId: '2c99', productId: '001a', serialNumber: 'CZPX1234' } }, ports, none), '/dev/ttyACM1');
});

test('vendor/product ids find a lone adapter; two identical ones fall back to the configured path', () => {
  assert.equal(matchPort({ portPath: '/dev/ttyUSB3', usb: { vendorId: '1A86', productId: '7523' } }, ports, none), '/dev/ttyUSB0');
  assert.equal(matchPort({ portPath: '/dev/ttyUSB2', usb: { vendorId: '0403', productId: '6001' } }, ports, none), '/dev/ttyUSB2');
  assert.equal(matchPort({ portPath: '/dev/ttyUSB9', usb: { vendorId: '0403', productId: '6001' } }, ports, none), null);
});

test('a configured path (a pty, a fixed udev link) is used when it exists', () => {
  assert.equal(matchPort({ portPath: '/tmp/pty-a', usb: null }, ports, (p) => p === '/tmp/pty-a'), '/tmp/pty-a');
  assert.equal(matchPort({ portPath: '/tmp/pty-a', usb: null }, ports, none), null);
});

test('listing ports never rejects', async () => {
  const r = await listPorts();
  assert.ok(Array.isArray(r.ports));
});
