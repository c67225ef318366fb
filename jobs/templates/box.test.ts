// The finger-joint box, assembled in the test from the SVG's panels: every bit of the box's walls belongs
// to exactly one panel (fingers of one fill the slots of the other), nothing pokes out, and the outer
// size is the one asked for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { box } from './box';
import { edgePattern, fingerCount, panelOutline } from './box-joints';
import { parseLaserSvg } from './check.testutil';
import { insideOutlines } from './geometry';
import { TemplateError } from './errors';
import type { LaserPart, LaserResult, RawParams, Vec2 } from './index';

function build(params: RawParams): LaserResult {
  const r = box.build(params);
  assert.equal(r.kind, 'laser');
  return r as LaserResult;
}

/** Each panel's outline as read back from the SVG (y flipped back up), in its own frame. */
function panels(r: LaserResult): { part: LaserPart; outline: Vec2[] }[] {
  const svg = parseLaserSvg(r.svg);
  const outlines = svg.paths.filter((p) => p.operation === 'cut').map((p) => p.subpaths[0]!.map(([x, y]) => [x, svg.heightMm - y] as const));
  return r.parts.map((part) => {
    const o = part.sheetOrigin!;
    const mine = outlines.filter((ol) => ol.every(([x, y]) => x >= part.bounds.min.x - 1e-3 && x <= part.bounds.max.x + 1e-3 && y >= part.bounds.min.y - 1e-3 && y <= part.bounds.max.y + 1e-3));
    assert.equal(mine.length, 1, `one outline for ${part.id}`);
    return { part, outline: mine[0]!.map(([x, y]) => [x - o.x, y - o.y] as const) };
  });
}

/**
 * Samples the whole box on a grid that falls between all joint boundaries and counts the panels over
 * each point: 1 inside the walls, 0 inside the box and outside it.
 */
function assembled(r: LaserResult, t: number) {
  const all = panels(r).map(({ part, outline }) => {
    const { origin, u, v, w } = part.placement!;
    return { origin, u, v, w, outline };
  });
  const W = r.dimensions.outerWidth!;
  const D = r.dimensions.outerDepth!;
  const H = r.dimensions.outerHeight!;
  const lid = r.parts.some((p) => p.id === 'lid');
  const steps = (L: number) => {
    // Cell centres of a fine grid, offset by an odd fraction so that no sample lies on a boundary.
    const n = Math.ceil(L / 0.37);
    return Array.from({ length: n + 2 }, (_, i) => -0.21 + ((i + 0.5) * (L + 0.42)) / (n + 2));
  };
  let wall = 0;
  let gaps = 0;
  let overlaps = 0;
  let outside = 0;
  let insideFilled = 0;
  for (const x of steps(W)) {
    for (const y of steps(D)) {
      for (const z of steps(H)) {
        let n = 0;
        for (const p of all) {
          const dx = x - p.origin.x;
          const dy = y - p.origin.y;
          const dz = z - p.origin.z;
          const across = p.w.x * dx + p.w.y * dy + p.w.z * dz;
          if (across < 0 || across > t) continue;
          const pu = p.u.x * dx + p.u.y * dy + p.u.z * dz;
          const pv = p.v.x * dx + p.v.y * dy + p.v.z * dz;
          if (insideOutlines([pu, pv], [p.outline])) n++;
        }
        const out = x < 0 || y < 0 || z < 0 || x > W || y > D || z > H;
        const shell = !out && (x < t || y < t || z < t || x > W - t || y > D - t || (lid && z > H - t));
        if (out) outside += n;
        else if (shell) {
          wall++;
          if (n === 0) gaps++;
          if (n > 1) overlaps++;
        } else insideFilled += n;
      }
    }
  }
  return { wall, gaps, overlaps, outside, insideFilled };
}

describe('finger-joint box', () => {
  for (const params of [
    { kerf: 0 },
    { kerf: 0, lid: false },
    { kerf: 0, width: 73.3, depth: 41.7, height: 33.1, thickness: 2.9, finger: 7.5 },
    { kerf: 0, dimensions: 'inner', width: 50, depth: 35, height: 25, thickness: 4, finger: 6, lid: false },
    { kerf: 0, width: 30, depth: 30, height: 30, thickness: 6, finger: 6 },
  ] as RawParams[]) {
    it(`assembles without gap or overlap: ${JSON.stringify(params)}`, () => {
      const r = build(params);
      const t = (params.thickness as number | undefined) ?? 3;
      const a = assembled(r, t);
      assert.ok(a.wall > 1000, `${a.wall} wall samples`);
      assert.equal(a.gaps, 0, 'every wall sample is covered (each finger fills a slot)');
      assert.equal(a.overlaps, 0, 'no two panels share a sample (fingers meet slots, not fingers)');
      assert.equal(a.outside, 0, 'nothing sticks out of the box');
      assert.equal(a.insideFilled, 0, 'nothing inside the box');
    });
  }

  it('outer dimensions are the ones asked for (kerf 0), inner ones add the walls', () => {
    for (const lid of [true, false]) {
      for (const dimensions of ['outer', 'inner']) {
        const r = build({ kerf: 0, width: 120, depth: 80, height: 60, thickness: 3, dimensions, lid });
        // The assembled box's bounds, from the panels' outlines placed in 3D.
        const min = [Infinity, Infinity, Infinity];
        const max = [-Infinity, -Infinity, -Infinity];
        for (const { part, outline } of panels(r)) {
          const { origin, u, v, w } = part.placement!;
          for (const [pu, pv] of outline) {
            for (const pw of [0, 3]) {
              const q = [origin.x + pu * u.x + pv * v.x + pw * w.x, origin.y + pu * u.y + pv * v.y + pw * w.y, origin.z + pu * u.z + pv * v.z + pw * w.z];
              q.forEach((c, k) => {
                min[k] = Math.min(min[k]!, c);
                max[k] = Math.max(max[k]!, c);
              });
            }
          }
        }
        const expected = dimensions === 'outer' ? [120, 80, 60] : [126, 86, lid ? 66 : 63];
        for (let k = 0; k < 3; k++) {
          assert.ok(Math.abs(min[k]!) < 0.01, `min ${k}: ${min[k]}`);
          assert.ok(Math.abs(max[k]! - expected[k]!) < 0.01, `${dimensions} lid=${lid} axis ${k}: ${max[k]} vs ${expected[k]}`);
        }
        assert.equal(r.dimensions.innerWidth, dimensions === 'outer' ? 114 : 120);
      }
    }
  });

  it('mating edges alternate: the fingers of one are the slots of the other; corners are the front\'s', () => {
    for (const [L, n, ownerSpan] of [
      [120, 11, true],
      [80, 7, false],
    ] as const) {
      const owner = edgePattern(L, 3, n, true, ownerSpan);
      const other = edgePattern(L, 3, n, false, !ownerSpan);
      assert.equal(owner.length, n + 2);
      owner.forEach((s, i) => {
        assert.equal(s.from, other[i]!.from);
        assert.equal(s.to, other[i]!.to);
        if (i > 0 && i < n + 1) assert.notEqual(s.out, other[i]!.out, `segment ${i}`);
      });
      assert.deepEqual([owner[0]!.to, owner.at(-1)!.from], [3, L - 3], 'corner zones are a thickness long');
    }
    // Along left/right ↔ bottom/lid, neither owns the corners (the front and back do).
    const floor = edgePattern(80, 3, 7, false, true);
    const end = edgePattern(80, 3, 7, false, false);
    assert.deepEqual([floor[0]!.out, end[0]!.out], [false, false]);
    assert.equal(fingerCount(114, 10), 11);
    assert.equal(fingerCount(100, 10), 9, 'odd, so both ends of an edge match');
    assert.equal(fingerCount(20, 10), 3, 'three at least');
  });

  it('the kerf widens fingers and narrows slots by the kerf, so joints come out tight', () => {
    const kerf = 0.2;
    const r = build({ kerf, width: 120, depth: 80, height: 60, thickness: 3, finger: 10 });
    const front = panels(r).find((p) => p.part.id === 'front')!;
    // Along the front's bottom edge: x where the outline meets y = −kerf/2 (finger tips) and y = 3 − kerf/2 (slot floors).
    // Between its corners the edge has 11 segments of 114 / 11 mm.
    const xsAt = (y: number) => front.outline.filter((p) => Math.abs(p[1] - y) < 1e-6).map((p) => p[0]).sort((a, b) => a - b);
    const tips = xsAt(-kerf / 2);
    const floors = xsAt(3 - kerf / 2);
    const pitch = 114 / 11;
    // Inner fingers (not the corner ones): width pitch + kerf.
    const widths = [];
    for (let i = 0; i + 1 < tips.length; i += 2) widths.push(tips[i + 1]! - tips[i]!);
    const inner = widths.slice(1, -1);
    assert.ok(inner.length >= 3);
    for (const wd of inner) assert.ok(Math.abs(wd - (pitch + kerf)) < 1e-3, `finger ${wd}`);
    const slots = [];
    for (let i = 0; i + 1 < floors.length; i += 2) slots.push(floors[i + 1]! - floors[i]!);
    for (const s of slots) assert.ok(Math.abs(s - (pitch - kerf)) < 1e-3, `slot ${s}`);
    // The whole panel is kerf larger than nominal.
    assert.ok(Math.abs(front.part.bounds.max.x - front.part.bounds.min.x - 120.2) < 1e-3);
  });

  it('panels are laid flat without overlapping, the spacing apart', () => {
    const r = build({ spacing: 7 });
    const boxes = r.parts.map((p) => p.bounds);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const gapX = Math.max(b.min.x - a.max.x, a.min.x - b.max.x);
        const gapY = Math.max(b.min.y - a.max.y, a.min.y - b.max.y);
        assert.ok(Math.max(gapX, gapY) >= 7 - 1e-9, `${r.parts[i]!.id} / ${r.parts[j]!.id}`);
      }
    }
    assert.deepEqual(r.parts.map((p) => p.id), ['bottom', 'front', 'left', 'lid', 'back', 'right']);
    assert.deepEqual(build({ lid: false }).parts.map((p) => p.id), ['bottom', 'front', 'left', 'back', 'right']);
  });

  it('each panel is one closed outline, its corners hanging on whole fingers', () => {
    const e = (L: number, n: number) => edgePattern(L, 3, n, true, true);
    const outline = panelOutline(100, 60, 3, { bottom: e(100, 9), top: e(100, 9), left: e(60, 5), right: e(60, 5) });
    // 9 segments: 4 slots, each adding 4 corners to the bottom edge; the same on top; 2 slots per side.
    assert.equal(outline.length, 4 + 2 * 4 * 4 + 2 * 2 * 4);
    // The smallest box a thickness allows (5 thicknesses a side) still comes out in one piece per panel.
    const r = build({ width: 30, depth: 30, height: 30, thickness: 6, finger: 6, kerf: 0 });
    assert.equal(r.parts.length, 6);
    assert.equal(r.dimensions.fingersAlongWidth, 3);
  });

  it('refuses a box its fingers cannot fit, saying how small it may be', () => {
    const code = (params: RawParams) => {
      try {
        box.build(params);
        return null;
      } catch (e) {
        assert.ok(e instanceof TemplateError);
        return [e.code, e.params] as const;
      }
    };
    assert.deepEqual(code({ thickness: 6, finger: 5 }), ['finger_too_narrow', { minMm: 6 }]);
    assert.deepEqual(code({ width: 45, depth: 80, height: 60, thickness: 10, finger: 10 }), ['fingers_do_not_fit', { edge: 'width', minMm: 50 }]);
    assert.deepEqual(code({ width: 120, depth: 80, height: 45, thickness: 10, finger: 10 }), ['fingers_do_not_fit', { edge: 'height', minMm: 50 }]);
    assert.equal(code({ width: 50, depth: 50, height: 50, thickness: 10, finger: 10 }), null, 'three fingers as wide as the sheet: the smallest box');
    assert.deepEqual(code({ dimensions: 'inner', width: 60, depth: 40, height: 25, thickness: 10, finger: 10 }), ['fingers_do_not_fit', { edge: 'height', minMm: 30 }]);
    assert.deepEqual(code({ width: 60, depth: 45, height: 60, thickness: 10, finger: 10 }), ['fingers_do_not_fit', { edge: 'depth', minMm: 50 }]);
    assert.deepEqual(code({ dimensions: 'inner', width: 60, depth: 40, height: 35, thickness: 10, finger: 10, lid: false }), ['fingers_do_not_fit', { edge: 'height', minMm: 40 }]);
  });
});
