import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameLine, LineFramer, stripNumbering, xorChecksum } from './checksum';

test('checksums match lines seen in real host logs', () => {
  // OctoPrint's connection start and first polls, as its serial.log shows them.
  assert.equal(frameLine(0, 'M110 N0'), 'N0 M110 N0*125');
  assert.equal(frameLine(1, 'M115'), 'N1 M115*39');
  assert.equal(frameLine(2, 'M21'), 'N2 M21*18');
  assert.equal(frameLine(3, 'M105'), 'N3 M105*36');
  assert.equal(frameLine(1, 'G28'), 'N1 G28*18');
  assert.equal(xorChecksum('N0 M110 N0'), 125);
});

test('the framer writes the same bytes as the plain function, newline included, across slab refills', () => {
  const framer = new LineFramer();
  const views: Array<[Uint8Array, string]> = [];
  const commands = ['G1 X12.345 Y6.7 E0.0123', 'M105', 'G28', 'M117 Température 210°C', 'G1 X-1.5 F3000'];
  for (let n = 0; n < 6000; n++) {
    const c = commands[n % commands.length] as string;
    views.push([framer.frame(n * 37, c), `${frameLine(n * 37, c)}\n`]);
  }
  // Earlier views stay intact after the slab is replaced: the port may still be writing them.
  for (const [bytes, text] of views) assert.equal(Buffer.from(bytes).toString('latin1'), text);
  assert.equal(Buffer.from(framer.frame(1234567, 'M400')).toString('latin1'), `${frameLine(1234567, 'M400')}\n`);
});

test('lines that already carry a number and checksum are stripped to their command', () => {
  assert.equal(stripNumbering('N12 G1 X5*71'), 'G1 X5');
  assert.equal(stripNumbering('N12 G1 X5'), 'G1 X5');
  assert.equal(stripNumbering('G1 X5'), 'G1 X5');
  assert.equal(stripNumbering('N5 M117 a*b'), 'M117 a*b');
});
