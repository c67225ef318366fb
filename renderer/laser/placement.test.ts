import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  aspectOf,
  centred,
  clampToBed,
  dragged,
  drawingToBed,
  fitsBed,
  initialPlacement,
  outlineBounds,
  resized,
  screenDeltaToMm,
  svgPoints,
} from './placement';

const bed = { w: 600, h: 400 };

test('a small drawing starts in the corner by the origin, with a margin, at its own size', () => {
  assert.deepEqual(initialPlacement({ w: 80, h: 50 }, bed), { xMm: 5, yMm: 5, widthMm: 80, heightMm: 50 });
});

test('a drawing larger than the bed is shrunk to fit, aspect kept', () => {
  const p = initialPlacement({ w: 1200, h: 400 }, bed);
  assert.equal(p.widthMm, 600);
  assert.equal(p.heightMm, 200);
  assert.ok(fitsBed(p, bed));
  assert.equal(p.xMm, 0, 'no room for a margin along X');
});

test('centre puts the drawing in the middle of the bed', () => {
  assert.deepEqual(centred({ xMm: 5, yMm: 5, widthMm: 100, heightMm: 50 }, bed), { xMm: 250, yMm: 175, widthMm: 100, heightMm: 50 });
});

test('a drag past the edge stops at the edge', () => {
  const start = { xMm: 10, yMm: 10, widthMm: 100, heightMm: 50 };
  assert.deepEqual(dragged(start, 1000, 1000, bed), { xMm: 500, yMm: 350, widthMm: 100, heightMm: 50 });
  assert.deepEqual(dragged(start, -50, -50, bed), { xMm: 0, yMm: 0, widthMm: 100, heightMm: 50 });
  assert.deepEqual(dragged(start, 20.5, -3, bed), { xMm: 30.5, yMm: 7, widthMm: 100, heightMm: 50 });
});

test('on screen, down is towards the origin of a Y-up bed', () => {
  assert.deepEqual(screenDeltaToMm(10, 20), { dx: 10, dy: -20 });
});

test('a new width keeps the aspect ratio and the centre', () => {
  const p = { xMm: 100, yMm: 100, widthMm: 100, heightMm: 50 };
  const r = resized(p, 200, 'w', 2, bed);
  assert.deepEqual(r, { xMm: 50, yMm: 75, widthMm: 200, heightMm: 100 });
  const h = resized(p, 25, 'h', 2, bed);
  assert.deepEqual(h, { xMm: 125, yMm: 112.5, widthMm: 50, heightMm: 25 });
});

test('a size larger than the bed is held to the bed, a tiny one to the minimum', () => {
  const p = { xMm: 0, yMm: 0, widthMm: 100, heightMm: 100 };
  const big = resized(p, 5000, 'w', 1, bed);
  assert.equal(big.widthMm, 400);
  assert.equal(big.heightMm, 400);
  assert.ok(fitsBed(big, bed));
  const tiny = resized(p, 0, 'w', 1, bed);
  assert.equal(tiny.widthMm, 1);
  assert.equal(resized(p, Number.NaN, 'w', 1, bed), p, 'an unreadable value changes nothing');
});

test('whatever the drag and the size, the drawing stays on the bed', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 1, max: 2000, noNaN: true }),
      fc.double({ min: 0.05, max: 20, noNaN: true }),
      fc.double({ min: -5000, max: 5000, noNaN: true }),
      fc.double({ min: -5000, max: 5000, noNaN: true }),
      (width, aspect, dx, dy) => {
        const start = initialPlacement({ w: width, h: width / aspect }, bed);
        const moved = dragged(resized(start, width, 'w', aspect, bed), dx, dy, bed);
        assert.ok(fitsBed(moved, bed), JSON.stringify(moved));
        assert.ok(Math.abs(moved.widthMm / moved.heightMm - aspect) / aspect < 0.02 || moved.heightMm < 2 || moved.widthMm < 2);
      },
    ),
  );
});

test('clamping a placement already on the bed changes nothing', () => {
  const p = { xMm: 12.5, yMm: 40, widthMm: 100, heightMm: 50 };
  assert.deepEqual(clampToBed(p, bed), p);
});

test('aspect of a degenerate drawing is 1', () => {
  assert.equal(aspectOf({ w: 0, h: 10 }), 1);
  assert.equal(aspectOf({ w: 30, h: 10 }), 3);
});

test('the outline lands on the bed where the drawing is placed, drawn Y down', () => {
  const outline = [{ points: [10, 20, 50, 20, 50, 40] }];
  const box = outlineBounds(outline);
  assert.deepEqual(box, { minX: 10, minY: 20, maxX: 50, maxY: 40 });
  // A 40 × 20 drawing placed at (100, 100), twice its size.
  const m = drawingToBed({ w: 40, h: 20 }, box, { xMm: 100, yMm: 100, widthMm: 80, heightMm: 40 });
  assert.equal(svgPoints(outline[0]!.points, m, 400), '100,300 180,300 180,260');
  assert.equal(outlineBounds([{ points: [] }]), null);
});
