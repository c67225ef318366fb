// A 100 mm square comes out 100 mm in the program whatever units the drawing used, measured on the
// G-code engine's bounds of what burns.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { burnSize, dxf, job, svg } from './testing.testutil';

const near = (v: number, want: number, label: string) => assert.ok(Math.abs(v - want) <= 0.01, `${label}: ${v.toFixed(4)} mm, want ${want} ± 0.01`);

// Blue = score: no kerf offset, so the burn is the drawn line.
const score = 'fill="none" stroke="#0000ff"';

const svgCases: [string, Uint8Array][] = [
  ['mm', svg('width="200mm" height="200mm" viewBox="0 0 200 200"', `<rect x="20" y="30" width="100" height="100" ${score}/>`)],
  ['cm (width/height, user units = cm through viewBox)', svg('width="20cm" height="20cm" viewBox="0 0 20 20"', `<rect x="1" y="1" width="10" height="10" ${score}/>`)],
  ['in', svg('width="8in" height="8in" viewBox="0 0 8 8"', `<rect x="1" y="1" width="${100 / 25.4}" height="${100 / 25.4}" ${score}/>`)],
  ['pt', svg('width="500pt" height="500pt" viewBox="0 0 500 500"', `<rect x="10" y="10" width="${(100 / 25.4) * 72}" height="${(100 / 25.4) * 72}" ${score}/>`)],
  ['pc', svg('width="40pc" height="40pc" viewBox="0 0 40 40"', `<rect x="1" y="1" width="${(100 / 25.4) * 6}" height="${(100 / 25.4) * 6}" ${score}/>`)],
  ['px without viewBox (96 dpi)', svg('width="800px" height="800px"', `<rect x="10" y="10" width="${(100 / 25.4) * 96}" height="${(100 / 25.4) * 96}" ${score}/>`)],
  ['unitless width, no viewBox (user units are px)', svg('width="800" height="800"', `<path d="M10 10 h${(100 / 25.4) * 96} v${(100 / 25.4) * 96} H10 Z" ${score}/>`)],
  ['physical units inside user space', svg('width="300mm" height="300mm" viewBox="0 0 300 300"', `<rect x="10mm" y="1cm" width="10cm" height="100mm" transform="scale(${25.4 / 96})" ${score}/>`)],
  ['viewBox scaling (500 units in 200 mm)', svg('width="200mm" height="200mm" viewBox="0 0 500 500"', `<rect x="50" y="50" width="250" height="250" ${score}/>`)],
  ['viewBox, meet, wider viewport', svg('width="400mm" height="200mm" viewBox="-50 -50 500 500"', `<circle cx="100" cy="100" r="125" ${score}/>`)],
  ['viewBox, preserveAspectRatio none', svg('width="100mm" height="200mm" viewBox="0 0 1000 1000" preserveAspectRatio="none"', `<rect x="0" y="0" width="1000" height="500" ${score}/>`)],
  ['nested groups with scale and translate', svg('width="210mm" height="297mm" viewBox="0 0 210 297"', `<g transform="translate(10 20)"><g transform="scale(2)"><g transform="scale(0.5 0.5)"><polygon points="0,0 100,0 100,100 0,100" ${score}/></g></g></g>`)],
  ['only width given, height from the viewBox', svg('width="250mm" viewBox="0 0 1000 500"', `<rect x="100" y="50" width="400" height="400" ${score}/>`)],
];

describe('a 100 mm square in each SVG unit system is 100.00 mm in the G-code', () => {
  for (const [name, bytes] of svgCases) {
    it(name, async () => {
      const j = await job(`square-${name}.svg`, bytes, { placement: { xMm: 50, yMm: 50 } });
      const { w, h } = burnSize(j);
      near(w, 100, `${name} width`);
      near(h, 100, `${name} height`);
      assert.equal(j.analysis.findings.filter((f) => f.severity === 'error').length, 0, JSON.stringify(j.analysis.findings));
    });
  }
});

const lwSquare = (size: number, color = 5): (string | number)[] => [0, 'LWPOLYLINE', 8, '0', 62, color, 90, 4, 70, 1, 10, 0, 20, 0, 10, size, 20, 0, 10, size, 20, size, 10, 0, 20, size];

describe('a 100 mm square in DXF is 100.00 mm in the G-code', () => {
  for (const [name, units, size] of [
    ['mm ($INSUNITS 4)', 4, 100],
    ['inch ($INSUNITS 1)', 1, 100 / 25.4],
    ['cm ($INSUNITS 5)', 5, 10],
    ['m ($INSUNITS 6)', 6, 0.1],
  ] as const) {
    it(name, async () => {
      const j = await job('square.dxf', dxf(units, [lwSquare(size)]), { placement: { xMm: 0, yMm: 0 } });
      const { w, h } = burnSize(j);
      near(w, 100, 'width');
      near(h, 100, 'height');
      assert.ok(!j.findings.some((f) => f.code === 'dxf_units_assumed'));
    });
  }
  it('without $INSUNITS the drawing is read as mm, and the maker is told', async () => {
    const j = await job('square.dxf', dxf(null, [lwSquare(100)]), { placement: { xMm: 0, yMm: 0 } });
    near(burnSize(j).w, 100, 'width');
    assert.ok(j.findings.some((f) => f.code === 'dxf_units_assumed'));
  });
});

it('the page keeps its place on the bed when no placement is given (SVG page bottom-left at the origin)', async () => {
  const j = await job('page.svg', svg('width="200mm" height="100mm" viewBox="0 0 200 100"', `<rect x="20" y="10" width="30" height="40" ${score}/>`));
  assert.deepEqual(j.bounds, { minX: 20, minY: 50, maxX: 50, maxY: 90 });
  assert.equal(j.analysis.bounds.min.x, 20);
  assert.equal(j.analysis.bounds.max.y, 90);
});
