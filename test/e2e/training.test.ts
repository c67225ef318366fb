// Safety training end to end, in Debian's Chromium, through the web host, on the built renderer, with
// a simulated Grbl laser behind a pseudo-terminal: a visitor signs up, follows the laser module and
// passes its quiz (answers read from the module on disk), is still refused at the laser until a
// trainer signs them off in a guided session (big-screen presenter, attendees, a newcomer's quick
// sign-up and quiz handed over on the kiosk, sign-offs, report and attestations in PDF), and can then
// queue a laser job; a member whose laser certification expired is refused with the date.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host/server';
import { assertBuilt, launchChromium, rendererDir, shot, signIn, signOut, snap, textOf, typeOnKeyboard, watchConsole } from '../support/browser';
import { fixture } from '../support/fixtures';
import { plugGrbl, type PluggedMachine } from '../support/machines';
import { demo, repoRoot, tempBackend, type TempBackend } from '../support/temp-backend';
import type { GrblSimulator } from '../peers/grbl/simulator';

interface ModuleFile {
  version: string;
  steps: { id: string; kind: string }[];
  quiz: { id: string; correct: number[] }[];
}
const laser = JSON.parse(readFileSync(join(repoRoot, 'assets', 'modules', 'laser', 'module.json'), 'utf8')) as ModuleFile;

const maker = { name: 'Hugo Lefèvre', pin: '5827' };
const newcomer = { name: 'Zoé Garnier', pin: '6148' };
const karim = { name: 'Karim Haddad', pin: '4321' };

/** The T2Laser raster snippet without its tool change (Grbl refuses M6), as a maker's file. */
const workDir = mkdtempSync(join(tmpdir(), 'fabkiosk-e2e-training-'));
const laserFile = join(workDir, 'plaque-gravee.nc');
writeFileSync(
  laserFile,
  readFileSync(fixture('gcode/laser/t2laser-raster-snippet.nc'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== 'M6 T1')
    .join('\n'),
);

/** The sign-up wizard, as briefly as it allows: name, no contact, a profile, no plan yet, PIN, consents, charter. */
async function signUp(page: Page, who: { name: string; pin: string }, profile: string, steps = 7): Promise<void> {
  await page.getByTestId('signup-step-name').waitFor();
  await typeOnKeyboard(page, who.name);
  await page.getByTestId('signup-next').click();
  if (steps === 7) {
    await page.getByTestId('signup-step-contact').waitFor();
    await page.getByTestId('signup-next').click();
  }
  await page.locator(`[data-testid=signup-profile][data-code=${profile}]`).click();
  await page.getByTestId('signup-next').click();
  if (steps === 7) {
    await page.locator('[data-testid=signup-plan][data-code=none]').click();
    await page.getByTestId('signup-next').click();
  }
  await page.getByTestId('signup-step-pin').waitFor();
  for (const pass of [1, 2]) {
    for (const d of who.pin) await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    if (pass === 1) await page.locator('[data-testid=signup-pin-phase][data-phase=again]').waitFor();
  }
  await page.getByTestId('signup-step-consent').waitFor();
  const required = page.locator('[data-testid=consent][data-kind=required] [data-testid=consent-yes]');
  for (let i = 0; i < (await required.count()); i++) await required.nth(i).click();
  await page.getByTestId('signup-next').click();
  await page.getByTestId('signup-charter-accept').click();
  await page.getByTestId('signup-next').click();
}

/** Answers the quiz on screen right, from the module on disk; `wrong` question ids get another choice. */
async function answerQuiz(page: Page, prefix: string, wrong: string[] = []): Promise<void> {
  for (const [i, q] of laser.quiz.entries()) {
    await page.locator(`[data-testid=quiz][data-question="${q.id}"]`).waitFor();
    const choices = wrong.includes(q.id) ? [(q.correct[0]! + 1) % (await page.getByTestId('quiz-choice').count())] : q.correct;
    for (const c of choices) await page.locator(`[data-testid=quiz-choice][data-index="${c}"]`).click();
    if (i === 0) await snap(page, `${prefix}-quiz-first-fr`);
    if (q.correct.length > 1 && !wrong.includes(q.id)) {
      assert.match(await textOf(page.getByTestId('quiz-hint')), /Plusieurs bonnes réponses/);
      if (prefix === 'training') await snap(page, 'training-quiz-multiple-fr');
    }
    if (i < laser.quiz.length - 1) await page.getByTestId('quiz-next').click();
  }
  await page.getByTestId('quiz-submit').click();
  await page.getByTestId('quiz-result').waitFor();
}

/** Checks the laser file for the laser and presses "Send to the machine". */
async function sendLaserJob(page: Page): Promise<void> {
  await page.getByTestId('nav-jobs').click();
  await page.locator('[data-testid=gcode-machine][data-code=laser-co2]').click();
  await page.getByTestId('gcode-file-input').setInputFiles(laserFile);
  const verdict = page.getByTestId('gcode-verdict');
  await verdict.waitFor({ timeout: 20_000 });
  assert.equal(await verdict.getAttribute('data-errors'), '0', await textOf(page.getByTestId('gcode-results')));
  await page.getByTestId('gcode-send').click();
}

let browser: Browser;
before(async () => {
  assertBuilt();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('safety training', () => {
  let backend: TempBackend;
  let host: RunningHost;
  let page: Page;
  let problems: string[];
  let grbl: PluggedMachine<GrblSimulator>;
  let sessionId = '';

  before(async () => {
    backend = await tempBackend({ idleTimeoutS: 600, machines: { liveEveryMs: 200, driverOptions: { pollMs: 250 } } });
    grbl = await plugGrbl(backend, 'laser-co2', { timeScale: 10 });
    host = await startHost({ backend, staticDir: rendererDir, port: 0 });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    problems = watchConsole(page);
    await page.goto(host.url);
  });
  after(async () => {
    await page?.close();
    await host?.close();
    await grbl?.unplug();
    await backend?.dispose();
  });

  test('a new member follows the laser module step by step and passes its quiz', { timeout: 60_000 }, async () => {
    await page.getByTestId('cta-signup').click();
    await signUp(page, maker, 'pupil_student');
    await page.getByTestId('session-member').waitFor();

    await page.getByTestId('nav-training').click();
    const card = page.locator('[data-testid=module-card][data-code=laser]');
    await card.waitFor();
    assert.equal(await page.getByTestId('module-card').count(), 5);
    assert.equal(await card.getByTestId('module-status').getAttribute('data-status'), 'none');
    assert.match(await textOf(card), /Ouvre l'accès à : Laser CO₂ 60 W|Ouvre l'accès à/);
    await page.locator('[data-testid=module-card] [data-testid=module-image]').first().waitFor();
    await snap(page, 'training-list-fr');
    await card.getByTestId('module-open').click();

    // The steps, one at a time, each with its picture; the quiz comes after the last.
    for (const [i, step] of laser.steps.entries()) {
      const shown = page.locator(`[data-testid=module-step][data-step="${step.id}"]`);
      await shown.waitFor();
      assert.equal(await page.getByTestId('step-count').getAttribute('data-index'), String(i));
      if (i === 0 || step.kind === 'fire' || step.kind === 'emergency') {
        await shown.getByTestId('module-image').waitFor();
        await snap(page, `training-step-${step.id}-fr`);
      }
      if (i < laser.steps.length - 1) await page.getByTestId('step-next').click();
    }
    await page.getByTestId('quiz-start').click();
    // One answer wrong: still above the pass mark, and its explanation shows.
    await answerQuiz(page, 'training', [laser.quiz[0]!.id]);
    const result = page.getByTestId('quiz-result');
    assert.equal(await result.getAttribute('data-passed'), 'true');
    assert.equal(await result.getAttribute('data-score'), String(laser.quiz.length - 1));
    assert.equal(await page.getByTestId('quiz-explanation').count(), 1);
    assert.match(await textOf(page.getByTestId('signoff-needed')), /validation pratique avec un·e formateur·rice/);
    await snap(page, 'training-quiz-result-fr');

    await page.getByTestId('result-done').click();
    await page.locator('[data-testid=module-card][data-code=laser] [data-testid=module-status][data-status=quiz_passed]').waitFor();
    await page.getByTestId('lang-en').click();
    assert.match(await textOf(page.locator('[data-testid=module-card][data-code=laser]')), /Quiz passed, practical sign-off to do/);
    await snap(page, 'training-list-en');
    await page.getByTestId('lang-fr').click();
    assert.deepEqual(problems, []);
  });

  test('with the quiz passed but no sign-off yet, the laser refuses the job and says what is missing', { timeout: 40_000 }, async () => {
    await sendLaserJob(page);
    const error = page.getByTestId('gcode-send-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-code'), 'not_certified');
    assert.match(await textOf(error), /questionnaire « Découpe laser » est réussi, mais il manque la validation pratique/);
    await snap(page, 'jobs-refused-signoff-fr', { selector: '[data-testid=gcode-send-error]' });
    await signOut(page);
  });

  test('a trainer runs a laser session: big screen, attendees, a quiz handed over, sign-offs, PDFs', { timeout: 60_000 }, async () => {
    await signIn(page, demo.trainer);
    await page.getByTestId('nav-training').click();
    await page.locator('[data-testid=session-start][data-code=laser]').click();
    const console_ = page.getByTestId('session-console');
    await console_.waitFor();
    sessionId = (await console_.getAttribute('data-session')) ?? '';
    assert.ok(sessionId);
    await snap(page, 'session-console-fr');

    // A second screen follows the session by its address, without signing in and without names.
    const big = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const bigProblems = watchConsole(big);
    await big.goto(`${host.url}#/presenter/${sessionId}`);
    await big.locator('[data-testid=presenter][data-step="0"]').waitFor();
    await page.getByTestId('stage-next').click();
    await big.locator('[data-testid=presenter][data-step="1"]').waitFor({ timeout: 5000 });
    assert.match(await textOf(big.getByTestId('presenter-count')), /Étape 2 sur 9/);
    await big.getByTestId('module-image').waitFor();
    await shot(big, 'presenter-follow-1920-fr');
    await big.close();
    assert.deepEqual(bigProblems, []);

    // The full-screen presenter on the kiosk itself.
    await page.getByTestId('present').click();
    await page.locator('[data-testid=presenter][data-step="1"]').waitFor();
    await page.getByTestId('presenter-next').click();
    await page.locator('[data-testid=presenter][data-step="2"]').waitFor();
    await page.locator('[data-testid=presenter] [data-testid=module-image]').waitFor();
    await shot(page, 'session-presenter-fr');
    await page.getByTestId('presenter-close').click();

    // Attendees: the member who passed the quiz, found by name; a newcomer signed up on the spot.
    await page.getByTestId('attendees-add').click();
    await typeOnKeyboard(page, 'hugo');
    const add = page.locator('[data-testid=attendee-results] li', { hasText: maker.name }).getByTestId('attendee-add');
    await add.waitFor();
    await snap(page, 'session-picker-fr');
    await add.click();
    await page.locator('[data-testid=attendee]', { hasText: maker.name }).waitFor();
    await page.getByTestId('attendee-new').click();
    await signUp(page, newcomer, 'general_public', 5);
    const zoe = page.locator('[data-testid=attendee]', { hasText: newcomer.name });
    await zoe.waitFor();
    await page.getByTestId('picker-close').click();
    const hugo = page.locator('[data-testid=attendee]', { hasText: maker.name });
    assert.equal(await hugo.getByTestId('attendee-quiz').getAttribute('data-passed'), 'true', 'the quiz passed alone counts');
    assert.equal(await zoe.getByTestId('attendee-quiz').getAttribute('data-passed'), 'none');
    assert.ok(await zoe.getByTestId('signoff-pass').isDisabled(), 'no sign-off before the quiz');

    // The kiosk handed over to the newcomer for the quiz, their name in big first.
    await zoe.getByTestId('attendee-quiz-run').click();
    assert.equal(await page.getByTestId('handover-name').textContent(), newcomer.name);
    await shot(page, 'session-handover-fr');
    await page.getByTestId('handover-start').click();
    await answerQuiz(page, 'session');
    assert.equal(await page.getByTestId('quiz-result').getAttribute('data-passed'), 'true');
    await shot(page, 'session-handover-result-fr');
    await page.getByTestId('handover-back').click();
    await page.locator('[data-testid=attendee][data-signed-off=null]', { hasText: newcomer.name }).getByTestId('signoff-pass').waitFor();

    // Practical sign-off: Hugo passes, Zoé will come back.
    await hugo.getByTestId('signoff-pass').click();
    await page.locator('[data-testid=attendee][data-signed-off=true]', { hasText: maker.name }).waitFor();
    await zoe.getByTestId('signoff-notyet').click();
    await page.locator('[data-testid=attendee][data-signed-off=false]', { hasText: newcomer.name }).waitFor();
    assert.match(await textOf(hugo), /Habilité·e jusqu'au/);
    await snap(page, 'session-signoffs-fr');

    await page.getByTestId('session-end').click();
    await page.getByTestId('session-end-dialog').waitFor();
    assert.match(await textOf(page.getByTestId('session-end-dialog')), /1 personne\(s\) validée\(s\), 1 pas encore/);
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('session-documents').waitFor();
    assert.equal(await page.locator('[data-testid=session-document][data-kind=report]').count(), 1);
    const attestation = page.locator('[data-testid=session-document][data-kind=attestation]');
    assert.equal(await attestation.count(), 1, 'one attestation: the one certified attendee');
    const [download] = await Promise.all([page.waitForEvent('download'), attestation.getByTestId('document-download').click()]);
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(download.suggestedFilename(), /\.pdf$/);
    await snap(page, 'session-documents-fr');
    await page.getByTestId('lang-en').click();
    await snap(page, 'session-documents-en');
    await page.getByTestId('lang-fr').click();
    await signOut(page);
    assert.deepEqual(problems, []);
  });

  test('once signed off, the member queues a laser job', { timeout: 40_000 }, async () => {
    await signIn(page, maker);
    await page.getByTestId('nav-account').click();
    const cert = page.locator('[data-testid=certification][data-module=laser]');
    await cert.waitFor();
    assert.equal(await cert.getAttribute('data-status'), 'valid');
    assert.match(await textOf(cert), /Habilité·e jusqu'au/);
    await cert.getByTestId('attestation-download').waitFor();
    await snap(page, 'account-certified-fr');

    await sendLaserJob(page);
    const detail = page.locator('[data-testid=board-detail][data-code=laser-co2]');
    await detail.waitFor();
    // On the laser's board, waiting to be started at the machine.
    await detail.getByTestId('queue-item').waitFor();
    const job = backend.store.db.prepare("SELECT state FROM jobs j JOIN members m ON m.id = j.member_id WHERE m.display_name = ?").get(maker.name) as
      | { state: string }
      | undefined;
    assert.equal(job?.state, 'queued');
    await snap(page, 'board-laser-queued-fr', { selector: '[data-testid=queue]' });
    await signOut(page);
    assert.deepEqual(problems, []);
  });

  test('a member whose laser certification expired is refused, with the date', { timeout: 40_000 }, async () => {
    await signIn(page, karim);
    await sendLaserJob(page);
    const error = page.getByTestId('gcode-send-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-code'), 'not_certified');
    assert.match(await textOf(error), /Votre habilitation « Découpe laser » a expiré le \d{1,2} \p{L}+ \d{4} : refaites la formation sécurité pour la renouveler\./u);
    await snap(page, 'jobs-refused-expired-fr', { selector: '[data-testid=gcode-send-error]' });
    await page.getByTestId('lang-en').click();
    assert.match(await textOf(error), /Your "Laser cutting" certification expired on/);
    await snap(page, 'jobs-refused-expired-en', { selector: '[data-testid=gcode-send-error]' });
    await page.getByTestId('lang-fr').click();

    await page.getByTestId('nav-training').click();
    await page.locator('[data-testid=module-card][data-code=laser] [data-testid=module-status][data-status=expired]').waitFor();
    const jobs = backend.store.db.prepare("SELECT COUNT(*) AS n FROM jobs j JOIN members m ON m.id = j.member_id WHERE m.display_name = ?").get(karim.name) as { n: number };
    assert.equal(jobs.n, 0, 'nothing queued');
    await signOut(page);
    assert.deepEqual(problems, []);
  });
});
