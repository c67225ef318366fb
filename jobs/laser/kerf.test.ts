// Kerf compensation: a part's outline moves out by kerf/2, its holes move in, exactly; only cuts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offsetForKerf } from './plan/kerf';
import { burnRuns, burnSize, job, runBox, svg } from './testing.testutil';

const page = 'width="300mm" height="300mm" viewBox="0 0 300 300"';
const cut = 'fill="none" stroke="#ff0000"';
const near = (v: number, want: number, tol: number, label: string) => assert.ok(Math.abs(v - want) <= tol, `${label}: ${v.toFixed(5)}, want ${want} ± ${tol}`);

describe('kerf offset on cuts', () => {
  it('a 50 mm square cut with a 0.2 mm kerf: the beam runs on a 50.2 mm square', async () => {
    const j = await job('square.svg', svg(page, `<rect x="100" y="100" width="50" height="50" ${cut}/>`), { params: { kerfMm: 0.2 } });
    const { w, h } = burnSize(j);
    near(w, 50.2, 0.001, 'width');
    near(h, 50.2, 0.001, 'height');
    // Sharp corners: a mitred offset, 4 corners, not rounded.
    const run = burnRuns(j.gcode.join(''))[0]!;
    assert.equal(run.length, 5, JSON.stringify(run));
    assert.equal(j.operations.find((o) => o.operation === 'cut')!.kerfMm, 0.2);
  });

  it('a circle of radius 20 is cut on radius 20.1, all round', async () => {
    const j = await job('circle.svg', svg(page, `<circle cx="150" cy="150" r="20" ${cut}/>`), { params: { kerfMm: 0.2 }, placement: { xMm: 100, yMm: 100 } });
    const run = burnRuns(j.gcode.join(''))[0]!;
    const cx = 100 + 20.1;
    const cy = 100 + 20.1;
    const radii = run.map((p) => Math.hypot(p.x - cx, p.y - cy));
    // Vertices on the offset circle; chords sag by at most the 0.01 mm flattening tolerance.
    near(Math.max(...radii), 20.1, 0.012, 'max radius');
    near(Math.min(...radii), 20.1, 0.012, 'min radius');
    near(burnSize(j).w, 40.2, 0.012, 'diameter');
  });

  it('holes shrink, the part inside a hole grows again (parity of depth)', async () => {
    const body = [
      `<rect x="50" y="50" width="100" height="100" ${cut}/>`, // part: 100 → 100.2
      `<rect x="70" y="70" width="60" height="60" ${cut}/>`, // hole: 60 → 59.8
      `<circle cx="100" cy="100" r="15" ${cut}/>`, // island in the hole: r 15 → 15.1
    ].join('');
    const j = await job('nested.svg', svg(page, body), { params: { kerfMm: 0.2 }, placement: { xMm: 10, yMm: 10 } });
    const sizes = burnRuns(j.gcode.join(''))
      .map(runBox)
      .map((b) => Math.round((b.maxX - b.minX) * 1000) / 1000);
    assert.equal(sizes.length, 3);
    near(sizes[0]!, 30.2, 0.012, 'island (first)');
    near(sizes[1]!, 59.8, 0.001, 'hole (second)');
    near(sizes[2]!, 100.2, 0.001, 'part (last)');
  });

  it('scores and engravings are not offset; kerf off leaves cuts as drawn', async () => {
    const s = await job('score.svg', svg(page, `<rect x="100" y="100" width="50" height="50" fill="none" stroke="blue"/>`), { params: { kerfMm: 0.3 } });
    near(burnSize(s).w, 50, 1e-9, 'score');
    const off = await job('cut.svg', svg(page, `<rect x="100" y="100" width="50" height="50" ${cut}/>`), { kerf: false });
    near(burnSize(off).w, 50, 1e-9, 'kerf off');
    assert.equal(off.operations[0]!.kerfMm, 0);
  });

  it('a hole smaller than the kerf is cut as drawn, and said so', async () => {
    const res = await offsetForKerf(
      [
        { pts: Float64Array.of(0, 0, 10, 0, 10, 10, 0, 10), closed: true },
        { pts: Float64Array.of(5, 5, 5.1, 5, 5.1, 5.1, 5, 5.1), closed: true },
      ],
      Int32Array.of(0, 1),
      0.3,
    );
    assert.equal(res.tooSmall, 1);
    assert.deepEqual([...res.polys[1]!.pts], [5, 5, 5.1, 5, 5.1, 5.1, 5, 5.1]);
  });
});
