// DXF import: units, entities (bulges, arcs, circles, ellipses, NURBS splines with weights, blocks),
// colours (entity, layer, ACI → RGB) mapped to operations like SVG colours, hidden layers left out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixture } from '../../test/support/fixtures';
import { importDxf } from './dxf/import';
import { LaserError } from './errors';
import { polylineLength } from './geometry/polygon';
import { boxOf } from './geometry/types';
import { burnSize, dxf, job, utf8 } from './testing.testutil';

const shapesOf = (bytes: Uint8Array) => importDxf(bytes).drawing.shapes;
const radiiAround = (pts: Float64Array, cx: number, cy: number) => {
  const r: number[] = [];
  for (let i = 0; i < pts.length; i += 2) r.push(Math.hypot(pts[i]! - cx, pts[i + 1]! - cy));
  return { min: Math.min(...r), max: Math.max(...r) };
};

describe('DXF entities', () => {
  it('LWPOLYLINE with a bulge of 1 is a half circle', () => {
    const [s] = shapesOf(dxf(4, [[0, 'LWPOLYLINE', 8, '0', 90, 2, 70, 0, 10, 0, 20, 0, 42, 1, 10, 20, 20, 0]]));
    const p = s!.paths[0]!;
    assert.ok(!p.closed);
    assert.ok(Math.abs(polylineLength(p) - Math.PI * 10) < 0.02, `${polylineLength(p)}`);
    const b = boxOf(p.pts);
    // Counter-clockwise from (0,0) to (20,0): the arc goes below the chord.
    assert.ok(Math.abs(b.minY + 10) < 0.011 && Math.abs(b.maxY) < 1e-9, JSON.stringify(b));
    const { min, max } = radiiAround(p.pts, 10, 0);
    assert.ok(min > 9.99 && max < 10.0001);
  });

  it('closed LWPOLYLINE with bulges on every side (a rounded slot) is one closed contour', () => {
    const [s] = shapesOf(dxf(4, [[0, 'LWPOLYLINE', 8, '0', 90, 4, 70, 1, 10, 0, 20, 0, 10, 40, 20, 0, 42, 1, 10, 40, 20, 20, 10, 0, 20, 20, 42, 1]]));
    const p = s!.paths[0]!;
    assert.ok(p.closed);
    assert.ok(Math.abs(polylineLength(p) - (80 + 2 * Math.PI * 10)) < 0.05, `${polylineLength(p)}`);
  });

  it('POLYLINE/VERTEX with bulge, LINE, ARC (degrees, counter-clockwise), CIRCLE', () => {
    const shapes = shapesOf(
      dxf(4, [
        [0, 'POLYLINE', 8, '0', 66, 1, 70, 1, 10, 0, 20, 0, 30, 0],
        [0, 'VERTEX', 8, '0', 10, 0, 20, 0, 30, 0],
        [0, 'VERTEX', 8, '0', 10, 10, 20, 0, 30, 0, 42, 1],
        [0, 'VERTEX', 8, '0', 10, 10, 20, 10, 30, 0],
        [0, 'SEQEND', 8, '0'],
        [0, 'LINE', 8, '0', 10, 0, 20, 0, 30, 0, 11, 30, 21, 40, 31, 0],
        [0, 'ARC', 8, '0', 10, 100, 20, 100, 30, 0, 40, 10, 50, 0, 51, 90],
        [0, 'CIRCLE', 8, '0', 10, 50, 20, 50, 30, 0, 40, 5],
      ]),
    );
    assert.equal(shapes.length, 4);
    assert.ok(shapes[0]!.paths[0]!.closed);
    assert.ok(Math.abs(polylineLength(shapes[0]!.paths[0]!) - (10 + Math.PI * 5 + 10 * Math.SQRT2)) < 0.05, `${polylineLength(shapes[0]!.paths[0]!)}`);
    assert.equal(polylineLength(shapes[1]!.paths[0]!), 50);
    const arc = shapes[2]!.paths[0]!;
    assert.ok(Math.abs(polylineLength(arc) - (Math.PI * 10) / 2) < 0.01);
    assert.deepEqual([arc.pts[0], arc.pts[1]], [110, 100]);
    assert.ok(Math.abs(arc.pts[arc.pts.length - 2]! - 100) < 1e-9 && Math.abs(arc.pts[arc.pts.length - 1]! - 110) < 1e-9);
    const circle = shapes[3]!.paths[0]!;
    assert.ok(circle.closed);
    const r = radiiAround(circle.pts, 50, 50);
    assert.ok(r.min > 4.99 && r.max < 5.0001);
  });

  it('ELLIPSE: full and partial, rotated major axis, and mirrored by a negative extrusion', () => {
    const [full, half, mirrored] = shapesOf(
      dxf(4, [
        [0, 'ELLIPSE', 8, '0', 10, 0, 20, 0, 30, 0, 11, 0, 21, 20, 31, 0, 40, 0.5, 41, 0, 42, 2 * Math.PI],
        [0, 'ELLIPSE', 8, '0', 10, 0, 20, 0, 30, 0, 11, 20, 21, 0, 31, 0, 40, 0.5, 41, 0, 42, Math.PI],
        [0, 'ELLIPSE', 8, '0', 10, 0, 20, 0, 30, 0, 11, 20, 21, 0, 31, 0, 40, 0.5, 41, 0, 42, Math.PI, 210, 0, 220, 0, 230, -1],
      ]),
    );
    const b = boxOf(full!.paths[0]!.pts);
    assert.ok(full!.paths[0]!.closed);
    assert.ok(Math.abs(b.maxY - 20) < 1e-9 && Math.abs(b.maxX - 10) < 0.011, JSON.stringify(b));
    assert.ok(boxOf(half!.paths[0]!.pts).minY > -1e-9, 'upper half');
    assert.ok(boxOf(mirrored!.paths[0]!.pts).maxY < 1e-9, 'a negative extrusion turns it the other way');
  });

  it('SPLINE: a rational quadratic NURBS with weights √2/2 is an exact quarter circle', () => {
    const w = Math.SQRT1_2;
    const [s] = shapesOf(
      dxf(4, [[0, 'SPLINE', 8, '0', 210, 0, 220, 0, 230, 1, 70, 12, 71, 2, 72, 6, 73, 3, 74, 0, 40, 0, 40, 0, 40, 0, 40, 1, 40, 1, 40, 1, 41, 1, 41, w, 41, 1, 10, 50, 20, 0, 30, 0, 10, 50, 20, 50, 30, 0, 10, 0, 20, 50, 30, 0]]),
    );
    const p = s!.paths[0]!;
    const r = radiiAround(p.pts, 0, 0);
    assert.ok(r.max < 50 + 1e-9 && r.min > 50 - 0.011, JSON.stringify(r));
    assert.ok(Math.abs(polylineLength(p) - (Math.PI * 50) / 2) < 0.01);
    // Without weights (dxf-parser drops them) the same points give a parabola, 3 mm outside the circle.
    const [poly] = shapesOf(dxf(4, [[0, 'SPLINE', 8, '0', 70, 8, 71, 2, 72, 6, 73, 3, 40, 0, 40, 0, 40, 0, 40, 1, 40, 1, 40, 1, 10, 50, 20, 0, 10, 50, 20, 50, 10, 0, 20, 50]]));
    assert.ok(radiiAround(poly!.paths[0]!.pts, 0, 0).max > 53);
  });

  it('SPLINE: a cubic B-spline with interior knots passes through its clamped ends; a broken one falls back to fit points', () => {
    const { drawing, findings } = importDxf(
      dxf(4, [
        [0, 'SPLINE', 8, '0', 70, 8, 71, 3, 72, 9, 73, 5, 40, 0, 40, 0, 40, 0, 40, 0, 40, 0.5, 40, 1, 40, 1, 40, 1, 40, 1, 10, 0, 20, 0, 10, 10, 20, 20, 10, 20, 20, -20, 10, 30, 20, 20, 10, 40, 20, 0],
        [0, 'SPLINE', 8, '0', 70, 8, 71, 3, 72, 3, 73, 5, 74, 3, 40, 0, 40, 1, 40, 2, 10, 0, 20, 0, 11, 0, 21, 0, 11, 5, 21, 5, 11, 10, 21, 0],
      ]),
    );
    const p = drawing.shapes[0]!.paths[0]!;
    assert.deepEqual([p.pts[0], p.pts[1], p.pts[p.pts.length - 2], p.pts[p.pts.length - 1]], [0, 0, 40, 0]);
    assert.equal(drawing.shapes[1]!.paths[0]!.pts.length, 6);
    assert.equal(findings.find((f) => f.code === 'dxf_bad_spline')?.params.count, 1);
  });

  it('INSERT places a block (base point, scale, rotation), and ByBlock takes the insert\'s colour', () => {
    const text = new TextDecoder().decode(dxf(4, [[0, 'INSERT', 8, '0', 62, 1, 2, 'PART', 10, 100, 20, 50, 30, 0, 41, 2, 42, 2, 50, 90]]));
    const blocks = ['  0', 'SECTION', '  2', 'BLOCKS', '  0', 'BLOCK', '  8', '0', '  2', 'PART', ' 70', '0', ' 10', '5', ' 20', '5', ' 30', '0', '  3', 'PART', '  0', 'LINE', '  8', '0', ' 62', '0', ' 10', '5', ' 20', '5', ' 30', '0', ' 11', '15', ' 21', '5', ' 31', '0', '  0', 'ENDBLK', '  8', '0', '  0', 'ENDSEC'].join('\n');
    const withBlocks = text.replace('  0\nSECTION\n  2\nENTITIES', `${blocks}\n  0\nSECTION\n  2\nENTITIES`);
    const [s] = shapesOf(utf8(withBlocks));
    assert.equal(s!.stroke, '#ff0000');
    const pts = [...s!.paths[0]!.pts].map((v) => Math.round(v * 1e9) / 1e9);
    assert.deepEqual(pts, [100, 50, 100, 70]);
  });

  it('colours: entity ACI, ByLayer, true colour; layers that are off are not burnt', () => {
    const shapes = shapesOf(
      dxf(
        4,
        [
          [0, 'LINE', 8, 'CUT', 10, 0, 20, 0, 30, 0, 11, 1, 21, 0, 31, 0],
          [0, 'LINE', 8, 'CUT', 62, 5, 10, 0, 20, 0, 30, 0, 11, 1, 21, 0, 31, 0],
          [0, 'LINE', 8, '0', 420, 0x123456, 10, 0, 20, 0, 30, 0, 11, 1, 21, 0, 31, 0],
          [0, 'LINE', 8, 'HIDDEN', 10, 0, 20, 0, 30, 0, 11, 1, 21, 0, 31, 0],
          [0, 'LINE', 8, '0', 10, 0, 20, 0, 30, 0, 11, 1, 21, 0, 31, 0],
        ],
        [
          { name: 'CUT', color: 1 },
          { name: 'HIDDEN', color: 3, off: true },
        ],
      ),
    );
    assert.deepEqual(
      shapes.map((s) => [s.layer, s.stroke]),
      [
        ['CUT', '#ff0000'],
        ['CUT', '#0000ff'],
        ['0', '#123456'],
        ['0', '#ffffff'],
      ],
    );
  });

  it('loose LINE and ARC entities that meet are joined into one closed contour before cutting', async () => {
    const j = await job(
      'slot.dxf',
      dxf(4, [
        [0, 'LINE', 8, '0', 62, 1, 10, 0, 20, 0, 30, 0, 11, 40, 21, 0, 31, 0],
        [0, 'ARC', 8, '0', 62, 1, 10, 40, 20, 10, 30, 0, 40, 10, 50, 270, 51, 90],
        [0, 'LINE', 8, '0', 62, 1, 10, 0, 20, 20, 30, 0, 11, 40, 21, 20, 31, 0],
        [0, 'ARC', 8, '0', 62, 1, 10, 0, 20, 10, 30, 0, 40, 10, 50, 90, 51, 270],
      ]),
      { placement: { xMm: 20, yMm: 20 }, params: { kerfMm: 0.2 } },
    );
    const cut = j.operations.find((o) => o.operation === 'cut')!;
    assert.equal(cut.paths, 1);
    assert.ok(!j.findings.some((f) => f.code === 'open_cut_path'));
    const { w, h } = burnSize(j);
    assert.ok(Math.abs(w - 60.2) < 0.012 && Math.abs(h - 20.2) < 0.012, `${w} × ${h}: one contour, offset outward`);
  });

  it('the OpenSCAD fixture: 62 entities in mm, colours by layer, dimensions reported', () => {
    const { drawing, findings } = importDxf(readFileSync(fixture('dxf/openscad-example009-lines-arcs-circles.dxf')));
    assert.equal(drawing.shapes.length, 62);
    assert.equal(findings.find((f) => f.code === 'dxf_unsupported_entity')?.params.type, 'DIMENSION');
    const red = drawing.shapes.filter((s) => s.stroke === '#ff0000').map((s) => s.layer);
    assert.deepEqual([...new Set(red)].sort(), ['fan_side', 'fan_top']);
  });

  it('a DXF layer can be mapped to an operation, whatever its colour', async () => {
    const bytes = readFileSync(fixture('dxf/openscad-example009-lines-arcs-circles.dxf'));
    const j = await job('fan.dxf', bytes, { mapping: { layers: { plate: 'cut', fan_top: 'score' }, stroke: { red: 'cut' } }, placement: { xMm: 10, yMm: 10 } });
    assert.deepEqual(
      j.operations.map((o) => [o.operation, o.sources]),
      [
        ['score', ['layer fan_top']],
        ['cut', ['layer plate', 'stroke #ff0000']],
      ],
    );
    assert.ok(j.colors.some((c) => c.paint === 'layer' && c.color === 'plate' && c.operation === 'cut'));
  });

  it('binary DXF, garbage and truncated files are refused with their code', () => {
    const code = (b: Uint8Array) => {
      try {
        importDxf(b);
        return 'ok';
      } catch (e) {
        assert.ok(e instanceof LaserError, String(e));
        return e.code;
      }
    };
    assert.equal(code(utf8('AutoCAD Binary DXF\r\n\x1a\x00....')), 'dxf_binary');
    assert.equal(code(utf8('hello world')), 'dxf_invalid');
    const full = new TextDecoder().decode(dxf(4, [[0, 'LINE', 8, '0', 10, 0, 20, 0, 11, 1, 21, 1]]));
    assert.equal(code(utf8(full.slice(0, full.indexOf('LINE') + 12))), 'dxf_invalid');
  });
});
