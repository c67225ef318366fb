import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture } from '../../test/support/fixtures';
import { printResumePreamble, printStateAt } from './resume';

test('the state at a line of a real PrusaSlicer print gives a preamble that re-heats, homes X/Y only and returns over the part', async () => {
  const path = fixture('gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode');
  const s = await printStateAt(path, { byte: 0, line: 2000 });
  assert.ok(s.nozzleC >= 200 && s.bedC >= 50, JSON.stringify(s));
  assert.ok(s.z !== null && s.z > 0);
  const pre = printResumePreamble(s);
  assert.ok(pre);
  assert.ok(pre.includes('G28 X Y'));
  assert.ok(!pre.some((l) => l === 'G28' || /^G28.*Z/.test(l)), 'never homes Z over a print');
  assert.equal(pre.indexOf('M109 S' + s.nozzleC) < pre.indexOf('G28 X Y'), true);
});

test('relative extrusion, G92 resets and fan are carried', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-resume-'));
  const p = join(dir, 'a.gcode');
  writeFileSync(p, ['M140 S60', 'M104 S215', 'G28', 'M83', 'G1 Z0.3 F600', 'G1 X10 Y5 E1.5 F1800', 'G1 X20 E1', 'M106 S128', 'G1 X30 Y6 E1', 'G92 E0', 'G1 X31'].join('\n'));
  const s = await printStateAt(p, { byte: 0, line: 11 });
  assert.deepEqual({ x: s.x, y: s.y, z: s.z, e: s.e, absE: s.absoluteE, fan: s.fan, f: s.feedMmMin }, { x: 30, y: 6, z: 0.3, e: 0, absE: false, fan: 128, f: 1800 });
  const pre = printResumePreamble(s)!;
  assert.ok(pre.includes('M83') && pre.includes('M106 S128') && pre.includes('G1 X30 Y6 F3000'));
});

test('before the first layer nothing is resumed: the print restarts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-resume-'));
  const p = join(dir, 'b.gcode');
  writeFileSync(p, ['M104 S215', 'G28', 'G1 X1'].join('\n'));
  assert.equal(printResumePreamble(await printStateAt(p, { byte: 0, line: 3 })), null);
});
