// Every error this folder throws has its sentence in French and English (assets/i18n/laser-raster/),
// rendered here through i18next the way the kiosk renders it: code as key, params, params.context.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import i18next from 'i18next';
import en from '../../../assets/i18n/laser-raster/en.json';
import fr from '../../../assets/i18n/laser-raster/fr.json';
import { decodeImage, RasterError, rasterToGcode, type RasterOptions } from './index';
import { concat, ihdr, PNG_MAGIC, solid } from './images.testutil';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function caught(f: () => unknown): RasterError {
  try {
    f();
  } catch (e) {
    if (e instanceof RasterError) return e;
    throw e;
  }
  assert.fail('no error');
}

const OPTS: RasterOptions = {
  widthMm: 10, heightMm: 10, xMm: 0, yMm: 0, linesPerMm: 10, dither: 'threshold', brightness: 0, contrast: 0,
  powerMin: 0, powerMax: 50, speedMmMin: 3000, overscanMm: 2, maxS: 1000, bidirectional: true,
};

/** One of each error, as thrown. */
const errors = (): RasterError[] => [
  caught(() => decodeImage(text('GIF89a..'))),
  caught(() => decodeImage(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))),
  caught(() => decodeImage(concat(new Uint8Array([0, 0, 0, 0x18]), text('ftypheic')))),
  caught(() => decodeImage(text('what is this'))),
  caught(() => decodeImage(new Uint8Array(100), { maxFileBytes: 10 })),
  caught(() => decodeImage(concat(PNG_MAGIC, ihdr(9000, 9000)))),
  caught(() => decodeImage(concat(PNG_MAGIC, text('garbage garbage garbage garbage')))),
  caught(() => decodeImage(new Uint8Array(0))),
  caught(() => rasterToGcode(solid(2, 2, 0), { ...OPTS, speedMmMin: 0 })),
  caught(() => rasterToGcode(solid(2, 2, 0), { ...OPTS, dither: 'nope' as RasterOptions['dither'] })),
  caught(() => rasterToGcode(solid(2, 2, 0), { ...OPTS, widthMm: 1000, heightMm: 1000 })),
  caught(() => rasterToGcode(solid(2, 2, 0), OPTS, { maxGcodeLines: 3 })),
];

describe('translations of the raster errors', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'fr', resources: { fr: { raster: fr }, en: { raster: en } }, ns: ['raster'], defaultNS: 'raster', interpolation: { escapeValue: false } });

  it('French and English hold the same keys and the same placeholders', () => {
    const flat = (o: object, p = ''): Map<string, string> =>
      new Map(Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[p + k, v] as [string, string]] : [...flat(v as object, `${p}${k}.`)])));
    const f = flat(fr);
    const e = flat(en);
    assert.deepEqual([...f.keys()].sort(), [...e.keys()].sort());
    const holes = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const [k, v] of f) assert.deepEqual(holes(v), holes(e.get(k)!), k);
  });
  for (const lng of ['fr', 'en'] as const) {
    it(`${lng}: every error reads as a full sentence, its own (context) sentence where there is one, every placeholder filled`, () => {
      for (const err of errors()) {
        const key = err.code;
        assert.ok(i18n.exists(key, { lng }), `${lng} ${key}`);
        const ctx = err.params.context;
        if (typeof ctx === 'string' && ['svg', 'heic', 'gif', 'unknown', 'bytes', 'pixels', 'empty', 'range', 'gcode'].includes(ctx)) {
          assert.ok(i18n.exists(`${key}_${ctx}`, { lng }), `${lng} ${key}_${ctx}`);
        }
        const params = { ...err.params };
        if (typeof params.option === 'string') params.option = i18n.t(`options.${params.option}`, { lng });
        const s = i18n.t(key, { lng, ...params });
        assert.ok(!/\{\{|\}\}/.test(s) && s.length > 10 && s !== key, `${lng} ${key}: ${s}`);
      }
    });
  }
  it('for example', () => {
    const big = caught(() => decodeImage(concat(PNG_MAGIC, ihdr(9000, 9000))));
    assert.equal(i18n.t(big.code, { lng: 'fr', ...big.params }), "L'image fait 9000 × 9000 pixels (81 Mpx), au-delà de la limite de 40 Mpx : réduisez-la avant de l'importer.");
    const svg = caught(() => decodeImage(text('<svg/>')));
    assert.match(i18n.t(svg.code, { lng: 'en', ...svg.params }), /^This is an SVG vector drawing/);
    const speed = caught(() => rasterToGcode(solid(2, 2, 0), { ...OPTS, powerMax: 150 }));
    assert.equal(
      i18n.t(speed.code, { lng: 'fr', ...speed.params, option: i18n.t(`options.${speed.params.option}`, { lng: 'fr' }) }),
      'Le réglage « puissance maxi (%) » doit être compris entre 0 et 100 (valeur reçue : 150).',
    );
  });
});
