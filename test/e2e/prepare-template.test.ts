// The beginner templates in Debian's Chromium, through the web host, on the built renderer: a visitor
// sees them and is asked to sign in to make one; a member sets the coaster's text on the touch
// keyboard and its size, sees it built again flat with its size in mm, and takes it on to the laser's
// preparation; the keychain is shown in 3D.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signIn, typeOnKeyboard } from '../support/browser';
import { demo } from '../support/temp-backend';
import { chromiumForFile, kioskForSuite, look, text, waitAttr } from './prepare-support';

const browser = chromiumForFile();

describe('starting from a template', () => {
  const k = kioskForSuite(browser);

  test('a visitor sees the six templates and is asked to sign in to make one', { timeout: 60_000 }, async () => {
    const { page } = k();
    await page.getByTestId('nav-jobs').click();
    const gallery = page.getByTestId('template-gallery');
    await gallery.waitFor({ timeout: 30_000 });
    assert.equal(await gallery.getAttribute('data-count'), '6');
    assert.equal(await page.getByTestId('prepare-file-input').count(), 0, 'no file without signing in');
    assert.equal(await page.getByTestId('jobs-gcode').count(), 0);
    await look(page, 'template-gallery-visitor');
    // One tap to English, and back.
    await page.getByTestId('lang-en').click();
    assert.match(await text(page.getByTestId('way-file')), /I have a file/);
    assert.match(await text(page.getByTestId('way-templates')), /I start from a template/);
    await look(page, 'template-gallery-visitor-en');
    await page.getByTestId('lang-fr').click();
    assert.match(await text(page.getByTestId('way-file')), /J'ai un fichier/);
    await page.locator('[data-testid=template-card][data-template=coaster]').click();
    await page.getByTestId('template-signin').waitFor();
    assert.ok(await page.getByTestId('template-form').isVisible(), 'the parameters can be looked at');
    await look(page, 'template-visitor');
    assert.deepEqual(k().problems, []);
  });

  test('a member names a coaster, sees it built with its size, and takes it to the laser', { timeout: 120_000 }, async () => {
    const { page } = k();
    await signIn(page, demo.member);
    await page.getByTestId('nav-jobs').click();
    await page.locator('[data-testid=template-card][data-template=coaster]').click();
    const stage = page.getByTestId('template-stage');
    await waitAttr(page, '[data-testid=template-stage]', 'data-state', (v) => v === 'ready');
    const outline = page.getByTestId('template-outline');
    assert.ok(Number(await outline.getAttribute('data-paths')) > 1, 'the outline and the letters');
    const before = await outline.innerHTML();

    // The name on the touch keyboard: clear the field, then type.
    const field = page.getByTestId('param-text');
    await field.click();
    const current = (await field.inputValue()).length;
    for (let i = 0; i < current; i++) await page.getByTestId('kb-backspace').click();
    await typeOnKeyboard(page, 'Léa');
    assert.equal(await field.inputValue(), 'Léa');
    // A smaller coaster with the stepper.
    const size = page.getByTestId('param-size');
    const start = Number(await size.getAttribute('data-value'));
    await size.getByRole('button', { name: /Moins/ }).click();
    assert.equal(Number(await size.getAttribute('data-value')), start - 1);

    await page.waitForFunction((old) => {
      const el = document.querySelector('[data-testid=template-outline]');
      const st = document.querySelector('[data-testid=template-stage]');
      return el !== null && st?.getAttribute('data-state') === 'ready' && el.innerHTML !== old;
    }, before, { timeout: 30_000 });
    const x = Number(await page.getByTestId('template-size').getAttribute('data-x'));
    assert.ok(Math.abs(x - (start - 1)) < 1, `the coaster is ${x} mm across`);
    assert.match(await text(page.getByTestId('template-size')), /\d+ × \d+ mm/);
    assert.equal(await stage.getAttribute('data-state'), 'ready');
    await look(page, 'template-coaster');

    await page.getByTestId('template-use').click();
    await page.getByTestId('laser-prep').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=prep-material][data-code=plywood-3]').click();
    await page.getByTestId('laser-layers').waitFor({ timeout: 30_000 });
    assert.ok((await page.getByTestId('laser-layer').count()) >= 1);
    await waitAttr(page, '[data-testid=laser-missing]', 'data-missing', (v) => v === '');
    await look(page, 'template-coaster-laser', { selector: '.laser-grid' });
    // Back goes to the template it came from.
    await page.getByTestId('prep-back').click();
    await page.getByTestId('template-builder').waitFor();
    assert.equal(await page.getByTestId('template-builder').getAttribute('data-template'), 'coaster');
    assert.deepEqual(k().problems, []);
  });

  test('the keychain is shown in 3D, with its size', { timeout: 60_000 }, async () => {
    const { page } = k();
    await page.getByTestId('template-back').click();
    await page.locator('[data-testid=template-card][data-template=keychain]').click();
    await waitAttr(page, '[data-testid=template-stage]', 'data-state', (v) => v === 'ready');
    await page.locator('[data-testid=template-mesh][data-drawn=yes]').waitFor({ timeout: 30_000 });
    assert.match(await text(page.getByTestId('template-size')), /\d+(,\d)? × \d+(,\d)? × \d+(,\d)? mm/);
    await look(page, 'template-keychain');
    assert.deepEqual(k().problems, []);
  });
});
