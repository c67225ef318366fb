// The machine board and the job flow, in Debian's Chromium, through the web host, on the built
// renderer, with simulated firmware behind pseudo-terminals: a member checks a PrusaSlicer print for
// the Prusa, sends it, starts it at the machine, follows it (progress, layers, temperatures, the job
// in 3D), pauses and resumes it; a visitor's emergency stop stops it; the member finds it in their
// jobs and queues the rest of it; a trainer gets the jog pad on the laser, a member does not.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host/server';
import { assertBuilt, launchChromium, rendererDir, shot, watchConsole } from '../support/browser';
import { fixture } from '../support/fixtures';
import { plugGrbl, plugMarlin, type PluggedMachine } from '../support/machines';
import { demo, tempBackend, type TempBackend } from '../support/temp-backend';
import type { GrblSimulator } from '../peers/grbl/simulator';
import type { MarlinSimulator } from '../peers/marlin/simulator';

const printFile = fixture('gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode');

/** A 50 mm square cut twenty times over: long enough to watch the laser's head go round. */
function laserSquares(): Buffer {
  const lines = ['; twenty passes round a square', 'G21', 'G90', 'M4 S0', 'G0 X20 Y20'];
  for (let i = 0; i < 20; i++) lines.push('G1 X70 Y20 S800 F1500', 'G1 X70 Y70', 'G1 X20 Y70', 'G1 X20 Y20');
  lines.push('M5', 'G0 X0 Y0', '');
  return Buffer.from(lines.join('\n'));
}

/** Text with Intl's no-break spaces as plain ones. */
const text = async (l: Locator) => (await l.innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function signIn(page: Page, who: { name: string; pin: string }): Promise<void> {
  await page.getByTestId('nav-signin').click();
  await page.getByTestId('signin-name').fill(who.name);
  for (const d of who.pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('session-member').waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('nav-signout').click();
  await page.getByTestId('nav-signin').waitFor();
}

async function openBoard(page: Page, code: string): Promise<Locator> {
  await page.getByTestId('nav-machines').click();
  await page.locator(`[data-testid=machine-tile][data-code=${code}] [data-testid=tile-open]`).click();
  const detail = page.locator(`[data-testid=board-detail][data-code=${code}]`);
  await detail.waitFor();
  return detail;
}

interface Scrollable {
  scrollTop: number;
  getBoundingClientRect(): { top: number };
  scrollTo(options: { top: number; behavior: 'instant' }): void;
}

/**
 * A screenshot to look at: the passing notice closed, the screen scrolled to its top, or so that
 * `panel` sits just under the board's sticky head.
 */
async function snap(page: Page, name: string, panel?: string): Promise<void> {
  const notice = page.getByTestId('notice');
  if (await notice.count()) await notice.getByRole('button').click();
  await page.evaluate((sel) => {
    const d = (globalThis as unknown as { document: { querySelector(s: string): Scrollable | null } }).document;
    const main = d.querySelector('#main');
    const el = sel ? d.querySelector(sel) : null;
    if (!main) return;
    // Instant: the screen scrolls smoothly for people, which a screenshot would catch halfway.
    main.scrollTo({ top: el ? main.scrollTop + el.getBoundingClientRect().top - main.getBoundingClientRect().top - 130 : 0, behavior: 'instant' });
  }, panel ?? null);
  await page.waitForTimeout(150);
  await shot(page, name);
}

async function fraction(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid=job-panel] [data-testid=job-progress]').getAttribute('data-fraction'));
}

let browser: Browser;
before(async () => {
  assertBuilt();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

describe('the machine board', () => {
  let backend: TempBackend;
  let host: RunningHost;
  let page: Page;
  let problems: string[];
  let prusa: PluggedMachine<MarlinSimulator>;
  let laser: PluggedMachine<GrblSimulator>;

  before(async () => {
    backend = await tempBackend({
      idleTimeoutS: 600,
      machines: { checkpointMs: 100, liveEveryMs: 100, driverOptions: { pollMs: 250 } },
    });
    // Heating and printing twenty times faster than life: a 13-minute print moves within seconds.
    prusa = await plugMarlin(backend, 'prusa-mk4', { speed: 20 });
    laser = await plugGrbl(backend, 'laser-co2', { timeScale: 10 });
    host = await startHost({ backend, staticDir: rendererDir, port: 0 });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    problems = watchConsole(page);
    await page.goto(host.url);
  });
  after(async () => {
    await page?.close();
    await host?.close();
    await prusa?.unplug();
    await laser?.unplug();
    await backend?.dispose();
  });

  test('a visitor sees every connected machine, its state in big, and an emergency stop on each', { timeout: 20_000 }, async () => {
    await page.getByTestId('nav-machines').click();
    const tile = (code: string) => page.locator(`[data-testid=machine-tile][data-code=${code}]`);
    await tile('prusa-mk4').and(page.locator('[data-status=idle]')).waitFor();
    await tile('laser-co2').and(page.locator('[data-status=idle]')).waitFor();
    assert.equal(await tile('ender-3').getAttribute('data-status'), 'offline');
    assert.match(await text(tile('prusa-mk4')), /Prête/);
    assert.match(await text(tile('prusa-mk4')), /Marlin 2\.1/);
    assert.equal(await tile('prusa-mk4').getByTestId('estop').count(), 1);
    assert.equal(await tile('laser-co2').getByTestId('estop').count(), 1);
    assert.equal(await tile('ender-3').getByTestId('estop').count(), 0, 'nothing to stop on an offline machine');
    // The machines whose use is noted by hand are still listed.
    assert.ok((await page.getByTestId('machine-row').count()) >= 4);
    await snap(page, 'board-idle-fr');
    await page.getByTestId('lang-en').click();
    assert.match(await text(tile('prusa-mk4')), /Ready/);
    await snap(page, 'board-idle-en');
    await page.getByTestId('lang-fr').click();
    assert.deepEqual(problems, []);
  });

  test('a member checks a print for the Prusa, sends it, and starts it at the machine', { timeout: 30_000 }, async () => {
    await signIn(page, demo.member);
    await page.getByTestId('nav-jobs').click();
    await page.locator('[data-testid=gcode-machine][data-code=prusa-mk4]').click();
    await page.locator('[data-testid=gcode-material][data-code=pla-175]').click();
    await page.getByTestId('gcode-file-input').setInputFiles(printFile);
    await page.locator('[data-testid=gcode-verdict][data-errors="0"]').waitFor({ timeout: 30_000 });
    const send = page.getByTestId('gcode-send');
    assert.match(await text(send), /Envoyer à la machine/);
    await send.click();

    // The board opens on the Prusa, the job first in its queue.
    const detail = page.locator('[data-testid=board-detail][data-code=prusa-mk4]');
    await detail.waitFor();
    const item = detail.getByTestId('queue-item');
    await item.waitFor();
    assert.match(await text(item), /changing_angle\.gcode/);
    assert.match(await text(item), /Léa Dubois/);
    // The next job in 3D, before it starts.
    await detail.getByTestId('board-preview-ready').waitFor({ state: 'attached', timeout: 30_000 });

    // Start asks for the two checks at the machine first.
    await detail.getByTestId('job-start').click();
    const dialog = page.getByTestId('start-dialog');
    await dialog.waitFor();
    assert.match(await text(dialog), /Le plateau est vide et propre/);
    const confirm = dialog.getByTestId('dialog-confirm');
    assert.ok(await confirm.isDisabled(), 'not before both boxes are ticked');
    await dialog.getByTestId('start-check-clear').click();
    assert.ok(await confirm.isDisabled());
    await dialog.getByTestId('start-check-material').click();
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await detail.locator('[data-testid=job-panel] [data-testid=job-progress][data-state=running]').waitFor();
    assert.equal(await detail.getByTestId('queue-item').count(), 0);
    assert.match(await text(detail.getByTestId('job-member')), /Léa Dubois/);
    assert.deepEqual(problems, []);
  });

  test('the running print: progress advances, the temperature plot fills, the part grows in 3D', { timeout: 40_000 }, async () => {
    const detail = page.locator('[data-testid=board-detail][data-code=prusa-mk4]');
    assert.equal(await detail.getAttribute('data-status'), 'running');
    // Heating first (M190, M109), the start G-code, then the layers.
    await page.waitForFunction(() => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector(
        '[data-testid=job-panel] [data-testid=job-progress]',
      );
      return Number(el?.getAttribute('data-layer')) >= 2;
    }, undefined, { timeout: 30_000 });
    const first = await fraction(page);
    await page.waitForFunction(
      (f) => {
        const el = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector(
          '[data-testid=job-panel] [data-testid=job-progress]',
        );
        return Number(el?.getAttribute('data-fraction')) > f;
      },
      first,
      { timeout: 10_000 },
    );
    assert.match(await text(detail.getByTestId('job-percent')), /^\d+ %$/);
    assert.match(await text(detail.getByTestId('job-layer')), /^\d+ \/ 75$/);

    const plot = detail.getByTestId('temp-plot');
    assert.ok(Number(await plot.getAttribute('data-samples')) >= 2, 'samples in the plot');
    assert.ok((await plot.locator('path.plot-line.plot-tool').getAttribute('d'))!.length > 10);
    const nozzle = Number(await detail.getByTestId('temp-tool').getAttribute('data-actual'));
    assert.ok(nozzle > 150, `nozzle at ${nozzle} °C`);

    const ready = detail.getByTestId('board-preview-ready');
    await page.waitForFunction(() => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector(
        '[data-testid=board-preview-ready]',
      );
      return Number(el?.getAttribute('data-done')) > 0;
    });
    assert.ok(Number(await ready.getAttribute('data-done')) < Number(await ready.getAttribute('data-segments')));
    assert.equal(await detail.getByTestId('trainer-tools').count(), 0, 'no trainer tools for a member');
    await snap(page, 'board-running-fr');
    await snap(page, 'board-temperatures-fr', '[data-testid=temperatures]');
    await snap(page, 'board-messages-fr', '[data-testid=messages]');
    // The kiosk's own screen.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await snap(page, 'board-running-fr-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(problems, []);
  });

  test('the maker pauses and resumes; English reads the same', { timeout: 30_000 }, async () => {
    const detail = page.locator('[data-testid=board-detail][data-code=prusa-mk4]');
    await detail.getByTestId('job-pause').click();
    await detail.locator('[data-testid=job-panel] [data-testid=job-progress][data-state=paused]').waitFor({ timeout: 15_000 });
    await detail.locator('[data-testid=board-status][data-status=paused]').waitFor({ timeout: 15_000 });
    // The last lines already in the printer's buffer may still report; then nothing more.
    await page.waitForTimeout(300);
    const held = await fraction(page);
    await snap(page, 'board-paused-fr');
    await page.waitForTimeout(600);
    assert.equal(await fraction(page), held, 'nothing runs while paused');

    await page.getByTestId('lang-en').click();
    assert.match(await text(detail.getByTestId('board-status')), /Paused/);
    await snap(page, 'board-paused-en');
    await detail.getByTestId('job-resume').click();
    await detail.locator('[data-testid=job-panel] [data-testid=job-progress][data-state=running]').waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      (f) => {
        const el = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector(
          '[data-testid=job-panel] [data-testid=job-progress]',
        );
        return Number(el?.getAttribute('data-fraction')) > f;
      },
      held,
      { timeout: 10_000 },
    );
    assert.match(await text(detail.getByTestId('board-status')), /Running/);
    await snap(page, 'board-running-en');
    await page.getByTestId('lang-fr').click();
    assert.deepEqual(problems, []);
  });

  test("a visitor's emergency stop halts the print with one touch", { timeout: 20_000 }, async () => {
    await signOut(page);
    await page.getByTestId('nav-machines').click();
    const tile = page.locator('[data-testid=machine-tile][data-code=prusa-mk4]');
    await tile.and(page.locator('[data-status=running]')).waitFor();
    await tile.getByTestId('job-progress').waitFor();
    await snap(page, 'board-tiles-running-fr');
    // One touch, no question asked.
    await tile.getByTestId('estop').click();
    await tile.and(page.locator('[data-status=error]')).waitFor({ timeout: 10_000 });
    const detail = await openBoard(page, 'prusa-mk4');
    await detail.getByTestId('job-none').waitFor({ timeout: 10_000 });
    const note = detail.getByTestId('state-note');
    await note.waitFor();
    assert.match(await text(note), /erreur/i);
    const codes = await detail.getByTestId('machine-message').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    assert.ok(codes.includes('marlin.emergency_stop'), codes.join(', '));
    assert.ok(
      codes.every((c, i) => i === 0 || c !== codes[i - 1]),
      `a run of one message shows once: ${codes.join(', ')}`,
    );
    // In words, not codes: the Marlin texts say what the halt means.
    assert.match(await text(detail.locator('[data-testid=machine-message][data-code="marlin.error.halted"]')), /redémarrage/);
    await snap(page, 'board-alarm-fr');
    await page.getByTestId('lang-en').click();
    assert.match(await text(detail.getByTestId('board-status')), /Error/);
    await snap(page, 'board-alarm-en');
    await page.getByTestId('lang-fr').click();
    assert.deepEqual(problems, []);
  });

  test('the member finds the stopped print in their jobs and queues it again', { timeout: 20_000 }, async () => {
    await signIn(page, demo.member);
    await page.getByTestId('nav-account').click();
    const card = page.locator('[data-testid=job-card][data-reason=emergency_stop]').first();
    await card.waitFor();
    assert.match(await text(card), /Arrêt d'urgence/);
    assert.match(await text(card.getByTestId('job-consumption')), /du fichier/);
    // Halted by an emergency stop: nothing to carry on, only to start again.
    assert.equal(await card.getByTestId('job-resume-line').count(), 0);
    await snap(page, 'account-jobs-fr', '[data-testid=account-jobs]');
    await card.getByTestId('job-restart').click();
    const dialog = page.getByTestId('restart-dialog');
    assert.match(await text(dialog), /Retirez d'abord la pièce commencée/);
    await dialog.getByTestId('dialog-confirm').click();
    const detail = page.locator('[data-testid=board-detail][data-code=prusa-mk4]');
    await detail.waitFor();
    await detail.getByTestId('queue-item').waitFor();
    assert.match(await text(detail.getByTestId('queue-item')), /changing_angle\.gcode/);
    assert.deepEqual(problems, []);
  });

  test('after a reset the print starts again; a pulled cable leaves it to resume at its line', { timeout: 40_000 }, async () => {
    const detail = page.locator('[data-testid=board-detail][data-code=prusa-mk4]');
    // Marlin halted by M112 listens to nothing but its reset button.
    prusa.sim.reset();
    await detail.locator('[data-testid=board-status][data-status=idle]').waitFor({ timeout: 15_000 });
    await detail.getByTestId('job-start').click();
    const start = page.getByTestId('start-dialog');
    await start.getByTestId('start-check-clear').click();
    await start.getByTestId('start-check-material').click();
    await start.getByTestId('dialog-confirm').click();
    await page.waitForFunction(() => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector(
        '[data-testid=job-panel] [data-testid=job-progress]',
      );
      return Number(el?.getAttribute('data-layer')) >= 3;
    }, undefined, { timeout: 20_000 });

    // The USB cable comes out mid-print.
    await prusa.unplug();
    await detail.locator('[data-testid=board-status][data-status=offline]').waitFor({ timeout: 10_000 });
    await detail.getByTestId('job-none').waitFor({ timeout: 10_000 });
    assert.match(await text(detail.getByTestId('state-note')), /ne répond pas/);
    assert.ok((await detail.locator('[data-testid=machine-message][data-code="link.lost"]').count()) >= 1);
    await snap(page, 'board-interrupted-fr');

    await page.getByTestId('nav-account').click();
    const card = page.locator('[data-testid=job-card][data-state=interrupted]').first();
    await card.waitFor();
    assert.equal(await card.getAttribute('data-reason'), 'link_lost');
    const resume = card.getByTestId('job-resume-line');
    const label = await text(resume);
    assert.match(label, /^Reprendre à la ligne \d/);
    await snap(page, 'account-interrupted-fr', '[data-testid=account-jobs]');
    await resume.click();
    const dialog = page.getByTestId('resume-dialog');
    assert.match(await text(dialog), /ne la touchez pas/);
    assert.ok(await dialog.getByTestId('dialog-confirm').isDisabled(), 'not before saying nobody touched it');
    await snap(page, 'resume-dialog-fr');
    await dialog.getByTestId('resume-untouched').click();
    await dialog.getByTestId('dialog-confirm').click();
    const item = detail.getByTestId('queue-item');
    await item.waitFor();
    assert.match(await text(item), new RegExp(`reprend à la ligne ${label.replace(/^\D+/, '')}`));
    await signOut(page);
    assert.deepEqual(problems, []);
  });

  test('a trainer gets the jog pad on the laser and moves it; a member does not', { timeout: 20_000 }, async () => {
    await signIn(page, demo.member);
    let detail = await openBoard(page, 'laser-co2');
    assert.equal(await detail.getByTestId('jog-pad').count(), 0);
    await signOut(page);

    await signIn(page, demo.trainer);
    detail = await openBoard(page, 'laser-co2');
    await detail.getByTestId('jog-pad').waitFor();
    const x0 = laser.sim.position[0];
    await detail.getByTestId('jog-step-10').click();
    await detail.getByTestId('jog-xplus').click();
    const deadline = Date.now() + 5000;
    while (laser.sim.position[0] < x0 + 9.99 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(laser.sim.position[0] >= x0 + 9.99, `the head moved 10 mm (${x0} → ${laser.sim.position[0]})`);
    await detail.getByTestId('position').waitFor();
    await snap(page, 'board-trainer-laser-fr', '[data-testid=motion]');
    assert.deepEqual(problems, []);
  });

  test('the trainer runs a laser job: the head on the 3D view, an emergency stop, the alarm cleared', { timeout: 30_000 }, async () => {
    await page.getByTestId('nav-jobs').click();
    await page.locator('[data-testid=gcode-machine][data-code=laser-co2]').click();
    await page.getByTestId('gcode-file-input').setInputFiles({ name: 'carres.nc', mimeType: 'text/plain', buffer: laserSquares() });
    await page.locator('[data-testid=gcode-verdict][data-errors="0"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('gcode-send').click();
    const detail = page.locator('[data-testid=board-detail][data-code=laser-co2]');
    await detail.getByTestId('job-start').click();
    const dialog = page.getByTestId('start-dialog');
    assert.match(await text(dialog), /Le matériau est en place/);
    await dialog.getByTestId('start-check-clear').click();
    await dialog.getByTestId('start-check-material').click();
    await dialog.getByTestId('dialog-confirm').click();
    await detail.locator('[data-testid=board-detail][data-status=running], [data-testid=job-progress][data-state=running]').first().waitFor();
    await page.waitForFunction(() => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector(
        '[data-testid=board-preview-ready]',
      );
      return Number(el?.getAttribute('data-done')) > 0 && el?.getAttribute('data-head') === 'yes';
    }, undefined, { timeout: 15_000 });
    // The jog pad waits while a job runs.
    assert.ok(await detail.getByTestId('jog-xplus').isDisabled());
    await snap(page, 'board-running-laser-fr');

    await detail.getByTestId('estop').click();
    await detail.locator('[data-testid=board-status][data-status=alarm]').waitFor({ timeout: 10_000 });
    await detail.getByTestId('job-none').waitFor({ timeout: 10_000 });
    const unlock = detail.getByTestId('machine-unlock');
    await unlock.waitFor();
    await snap(page, 'board-alarm-laser-fr');
    await unlock.click();
    await detail.locator('[data-testid=board-status][data-status=idle]').waitFor({ timeout: 10_000 });
    assert.deepEqual(problems, []);
  });
});
