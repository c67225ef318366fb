// Whatever bytes a maker brings, import fails only with a LaserError (a code the kiosk translates),
// never with anything else, and never hangs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { importDxf } from './dxf/import';
import { LaserError } from './errors';
import { importSvg } from './svg/import';
import { job, utf8 } from './testing.testutil';

const onlyLaserErrors = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (!(e instanceof LaserError)) throw e;
  }
};

const svgish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<svg>',
        '</svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="10mm" viewBox="0 0 10 10">',
        '<g transform="rotate(30 5 5) scale(2,',
        '<g transform="matrix(1 0 0 1 nan 0)">',
        '</g>',
        '<path d="M0 0 L10 10 A5 5 0 1 1 3 3 Z',
        '<path d="M 1e308 1e308 C 1e308 0 0 -1e308 5 5"/>',
        '"/>',
        '<rect width="-1" height="1e400" rx="x"/>',
        '<circle r="10%"/>',
        '<use href="#a"/>',
        '<g id="a"><use href="#a"/></g>',
        '<text>x</text>',
        '<style>.a{fill:url(#x) red}</style>',
        '<![CDATA[',
        ']]>',
        '<!-- -->',
        '<!DOCTYPE svg>',
        '&amp;',
        '&#x0;',
        'stroke="rgb(300,-1,1e9)"',
        ' fill="hsl(nan,1,1)" ',
        '<polygon points="1,2,3"/>',
        '<ellipse rx="0" ry="5"/>',
      ),
      fc.string({ maxLength: 30 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => utf8(parts.join('')));

const dxfish = fc
  .array(
    fc.oneof(
      fc.constantFrom('0', 'SECTION', '2', 'ENTITIES', 'HEADER', 'BLOCKS', 'ENDSEC', 'EOF', 'LINE', 'LWPOLYLINE', 'SPLINE', 'ARC', 'CIRCLE', 'ELLIPSE', 'INSERT', 'BLOCK', 'ENDBLK', 'POLYLINE', 'VERTEX', 'SEQEND', '10', '20', '30', '11', '21', '40', '41', '42', '50', '51', '62', '70', '71', '72', '73', '90', '8', '$INSUNITS', '9', '1e999', '-0', 'NaN'),
      fc.integer({ min: -5, max: 400 }).map(String),
      fc.double({ noNaN: false }).map(String),
    ),
    { maxLength: 120 },
  )
  .map((parts) => utf8(parts.join('\n')));

describe('import never throws anything but LaserError', () => {
  it('arbitrary bytes as SVG and as DXF', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        onlyLaserErrors(() => importSvg(bytes));
        onlyLaserErrors(() => importDxf(bytes));
      }),
      { numRuns: 400 },
    );
  });
  it('SVG-like text', () => {
    fc.assert(
      fc.property(svgish, (bytes) => onlyLaserErrors(() => importSvg(bytes))),
      { numRuns: 600 },
    );
  });
  it('DXF-like text', () => {
    fc.assert(
      fc.property(dxfish, (bytes) => onlyLaserErrors(() => importDxf(bytes))),
      { numRuns: 600 },
    );
  });
  it('the whole job on SVG-like and DXF-like text rejects only with LaserError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(svgish.map((b) => ['x.svg', b] as const), dxfish.map((b) => ['x.dxf', b] as const)), async ([name, bytes]) => {
        try {
          await job(name, bytes, { mapping: { otherwise: 'cut' }, placement: { xMm: 0, yMm: 0 } });
        } catch (e) {
          assert.ok(e instanceof LaserError, String(e));
        }
      }),
      { numRuns: 300 },
    );
  });
});
