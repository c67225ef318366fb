// The two languages must say the same things: same keys, nothing empty, and every key the sources use
// must exist. Plural keys (`key_one`, `key_other`) count as `key` for the sources.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '..');
const i18nDir = join(rendererDir, '..', 'assets', 'i18n');

type Tree = { [key: string]: string | Tree };

function load(lang: string): Tree {
  return JSON.parse(readFileSync(join(i18nDir, `${lang}.json`), 'utf8')) as Tree;
}

/** Flattens to dotted keys; non-string leaves are reported as such. */
function flatten(tree: Tree, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out.set(key, v);
  }
  return out;
}

function sourceFiles(dir: string, exts: string[]): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(p, exts));
    else if (exts.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith('.test.ts')) files.push(p);
  }
  return files;
}

const fr = flatten(load('fr'));
const en = flatten(load('en'));
const pluralSuffixes = ['_zero', '_one', '_two', '_few', '_many', '_other'];

function exists(keys: Map<string, unknown>, key: string): boolean {
  return keys.has(key) || pluralSuffixes.some((s) => keys.has(key + s));
}

test('fr.json and en.json have exactly the same keys', () => {
  const onlyFr = [...fr.keys()].filter((k) => !en.has(k));
  const onlyEn = [...en.keys()].filter((k) => !fr.has(k));
  assert.deepEqual(onlyFr, [], 'keys missing in en.json');
  assert.deepEqual(onlyEn, [], 'keys missing in fr.json');
});

test('every translation is a non-empty string', () => {
  for (const [lang, keys] of [
    ['fr', fr],
    ['en', en],
  ] as const) {
    for (const [k, v] of keys) {
      assert.equal(typeof v, 'string', `${lang}: ${k} is not a string`);
      assert.ok(String(v).trim().length > 0, `${lang}: ${k} is empty`);
    }
  }
});

test('placeholders match between the two languages', () => {
  const vars = (s: unknown) => [...String(s).matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
  for (const [k, v] of fr) assert.deepEqual(vars(en.get(k)), vars(v), `placeholders of ${k}`);
});

test('every t() key literal used in the renderer exists', () => {
  // t('a.b'), t("a.b"), t(`a.b`) without interpolation, and i18nKey="a.b".
  const patterns = [/\bt\(\s*(['"`])([\w.-]+)\1/g, /i18nKey=\s*(['"])([\w.-]+)\1/g];
  const files = sourceFiles(rendererDir, ['.tsx', '.ts']);
  assert.ok(files.some((f) => f.endsWith('.tsx')), 'found the sources');
  const used = new Map<string, string>();
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    for (const re of patterns) {
      for (const m of src.matchAll(re)) {
        const key = m[2];
        if (key) used.set(key, relative(rendererDir, file));
      }
    }
  }
  assert.ok(used.size > 50, `found ${used.size} keys in use`);
  const missing = [...used].filter(([k]) => !exists(fr, k) || !exists(en, k)).map(([k, f]) => `${k} (${f})`);
  assert.deepEqual(missing, [], 'keys used in the sources but missing in the translations');
});
