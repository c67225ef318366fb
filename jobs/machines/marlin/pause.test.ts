import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModalState } from './modes';
import { DEFAULT_PAUSE, planPark, resumeCommands, type SavedState } from './pause';

test('modal state is read from the lines sent: G90/G91, M82/M83, feed, targets', () => {
  const m = new ModalState();
  for (const l of ['G90', 'M83', 'G1 X10 F1800', 'G1X5F1200', 'M104 S215', 'M140 S60', 'M104 T1 S180', 'M109 R200']) m.observe(l);
  assert.equal(m.relative, false);
  assert.equal(m.relativeE, true);
  assert.equal(m.feed, 1200);
  assert.equal(m.toolTarget, 200);
  assert.equal(m.bedTarget, 60);
  m.observe('G91');
  assert.equal(m.relativeE, true, 'G91 makes E relative too, as in Marlin');
  m.observe('M82');
  assert.equal(m.relativeE, false);
  m.observe('G90');
  assert.deepEqual([m.relative, m.relativeE], [false, false]);
});

test('park: retract only when hot, lift clamped to the machine height, park at the front', () => {
  const opts = { ...DEFAULT_PAUSE, zMax: 205, yMax: 210 };
  const hot = planPark({ x: 50, y: 60, z: 200, e: 12.5 }, 210, opts);
  assert.deepEqual(hot.commands, ['G91', 'G1 E-2 F2400', 'G1 Z5 F600', 'G90', 'G1 X0 Y210 F6000', 'M400']);
  assert.equal(hot.retracted, true);
  assert.equal(hot.lifted, 5);
  const cold = planPark({ x: 50, y: 60, z: 0.3, e: 0 }, 25, DEFAULT_PAUSE);
  assert.deepEqual(cold.commands, ['G91', 'G1 Z10 F600', 'G90', 'G1 X0 Y0 F6000', 'M400']);
  assert.equal(cold.retracted, false);
});

const saved: SavedState = {
  position: { x: 50, y: 60, z: 0.3, e: 12.5 },
  relative: false,
  relativeE: false,
  feed: 1800,
  toolTarget: 210,
  bedTarget: 60,
  retracted: true,
  lifted: 10,
};

test('resume: heaters only when lowered or cold, XY before Z, unretract, E and modes restored', () => {
  const warm = { toolTarget: 210, toolActual: 209, bedTarget: 60, bedActual: 60 };
  assert.deepEqual(resumeCommands(saved, warm, DEFAULT_PAUSE), [
    'G90',
    'G1 X50 Y60 F6000',
    'G1 Z0.3 F600',
    'G91',
    'G1 E2 F2400',
    'G90',
    'G92 E12.5',
    'G90',
    'M82',
    'G1 F1800',
  ]);
  const cooled = { toolTarget: 0, toolActual: 80, bedTarget: 60, bedActual: 60 };
  assert.deepEqual(resumeCommands(saved, cooled, DEFAULT_PAUSE).slice(0, 3), ['M104 S210', 'M109 S210', 'G90']);
  const relativeE = resumeCommands({ ...saved, relativeE: true, relative: true, retracted: false }, warm, DEFAULT_PAUSE);
  assert.ok(!relativeE.some((c) => c.startsWith('G92')), 'no G92 E in relative E mode');
  assert.deepEqual(relativeE.slice(-3), ['G91', 'M83', 'G1 F1800']);
});
