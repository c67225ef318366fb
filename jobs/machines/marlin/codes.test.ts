import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MARLIN_CODES, THERMAL_CONTEXTS } from './codes';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const load = (lang: string): Map<string, string> =>
  flatten(JSON.parse(readFileSync(new URL(`../../../assets/i18n/machines/marlin.${lang}.json`, import.meta.url), 'utf8')) as Tree);

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string).sort();

test('every message code the driver emits is explained in French and in English, with the same placeholders', () => {
  const fr = load('fr');
  const en = load('en');
  assert.deepEqual([...fr.keys()].sort(), [...en.keys()].sort(), 'same keys in both languages');
  const thermal = ['error.thermal_runaway', 'error.heating_failed', 'error.mintemp', 'error.maxtemp'];
  const expected = [...MARLIN_CODES, ...thermal.flatMap((c) => THERMAL_CONTEXTS.map((x) => `${c}_${x}`))];
  for (const code of expected) {
    assert.ok(fr.get(code), `fr: ${code}`);
    assert.ok(en.get(code), `en: ${code}`);
    assert.deepEqual(placeholders(fr.get(code) as string), placeholders(en.get(code) as string), code);
  }
  for (const key of fr.keys()) assert.ok(expected.includes(key), `no code emits ${key}`);
});
