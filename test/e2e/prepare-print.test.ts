// A member prepares a print in Debian's Chromium, through the web host, on the built renderer: a 3D
// model from a USB stick shown on the printer's bed (WebGL), turned and scaled, refused clearly when
// too large for the printer and fixed in one tap, sliced by PrusaSlicer with the lab's profile and
// the maker's choices, then the time, the filament, the price and the toolpath, and the job queued.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixture } from '../support/fixtures';
import { demo } from '../support/temp-backend';
import { chromiumForFile, kioskForSuite, look, text, waitAttr } from './prepare-support';

/** OpenSCAD's example 012: 30 × 30 × 15 mm, ASCII STL. */
const model = fixture('stl/openscad-example012-ascii.stl');

const browser = chromiumForFile();

describe('preparing a print', () => {
  const k = kioskForSuite(browser, demo.member);

  test('an STL on the Prusa MK4 in PLA: placed, checked, sliced, priced and queued', { timeout: 180_000 }, async () => {
    const { page } = k();
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('prepare-file-input').setInputFiles(model);
    await page.getByTestId('print-prep').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('print-missing').getAttribute('data-missing'), 'pickPrinter');
    await page.locator('[data-testid=prep-machine][data-code=prusa-mk4]').click();
    assert.equal(await page.getByTestId('print-missing').getAttribute('data-missing'), 'pickFilament');
    await page.locator('[data-testid=prep-material][data-code=pla-175]').click();

    // The model in 3D on the bed, and the back end's word on its size.
    await page.locator('[data-testid=print-stage][data-drawn=yes]').waitFor({ timeout: 30_000 });
    await waitAttr(page, '[data-testid=print-fit]', 'data-fits', (v) => v === 'yes');
    assert.equal(await text(page.getByTestId('print-size')), '30 × 30 × 15 mm');
    await waitAttr(page, '[data-testid=print-missing]', 'data-missing', (v) => v === '');
    await look(page, 'print-edit', { selector: '.print-grid' });

    // A quarter turn about X stands it up: 30 wide, 15 deep, 30 high.
    await page.getByTestId('print-rotate-x').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=print-size]')?.textContent?.replace(/\s+/g, ' ').includes('30 × 15 × 30 mm'), undefined, { timeout: 15_000 });
    await page.getByTestId('print-reset').click();

    // Ten times larger does not fit: refused in words, the slice button off, a one-tap fix offered.
    const larger = page.getByLabel('Plus grand');
    for (let i = 0; i < 90; i++) await larger.click();
    assert.equal(await text(page.getByTestId('print-scale')), '1 000 %', 'ten times, in French figures');
    await waitAttr(page, '[data-testid=print-fit]', 'data-fits', (v) => v === 'no');
    assert.match(await text(page.getByTestId('print-fit')), /Trop grand/);
    assert.equal(await page.getByTestId('print-missing').getAttribute('data-missing'), 'tooLarge');
    assert.ok(await page.getByTestId('print-slice').isDisabled());
    assert.equal(await page.locator('[data-testid=print-stage]').getAttribute('data-tone'), 'bad');
    await look(page, 'print-too-large', { selector: '.print-grid' });
    await page.getByTestId('print-fix-scale').click();
    await waitAttr(page, '[data-testid=print-fit]', 'data-fits', (v) => v === 'yes');
    await page.getByTestId('print-reset').click();
    await waitAttr(page, '[data-testid=print-fit]', 'data-fits', (v) => v === 'yes');
    await page.waitForFunction(() => document.querySelector('[data-testid=print-size]')?.textContent?.replace(/\s+/g, ' ').includes('30 × 30 × 15 mm'), undefined, { timeout: 15_000 });

    // The maker's few choices.
    await page.locator('[data-testid=print-quality] [data-value=draft]').click();
    await page.locator('[data-testid=print-infill] [data-value="20"]').click();
    await page.getByTestId('print-brim').click();
    assert.equal(await page.getByTestId('print-quality').getAttribute('data-value'), 'draft');
    assert.equal(await page.getByTestId('print-brim').getAttribute('aria-checked'), 'true');

    await page.getByTestId('print-slice').click();
    const results = page.getByTestId('prepare-results');
    await results.waitFor({ timeout: 120_000 });
    const seconds = Number(await page.getByTestId('prepare-duration').getAttribute('data-seconds'));
    const grams = Number(await page.getByTestId('prepare-filament').getAttribute('data-g'));
    assert.ok(seconds > 60, `${seconds} s`);
    assert.ok(grams > 1 && grams < 50, `${grams} g of PLA for a 30 mm part`);
    assert.match(await text(page.getByTestId('prepare-filament')), /\d+(,\d)? g/);
    assert.match(await text(page.getByTestId('prepare-summary-price')), /\d+(,\d\d)? €/);
    assert.equal(await results.getAttribute('data-errors'), '0');
    // The slicer's layers at the draft quality.
    assert.match(await text(page.getByTestId('gcode-layers')), /0,3/);
    const ready = page.getByTestId('preview-ready');
    await ready.waitFor({ timeout: 60_000 });
    assert.ok(Number(await ready.getAttribute('data-layers')) > 20);
    await look(page, 'print-results');

    await page.getByTestId('prepare-queue').click();
    const detail = page.locator('[data-testid=board-detail][data-code=prusa-mk4]');
    await detail.waitFor();
    await detail.getByTestId('queue-item').waitFor();
    assert.match(await text(detail.getByTestId('queue-item')), /Léa Dubois/);
    assert.deepEqual(k().problems, []);
  });
});
