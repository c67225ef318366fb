// A maker checks a G-code file from a USB stick, in Debian's Chromium, through the web host, on the
// built renderer: machine and filament, upload in chunks, the back end's analysis, and the 3D
// preview drawn by WebGL (SwiftShader) from the toolpath the page's worker built.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host/server';
import { assertBuilt, launchChromium, rendererDir, shot, watchConsole } from '../support/browser';
import { demo, repoRoot, tempBackend, type TempBackend } from '../support/temp-backend';

const fixtures = join(repoRoot, '..', 'shared', 'fixtures', 'gcode');
const prusaFile = join(fixtures, 'fdm', 'prusaslicer-2.6.1-changing_angle.gcode');
const laserFile = join(fixtures, 'laser', 't2laser-raster-snippet.nc');
/** PrusaSlicer's own estimate, in the file's footer: "; estimated printing time (normal mode) = 12m 51s". */
const slicerEstimateS = 12 * 60 + 51;

/** The little of the browser's globals the page-side code below uses (this file is type-checked for Node). */
interface Canvas2D {
  drawImage(image: unknown, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d', options?: { willReadFrequently: boolean }): Canvas2D | null;
  getBoundingClientRect(): { bottom: number };
}
interface PageGlobals {
  document: { querySelector(selector: string): CanvasLike | null; createElement(tag: 'canvas'): CanvasLike };
  requestAnimationFrame(callback: () => void): number;
  innerHeight: number;
}

/**
 * Pixels of the 3D view lit by the toolpath. The scene around it (background, bed, grid) is beige and
 * grey, the toolpath's colours are saturated: count the pixels whose channels differ by more than 64.
 */
function litPixels(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    // Two frames: the one that applies the change, the one after it.
    await new Promise<void>((r) => g.requestAnimationFrame(() => g.requestAnimationFrame(r)));
    const gl = g.document.querySelector('[data-testid=preview-canvas]');
    if (!gl) throw new Error('no preview canvas');
    const copy = g.document.createElement('canvas');
    copy.width = gl.width;
    copy.height = gl.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D context');
    ctx.drawImage(gl, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    let lit = 0;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i]!;
      const gr = data[i + 1]!;
      const b = data[i + 2]!;
      if (Math.max(r, gr, b) - Math.min(r, gr, b) > 64) lit++;
    }
    return lit;
  });
}

/** Waits for two frames of the page. */
function frames(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    await new Promise<void>((r) => g.requestAnimationFrame(() => g.requestAnimationFrame(r)));
  });
}

let browser: Browser;
before(async () => {
  assertBuilt();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

describe('checking a G-code file', () => {
  let backend: TempBackend;
  let host: RunningHost;
  let page: Page;
  let problems: string[];

  before(async () => {
    backend = await tempBackend({ idleTimeoutS: 600 });
    host = await startHost({ backend, staticDir: rendererDir, port: 0 });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    problems = watchConsole(page);
    await page.goto(host.url);
    await page.getByTestId('nav-signin').click();
    await page.getByTestId('signin-name').fill(demo.member.name);
    for (const d of demo.member.pin) await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('session-member').waitFor();
  });
  after(async () => {
    await page.close();
    await host.close();
    backend.dispose();
  });

  test('a PrusaSlicer print for the Prusa MK4: duration, filament, layers, no error, and the toolpath drawn', async () => {
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('screen-jobs').waitFor();
    // Only the machines the kiosk drives with a known firmware are offered.
    const codes = await page.getByTestId('gcode-machine').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    assert.deepEqual(codes.sort(), ['cnc-3040', 'ender-3', 'laser-co2', 'prusa-mk4']);
    assert.ok(await page.getByTestId('gcode-file-input').isDisabled(), 'no file before the machine');
    await page.locator('[data-testid=gcode-machine][data-code=prusa-mk4]').click();
    assert.ok(await page.getByTestId('gcode-file-input').isDisabled(), 'no file before the filament');
    await page.locator('[data-testid=gcode-material][data-code=pla-175]').click();
    // The file step scrolls into view once the machine and the filament are chosen.
    await page.waitForFunction(() => {
      const g = globalThis as unknown as PageGlobals;
      const step = g.document.querySelector('.file-step');
      return step !== null && step.getBoundingClientRect().bottom <= g.innerHeight + 1;
    });
    await shot(page, 'gcode-choose');

    await page.getByTestId('gcode-file-input').setInputFiles(prusaFile);
    const verdict = page.getByTestId('gcode-verdict');
    await verdict.waitFor({ timeout: 30_000 });
    assert.equal(await verdict.getAttribute('data-errors'), '0');
    assert.match((await verdict.innerText()).replace(/\s/g, ' '), /Prêt à envoyer/);

    const seconds = Number(await page.getByTestId('gcode-duration').getAttribute('data-seconds'));
    assert.ok(Math.abs(seconds - slicerEstimateS) <= slicerEstimateS * 0.1, `estimated ${seconds} s, PrusaSlicer says ${slicerEstimateS} s`);
    const duration = (await page.getByTestId('gcode-duration').innerText()).replace(/\s/g, ' ');
    assert.match(duration, /12 min 5\d s/, 'the duration in French, hours and minutes');
    assert.match(duration, /PrusaSlicer 2\.6\.1.* annonce 12 min 51 s/, "the slicer's own estimate");
    const filamentMm = Number(await page.getByTestId('gcode-filament').getAttribute('data-mm'));
    // PrusaSlicer's footer says 509.48 mm; `M221 S95` after the intro line makes the printer push ~95 % of it.
    assert.ok(filamentMm > 509.48 * 0.95 && filamentMm < 509.48 * 0.955, `filament ${filamentMm} mm`);
    assert.match((await page.getByTestId('gcode-filament').innerText()).replace(/\s/g, ' '), /0,48 m · 1,4 g/);
    assert.equal(await page.getByTestId('gcode-layers').getAttribute('data-count'), '75');
    assert.equal(await page.locator('[data-testid=gcode-finding][data-severity=error]').count(), 0);
    assert.equal(await page.getByTestId('gcode-findings').getAttribute('data-count'), '0');

    // The preview: the worker's toolpath on the GPU, one frame drawn.
    const ready = page.getByTestId('preview-ready');
    await ready.waitFor({ timeout: 30_000 });
    const segments = Number(await ready.getAttribute('data-segments'));
    assert.ok(segments > 1500, `${segments} segments`);
    const all = await litPixels(page);
    assert.ok(all > 2000, `${all} pixels lit with every layer`);
    await shot(page, 'gcode-preview');

    // Down to the first layer: the slider, then its readout.
    const slider = page.getByTestId('preview-layer');
    assert.equal(await slider.getAttribute('max'), '75');
    assert.equal(await slider.inputValue(), '75');
    await slider.focus();
    await page.keyboard.press('Home');
    assert.equal(await slider.inputValue(), '1');
    await page.locator('[data-testid=preview-layer][aria-valuetext="Couche 1 / 75"]').waitFor();
    const first = await litPixels(page);
    assert.ok(first > 0 && first < all / 4, `first layer ${first} pixels, all layers ${all}`);

    // One layer alone, up the slider: a single ring, fewer pixels than all layers up to it.
    await page.keyboard.press('End');
    await page.locator('[data-testid=preview-layer-mode] [data-mode=single]').click();
    assert.equal(await page.getByTestId('preview-layer-mode').getAttribute('data-value'), 'single');
    const single = await litPixels(page);
    assert.ok(single > 0 && single < all / 4, `top layer alone ${single} pixels, all layers ${all}`);
    await page.locator('[data-testid=preview-layer-mode] [data-mode=upTo]').click();

    // Travel moves: hidden by default, shown faint on demand.
    const travel = page.getByTestId('preview-travel');
    assert.equal(await travel.getAttribute('aria-pressed'), 'false');
    await travel.click();
    assert.equal(await travel.getAttribute('aria-pressed'), 'true');
    const withTravel = await litPixels(page);
    assert.ok(withTravel > all, `travel adds pixels: ${withTravel} > ${all}`);
    await travel.click();

    // Colours by speed: the same pixels, another legend.
    await page.locator('[data-testid=preview-color-mode] [data-mode=speed]').click();
    assert.equal(await page.getByTestId('preview-color-mode').getAttribute('data-value'), 'speed');
    assert.ok(await page.locator('[data-testid=preview-color-mode] [data-mode=power]').isDisabled(), 'no laser power in a print');
    assert.match(await page.getByTestId('preview-legend').innerText(), /mm\/s/);
    await page.locator('[data-testid=preview-color-mode] [data-mode=feature]').click();
    assert.match(await page.getByTestId('preview-legend').innerText(), /Paroi extérieure/);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await frames(page);
    await shot(page, 'gcode-preview-1920');
    await page.getByTestId('lang-en').click();
    await page.locator('html[lang=en]').waitFor({ state: 'attached' });
    assert.match(await verdict.innerText(), /Ready to send/);
    assert.match(await page.getByTestId('preview-legend').innerText(), /Outer wall/);
    await shot(page, 'gcode-preview-en-1920');
    await page.getByTestId('lang-fr').click();
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(problems, []);
  });

  test('a laser engraving sent to the Prusa MK4 is refused, and says why in French', async () => {
    await page.getByTestId('gcode-file-input').setInputFiles(laserFile);
    const verdict = page.locator('[data-testid=gcode-verdict]:not([data-errors="0"])');
    await verdict.waitFor({ timeout: 30_000 });
    const errors = Number(await verdict.getAttribute('data-errors'));
    assert.ok(errors >= 1, `${errors} errors`);
    assert.match((await verdict.innerText()).replace(/\s/g, ' '), /Refusé : \d+ erreurs?/);
    const finding = page.locator('[data-testid=gcode-finding][data-code=laser_on_printer]');
    assert.equal(await finding.getAttribute('data-severity'), 'error');
    const text = (await finding.innerText()).replace(/\s/g, ' ');
    assert.match(text, /Commande laser ou broche M3 envoyée à une imprimante 3D\./);
    assert.match(text, /Erreur/i);
    assert.match(text, /Ligne 23/i);
    await page.getByTestId('preview-ready').waitFor({ timeout: 30_000 });
    await page.getByTestId('gcode-findings').scrollIntoViewIfNeeded();
    await shot(page, 'gcode-refused');
    assert.deepEqual(problems, []);
  });

  test('a file that is not G-code is refused by the back end, in words', async () => {
    // The file picker offers G-code only, but a stick can hold anything and the back end decides.
    await page.getByTestId('gcode-file-input').setInputFiles({ name: 'photo.heic', mimeType: 'image/heic', buffer: Buffer.from('not g-code') });
    const error = page.getByTestId('gcode-error');
    await error.waitFor({ timeout: 10_000 });
    assert.equal(await error.getAttribute('data-code'), 'unsupported_file');
    assert.match((await error.innerText()).replace(/\s/g, ' '), /Le fichier « photo\.heic » n'est pas d'un type accepté ici \(\.heic\)\./);
    assert.equal(await page.getByTestId('preview-canvas').count(), 0, 'nothing to preview');
    assert.deepEqual(problems, []);
  });
});
