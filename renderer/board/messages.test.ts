import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { MachineMessage } from '../../electron/api/types';
import { createI18n } from '../i18n';
import { firmwareTexts } from '../i18n/firmware';
import { messageText, recentMessages } from './messages';

const dir = join(import.meta.dirname, '..', '..', 'assets', 'i18n', 'machines');
const files = existsSync(dir)
  ? Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown]))
  : {};
const i18n = createI18n({ react: false, firmware: firmwareTexts(files) });

const msg = (over: Partial<MachineMessage>): MachineMessage => ({
  at: '2026-03-12T14:00:00.000Z', severity: 'warning', code: 'link.lost', raw: '', line: null, params: {}, ...over,
});

test("the kiosk's own link messages, in both languages", () => {
  assert.match(messageText(msg({ code: 'link.lost' }), i18n, 'fr').text, /liaison avec la machine est perdue/);
  assert.match(messageText(msg({ code: 'link.lost' }), i18n, 'en').text, /link to the machine is lost/);
  assert.equal(messageText(msg({ code: 'link.no_answer', severity: 'error' }), i18n, 'fr').known, true);
  assert.equal(messageText(msg({ code: 'link.firmware_reset' }), i18n, 'en').known, true);
});

test('a code nobody translated gets a general sentence by severity, never the key', () => {
  const m = messageText(msg({ code: 'marlin.error.never_heard_of', severity: 'error' }), i18n, 'fr');
  assert.equal(m.known, false);
  assert.equal(m.text, 'La machine signale une erreur.');
  // A key that holds more keys is not a sentence.
  assert.equal(messageText(msg({ code: 'link' }), i18n, 'fr').known, false);
});

test('firmware files: flat or nested keys read the same, under machines.<firmware>', () => {
  const texts = firmwareTexts({
    '../../assets/i18n/machines/grbl.fr.json': { 'error.20': 'Commande inconnue ({{code}})', alarm: { '1': 'Fin de course' } },
    '../../assets/i18n/machines/grbl.en.json': { default: { 'error.20': 'Unsupported command' } },
  });
  const t = createI18n({ react: false, firmware: texts });
  assert.equal(messageText(msg({ code: 'grbl.error.20', params: { code: 20 } }), t, 'fr').text, 'Commande inconnue (20)');
  assert.equal(messageText(msg({ code: 'grbl.alarm.1' }), t, 'fr').text, 'Fin de course');
  assert.equal(messageText(msg({ code: 'grbl.error.20' }), t, 'en').text, 'Unsupported command');
  // The app's own `machines.*` texts are still there.
  assert.equal(t.getFixedT('fr')('machines.title'), 'Les machines');
});

test('every Grbl and Marlin code the firmware files hold reads as a sentence in both languages', () => {
  for (const [name, body] of Object.entries(files)) {
    const m = /^(\w+)\.(fr|en)\.json$/.exec(name);
    if (!m) continue;
    const flat = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flat(v as object, `${p}${k}.`) : [`${p}${k}`]));
    for (const key of flat(body as object)) {
      const r = messageText(msg({ code: `${m[1]}.${key}` }), i18n, m[2] as 'fr' | 'en');
      assert.ok(r.known, `${name}: ${key}`);
    }
  }
});

test('a run of the same message shows once, as its latest, with its count; newest first', () => {
  const a = msg({ code: 'marlin.unknown_command', raw: 'echo:Unknown command: "M74 W0.04"', line: 901, at: '2026-03-12T14:00:00.000Z' });
  const b = { ...a, raw: 'echo:Unknown command: "M74 W0.06"', line: 943, at: '2026-03-12T14:00:02.000Z' };
  const c = msg({ code: 'marlin.error.halted', severity: 'error', at: '2026-03-12T14:00:03.000Z' });
  const d = { ...a, at: '2026-03-12T14:10:00.000Z' };
  assert.deepEqual(recentMessages([a, b, c], 10), [
    { message: c, count: 1 },
    { message: b, count: 2 },
  ]);
  assert.deepEqual(recentMessages([a, c, d], 10).map((r) => r.count), [1, 1, 1], 'not in a row: each on its own');
  assert.deepEqual(recentMessages([a, c, d], 1), [{ message: d, count: 1 }]);
});
