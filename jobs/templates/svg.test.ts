// The SVG contract with jobs/laser, on a hand-made drawing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLaserSvg } from './check.testutil';
import { fmt, previewPolylines, writeSvg, type Drawing } from './svg';

const square = (x: number, y: number, s: number) => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
] as const;

describe('svg writer', () => {
  const drawing: Drawing = {
    cut: [
      { points: [...square(0, 0, 100)], closed: true },
      { points: [...square(10, 10, 5)], closed: true },
    ],
    score: [{ points: [[20, 20], [80, 20]], closed: false }],
    engrave: [[...square(30, 40, 20)], [...square(35, 45, 10)].reverse()],
  };
  const svg = writeSvg(drawing, 'Test <&> "x"');

  it('writes millimetres with a matching viewBox, y pointing down', () => {
    const parsed = parseLaserSvg(svg);
    assert.deepEqual([parsed.widthMm, parsed.heightMm, parsed.viewBox], [100, 100, [0, 0, 100, 100]]);
    const score = parsed.paths.find((p) => p.operation === 'score')!;
    assert.deepEqual(score.subpaths[0], [[20, 80], [80, 80]], 'y flipped: model y up, SVG y down');
    assert.match(svg, /<title>Test &#60;&#38;&#62; &#34;x&#34;<\/title>/);
  });

  it('colours: red hairline cuts, blue hairline scores, black even-odd fills', () => {
    assert.match(svg, /<path d="[^"]+" fill="none" stroke="#ff0000" stroke-width="0.1"\/>/);
    assert.match(svg, /<path d="[^"]+" fill="none" stroke="#0000ff" stroke-width="0.1"\/>/);
    assert.match(svg, /<path d="M30 60 L50 60 L50 40 L30 40 Z M35 45 L45 45 L45 55 L35 55 Z" fill="#000000" fill-rule="evenodd" stroke="none"\/>/);
  });

  it('cuts small shapes first, so holes go before the part around them', () => {
    const cuts = parseLaserSvg(svg).paths.filter((p) => p.operation === 'cut');
    assert.equal(cuts[0]!.subpaths[0]!.length, 4);
    assert.deepEqual(cuts[0]!.subpaths[0]![0], [10, 90]);
  });

  it('numbers: four decimals at most, never exponents or -0', () => {
    assert.deepEqual([fmt(1e-7), fmt(-1e-7), fmt(12.34567), fmt(100), fmt(0.5), fmt(1e21 / 1e20)], ['0', '0', '12.3457', '100', '0.5', '10']);
  });

  it('the preview holds the same polylines, y up', () => {
    const p = previewPolylines(drawing);
    assert.deepEqual(p.map((x) => x.operation), ['engrave', 'engrave', 'score', 'cut', 'cut']);
    assert.deepEqual(Array.from(p[2]!.points), [20, 20, 80, 20]);
  });
});
