// `fabkiosk template`: lists the templates, writes an SVG or STL the laser and print pipelines can read,
// prints `{ output, bounds }` with --json, and refuses bad input with one translated line (exit 2).
// Runs the command line from source through tsx, so it needs no build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkMesh, parseBinaryStl, parseLaserSvg } from '../../jobs/templates/check.testutil';
import { repoRoot } from '../support/temp-backend';

const cli = join(repoRoot, 'electron', 'cli', 'index.ts');
const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-template-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], lang: 'fr' | 'en' = 'fr') {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, 'template', ...args], {
    cwd: repoRoot,
    env: { ...process.env, FABKIOSK_LANG: lang },
    encoding: 'utf8',
  });
}

test('without a name, lists the templates and their parameters', () => {
  const r = run([]);
  assert.equal(r.status, 0, r.stderr);
  for (const id of ['box', 'keychain', 'phone-stand', 'coaster', 'gear', 'drawer-tag']) assert.match(r.stdout, new RegExp(`^  ${id} — `, 'm'));
  assert.match(r.stdout, /^ {4}thickness=3 +Épaisseur de la planche \(1,5 à 10 mm\)$/m);
  assert.match(r.stdout, /^ {4}text=FabLab +Texte \(1 à 16 caractères\)$/m);
  assert.match(r.stdout, /^ {4}output=print +Fabrication \(print = impression 3D, laser = découpe laser\)$/m);
  const json = run(['--json'], 'en');
  const list = JSON.parse(json.stdout) as { templates: { id: string; name: string; params: { key: string; label: string; min?: number }[] }[] };
  assert.equal(list.templates.length, 6);
  assert.equal(list.templates[0]!.name, 'Finger-joint box');
  assert.equal(list.templates[0]!.params.find((p) => p.key === 'width')!.min, 30);
});

test('writes the box SVG and prints its bounds as JSON', () => {
  const out = join(dir, 'box.svg');
  const r = run(['box', 'width=100', 'depth=60', 'height=40', 'kerf=0', 'lid=non', '-o', out, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const summary = JSON.parse(r.stdout) as { output: string; kind: string; bounds: { min: { x: number }; max: { x: number; y: number } }; dimensions: Record<string, number> };
  assert.equal(summary.output, out);
  assert.equal(summary.kind, 'laser');
  assert.deepEqual(Object.keys(summary.bounds.min), ['x', 'y', 'z']);
  assert.deepEqual([summary.dimensions.outerWidth, summary.dimensions.outerDepth, summary.dimensions.outerHeight], [100, 60, 40]);
  const svg = parseLaserSvg(readFileSync(out, 'utf8'));
  assert.equal(svg.widthMm, summary.bounds.max.x);
  assert.equal(svg.paths.filter((p) => p.operation === 'cut').length, 5, 'no lid: five panels');
});

test('writes a keychain STL and says so in a sentence', () => {
  const out = join(dir, 'porte-clés.stl');
  const r = run(['keychain', 'text=Zoé', 'letterHeight=9,5', '-o', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Porte-clés prénom : fichier STL écrit dans .*porte-clés\.stl \(\d+,\d+ × \d+,\d+ × 3,2 mm\)\n$/);
  const m = checkMesh(parseBinaryStl(new Uint8Array(readFileSync(out))).positions);
  assert.equal(m.badEdges, 0);
  assert.equal(m.min[2], 0);
});

test('bad input: one translated line, exit code 2, nothing written', () => {
  const out = join(dir, 'never.svg');
  for (const [args, pattern, lang] of [
    [['spaceship', '-o', out], /^Modèle inconnu : spaceship\. Modèles disponibles : box, keychain, phone-stand, coaster, gear, drawer-tag$/, 'fr'],
    [['box', 'width=500', '-o', out], /^Modèle box : « width » vaut 500 mm : il faut entre 30 et 400 mm$/, 'fr'],
    [['box', 'width=500', '-o', out], /^Template box: "width" is 500 mm: it must be between 30 and 400 mm$/, 'en'],
    [['keychain', 'text=Zoé ☃', '-o', out], /^Modèle keychain : « text » contient des caractères impossibles à tracer : ☃/, 'fr'],
    [['box', 'colour=red', '-o', out], /^Modèle box : Paramètre inconnu : colour\. Paramètres de ce modèle : dimensions, width/, 'fr'],
    [['box', 'width', '-o', out], /^Paramètre mal écrit : width \(attendu : clé=valeur/, 'fr'],
    [['box', 'width=1', 'width=2', '-o', out], /^Paramètre donné deux fois : width$/, 'fr'],
    [['box', 'width=100'], /^Indiquez le fichier à écrire avec -o FICHIER$/, 'fr'],
    [['gear', '-o', out], /^Ce modèle produit un fichier \.stl : nommez la sortie en \.stl/, 'fr'],
    [['box', 'thickness=10', 'height=45', '-o', out], /^Modèle box : La boîte est trop petite en hauteur pour ses créneaux : au moins 50 mm avec cette épaisseur$/, 'fr'],
    [['coaster', 'size=60', 'text=Bienvenue', 'letterHeight=12', '-o', out], /^Modèle coaster : Le texte mesure [\d,]+ mm de long mais la place disponible est de [\d,]+ mm/, 'fr'],
    [['box', '--colour'], /^Option invalide/, 'fr'],
  ] as const) {
    const r = run([...args], lang);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr.trimEnd(), pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
    assert.equal(r.stdout, '');
  }
  assert.throws(() => readFileSync(out), /ENOENT/);
});
