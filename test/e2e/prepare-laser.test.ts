// A member prepares laser jobs in Debian's Chromium, through the web host, on the built renderer: a
// drawing from a USB stick (its colour mapped to a cut, placed and centred on the bed, dragged by
// hand), the back end's G-code with its duration and price, the toolpath in 3D, framing refused in
// words while the laser is off, and the job queued on the laser's board; then a photo engraved,
// each dithering shown on the photo itself.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { fixture } from '../support/fixtures';
import { demo } from '../support/temp-backend';
import { chromiumForFile, kioskForSuite, look, text, waitAttr } from './prepare-support';

const drawing = fixture('svg/svgpathtools-groups-transforms.svg');

/** A 240 × 160 photo-like image: a dark disc on a left-to-right gradient. */
function photo(): Buffer {
  const png = new PNG({ width: 240, height: 160 });
  for (let y = 0; y < 160; y++) {
    for (let x = 0; x < 240; x++) {
      const i = (y * 240 + x) * 4;
      const d = Math.hypot(x - 120, y - 80);
      const v = d < 50 ? 30 + d * 2 : Math.round((x / 240) * 255);
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

async function placement(page: Page): Promise<{ x: number; y: number; w: number; h: number }> {
  const svg = page.locator('[data-testid=laser-bed] svg.bed-svg');
  const n = async (a: string) => Number(await svg.getAttribute(a));
  return { x: await n('data-x'), y: await n('data-y'), w: await n('data-w'), h: await n('data-h') };
}

const browser = chromiumForFile();

describe('preparing a laser job', () => {
  const k = kioskForSuite(browser, demo.member);

  test('a drawing: colours mapped, placed on the bed, prepared with its time and price, queued on the laser', { timeout: 120_000 }, async () => {
    const { page } = k();
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('way-file').waitFor();
    await look(page, 'prepare-home');

    await page.getByTestId('prepare-file-input').setInputFiles(drawing);
    await page.getByTestId('laser-prep').waitFor({ timeout: 30_000 });
    assert.match(await text(page.getByTestId('prep-file-name')), /svgpathtools-groups-transforms\.svg/);
    // The lab has one laser: it is chosen; the sheet is the maker's to choose, and nothing goes before.
    assert.equal(await page.locator('[data-testid=prep-machine][data-code=laser-co2]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('laser-missing').getAttribute('data-missing'), 'pickSheet');
    assert.ok(await page.getByTestId('laser-prepare').isDisabled());

    await page.locator('[data-testid=prep-material][data-code=plywood-3]').click();
    await page.getByTestId('laser-layers').waitFor({ timeout: 30_000 });
    await waitAttr(page, '[data-testid=laser-missing]', 'data-missing', (v) => v === '' || v === 'nothingBurns');
    const rows = page.getByTestId('laser-layer');
    assert.ok((await rows.count()) >= 1, 'at least one colour');
    // Every colour to a cut: the first row's big button, and the row says so.
    const first = rows.first();
    await first.getByTestId('laser-op-cut').click();
    assert.equal(await first.getAttribute('data-operation'), 'cut');
    for (let i = 1; i < (await rows.count()); i++) await rows.nth(i).getByTestId('laser-op-cut').click();

    // Power within the lab's limits for plywood: the slider cannot leave them.
    await first.locator('.layer-more').click();
    const power = first.locator('input[type=range]').first();
    const max = Number(await power.getAttribute('max'));
    await power.focus();
    await page.keyboard.press('End');
    assert.equal(Number(await power.inputValue()), max);
    assert.match(await text(first), /Réglage modifié/);
    await page.keyboard.press('Home');

    // On the bed, centred, then dragged by hand: it never leaves the bed.
    assert.equal(await page.getByTestId('laser-fits').getAttribute('data-fits'), 'yes');
    await page.getByTestId('laser-centre').click();
    let p = await placement(page);
    assert.ok(Math.abs(p.x - (600 - p.w) / 2) < 0.1 && Math.abs(p.y - (400 - p.h) / 2) < 0.1, `centred: ${JSON.stringify(p)}`);
    const job = page.locator('[data-testid=laser-drag] rect.bed-job-box');
    await job.scrollIntoViewIfNeeded();
    const box = (await job.boundingBox())!;
    const bed = (await page.locator('[data-testid=laser-bed] svg.bed-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // Past the bed's lower right corner (but still on the screen): the drawing stops at the edges.
    await page.mouse.move(Math.min(bed.x + bed.width + 40, 1275), Math.min(bed.y + bed.height + 40, 795), { steps: 8 });
    await page.mouse.up();
    p = await placement(page);
    assert.ok(Math.abs(p.x + p.w - 600) < 0.1 && Math.abs(p.y) < 0.1, `dragged to the lower right corner and held there: ${JSON.stringify(p)}`);
    // A width typed on the number pad keeps the aspect ratio.
    const ratio = p.w / p.h;
    await page.getByTestId('laser-width-input').fill('60');
    await page.getByTestId('laser-width-input').press('Enter');
    p = await placement(page);
    assert.equal(p.w, 60);
    assert.ok(Math.abs(p.w / p.h - ratio) / ratio < 0.01, 'aspect kept');
    await look(page, 'laser-edit', { selector: '[data-testid=laser-bed]' });

    await page.getByTestId('laser-prepare').click();
    const results = page.getByTestId('prepare-results');
    await results.waitFor({ timeout: 90_000 });
    const seconds = Number(await page.getByTestId('prepare-duration').getAttribute('data-seconds'));
    assert.ok(seconds > 0, `${seconds} s`);
    assert.match(await text(page.getByTestId('prepare-duration')), /\d+ (s|min)/);
    assert.ok(Number(await page.getByTestId('prepare-laser-on').getAttribute('data-seconds')) > 0, 'the beam is on for some of it');
    assert.match(await text(page.getByTestId('prepare-summary-price')), /\d+(,\d\d)? €/, 'the price, in euros the French way');
    assert.equal(await results.getAttribute('data-errors'), '0');
    const ready = page.getByTestId('preview-ready');
    await ready.waitFor({ timeout: 30_000 });
    assert.ok(Number(await ready.getAttribute('data-segments')) > 10);
    await look(page, 'laser-results');
    await look(page, 'laser-results-price', { selector: '[data-testid=prepare-price]' });

    // Framing needs the laser on: refused in words, not in codes.
    await page.getByTestId('laser-frame').click();
    const frameError = page.getByTestId('laser-frame-error');
    await frameError.waitFor();
    assert.equal(await frameError.getAttribute('data-code'), 'machine_unavailable');
    assert.doesNotMatch(await text(frameError), /_/);

    await page.getByTestId('prepare-queue').click();
    const detail = page.locator('[data-testid=board-detail][data-code=laser-co2]');
    await detail.waitFor();
    const item = detail.getByTestId('queue-item');
    await item.waitFor();
    assert.match(await text(item), /Léa Dubois/);
    await look(page, 'laser-queued');
    assert.deepEqual(k().problems, []);
  });

  test('a photo: each dithering shown on the photo, engraved with the one chosen', { timeout: 120_000 }, async () => {
    const { page } = k();
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('prepare-file-input').setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: photo() });
    await page.getByTestId('laser-prep').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=prep-material][data-code=mdf-3]').click();
    const dither = page.getByTestId('laser-dither');
    await dither.waitFor({ timeout: 30_000 });
    // One picture per method, computed from the photo in the page's worker.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=laser-dither] img').length === 5, undefined, { timeout: 30_000 });
    await dither.locator('[data-method=threshold]').click();
    assert.equal(await dither.getAttribute('data-value'), 'threshold');
    await page.getByTestId('raster-invert').click();
    assert.equal(await page.getByTestId('raster-invert').getAttribute('aria-checked'), 'true');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=laser-drag] image').length === 1, undefined, { timeout: 30_000 });
    await look(page, 'laser-image', { selector: '.laser-grid' });

    await page.getByTestId('laser-prepare').click();
    await page.getByTestId('prepare-results').waitFor({ timeout: 90_000 });
    assert.ok(Number(await page.getByTestId('prepare-duration').getAttribute('data-seconds')) > 0);
    await page.getByTestId('preview-ready').waitFor({ timeout: 30_000 });
    await look(page, 'laser-image-results');
    // The tab of the screen one is on starts it again: back to the two ways in.
    await page.getByTestId('nav-jobs').click();
    await page.locator('[data-testid=screen-jobs][data-view=home]').waitFor();
    assert.equal(await page.getByTestId('prepare-results').count(), 0);
    assert.deepEqual(k().problems, []);
  });
});
