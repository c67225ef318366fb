import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkSvg, loadModules, ModuleError } from './module-loader';

const text = (s: string) => ({ fr: s, en: s });

function validModule(code = 'demo') {
  return {
    code,
    version: '1.0',
    machineKinds: ['laser'],
    validityMonths: 12,
    passMark: 0.8,
    durationMin: 30,
    title: text('Titre'),
    summary: text('Résumé'),
    steps: [{ id: 'risks', kind: 'risks', title: text('Risques'), body: text('Un.\n\nDeux.'), points: [text('Point')], image: 'risks.svg' }],
    quiz: [{ id: 'q1', question: text('Question ?'), choices: [text('Oui'), text('Non')], correct: [0], explanation: text('Parce que.') }],
  };
}

function withModules(files: Record<string, string | object>, run: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-modules-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
    }
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

test('a well-formed module loads with its images; a missing folder means no modules', () => {
  withModules({ 'demo/module.json': validModule(), 'demo/risks.svg': svg }, (dir) => {
    const [m] = loadModules(dir);
    assert.equal(m?.def.code, 'demo');
    assert.equal(m?.images.get('risks.svg'), svg);
    assert.match(m!.sha256, /^[0-9a-f]{64}$/);
  });
  assert.deepEqual(loadModules('/nonexistent/modules'), []);
});

test('every authoring mistake is refused with the file and the field named', () => {
  const cases: [string, Record<string, string | object>, RegExp][] = [
    ['bad JSON', { 'demo/module.json': '{ "code": ', 'demo/risks.svg': svg }, /demo\/module\.json: is not valid JSON/],
    ['missing field', { 'demo/module.json': { ...validModule(), title: undefined }, 'demo/risks.svg': svg }, /demo\/module\.json: title/],
    ['unknown field', { 'demo/module.json': { ...validModule(), colour: 'red' }, 'demo/risks.svg': svg }, /demo\/module\.json: .*colour/],
    ['folder name', { 'other/module.json': validModule(), 'other/risks.svg': svg }, /differs from its folder name "other"/],
    ['missing image', { 'demo/module.json': validModule() }, /step risks: image risks\.svg is missing/],
    ['answer out of range', { 'demo/module.json': { ...validModule(), quiz: [{ ...validModule().quiz[0], correct: [2] }] }, 'demo/risks.svg': svg }, /quiz\.0\.correct\.0: no choice 2/],
    ['one choice', { 'demo/module.json': { ...validModule(), quiz: [{ ...validModule().quiz[0], choices: [text('Oui')] }] }, 'demo/risks.svg': svg }, /quiz\.0\.choices/],
    ['duplicate ids', { 'demo/module.json': { ...validModule(), steps: [validModule().steps[0], validModule().steps[0]] }, 'demo/risks.svg': svg }, /duplicate id risks/],
    ['pass mark', { 'demo/module.json': { ...validModule(), passMark: 80 }, 'demo/risks.svg': svg }, /passMark/],
    ['script', { 'demo/module.json': validModule(), 'demo/risks.svg': svg.replace('<rect', '<script>alert(1)</script><rect') }, /demo\/risks\.svg: contains a <script> element/],
    ['handler', { 'demo/module.json': validModule(), 'demo/risks.svg': svg.replace('<rect', '<rect onclick="x()"') }, /an on\* event attribute/],
    ['stray svg', { 'demo/module.json': validModule(), 'demo/risks.svg': svg, 'demo/extra.svg': '<svg onload="x()"></svg>' }, /demo\/extra\.svg/],
  ];
  for (const [what, files, message] of cases) {
    withModules(files, (dir) => {
      assert.throws(() => loadModules(dir), (err: unknown) => err instanceof ModuleError && message.test(err.message), what);
    });
  }
});

test('SVG checks: data only', () => {
  assert.equal(checkSvg(svg), null);
  assert.match(checkSvg('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><svg/>') ?? '', /entity/);
  assert.match(checkSvg('<svg><a href="javascript:alert(1)"/></svg>') ?? '', /javascript/);
  assert.match(checkSvg('<svg><foreignObject/></svg>') ?? '', /foreignObject/);
  assert.match(checkSvg('<html></html>') ?? '', /not an SVG/);
});
