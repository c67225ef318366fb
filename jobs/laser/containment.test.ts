// Inside before outside: a part's holes (and what lies in them) are cut before the part falls free.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildContainment } from './plan/containment';
import { planRoute } from './plan/order';
import type { Polyline } from './geometry/types';
import { burnRuns, job, runBox, svg } from './testing.testutil';

const square = (x: number, y: number, s: number): Polyline => ({ pts: Float64Array.of(x, y, x + s, y, x + s, y + s, x, y + s), closed: true });
const cut = 'fill="none" stroke="red"';

describe('containment tree', () => {
  it('three levels: depth 0, 1, 2 and the smallest container as parent', () => {
    const polys = [square(0, 0, 100), square(60, 60, 10), square(10, 10, 80), square(200, 0, 50), square(20, 20, 60)];
    const t = buildContainment(polys);
    assert.deepEqual([...t.parent], [-1, 4, 0, -1, 2]);
    assert.deepEqual([...t.depth], [0, 3, 1, 0, 2]);
  });

  it('an open path inside a part is the part\'s child', () => {
    const slit: Polyline = { pts: Float64Array.of(40, 50, 60, 50), closed: false };
    const t = buildContainment([square(0, 0, 100), slit]);
    assert.deepEqual([...t.parent], [-1, 0]);
  });
});

describe('cut order', () => {
  it('nested shapes (3 levels, two parts) are cut children first, in the G-code', async () => {
    // Part A holds a hole, which holds an island; part B, far away, holds a hole. The file lists
    // outsides first: the program must not.
    const body = [
      `<rect x="10" y="10" width="120" height="120" ${cut}/>`,
      `<rect x="30" y="30" width="80" height="80" ${cut}/>`,
      `<rect x="50" y="50" width="40" height="40" ${cut}/>`,
      `<rect x="200" y="10" width="60" height="60" ${cut}/>`,
      `<circle cx="230" cy="40" r="10" ${cut}/>`,
    ].join('');
    const j = await job('nested.svg', svg('width="300mm" height="200mm" viewBox="0 0 300 200"', body), { kerf: false });
    const sizes = burnRuns(j.gcode.join('')).map((r) => {
      const b = runBox(r);
      return Math.round(b.maxX - b.minX);
    });
    const pos = (s: number) => sizes.indexOf(s);
    assert.equal(sizes.length, 5, JSON.stringify(sizes));
    assert.ok(pos(40) < pos(80) && pos(80) < pos(120), `island < hole < part: ${sizes}`);
    assert.ok(pos(20) < pos(60), `B's hole before B: ${sizes}`);
  });

  it('property: on random nested squares the route never cuts a contour before one inside it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 20 }), y: fc.integer({ min: 0, max: 20 }), levels: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        (parts, twoOpt) => {
          const polys: Polyline[] = [];
          for (const p of parts) for (let l = 0; l < p.levels; l++) polys.push(square(p.x * 100 + l * 10, p.y * 100 + l * 10, 80 - l * 20));
          const t = buildContainment(polys);
          const r = planRoute(polys, 0, 0, { group: Int32Array.from(polys.keys()), parentGroup: t.parent }, { twoOpt });
          assert.equal(r.order.length, polys.length);
          const at = new Map(r.order.map((i, k) => [i, k]));
          for (let i = 0; i < polys.length; i++) if (t.parent[i]! >= 0) assert.ok(at.get(i)! < at.get(t.parent[i]!)!);
        },
      ),
      { numRuns: 150 },
    );
  });
});
