// Every template, with its defaults and at its extremes: outputs the laser and print pipelines can take
// (SVG in mm with the colour contract, closed binary STL on the bed), built in well under two seconds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fr from '../../assets/i18n/templates/fr.json';
import en from '../../assets/i18n/templates/en.json';
import { checkMesh, parseBinaryStl, parseLaserSvg } from './check.testutil';
import { buildTemplate, listTemplates, TEMPLATE_ERROR_CODES, TemplateError, type RawParams, type TemplateResult } from './index';

/** Valid corner cases: every number at its min or max somewhere, every choice and boolean both ways. */
const EXTREMES: Record<string, RawParams[]> = {
  box: [
    { width: 30, depth: 30, height: 20, thickness: 1.5, kerf: 0, finger: 3, lid: false, spacing: 2 },
    { width: 400, depth: 400, height: 300, thickness: 10, kerf: 0.5, finger: 50, spacing: 20 },
    { dimensions: 'inner', width: 30, depth: 30, height: 20, thickness: 3, finger: 3, lid: true },
    { dimensions: 'inner', width: 400, depth: 400, height: 300, thickness: 10, finger: 10, lid: false },
  ],
  keychain: [
    { text: 'i', letterHeight: 5, plateThickness: 1.5, reliefHeight: 0.6, ring: false, holeDiameter: 3 },
    { text: 'ÉÇÀÖÜŒÆéçàöüœæ&#', letterHeight: 20, plateThickness: 5, reliefHeight: 3, ring: true, holeDiameter: 8 },
    { text: 'MMMMMMMMMMMMMMMM', letterHeight: 5, holeDiameter: 8 },
  ],
  'phone-stand': [
    { phoneThickness: 6, angle: 50, width: 40 },
    { phoneThickness: 20, angle: 80, width: 120 },
  ],
  coaster: [
    { shape: 'round', size: 60, text: '', letterHeight: 4 },
    { shape: 'round', size: 150, text: 'A', letterHeight: 30, textStyle: 'score' },
    { shape: 'square', size: 60, cornerRadius: 30, text: 'Léa', letterHeight: 4, textStyle: 'fill' },
    { shape: 'square', size: 150, cornerRadius: 0, text: 'Bienvenue à tous', letterHeight: 7, textStyle: 'score' },
  ],
  gear: [
    { output: 'print', module: 0.5, teeth: 8, pressureAngle: 14.5, thickness: 2, bore: 0 },
    { output: 'print', module: 6, teeth: 80, pressureAngle: 25, thickness: 30, bore: 60 },
    { output: 'laser', module: 0.5, teeth: 80, pressureAngle: 25, bore: 30 },
    { output: 'laser', module: 6, teeth: 8, pressureAngle: 14.5, bore: 0 },
  ],
  'drawer-tag': [
    { width: 40, height: 15, cornerRadius: 0, text: 'M3', letterHeight: 3, holeDiameter: 2, textStyle: 'score' },
    { width: 150, height: 60, cornerRadius: 10, text: 'Vis à bois 4x40 & écrous', letterHeight: 6, holeDiameter: 5 },
    { width: 150, height: 60, cornerRadius: 10, text: 'Foret', letterHeight: 30, holeDiameter: 5, textStyle: 'fill' },
  ],
};

const near = (a: number, b: number, tol = 0.01) => Math.abs(a - b) <= tol;

function timed(build: () => TemplateResult): { result: TemplateResult; ms: number } {
  const start = performance.now();
  const result = build();
  return { result, ms: performance.now() - start };
}

function checkOutput(r: TemplateResult): void {
  if (r.kind === 'laser') {
    const svg = parseLaserSvg(r.svg);
    assert.deepEqual(svg.viewBox.slice(0, 2), [0, 0]);
    assert.equal(svg.widthMm, svg.viewBox[2], 'width in mm matches the viewBox');
    assert.equal(svg.heightMm, svg.viewBox[3], 'height in mm matches the viewBox');
    assert.ok(near(svg.widthMm, r.bounds.max.x - r.bounds.min.x, 0.0001) && near(svg.heightMm, r.bounds.max.y - r.bounds.min.y, 0.0001));
    const cuts = svg.paths.filter((p) => p.operation === 'cut');
    assert.ok(cuts.length > 0, 'something to cut');
    for (const c of cuts) {
      assert.equal(c.closed, true, 'cut outlines are closed');
      assert.equal(c.subpaths.length, 1, 'one outline per cut path');
    }
    for (const p of svg.paths) {
      for (const sp of p.subpaths) {
        for (const [x, y] of sp) assert.ok(x >= -1e-4 && y >= -1e-4 && x <= svg.widthMm + 1e-4 && y <= svg.heightMm + 1e-4, 'inside the page');
      }
    }
    assert.equal(r.preview.polylines.length, svg.paths.reduce((n, p) => n + p.subpaths.length, 0), 'the preview draws what the file holds');
  } else {
    const stl = parseBinaryStl(r.stl);
    assert.equal(stl.triangles, r.triangles);
    assert.doesNotMatch(stl.header, /^solid/, 'not mistaken for ASCII STL');
    const m = checkMesh(stl.positions);
    assert.equal(m.badEdges, 0, 'every edge shared by exactly two triangles');
    assert.equal(m.flippedEdges, 0, 'faces consistently oriented');
    assert.ok(m.volume > 0, 'faces point outwards');
    assert.equal(m.min[2], 0, 'lies on the bed');
    assert.deepEqual([m.min[0], m.min[1]], [0, 0]);
    assert.deepEqual(Array.from(r.preview.positions), Array.from(stl.positions), 'the preview shows what the file holds');
    assert.equal(r.preview.normals.length, r.preview.positions.length);
  }
}

describe('templates', () => {
  for (const info of listTemplates()) {
    it(`${info.id}: defaults build into a valid ${info.outputs.join('/')} output`, (t) => {
      const { result, ms } = timed(() => buildTemplate(info.id));
      t.diagnostic(`${info.id} defaults: ${ms.toFixed(0)} ms (${result.kind})`);
      assert.ok(info.outputs.includes(result.kind));
      assert.equal(result.template, info.id);
      for (const p of info.params) assert.equal(result.params[p.key], p.default, `default ${p.key}`);
      checkOutput(result);
      assert.ok(ms < 2000, `built in ${ms} ms`);
    });

    it(`${info.id}: extremes build`, (t) => {
      for (const params of EXTREMES[info.id]!) {
        const { result, ms } = timed(() => buildTemplate(info.id, params));
        t.diagnostic(`${info.id} ${JSON.stringify(params)}: ${ms.toFixed(0)} ms, ${result.kind === 'print' ? `${result.triangles} triangles` : `${result.svg.length} bytes of SVG`}`);
        checkOutput(result);
        assert.ok(ms < 2000, `built in ${ms} ms`);
      }
      // Every number parameter reached its min and its max in the cases above.
      for (const p of info.params) {
        if (p.type !== 'number' && p.type !== 'integer') continue;
        const used = EXTREMES[info.id]!.map((x) => x[p.key]);
        assert.ok(used.includes(p.min) && used.includes(p.max), `${info.id}.${p.key} tried at ${p.min} and ${p.max}`);
      }
    });

    it(`${info.id}: out-of-range, mistyped and unknown parameters are refused with a code`, () => {
      const code = (params: RawParams) => {
        try {
          buildTemplate(info.id, params);
        } catch (err) {
          assert.ok(err instanceof TemplateError, String(err));
          return err.code;
        }
        return 'built';
      };
      for (const p of info.params) {
        if (p.type === 'number' || p.type === 'integer') {
          assert.equal(code({ [p.key]: p.max + 1 }), 'out_of_range');
          assert.equal(code({ [p.key]: String(p.min - 1) }), 'out_of_range');
          assert.equal(code({ [p.key]: 'douze' }), 'not_a_number');
          assert.equal(code({ [p.key]: Number.NaN }), 'not_a_number');
        }
        if (p.type === 'integer') assert.equal(code({ [p.key]: p.min + 0.5 }), 'not_an_integer');
        if (p.type === 'choice') assert.equal(code({ [p.key]: 'hexagon' }), 'bad_choice');
        if (p.type === 'boolean') assert.equal(code({ [p.key]: 'maybe' }), 'not_a_boolean');
        if (p.type === 'string') {
          assert.equal(code({ [p.key]: 'x'.repeat(p.max + 1) }), 'text_too_long');
          assert.equal(code({ [p.key]: 'Zoé <script>' }), 'text_bad_characters');
          if (p.min > 0) assert.equal(code({ [p.key]: '   ' }), 'text_empty');
        }
      }
      assert.equal(code({ colour: 'red' }), 'unknown_parameter');
    });
  }

  it('an unknown template is refused with a code', () => {
    assert.throws(() => buildTemplate('spaceship'), (e) => e instanceof TemplateError && e.code === 'unknown_template' && e.params.known === 'box, keychain, phone-stand, coaster, gear, drawer-tag');
  });

  it('every text a template shows exists in French and English', () => {
    const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);
    const keys: string[] = ['outputs.laser', 'outputs.print', 'units.mm', 'units.deg', 'edges.width', 'edges.depth', 'edges.height'];
    for (const info of listTemplates()) {
      keys.push(info.nameKey, info.descriptionKey);
      for (const p of info.params) keys.push(p.labelKey, p.helpKey, ...Object.values(p.choiceKeys ?? {}));
      const built = buildTemplate(info.id, info.id === 'gear' ? { output: 'laser' } : {});
      for (const d of Object.keys(built.dimensions)) keys.push(`${info.id}.dimensions.${d}`);
      if (built.kind === 'laser') keys.push(...built.parts.map((p) => p.labelKey));
    }
    keys.push(...TEMPLATE_ERROR_CODES.map((c) => `errors.${c}`));
    for (const [lang, tree] of [['fr', fr], ['en', en]] as const) {
      for (const key of keys) assert.equal(typeof lookup(tree, key), 'string', `${lang}: ${key}`);
    }
    // And nothing in one language is missing from the other.
    const flat = (node: unknown, prefix = ''): string[] =>
      typeof node === 'string' ? [prefix] : Object.entries(node as object).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k));
    assert.deepEqual(flat(fr).sort(), flat(en).sort());
  });
});
