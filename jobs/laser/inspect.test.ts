// Inspecting a drawing for the laser screen: size, colours with their suggested operation, a light outline.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { fixture } from '../../test/support/fixtures';
import { simplify } from './geometry/simplify';
import { inspectDrawing } from './inspect';

it('the live-text fixture: colours, suggestions, size, findings, and an outline far lighter than the paths', () => {
  const r = inspectDrawing('t.svg', readFileSync(fixture('svg/svgpathtools-transforms-live-text.svg')));
  assert.equal(r.format, 'svg');
  const red = r.colors.find((c) => c.paint === 'stroke' && c.color === '#ff0000')!;
  assert.deepEqual([red.shapes, red.paths, red.closed, red.operation], [2, 2, false, 'cut']);
  assert.equal(r.colors.find((c) => c.paint === 'stroke' && c.color === '#0000ff')?.operation, 'score');
  assert.equal(r.colors.find((c) => c.paint === 'fill' && c.color === '#000000')?.operation, 'engrave-fill');
  assert.equal(r.colors.find((c) => c.color === '#008000')?.operation, 'ignore');
  assert.ok(r.widthMm > 0 && r.heightMm > 0);
  assert.ok(r.findings.some((f) => f.code === 'svg_text_not_paths'));
  assert.equal(r.outline.length, 10);
  const circle = r.outline[0]!;
  assert.ok(circle.closed && circle.points.length < 92 * 2 && circle.points.length >= 16, `${circle.points.length / 2} points`);
});

it('Douglas–Peucker keeps corners, drops collinear points, stays within its tolerance', () => {
  const square = Float64Array.of(0, 0, 5, 0, 10, 0, 10, 5, 10, 10, 5, 10, 0, 10, 0, 5);
  assert.deepEqual(simplify(square, true, 0.01), [0, 0, 10, 0, 10, 10, 0, 10]);
  const line = Float64Array.of(0, 0, 1, 0.001, 2, 0);
  assert.deepEqual(simplify(line, false, 0.01), [0, 0, 2, 0]);
  assert.deepEqual(simplify(line, false, 0.0001), [0, 0, 1, 0.001, 2, 0]);
});

it('a DXF lists its layers; an image is not a drawing', () => {
  const r = inspectDrawing('f.dxf', readFileSync(fixture('dxf/openscad-example009-lines-arcs-circles.dxf')));
  assert.deepEqual(r.layers, ['body', 'dim', 'fan_side', 'fan_side_center', 'fan_top', 'plate']);
  assert.throws(() => inspectDrawing('x.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])));
});
