// Becoming a member at the kiosk, in Debian's Chromium, through the web host, on the built renderer:
// a visitor signs up in French on the touch keyboard and the PIN pad, accepts the consents and the
// charter, checks in for a coworking day and sees the days left; their space (certifications, visits,
// balance, data export); a manager edits them, sees the expiring certifications and publishes a new
// charter, which the member is asked to accept at the next sign-in; three wrong PINs lock an account;
// the member closes their account.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host/server';
import { assertBuilt, launchChromium, rendererDir, signIn, signOut, snap, textOf, typeOnKeyboard, watchConsole } from '../support/browser';
import { demo, tempBackend, type TempBackend } from '../support/temp-backend';

const newcomer = { name: 'Inès Morel', pin: '7391', email: 'ines.morel@exemple.fr', phone: '06 12 34 56 78' };
const karim = { name: 'Karim Haddad', pin: '4321' };

let browser: Browser;
before(async () => {
  assertBuilt();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

describe('membership', () => {
  let backend: TempBackend;
  let host: RunningHost;
  let page: Page;
  let problems: string[];

  before(async () => {
    backend = await tempBackend({ idleTimeoutS: 600 });
    host = await startHost({ backend, staticDir: rendererDir, port: 0 });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    problems = watchConsole(page);
    await page.goto(host.url);
  });
  after(async () => {
    await page?.close();
    await host?.close();
    await backend?.dispose();
  });

  test('a visitor signs up in French on the touch keyboard and the PIN pad, then checks in for coworking', { timeout: 60_000 }, async () => {
    await page.getByTestId('screen-welcome').waitFor();
    await snap(page, 'welcome-visitor-fr');
    // The wizard in English first, for a look; cancelling leads back to the welcome screen.
    await page.getByTestId('lang-en').click();
    await page.getByTestId('cta-signup').click();
    await page.getByTestId('signup-step-name').waitFor();
    assert.match(await textOf(page.getByTestId('signup-step-name')), /What is your name\?/);
    await snap(page, 'signup-1-name-en');
    await page.getByTestId('signup-back').click();
    await page.getByTestId('screen-welcome').waitFor();
    await page.getByTestId('lang-fr').click();
    await page.getByTestId('cta-signup').click();

    // 1. Name: refused empty, then typed on the touch keyboard (capitals come by themselves).
    await page.getByTestId('signup-step-name').waitFor();
    await page.getByTestId('signup-next').click();
    assert.equal(await page.getByTestId('signup-name-error').getAttribute('data-problem'), 'name_missing');
    assert.match(await textOf(page.getByTestId('signup-name-error')), /Écrivez votre prénom et votre nom/);
    await snap(page, 'signup-1-name-error-fr');
    await typeOnKeyboard(page, newcomer.name);
    assert.equal(await page.getByTestId('signup-name').inputValue(), newcomer.name);
    await snap(page, 'signup-1-name-fr');
    await page.getByTestId('signup-next').click();

    // 2. Contact, optional: an incomplete address is caught, then both fields on their own keyboards.
    await page.getByTestId('signup-step-contact').waitFor();
    await typeOnKeyboard(page, 'ines.morel@exemple');
    await page.getByTestId('signup-next').click();
    assert.equal(await page.getByTestId('signup-email-error').getAttribute('data-problem'), 'email_format');
    await snap(page, 'signup-2-contact-error-fr');
    await typeOnKeyboard(page, '.fr');
    await page.getByTestId('signup-phone').click();
    await typeOnKeyboard(page, newcomer.phone);
    assert.equal(await page.getByTestId('signup-email').inputValue(), newcomer.email);
    assert.equal(await page.getByTestId('signup-phone').inputValue(), newcomer.phone);
    await snap(page, 'signup-2-contact-fr');
    await page.getByTestId('signup-next').click();

    // 3. Profile, in big picture buttons.
    await page.getByTestId('signup-step-profile').waitFor();
    assert.equal(await page.getByTestId('signup-profile').count(), 6);
    await page.getByTestId('signup-next').click();
    assert.equal(await page.getByTestId('signup-profile-error').getAttribute('data-problem'), 'profile_missing');
    await page.locator('[data-testid=signup-profile][data-code=job_seeker]').click();
    await snap(page, 'signup-3-profile-fr');
    await page.getByTestId('signup-next').click();

    // 4. Plan, with prices and the first month free on coworking plans.
    await page.getByTestId('signup-step-plan').waitFor();
    const plan = page.locator('[data-testid=signup-plan][data-code=coworking-20-days]');
    assert.match(await textOf(plan), /100 € par trimestre/);
    assert.equal(await plan.getByTestId('plan-first-month-free').count(), 1);
    assert.equal(await page.locator('[data-testid=signup-plan][data-code=fablab-membership] [data-testid=plan-first-month-free]').count(), 0);
    await plan.click();
    await snap(page, 'signup-4-plan-fr');
    await page.getByTestId('signup-next').click();

    // 5. PIN twice on the pad; an easy one and a mismatch are refused.
    await page.getByTestId('signup-step-pin').waitFor();
    for (const d of '1234') await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    assert.equal(await page.getByTestId('signup-pin-error').getAttribute('data-problem'), 'pin_easy');
    await page.getByTestId('pin-clear').click();
    for (const d of newcomer.pin) await page.getByTestId(`pin-key-${d}`).click();
    await snap(page, 'signup-5-pin-fr');
    await page.getByTestId('pin-submit').click();
    await page.locator('[data-testid=signup-pin-phase][data-phase=again]').waitFor();
    for (const d of '7390') await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    assert.equal(await page.getByTestId('signup-pin-error').getAttribute('data-problem'), 'pin_mismatch');
    await snap(page, 'signup-5-pin-mismatch-fr');
    for (const pass of [1, 2]) {
      for (const d of newcomer.pin) await page.getByTestId(`pin-key-${d}`).click();
      await page.getByTestId('pin-submit').click();
      if (pass === 1) await page.locator('[data-testid=signup-pin-phase][data-phase=again]').waitFor();
    }

    // 6. Consents: the purposes in plain words; the required ones must be accepted, the optional ones are off.
    await page.getByTestId('signup-step-consent').waitFor();
    const kinds = await page.getByTestId('consent').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    assert.ok(kinds.includes('required') && kinds.includes('optional'), `purposes: ${kinds.join(', ')}`);
    assert.equal(await page.locator('[data-testid=consent][data-kind=information] [data-testid=consent-yes]').count(), 0, 'information is not asked');
    await page.getByTestId('signup-next').click();
    assert.equal(await page.getByTestId('signup-consent-error').getAttribute('data-problem'), 'consent_required');
    const required = page.locator('[data-testid=consent][data-kind=required] [data-testid=consent-yes]');
    for (let i = 0; i < (await required.count()); i++) await required.nth(i).click();
    await snap(page, 'signup-6-consent-fr');
    await page.getByTestId('signup-next').click();

    // 7. Charter: its text, accepted by a big toggle.
    await page.getByTestId('signup-step-charter').waitFor();
    assert.match(await textOf(page.getByTestId('signup-charter-text')), /Charte/);
    await page.getByTestId('signup-next').click();
    assert.equal(await page.getByTestId('signup-charter-error').getAttribute('data-problem'), 'charter_required');
    await page.getByTestId('signup-charter-accept').click();
    await snap(page, 'signup-7-charter-fr');
    await page.getByTestId('signup-next').click();

    // Signed in at once, welcomed, and offered to check in.
    await page.getByTestId('session-member').waitFor();
    assert.equal(await page.getByTestId('session-member').textContent(), newcomer.name);
    assert.match(await textOf(page.getByTestId('notice')), /Bienvenue ! Votre compte est créé/);
    await page.getByTestId('checkin-card').waitFor();
    await snap(page, 'welcome-member-fr', { keepNotice: true });

    await page.getByTestId('checkin-coworking').click();
    const days = page.getByTestId('coworking-days');
    await days.waitFor();
    assert.equal(await days.getAttribute('data-left'), '19');
    assert.match(await textOf(days), /Il vous reste 19 jours de coworking jusqu'au \d+ \p{L}+ \d{4}\./u);
    assert.equal(await page.getByTestId('checkin-current').getAttribute('data-purpose'), 'coworking');
    await page.locator('[data-testid=presence][data-total="1"]').waitFor();
    assert.match(await textOf(page.getByTestId('presence')), /1 en coworking/);
    await snap(page, 'welcome-checked-in-fr');
    assert.deepEqual(problems, []);
  });

  test("the member's space: certifications, visits, balance, consents and a copy of their data", { timeout: 30_000 }, async () => {
    await page.getByTestId('nav-account').click();
    await page.getByTestId('account-certifications').waitFor();
    assert.equal(await page.locator('[data-testid=certification][data-status=valid]').count(), 0);
    assert.match(await textOf(page.getByTestId('account-visits')), /Coworking/);
    assert.match(await textOf(page.getByTestId('account-visits')), /20 jours \/ trimestre/);
    assert.equal(await page.getByTestId('balance').getAttribute('data-cents'), '0');
    await snap(page, 'account-fr');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-data').click()]);
    const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as { profile: { displayName: string; email: string | null } };
    assert.equal(data.profile.displayName, newcomer.name);
    assert.equal(data.profile.email, newcomer.email);
    assert.match(download.suggestedFilename(), /\.json$/);
    await page.getByTestId('export-done').waitFor();
    await snap(page, 'account-data-fr', { selector: '[data-testid=account-data]' });

    // The same in English, then back.
    await page.getByTestId('lang-en').click();
    await page.locator('html[lang=en]').waitFor({ state: 'attached' });
    assert.match(await textOf(page.getByTestId('account-certifications')), /My machine certifications/);
    await snap(page, 'account-en');
    await page.getByTestId('nav-home').click();
    await page.getByTestId('checkin-card').waitFor();
    assert.match(await textOf(page.getByTestId('coworking-days')), /19 coworking days left/);
    await snap(page, 'welcome-checked-in-en');
    await page.getByTestId('lang-fr').click();
    await page.getByTestId('checkout').click();
    await page.locator('[data-testid=checkin-card][data-state=out]').waitFor();
    assert.deepEqual(problems, []);
  });

  test('three wrong PINs lock the account, and the screen says until when', { timeout: 30_000 }, async () => {
    await signOut(page);
    await page.getByTestId('nav-signin').click();
    await page.getByTestId('signin-name').fill(karim.name);
    for (const attempt of [1, 2, 3]) {
      for (const d of '0000') await page.getByTestId(`pin-key-${d}`).click();
      await page.getByTestId('pin-submit').click();
      const error = page.getByTestId('signin-error');
      const expected = attempt === 3 ? /Compte verrouillé jusqu'à \d{2}:\d{2}\./ : new RegExp(`Code incorrect\\. Encore ${3 - attempt} essai`);
      await page.waitForFunction(
        ([re, flags]) => new RegExp(re, flags).test((globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('[data-testid=signin-error]')?.textContent ?? ''),
        [expected.source, expected.flags] as const,
      );
      assert.match(await textOf(error), expected);
    }
    await snap(page, 'signin-locked-fr');
    // The right PIN does not open it before the time.
    for (const d of karim.pin) await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    await page.waitForTimeout(300);
    assert.match(await textOf(page.getByTestId('signin-error')), /Compte verrouillé jusqu'à/);
    assert.equal(await page.getByTestId('session-member').count(), 0);
  });

  test('a manager edits a member, sees what expires, and publishes a new charter', { timeout: 60_000 }, async () => {
    await signIn(page, demo.manager);
    await page.getByTestId('nav-manage').click();
    await page.getByTestId('members-table').waitFor();
    // Karim is locked from the test before: the list says so.
    await page.locator('[data-testid=member-row]', { hasText: karim.name }).locator('.pill-alarm').waitFor();
    await page.getByTestId('members-search').fill('Morel');
    await page.locator('[data-testid=member-row]', { hasText: newcomer.name }).waitFor();
    await page.locator('[data-testid=member-row]', { hasText: newcomer.name }).getByTestId('member-edit').click();
    await page.getByTestId('member-editor').waitFor();
    await page.locator('[data-testid=edit-plan][data-value=coworking-permanent]').click();
    await page.getByTestId('edit-save').click();
    await page.getByTestId('editor-saved').waitFor();
    await snap(page, 'manage-member-edit-fr');
    await page.getByTestId('editor-close').click();

    await page.getByTestId('manage-tab-expiring').click();
    const expired = page.locator('[data-testid=expiring-row][data-status=expired]', { hasText: karim.name });
    await expired.waitFor();
    await snap(page, 'manage-expiring-fr');

    await page.getByTestId('manage-tab-modules').click();
    await page.locator('[data-testid=module-version][data-code=laser][data-current=true]').waitFor();
    await snap(page, 'manage-modules-fr');

    await page.getByTestId('manage-tab-charters').click();
    await page.locator('[data-testid=charter-row][data-current=true]').waitFor();
    const before = await page.locator('[data-testid=charter-row][data-current=true]').getAttribute('data-version');
    await page.getByTestId('charter-publish').getByRole('button', { name: /Partir de la version/ }).click();
    await page.getByTestId('charter-version').click();
    await typeOnKeyboard(page, '2');
    await page.getByTestId('charter-text-fr').click();
    await page.getByTestId('charter-text-fr').press('End');
    assert.ok((await page.getByTestId('charter-text-fr').inputValue()).length > 100, 'the current text as a start');
    await snap(page, 'manage-charter-publish-fr', { selector: '[data-testid=charter-publish]' });
    await page.getByTestId('charter-publish-btn').click();
    await page.getByTestId('charter-publish-dialog').waitFor();
    await page.getByTestId('dialog-confirm').click();
    await page.locator('[data-testid=charter-row][data-version="2"][data-current=true]').waitFor();
    assert.notEqual(before, '2');
    await snap(page, 'manage-charters-fr');

    await page.getByTestId('manage-tab-audit').click();
    await page.locator('[data-testid=audit-row][data-action="charter.publish"]').waitFor();
    assert.ok((await page.locator('[data-testid=audit-row][data-action="member.update"]').count()) >= 1);
    assert.ok((await page.locator('[data-testid=audit-row][data-action="member.sign_up"]').count()) >= 1);
    await snap(page, 'manage-audit-fr');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('manage-tab-members').click();
    await snap(page, 'manage-members-en');
    await page.getByTestId('lang-fr').click();
    await signOut(page);
    assert.deepEqual(problems, []);
  });

  test('after a new charter, the member is asked to accept it right after signing in', { timeout: 30_000 }, async () => {
    await signIn(page, newcomer);
    const dialog = page.getByTestId('charter-dialog');
    await dialog.waitFor();
    assert.match(await textOf(dialog), /La charte a changé/);
    assert.match(await textOf(dialog), /Version 2 du/);
    await snap(page, 'charter-again-fr', { keepNotice: true });
    await page.getByTestId('charter-accept').click();
    await dialog.waitFor({ state: 'detached' });
    assert.match(await textOf(page.getByTestId('notice')), /nouvelle charte/);
  });

  test('a member closes their account: PIN to confirm, personal data erased, signed out', { timeout: 30_000 }, async () => {
    await page.getByTestId('nav-account').click();
    await page.getByTestId('close-account').click();
    const dialog = page.getByTestId('close-dialog');
    await dialog.waitFor();
    assert.match(await textOf(dialog), /seront effacés/);
    assert.match(await textOf(dialog), /sans votre nom/);
    for (const d of '0000') await dialog.getByTestId(`pin-key-${d}`).click();
    await dialog.getByTestId('pin-submit').click();
    await dialog.getByTestId('close-error').waitFor();
    await snap(page, 'account-close-fr', { keepNotice: true });
    for (const d of newcomer.pin) await dialog.getByTestId(`pin-key-${d}`).click();
    await dialog.getByTestId('pin-submit').click();
    await page.getByTestId('screen-welcome').waitFor();
    await page.getByTestId('nav-signin').waitFor();
    assert.match(await textOf(page.getByTestId('notice')), /Votre compte est fermé/);
    await snap(page, 'account-closed-fr', { keepNotice: true });
    // The name no longer opens anything.
    await page.getByTestId('nav-signin').click();
    await page.getByTestId('signin-name').fill(newcomer.name);
    for (const d of newcomer.pin) await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('signin-error').waitFor();
    assert.match(await textOf(page.getByTestId('signin-error')), /Nom ou code incorrect/);
    assert.deepEqual(problems, []);
  });
});
