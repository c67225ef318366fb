// What the driver learns about a line before it goes out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactLine, MAX_LINE_CHARS, scanLine } from './scan';

test('size on the wire counts the newline; Grbl keeps no spaces and no comments', () => {
  const s = scanLine('G1 X12.345 Y6.7 S300');
  assert.equal(s.bytes, 21);
  assert.equal(s.kept, 17);
  assert.equal(scanLine('G0 X1 (move) ; away').kept, 4);
  assert.equal(scanLine('G1\tX1').badAt, -1, 'a tab is whitespace to Grbl');
  assert.equal(MAX_LINE_CHARS, 79);
});

test('characters Grbl would misread are found, wherever they are', () => {
  assert.equal(scanLine('G1 X1 (done?)').badAt, 11);
  assert.equal(scanLine('M5 ; stop!').badAt, 9);
  assert.equal(scanLine('G0 X~1').badAt, 4);
  assert.equal(scanLine('G0 X1 (é)').badAt, 7);
  assert.equal(scanLine('G0 X1\u0018').badAt, 5);
  assert.equal(scanLine('G0 X1').badAt, -1);
});

test('EEPROM writers and system commands travel alone; jogs and moves stream', () => {
  const sync = (l: string): boolean => scanLine(l).sync;
  for (const l of ['$110=5000', '$N0=G21', '$I=lab laser', '$RST=*', 'G10 L20 P1 X0 Y0', 'g10 l2 p1 x5', 'G28.1', 'G30.1', 'G 10 L2 P0 X1', '$H', '$$', '$X']) {
    assert.ok(sync(l), l);
  }
  for (const l of ['$J=G91 X10 F1000', 'G1 X10', 'G28', 'G30 Z5', 'G1 X10 G4 P0', 'G100', 'M3 S1000']) assert.ok(!sync(l), l);
  assert.ok(scanLine('$110=5000').eeprom);
  assert.ok(!scanLine('$H').eeprom);
  assert.ok(scanLine('$RST=$').resets);
  assert.ok(scanLine('$j=G91X1F100').jog);
});

test('a dwell says how long Grbl will be silent', () => {
  assert.equal(scanLine('G4 P1.5').dwellMs, 1500);
  assert.equal(scanLine('G04P2').dwellMs, 2000);
  assert.equal(scanLine('G4 P0').dwellMs, 0);
  assert.equal(scanLine('G1 X1 P3').dwellMs, 0);
});

test('compacting removes only whitespace', () => {
  assert.equal(compactLine('G1 X12.345  Y6.7\tS300'), 'G1X12.345Y6.7S300');
  const same = 'G1X1';
  assert.equal(compactLine(same), same);
});
