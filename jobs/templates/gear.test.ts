// The involute gear: its standard diameters, tooth count and tooth thickness, read back from the SVG
// and the STL it writes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMesh, parseBinaryStl, parseLaserSvg } from './check.testutil';
import { TemplateError } from './errors';
import { gear, gearOutline } from './gear';
import type { LaserResult, PrintResult, Vec2 } from './types';

const angleOf = (p: Vec2) => Math.atan2(p[1], p[0]);

/** Angular widths of the material where the outline crosses the circle of radius r (outline centred on 0). */
function chords(outline: Vec2[], r: number): number[] {
  const crossings: number[] = [];
  for (let k = 0; k < outline.length; k++) {
    const a = outline[k]!;
    const b = outline[(k + 1) % outline.length]!;
    const ra = Math.hypot(...a);
    const rb = Math.hypot(...b);
    if ((ra - r) * (rb - r) < 0) {
      const t = (r - ra) / (rb - ra);
      crossings.push(angleOf([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]));
    }
  }
  return crossings;
}

describe('gear', () => {
  it('has the standard diameters: outside m(z+2), root m(z−2.5), for every tooth count', () => {
    for (const [m, z, phi] of [
      [2, 20, 20],
      [0.5, 8, 14.5],
      [6, 80, 25],
      [1.25, 33, 20],
    ] as const) {
      const g = gearOutline(m, z, phi);
      const radii = g.outline.map((p) => Math.hypot(...p));
      assert.ok(Math.abs(Math.max(...radii) * 2 - m * (z + 2)) < 0.01, `outside diameter ${m}×${z}`);
      assert.ok(Math.abs(Math.min(...radii) * 2 - m * (z - 2.5)) < 0.01, `root diameter ${m}×${z}`);
      // z teeth: z crossings in, z out, of the pitch circle.
      const crossings = chords(g.outline, g.pitchRadius);
      assert.equal(crossings.length, 2 * z);
      // Teeth as thick as gaps on the pitch circle: π·m/2 each (arc length).
      const sorted = crossings.map((a) => (a + 2 * Math.PI) % (2 * Math.PI)).sort((a, b) => a - b);
      const arcs = sorted.map((a, k) => (((sorted[(k + 1) % sorted.length]! - a + 2 * Math.PI) % (2 * Math.PI)) * g.pitchRadius));
      for (const arc of arcs) assert.ok(Math.abs(arc - (Math.PI * m) / 2) < 0.01 * m, `tooth/gap ${arc} vs ${(Math.PI * m) / 2}`);
    }
  });

  it('the laser output is the outline and the bore, red, with the outside diameter as its size when teeth fall on the axes', () => {
    const r = gear.build({ output: 'laser', module: 2, teeth: 20, bore: 8 }) as LaserResult;
    assert.equal(r.kind, 'laser');
    assert.ok(Math.abs(r.bounds.max.x - 44) < 0.01 && Math.abs(r.bounds.max.y - 44) < 0.01, 'z = 20: a tooth on each axis, bounds = 44 mm');
    assert.equal(r.dimensions.outsideDiameter, 44);
    const svg = parseLaserSvg(r.svg);
    assert.equal(svg.paths.length, 2);
    const bore = svg.paths.find((p) => p.subpaths[0]!.length < 200)!;
    const xs = bore.subpaths[0]!.map((p) => p[0]);
    assert.ok(Math.abs(Math.max(...xs) - Math.min(...xs) - 8) < 0.01, 'bore diameter');
    // An odd count: the bounds are smaller than the outside diameter, which the dimensions still give.
    const odd = gear.build({ output: 'laser', teeth: 9 }) as LaserResult;
    assert.ok(odd.bounds.max.x < 22 && odd.bounds.max.x > 21);
    assert.equal(odd.dimensions.outsideDiameter, 22);
  });

  it('the print output is a closed solid of the asked thickness, with its bore', () => {
    const r = gear.build({ module: 1.5, teeth: 24, thickness: 8, bore: 6 }) as PrintResult;
    const m = checkMesh(parseBinaryStl(r.stl).positions);
    assert.equal(m.badEdges, 0);
    assert.deepEqual([m.min[2], m.max[2]], [0, 8]);
    assert.ok(Math.abs(m.max[0] - m.min[0] - 39) < 0.01, 'outside diameter 1.5 × 26');
    // Volume: the tooth ring is roughly the pitch disc; the bore takes π·3²·8 out.
    const pitchDisc = Math.PI * 18 ** 2 * 8;
    assert.ok(m.volume < pitchDisc && m.volume > pitchDisc * 0.85 - Math.PI * 9 * 8, `volume ${m.volume}`);
  });

  it('refuses a bore that would reach the teeth', () => {
    assert.throws(
      () => gear.build({ module: 1, teeth: 12, bore: 8 }),
      (e) => e instanceof TemplateError && e.code === 'bore_too_large' && e.params.maxMm === 6.5,
    );
    assert.doesNotThrow(() => gear.build({ module: 1, teeth: 12, bore: 6.5 }));
  });
});
