// SVG import: transforms, units, styles, basic shapes; hostile files refused with their code; live text
// reported and the rest still imported.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixture } from '../../test/support/fixtures';
import { LaserError, type LaserErrorCode } from './errors';
import { polylineLength } from './geometry/polygon';
import { importSvg } from './svg/import';
import { svg, utf8 } from './testing.testutil';

const refuses = (bytes: Uint8Array, code: LaserErrorCode) =>
  assert.throws(
    () => importSvg(bytes),
    (e: unknown) => e instanceof LaserError && e.code === code,
    `expected ${code}`,
  );

describe('nested transforms (svgpathtools groups.svg)', () => {
  // Each path's group chain, applied from the inside out with plain trigonometry.
  type P = [number, number];
  const rad = (d: number) => (d * Math.PI) / 180;
  const matrix = ([x, y]: P): P => [1.5 * x - 40, 0.5 * y + 20];
  const scale = (sx: number, sy = sx) => ([x, y]: P): P => [sx * x, sy * y];
  const translate = (tx: number, ty = 0) => ([x, y]: P): P => [x + tx, y + ty];
  const rotate = (a: number, cx = 0, cy = 0) => ([x, y]: P): P => [
    cx + (x - cx) * Math.cos(rad(a)) - (y - cy) * Math.sin(rad(a)),
    cy + (x - cx) * Math.sin(rad(a)) + (y - cy) * Math.cos(rad(a)),
  ];
  const skewX = (a: number) => ([x, y]: P): P => [x + Math.tan(rad(a)) * y, y];
  const skewY = (a: number) => ([x, y]: P): P => [x, y + Math.tan(rad(a)) * x];
  const chain = (...fs: ((p: P) => P)[]) => (p: P) => fs.reduceRight((q, f) => f(q), p);
  const cases: [P, P, (p: P) => P][] = [
    [[183, 183], [0, -50], chain(matrix)],
    [[122, 320], [-50, 0], chain(matrix, scale(1.25))],
    [[150, 200], [-50, 25], chain(matrix, scale(1.25))],
    [[150, 200], [-50, 25], chain(matrix, scale(1.25))],
    [[150, 200], [-50, 25], chain(matrix, scale(1.25), translate(20))],
    [[150, 200], [-50, 25], chain(matrix, scale(1.25), translate(20, 30))],
    [[122, 320], [-50, 0], chain(matrix, scale(0.5, 1.5))],
    [[183, 183], [0, 30], chain(matrix, rotate(20))],
    [[183, 183], [0, 30], chain(matrix, rotate(45, 183, 183))],
    [[183, 183], [40, 40], chain(matrix, skewX(5))],
    [[183, 183], [40, 40], chain(matrix, skewY(5))],
    [[180, 20], [-70, 80], chain(matrix, skewY(5), rotate(-40, 100, 100))],
  ];
  it('every path lands where its group chain puts it (mm, y up, 96 dpi)', () => {
    const { drawing, findings } = importSvg(readFileSync(fixture('svg/svgpathtools-groups-transforms.svg')));
    assert.equal(drawing.shapes.length, 12);
    const k = 25.4 / 96;
    assert.ok(Math.abs(drawing.page!.heightMm - 365 * k) < 1e-9);
    assert.ok(findings.some((f) => f.code === 'svg_no_physical_size'));
    cases.forEach(([start, d, f], i) => {
      const want = [f(start), f([start[0] + d[0], start[1] + d[1]])].flatMap(([x, y]) => [x * k, (365 - y) * k]);
      const got = [...drawing.shapes[i]!.paths[0]!.pts];
      assert.equal(got.length, 4, `path${i}`);
      got.forEach((v, c) => assert.ok(Math.abs(v - want[c]!) < 1e-9, `path${String(i).padStart(2, '0')}[${c}]: ${v} vs ${want[c]}`));
    });
  });
});

describe('live text', () => {
  it('text is not converted: a finding with the count, and the rest of the drawing is imported', () => {
    const { drawing, findings } = importSvg(readFileSync(fixture('svg/svgpathtools-transforms-live-text.svg')));
    const text = findings.find((f) => f.code === 'svg_text_not_paths');
    assert.equal(text?.params.count, 3);
    assert.match(text!.message, /text must already be paths/);
    // circle, the grouped line, two red lines, green line, blue curve, 3 point marks, the polygon
    assert.equal(drawing.shapes.length, 10);
    assert.deepEqual(
      drawing.shapes.map((s) => s.stroke),
      ['#000000', '#000000', '#ff0000', '#ff0000', '#008000', '#0000ff', '#000000', '#000000', '#000000', '#800080'],
    );
    assert.equal(drawing.shapes[0]!.fill, '#ff0000', 'fill inherited from the group style');
    assert.equal(drawing.shapes[9]!.fill, '#00ff00', 'lime');
  });
});

describe('hostile files are refused before anything is drawn', () => {
  it('a <script> element, an event attribute', () => {
    refuses(svg('', '<script>alert(1)</script><rect width="10" height="10"/>'), 'svg_script');
    refuses(svg('onload="alert(1)"', '<rect width="10" height="10"/>'), 'svg_script');
    refuses(svg('', '<g><a xlink:href="#x" onclick="x()"><rect width="1" height="1"/></a></g>'), 'svg_script');
  });
  it('a DOCTYPE with ENTITY declarations (billion laughs), even unused', () => {
    refuses(
      utf8('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&lol2;</text></svg>'),
      'svg_entities',
    );
    refuses(utf8('<!DOCTYPE svg [ ]><svg/>'), 'svg_entities');
    refuses(utf8('<?xml version="1.0"?><!DOCTYPE svg SYSTEM "x" [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg>&xxe;</svg>'), 'svg_entities');
  });
  it('a plain DOCTYPE naming the SVG 1.1 DTD is harmless: imported, never fetched', () => {
    const { drawing } = importSvg(readFileSync(fixture('svg/svgpathtools-negative-scale-arcs.svg')));
    assert.equal(drawing.shapes.length, 1);
  });
  it('external references: xlink:href, href, CSS url() and @import', () => {
    refuses(svg('xmlns:xlink="http://www.w3.org/1999/xlink"', '<image xlink:href="http://example.com/a.png" width="10" height="10"/>'), 'svg_external_reference');
    refuses(svg('', '<use href="file:///etc/passwd#x"/>'), 'svg_external_reference');
    refuses(svg('', '<use href="other.svg#part"/>'), 'svg_external_reference');
    refuses(svg('', '<rect width="10" height="10" style="fill:url(https://example.com/p.svg#g)"/>'), 'svg_external_reference');
    refuses(svg('', '<style>@import url(x.css);</style><rect width="10" height="10"/>'), 'svg_external_reference');
    refuses(svg('', '<a href="javascript:alert(1)"><rect width="10" height="10"/></a>'), 'svg_external_reference');
  });
  it('an embedded data: image is ignored with a finding, not refused', () => {
    const { findings } = importSvg(svg('', '<image href="data:image/png;base64,AAAA" width="10" height="10"/><rect width="10" height="10"/>'));
    assert.equal(findings.find((f) => f.code === 'svg_image_ignored')?.params.count, 1);
  });
  it('not XML, not SVG, too deep, too many shapes, too many points, too big', () => {
    refuses(utf8('<svg><rect></svg>'), 'svg_invalid_xml');
    refuses(utf8('<html><body/></html>'), 'svg_not_svg');
    refuses(svg('', '<g>'.repeat(200) + '</g>'.repeat(200)), 'svg_too_deep');
    assert.throws(() => importSvg(svg('', '<rect width="1" height="1" stroke="red"/>'.repeat(11)), { limits: { maxPaths: 10 } }), (e: unknown) => e instanceof LaserError && e.code === 'too_many_paths');
    assert.throws(() => importSvg(svg('width="100mm" height="100mm" viewBox="0 0 100 100"', '<circle r="40" cx="50" cy="50" stroke="red"/>'), { limits: { maxPoints: 100 } }), (e: unknown) => e instanceof LaserError && e.code === 'too_many_points');
    assert.throws(() => importSvg(new Uint8Array(2000), { limits: { maxFileBytes: 1000 } }), (e: unknown) => e instanceof LaserError && e.code === 'file_too_large' && e.params.limit === 1000);
  });
});

describe('paint: attributes, style=, <style>, inheritance, colour syntaxes', () => {
  const one = (body: string) => importSvg(svg('width="100mm" height="100mm" viewBox="0 0 100 100"', body)).drawing.shapes;
  it('colour syntaxes', () => {
    const s = one(
      ['red', '#F00', '#ff000080', 'rgb(255, 0, 0)', 'rgb(100%,0%,0%)', 'rgba(255,0,0,0.5)', 'hsl(0, 100%, 50%)', 'RED']
        .map((c) => `<line x1="0" y1="0" x2="10" y2="10" stroke="${c}"/>`)
        .join(''),
    );
    assert.deepEqual(s.map((x) => x.stroke), Array(8).fill('#ff0000'));
  });
  it('none, transparent, invisible, display:none, opacity 0 paint nothing', () => {
    const s = one(
      [
        '<rect width="5" height="5" fill="none" stroke="none"/>',
        '<rect width="5" height="5" fill="transparent"/>',
        '<rect width="5" height="5" fill="rgba(0,0,0,0)"/>',
        '<rect width="5" height="5" visibility="hidden"/>',
        '<g style="display:none"><rect width="5" height="5"/></g>',
        '<g opacity="0"><rect width="5" height="5" stroke="red"/></g>',
      ].join(''),
    );
    assert.equal(s.length, 0);
  });
  it('a group passes stroke and fill down; style= beats the attribute; a <style> class applies (Illustrator)', () => {
    const s = one(
      [
        '<style>.st0{fill:none;stroke:#0000FF;stroke-miterlimit:10;} rect.cut { stroke: red } #special{stroke:lime}</style>',
        '<g stroke="red" fill="none"><path d="M0 0 L10 0"/><g><circle r="3" cx="5" cy="5" fill="black"/></g></g>',
        '<path d="M0 0 L10 10" stroke="blue" style="stroke: #00ff00"/>',
        '<path class="st0" d="M0 0 L5 5"/>',
        '<rect class="cut" width="4" height="4" fill="none"/>',
        '<rect id="special" class="cut" width="4" height="4" fill="none"/>',
        '<g color="purple"><line x2="5" y2="5" stroke="currentColor"/></g>',
      ].join(''),
    );
    assert.deepEqual(
      s.map((x) => [x.stroke, x.fill]),
      [
        ['#ff0000', null],
        ['#ff0000', '#000000'],
        ['#00ff00', '#000000'],
        ['#0000ff', null],
        ['#ff0000', null],
        ['#00ff00', null],
        ['#800080', null],
      ],
    );
  });
  it('fill-rule is read for engraving', () => {
    const s = one('<path d="M0 0H10V10H0Z M2 2H8V8H2Z" fill-rule="evenodd"/><path d="M0 0H10V10H0Z"/>');
    assert.deepEqual(s.map((x) => x.fillRule), ['evenodd', 'nonzero']);
  });
});

describe('shapes', () => {
  const mm = 'width="200mm" height="200mm" viewBox="0 0 200 200"';
  const len = (body: string) => importSvg(svg(mm, body)).drawing.shapes.map((s) => s.paths.reduce((a, p) => a + polylineLength(p), 0));
  it('rect with rx/ry (one given: both), circle, ellipse, line, polyline, polygon, arcs', () => {
    const [rounded, roundedOne, circle, ellipse, line, polyline, polygon, arc] = len(
      [
        '<rect x="10" y="10" width="100" height="50" rx="10" ry="10" stroke="red"/>',
        '<rect x="10" y="10" width="100" height="50" ry="10" stroke="red"/>',
        '<circle cx="100" cy="100" r="30" stroke="red"/>',
        '<ellipse cx="100" cy="100" rx="30" ry="30" stroke="red"/>',
        '<line x1="0" y1="0" x2="30" y2="40" stroke="red"/>',
        '<polyline points="0,0 10,0 10,10" stroke="red"/>',
        '<polygon points="0,0 10,0 10,10" stroke="red"/>',
        '<path d="M 10 100 A 50 50 0 0 1 110 100" stroke="red"/>',
      ].join(''),
    );
    const roundedWant = 2 * (100 + 50) - 8 * 10 + 2 * Math.PI * 10;
    assert.ok(Math.abs(rounded! - roundedWant) < 0.05, `${rounded} vs ${roundedWant}`);
    assert.ok(Math.abs(roundedOne! - roundedWant) < 0.05);
    assert.ok(Math.abs(circle! - 2 * Math.PI * 30) < 0.05, `circle ${circle}`);
    assert.ok(Math.abs(ellipse! - 2 * Math.PI * 30) < 0.05);
    assert.equal(line, 50);
    assert.equal(polyline, 20);
    assert.ok(Math.abs(polygon! - (20 + Math.SQRT2 * 10)) < 1e-9);
    assert.ok(Math.abs(arc! - Math.PI * 50) < 0.05, `arc ${arc}`);
  });
  it('curves are flattened within the chord tolerance (0.01 mm)', () => {
    const { drawing } = importSvg(svg(mm, '<circle cx="100" cy="100" r="50" stroke="red"/>'));
    const p = drawing.shapes[0]!.paths[0]!;
    assert.ok(p.closed);
    const n = p.pts.length / 2;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const mx = (p.pts[2 * i]! + p.pts[2 * j]!) / 2;
      const my = (p.pts[2 * i + 1]! + p.pts[2 * j + 1]!) / 2;
      const sag = 50 - Math.hypot(mx - 100, my - 100);
      assert.ok(sag <= 0.0101 && sag >= 0, `sag ${sag}`);
    }
    assert.ok(n < 300, `${n} points for a 100 mm circle`);
  });
  it('<use> of a <symbol> and of a shape, cycles ignored', () => {
    const { drawing } = importSvg(
      svg(mm, '<defs><symbol id="s" viewBox="0 0 10 10"><rect width="10" height="10" stroke="red" fill="none"/></symbol><use id="loop" href="#loop"/></defs><use href="#s" x="20" y="20" width="50" height="50"/><rect id="r" width="5" height="5" stroke="blue" fill="none"/><use href="#r" x="100"/>'),
    );
    assert.equal(drawing.shapes.length, 3);
    const xs = drawing.shapes.map((s) => [Math.min(...s.paths[0]!.pts.filter((_, i) => i % 2 === 0)), Math.max(...s.paths[0]!.pts.filter((_, i) => i % 2 === 0))]);
    assert.deepEqual(xs, [
      [20, 70],
      [0, 5],
      [100, 105],
    ]);
  });
});
