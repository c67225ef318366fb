// `fabkiosk laser`: a drawing to a Grbl program for a machine and a material of the store, with the
// JSON names DESIGN.md keeps, the program and its framing written, and one translated line on bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { generateSvg } from '../../scripts/bench/laser';
import { fixture } from '../support/fixtures';
import { repoRoot } from '../support/temp-backend';

// The built command line, as the other CLI tests use (npm test builds first); straight from the
// sources through tsx when it has not been built.
const built = join(repoRoot, 'dist-electron', 'cli.js');
const command = existsSync(built) ? [built] : ['--import', 'tsx', join(repoRoot, 'electron', 'cli', 'index.ts')];
const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-laser-cli-'));
const env = { ...process.env, FABKIOSK_LANG: 'fr', FABKIOSK_DATA_DIR: join(dir, 'data') };
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [...command, 'laser', ...args], { env: { ...env, ...extra }, encoding: 'utf8', cwd: repoRoot });

const drawing = `<svg xmlns="http://www.w3.org/2000/svg" width="200mm" height="100mm" viewBox="0 0 200 100">
  <rect x="10" y="10" width="80" height="60" fill="none" stroke="#ff0000"/>
  <circle cx="50" cy="40" r="10" fill="none" stroke="#ff0000"/>
  <path d="M 20 20 L 80 20" stroke="#0000ff"/>
  <rect x="20" y="50" width="20" height="10" fill="#000000"/>
  <text x="10" y="90">Bonjour</text>
</svg>`;

test('laser --json: one JSON object with the documented names; the program and its framing are written', () => {
  const svg = join(dir, 'boite.svg');
  writeFileSync(svg, drawing);
  const r1 = run([svg, '--machine', 'laser-co2', '--material', 'plywood-3', '-o', join(dir, 'boite.nc'), '--x', '100', '--y', '50', '--frame', join(dir, 'frame.nc'), '--json']);
  assert.equal(r1.status, 0, r1.stderr);
  assert.equal(r1.stderr, '');
  assert.equal(r1.stdout.trim().split('\n').length, 1);
  const j = JSON.parse(r1.stdout) as {
    output: string;
    durationS: number;
    bounds: { min: { x: number; y: number; z: number }; max: { x: number; y: number; z: number } };
    findings: { severity: string; code: string; message: string; source: string; params: Record<string, unknown> }[];
    operations: { operation: string; paths: number }[];
    frame: string;
  };
  for (const key of ['output', 'durationS', 'bounds', 'findings']) assert.ok(key in j, key);
  assert.equal(j.output, join(dir, 'boite.nc'));
  assert.deepEqual(Object.keys(j.bounds.min), ['x', 'y', 'z']);
  assert.equal(j.bounds.min.x, 100);
  assert.equal(j.bounds.min.y, 50);
  assert.ok(j.durationS > 0);
  assert.deepEqual(
    j.operations.map((o) => [o.operation, o.paths]),
    [
      ['engrave-fill', 100],
      ['score', 1],
      ['cut', 2],
    ],
  );
  const text = j.findings.find((f) => f.code === 'svg_text_not_paths')!;
  assert.equal(text.source, 'laser');
  assert.equal(text.params.count, 1);
  assert.ok(j.findings.some((f) => f.code === 'no_homing' && f.source === 'gcode'));
  const gcode = readFileSync(j.output, 'utf8');
  assert.match(gcode, /^; FabKiosk laser job\n; File: boite\.svg\n/);
  assert.match(gcode, /\nM4 S0\n/);
  assert.match(gcode, /\nM5\nG0 X0 Y0\nM2\n$/);
  assert.match(readFileSync(join(dir, 'frame.nc'), 'utf8'), /^; FabKiosk frame: X100 Y50 to /);
});

test('laser without -o writes FILE.gcode beside the drawing and prints a French report', () => {
  const dxf = join(dir, 'ventilateur.dxf');
  writeFileSync(dxf, readFileSync(fixture('dxf/openscad-example009-lines-arcs-circles.dxf')));
  const r = run([dxf, '--machine', 'laser-co2', '--material', 'mdf-3', '--x', '20', '--y', '20']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(join(dir, 'ventilateur.gcode')));
  assert.match(r.stdout, /^Travail laser : ventilateur\.dxf\nMachine : Laser CO₂ 60 W\nMatière : MDF 3 mm/);
  assert.match(r.stdout, /découpe : 3 tracé\(s\), 0,21 m, 75 % à 900 mm\/min, 1 passe\(s\)/);
  assert.match(r.stdout, /Durée estimée : \d+ s/);
  assert.match(r.stdout, /4 éléments DXF DIMENSION ne sont pas convertis/);
  assert.match(r.stdout, /G-code écrit : .*ventilateur\.gcode$/m);
});

test('bad input exits 2 with one clear translated line, and writes nothing', () => {
  const hostile = join(dir, 'hostile.svg');
  writeFileSync(hostile, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const svg = join(dir, 'boite.svg');
  writeFileSync(svg, drawing);
  for (const [args, pattern, lang] of [
    [[hostile, '--machine', 'laser-co2', '--material', 'plywood-3'], /^Le SVG contient du code \(<script>\) : refusé par sécurité/, 'fr'],
    [[hostile, '--machine', 'laser-co2', '--material', 'plywood-3'], /^The SVG contains code \(<script>\): refused for safety/, 'en'],
    [[svg, '--machine', 'laser-co2', '--material', 'plywood-3', '--x', '550', '--y', '0'], /^À cet emplacement, le travail déborde de la zone de la machine sur l'axe X/, 'fr'],
    [[svg, '--machine', 'laser-co2', '--material', 'pla-175'], /^Le fablab n'a pas de réglages pour la matière pla-175 sur la machine laser-co2/, 'fr'],
    [[svg, '--machine', 'laser-co2', '--material', 'balsa'], /^Matière inconnue : balsa\. Matières connues : .*plywood-3/, 'fr'],
    [[svg, '--machine', 'prusa-mk4', '--material', 'plywood-3'], /^La machine prusa-mk4 n'est pas une découpeuse laser sous Grbl/, 'fr'],
    [[svg, '--machine', 'laser-co2'], /^Utilisation : fabkiosk laser FICHIER --machine ID --material ID/, 'fr'],
    [[svg, '--machine', 'laser-co2', '--material', 'plywood-3', '--x', 'ten', '--y', '0'], /^Valeur invalide pour --x : ten/, 'fr'],
    [[join(dir, 'absent.svg'), '--machine', 'laser-co2', '--material', 'plywood-3'], /^Fichier introuvable/, 'fr'],
  ] as const) {
    rmSync(join(dir, 'hostile.gcode'), { force: true });
    const r = run([...args], { FABKIOSK_LANG: lang });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.ok(!existsSync(join(dir, 'hostile.gcode')));
  }
  const params = run([svg, '--machine', 'laser-co2', '--material', 'plywood-3', '--x', '10', '--y', '10'], { FABKIOSK_LANG: 'fr' });
  assert.equal(params.status, 0);
});

test('a large drawing reports its progress on stderr', () => {
  const big = join(dir, 'grand.svg');
  writeFileSync(big, generateSvg(6000));
  const r = run([big, '--machine', 'laser-co2', '--material', 'plywood-3', '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stderr.trim().split('\n'), ['lecture du dessin…', 'préparation des opérations…', 'écriture du G-code…', 'estimation de la durée…']);
  assert.ok((JSON.parse(r.stdout) as { durationS: number }).durationS > 600);
});
