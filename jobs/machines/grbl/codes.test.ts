// Every code the driver can emit reads well in French and English, with the same placeholders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import en from '../../../assets/i18n/machines/grbl.en.json';
import fr from '../../../assets/i18n/machines/grbl.fr.json';
import { ALARM_NAMES, alarmKey, DRIVER_KEYS, ERROR_NAMES, errorKey } from './codes';

function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const files = { fr: flatten(fr), en: flatten(en) };
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

const emitted = [
  ...Object.keys(ERROR_NAMES).map((n) => errorKey(Number(n))),
  ...Object.keys(ALARM_NAMES).map((n) => alarmKey(Number(n))),
  ...DRIVER_KEYS,
].map((k) => k.replace(/^grbl\./, ''));

test('Grbl 1.1 errors 1–38 and alarms 1–10 all have a key', () => {
  assert.equal(errorKey(20), 'grbl.error.20');
  assert.equal(errorKey(18), 'grbl.error.unknown', 'no error 18 in Grbl 1.1');
  assert.equal(alarmKey(10), 'grbl.alarm.10');
  assert.equal(alarmKey(11), 'grbl.alarm.unknown');
  assert.equal(Object.keys(ERROR_NAMES).length, 36);
  assert.equal(Object.keys(ALARM_NAMES).length, 10);
});

for (const lang of ['fr', 'en'] as const) {
  test(`${lang}: every key the driver emits is translated, and nothing else`, () => {
    const keys = files[lang];
    const missing = emitted.filter((k) => !keys.get(k)?.trim());
    assert.deepEqual(missing, []);
    assert.deepEqual([...keys.keys()].filter((k) => !emitted.includes(k)), [], 'no dead keys');
  });
}

test('French and English have the same keys and placeholders', () => {
  assert.deepEqual([...files.fr.keys()].sort(), [...files.en.keys()].sort());
  for (const [k, v] of files.fr) assert.deepEqual(placeholders(v), placeholders(files.en.get(k) ?? ''), k);
});

test('explanations tell the maker what to do, not just the Grbl wiki line', () => {
  assert.match(files.fr.get('error.20')!, /imprimante 3D/);
  assert.match(files.en.get('error.20')!, /3D printer/);
  for (const [k, v] of files.fr) if (/^(error|alarm)\.\d+$/.test(k)) assert.ok(v.length > 60, `${k} is a real explanation`);
});
