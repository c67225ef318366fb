// The funders' report on the manager's screen, in Debian's Chromium through the web host: a month of
// activity (a sale on account, a hand-logged thermoformer use, a coworking check-in, a payment, a
// counter sale to a visitor, a training session), the report for this month whose every total equals
// what `reports.usage` says, the charts by public, machine and month, the CSV and PDF downloads, a
// custom period with nothing in it and one typed backwards, and the screen in English.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { MachineSummary, MemberSummary, TrainingSessionView, UsageReport } from '../../electron/api/types';
import { assertBuilt, launchChromium, signIn, textOf } from '../support/browser';
import { demo } from '../support/temp-backend';
import { apiAs, look, openKiosk, waitAttr, type LedgerKiosk } from './ledger-support';

let browser: Browser;
before(async () => {
  assertBuilt();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

const totalKeys = [
  'uniqueMembers',
  'newMembers',
  'visits',
  'coworkingDays',
  'machineTimeS',
  'jobs',
  'manualUses',
  'trainingSessions',
  'trainingS',
  'traineeS',
  'membersCertified',
  'certifications',
  'revenueCents',
  'paymentsCents',
] as const;

describe("the funders' report", () => {
  let k: LedgerKiosk;
  let manager: Awaited<ReturnType<typeof apiAs>>;

  before(async () => {
    k = await openKiosk(browser);
    manager = await apiAs(k.backend, demo.manager);
    const lea = await apiAs(k.backend, demo.member);
    const karim = await apiAs(k.backend, demo.karim);
    const trainer = await apiAs(k.backend, demo.trainer);
    const machines = await lea.ok<MachineSummary[]>('machines.list');
    const thermo = machines.find((m) => m.code === 'thermoformer')!;
    await lea.ok('shop.sell', { lines: [{ productId: 'plywood-3', quantity: 2 }], paymentMethod: 'account' });
    await lea.ok('ledger.logManual', { machineId: thermo.id, minutes: 45, materialId: 'thermo-petg-05', quantity: 1 });
    await karim.ok('visits.checkIn', { purpose: 'coworking' });
    const leaId = (await manager.ok<MemberSummary[]>('members.list', { query: 'Léa' }))[0]!.id;
    const karimId = (await manager.ok<MemberSummary[]>('members.list', { query: 'Karim' }))[0]!.id;
    await manager.ok('ledger.recordPayment', { memberId: leaId, amountCents: 500, method: 'cash' });
    await manager.ok('shop.sell', { visitorLabel: 'Visiteur', lines: [{ productId: 'pla-175', quantity: 250 }], paymentMethod: 'card' });
    const session = await trainer.ok<TrainingSessionView>('sessions.start', { moduleCode: 'laser' });
    await trainer.ok('sessions.addAttendee', { sessionId: session.id, memberId: karimId });
    await trainer.ok('sessions.end', { sessionId: session.id });
  });
  after(async () => {
    await k?.close();
  });

  test('the totals on screen are the back end’s, for the period picked', { timeout: 40_000 }, async () => {
    const { page } = k;
    await page.getByTestId('screen-welcome').waitFor();
    await signIn(page, demo.manager);
    await page.getByTestId('nav-manage').click();
    await page.getByTestId('manage-tab-reports').click();
    await page.getByTestId('reports-panel').waitFor();
    await page.getByTestId('report-period-thisMonth').click();
    const readout = page.getByTestId('report-period-readout');
    const from = (await readout.getAttribute('data-from'))!;
    const to = (await readout.getAttribute('data-to'))!;
    assert.match(from, /^\d{4}-\d{2}-01$/);
    await waitAttr(page, '[data-testid=report-totals]', 'data-testid', (v) => v !== null);
    const api = await manager.ok<UsageReport>('reports.usage', { from, to });
    await waitAttr(page, '[data-testid=report-total-revenueCents]', 'data-value', (v) => v === String(api.totals.revenueCents));
    for (const key of totalKeys) {
      assert.equal(await page.getByTestId(`report-total-${key}`).getAttribute('data-value'), String(api.totals[key]), key);
    }
    // The scene set above, as the funders will read it.
    assert.equal(api.totals.revenueCents, 900 + 250 + 625);
    assert.equal(api.totals.paymentsCents, 500 + 625);
    assert.equal(api.totals.machineTimeS, 45 * 60);
    assert.equal(api.totals.manualUses, 1);
    assert.equal(api.totals.trainingSessions, 1);
    assert.match(await textOf(page.getByTestId('report-total-revenueCents')), /17,75 €/);
    assert.match(await textOf(page.getByTestId('report-total-machineTimeS')), /0,8 h/);
    await look(page, 'reports-totals-fr', { selector: '[data-testid=report-totals]' });
  });

  test('the charts: by public, by machine, by month, revenue by kind', { timeout: 30_000 }, async () => {
    const { page } = k;
    const from = (await page.getByTestId('report-period-readout').getAttribute('data-from'))!;
    const to = (await page.getByTestId('report-period-readout').getAttribute('data-to'))!;
    const api = await manager.ok<UsageReport>('reports.usage', { from, to });

    const category = page.getByTestId('chart-category');
    assert.equal(await category.getByTestId('bar-row').count(), api.byCategory.length);
    await page.getByTestId('category-measure-revenueCents').click();
    for (const c of api.byCategory) {
      const key = c.category ?? 'visitors';
      assert.equal(await category.locator(`[data-testid=bar-row][data-key="${key}"]`).getAttribute('data-value'), String(c.revenueCents), key);
    }
    // A bar is drawn for the pupils' revenue, none for the publics who spent nothing.
    const width = (key: string) => category.locator(`[data-testid=bar-row][data-key="${key}"] rect.bar-fill`).getAttribute('width');
    assert.ok(Number(await width('pupil_student')) > 0);
    assert.equal(Number(await width('artist')), 0);

    const machine = page.getByTestId('chart-machine');
    assert.equal(await machine.locator('[data-testid=bar-row][data-key=thermoformer]').getAttribute('data-value'), String(0.75), 'hours');
    assert.equal(await machine.getByTestId('bar-row').first().getAttribute('data-key'), 'thermoformer', 'the busiest machine first');
    assert.match(await textOf(machine.locator('[data-testid=bar-row][data-key=thermoformer]')), /1 utilisation notée/);

    const month = page.getByTestId('chart-month');
    assert.equal(await month.getByTestId('bar-row').count(), api.byMonth.length);
    assert.equal(await page.getByTestId('chart-revenue').getAttribute('data-empty'), 'false');
    assert.equal(await page.locator('[data-testid=report-material][data-code=plywood-3]').count(), 1);
    await look(page, 'reports-charts-fr', { selector: '[data-testid=report-by-category]' });
    await look(page, 'reports-charts-2-fr', { selector: '[data-testid=report-revenue]' });
  });

  test('the CSV and the PDF are downloaded as the back end makes them', { timeout: 40_000 }, async () => {
    const { page } = k;
    const from = (await page.getByTestId('report-period-readout').getAttribute('data-from'))!;
    const to = (await page.getByTestId('report-period-readout').getAttribute('data-to'))!;
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    assert.equal(csv.suggestedFilename(), `rapport-activite-${from}-${to}.csv`);
    const text = readFileSync(await csv.path(), 'utf8');
    const first = text.split('\r\n')[0];
    assert.equal(first, "\uFEFFRapport d'activité;La Fabrique du Causse;Gramat (Lot)");
    assert.match(text, /Période;\d{2}\/\d{2}\/\d{4};\d{2}\/\d{2}\/\d{4}/);

    const [entries] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-entries').click()]);
    const rows = readFileSync(await entries.path(), 'utf8').split('\r\n').filter(Boolean);
    assert.ok(rows.length >= 8, `${rows.length} lines: a header and one per entry`);
    assert.match(rows[0]!, /;/);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  test('a custom period: checked before it is sent; one with nothing in it says so', { timeout: 30_000 }, async () => {
    const { page } = k;
    await page.getByTestId('report-period-custom').click();
    await page.getByTestId('report-period-from').fill('2025-02-10');
    await page.getByTestId('report-period-to').fill('2025-02-01');
    assert.equal(await page.locator('[data-testid=report-period] .form-error').getAttribute('data-problem'), 'reversed');
    assert.equal(await page.getByTestId('report-period-apply').isDisabled(), true);
    await page.getByTestId('report-period-to').fill('2025-02-28');
    await page.getByTestId('report-period-apply').click();
    await waitAttr(page, '[data-testid=report-period-readout]', 'data-from', (v) => v === '2025-02-10');
    await waitAttr(page, '[data-testid=report-total-revenueCents]', 'data-value', (v) => v === '0');
    assert.equal(await page.getByTestId('chart-machine').getAttribute('data-empty'), 'true');
    assert.match(await textOf(page.getByTestId('chart-machine')), /Rien sur cette période/);
    await look(page, 'reports-empty-fr', { selector: '[data-testid=report-totals]' });
  });

  test('the report in English', { timeout: 30_000 }, async () => {
    const { page, problems } = k;
    await page.getByTestId('report-period-thisMonth').click();
    await page.getByTestId('lang-en').click();
    await waitAttr(page, '[data-testid=report-total-revenueCents]', 'data-value', (v) => v !== '0');
    assert.match(await textOf(page.getByTestId('report-total-revenueCents')), /Revenue.*€17\.75/i);
    assert.match(await textOf(page.getByTestId('report-by-category')), /By public/);
    await look(page, 'reports-en');
    await look(page, 'reports-charts-en', { selector: '[data-testid=report-by-category]' });
    await page.getByTestId('lang-fr').click();
    assert.deepEqual(problems, []);
  });
});
