// The fabmanager at the kiosk, in Debian's Chromium through the web host: sees the low-stock alert at the
// top of the manager's screen and restocks; records a member's payment at the desk and corrects a sale
// (with its reason); schedules a new price and reads its history; issues an invoice and downloads its
// PDF; sells to a visitor at the counter, paid in cash.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { LedgerPage, MemberSummary, PricingGrid, StockLevel } from '../../electron/api/types';
import { assertBuilt, launchChromium, signIn, signOut, textOf, typeOnKeyboard } from '../support/browser';
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

describe('the manager: stock, accounts, prices, invoices, counter', () => {
  let k: LedgerKiosk;
  let manager: Awaited<ReturnType<typeof apiAs>>;
  let leaId: string;
  const leaBalance = async () => (await manager.ok<LedgerPage>('ledger.list', { memberId: leaId, limit: 1 })).balanceCents;

  before(async () => {
    k = await openKiosk(browser);
    manager = await apiAs(k.backend, demo.manager);
    const lea = await apiAs(k.backend, demo.member);
    // Léa took two sheets of plywood on account; the acrylic shelf is counted at 3 sheets (alert at 4).
    await lea.ok('shop.sell', { lines: [{ productId: 'plywood-3', quantity: 2 }], paymentMethod: 'account' });
    await manager.ok<StockLevel>('stock.adjust', { productId: 'acrylic-3', countedQuantity: 3, reason: 'inventaire du lundi' });
    leaId = (await manager.ok<MemberSummary[]>('members.list', { query: 'Léa' }))[0]!.id;
  });
  after(async () => {
    await k?.close();
  });

  test('the low-stock alert is at the top of the manager screen; a restock clears it', { timeout: 40_000 }, async () => {
    const { page } = k;
    await page.getByTestId('screen-welcome').waitFor();
    await signIn(page, demo.manager);
    await page.getByTestId('nav-manage').click();
    const alert = page.getByTestId('low-stock-alert');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('data-count'), '1');
    assert.match(await textOf(alert), /Acrylique \(PMMA\) 3 mm.*3 plaques/);
    await look(page, 'ledger-manage-alert-fr');

    await page.getByTestId('low-stock-open').click();
    const row = page.locator('[data-testid=stock-row][data-code=acrylic-3]');
    await row.waitFor();
    assert.equal(await row.getAttribute('data-low'), 'true');
    assert.equal(await page.locator('[data-testid=stock-row]').first().getAttribute('data-code'), 'acrylic-3', 'low products come first');
    await look(page, 'ledger-stock-fr');

    await row.getByTestId('stock-restock').click();
    const dialog = page.getByTestId('stock-restock-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('stock-quantity-key-1').click();
    await dialog.getByTestId('stock-quantity-key-0').click();
    assert.equal(await textOf(dialog.getByTestId('stock-quantity-value')), '10 plaques');
    await dialog.getByTestId('stock-with-cost').click();
    for (const key of ['1', '2', '0']) await dialog.getByTestId(`stock-cost-key-${key}`).click();
    await look(page, 'ledger-stock-restock-fr');
    await dialog.getByTestId('dialog-confirm').click();
    await waitAttr(page, '[data-testid=stock-row][data-code=acrylic-3]', 'data-level', (v) => v === '13');
    assert.equal(await row.getAttribute('data-low'), 'false');
    await page.getByTestId('low-stock-alert').waitFor({ state: 'detached' });

    await row.getByTestId('stock-history').click();
    const moves = page.getByTestId('stock-movement');
    await moves.first().waitFor();
    assert.deepEqual(await moves.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))), ['restock', 'inventory', 'initial']);
    await look(page, 'ledger-stock-history-fr', { selector: '[data-testid=stock-movements]' });
    const level = (await manager.ok<StockLevel[]>('stock.list', { lowOnly: false })).find((s) => s.productId === 'acrylic-3');
    assert.equal(level?.level, 13);

    // An inventory: 36 sheets of plywood counted on the shelf where the kiosk thought 38.
    const plywood = page.locator('[data-testid=stock-row][data-code=plywood-3]');
    await plywood.getByTestId('stock-adjust').click();
    const count = page.getByTestId('stock-adjust-dialog');
    await count.waitFor();
    assert.equal(await textOf(count.getByTestId('stock-quantity-value')), '38 plaques');
    await count.getByTestId('stock-quantity-key-back').click();
    await count.getByTestId('stock-quantity-key-6').click();
    assert.match(await textOf(count.getByTestId('stock-difference')), /−2 plaques/);
    assert.equal(await count.getByTestId('dialog-confirm').isDisabled(), true, 'an inventory needs its reason');
    await typeOnKeyboard(page, 'comptage');
    assert.equal(await count.getByTestId('stock-reason').inputValue(), 'Comptage');
    await look(page, 'ledger-stock-adjust-fr');
    await count.getByTestId('dialog-confirm').click();
    await waitAttr(page, '[data-testid=stock-row][data-code=plywood-3]', 'data-level', (v) => v === '36');
  });

  test('a payment received at the desk settles what the member owed', { timeout: 40_000 }, async () => {
    const { page } = k;
    await page.getByTestId('manage-tab-ledger').click();
    await page.getByTestId('ledger-panel').waitFor();
    await page.locator('[data-testid=ledger-row][data-kind=shop_sale]').first().waitFor();
    await look(page, 'ledger-manage-list-fr', { selector: '[data-testid=ledger-totals]' });

    await page.getByTestId('ledger-record-payment').click();
    const dialog = page.getByTestId('payment-dialog');
    await dialog.waitFor();
    await typeOnKeyboard(page, 'Lé');
    await dialog.locator('[data-testid=payment-member-result][data-name="Léa Dubois"]').click();
    await waitAttr(page, '[data-testid=payment-balance]', 'data-cents', (v) => v === '-900');
    await dialog.getByTestId('payment-settle').click();
    assert.equal(await textOf(dialog.getByTestId('payment-amount-value')), '9 €');
    await dialog.getByTestId('payment-method-cheque').click();
    await look(page, 'ledger-payment-fr');
    await dialog.getByTestId('dialog-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid=ledger-row][data-kind=payment]').first().waitFor();
    assert.match(await textOf(page.locator('[data-testid=ledger-row][data-kind=payment]').first()), /Règlement : Chèque/);
    assert.equal(await leaBalance(), 0);
  });

  test('a use of an unconnected machine is logged for a member from the accounts', { timeout: 40_000 }, async () => {
    const { page } = k;
    await page.getByTestId('ledger-log-use').click();
    const log = page.getByTestId('manual-log');
    await log.waitFor();
    await typeOnKeyboard(page, 'Ka');
    await page.locator('[data-testid=manual-log-member-result][data-name="Karim Haddad"]').click();
    await log.locator('[data-testid=manual-log-machine][data-code=scanner-3d]').click();
    await log.getByTestId('manual-log-submit').click();
    await page.getByTestId('manual-log-done').waitFor();
    const karimId = (await manager.ok<MemberSummary[]>('members.list', { query: 'Karim' }))[0]!.id;
    const logged = await manager.ok<LedgerPage>('ledger.list', { memberId: karimId, source: 'manual' });
    assert.deepEqual(
      logged.entries.map((e) => [e.kind, e.quantity, e.machine?.code]),
      [['machine_time', 30 * 60, 'scanner-3d']],
    );
    await page.getByTestId('ledger-log-use').click();
    await page.getByTestId('manual-log-done').waitFor({ state: 'detached' });
  });

  test('a sale is corrected with its reason: the original stays, the difference is a new entry', { timeout: 40_000 }, async () => {
    const { page } = k;
    const sale = page.locator('[data-testid=ledger-row][data-kind=shop_sale][data-source=shop]').first();
    await sale.getByTestId('ledger-correct').click();
    const dialog = page.getByTestId('correct-dialog');
    await dialog.waitFor();
    assert.equal(await textOf(dialog.getByTestId('correct-current')), '-9 €');
    // One of the two sheets came back: 4,50 € instead of 9 €.
    await dialog.getByTestId('correct-amount-key-back').click();
    for (const key of ['4', 'comma', '5']) await dialog.getByTestId(`correct-amount-key-${key}`).click();
    assert.equal(await textOf(dialog.getByTestId('correct-amount-value')), '4,50 €');
    assert.equal(await dialog.getByTestId('dialog-confirm').isDisabled(), true, 'a reason is required');
    await dialog.getByTestId('correct-reason-returned').click();
    assert.equal(await dialog.getByTestId('correct-reason').inputValue(), 'Matière rendue');
    await look(page, 'ledger-correct-fr');
    await dialog.getByTestId('dialog-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    const correction = page.locator('[data-testid=ledger-row][data-source=correction]').first();
    await correction.waitFor();
    assert.equal(await correction.getAttribute('data-cents'), '450');
    assert.match(await textOf(correction), /Matière rendue/);
    assert.match(await textOf(page.locator('[data-testid=ledger-row][data-kind=shop_sale][data-source=shop]').first()), /Corrigée/);
    // Léa paid 9 € for what is now 4,50 €: she is 4,50 € in advance.
    assert.equal(await leaBalance(), 450);

    // Filtered on Léa: her entries, her balance and her statement.
    await page.getByTestId('ledger-who-member').click();
    await typeOnKeyboard(page, 'Lé');
    await page.locator('[data-testid=ledger-member-result][data-name="Léa Dubois"]').click();
    await waitAttr(page, '[data-testid=ledger-balance]', 'data-cents', (v) => v === '450');
    assert.equal(await page.getByTestId('ledger-count').getAttribute('data-value'), '3');
    await page.locator('#member-statement').waitFor();
    await waitAttr(page, '#member-statement [data-testid=statement-closing]', 'data-cents', (v) => v === '450');
    await look(page, 'ledger-manage-member-fr', { selector: '[data-testid=ledger-totals]' });
  });

  test('a new price from the first of next month, with its history', { timeout: 40_000 }, async () => {
    const { page } = k;
    await page.getByTestId('manage-tab-pricing').click();
    await page.getByTestId('pricing-panel').waitFor();
    await look(page, 'ledger-pricing-fr');
    const plywood = page.locator('[data-testid=pricing-materials] [data-testid=price-row]', { hasText: 'Contreplaqué' });
    assert.match(await textOf(plywood.getByTestId('price-now')), /4,50 € la plaque/);
    await plywood.getByTestId('price-edit').click();
    const dialog = page.getByTestId('price-dialog');
    await dialog.waitFor();
    for (let i = 0; i < 4; i++) await dialog.getByTestId('price-amount-key-back').click();
    await dialog.getByTestId('price-amount-key-5').click();
    await dialog.getByTestId('price-when-nextMonth').click();
    await look(page, 'ledger-pricing-edit-fr');
    await dialog.getByTestId('dialog-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await plywood.getByTestId('price-next').waitFor();
    assert.match(await textOf(plywood.getByTestId('price-next')), /5 € la plaque à partir du 1 janvier 2027/);
    assert.match(await textOf(plywood.getByTestId('price-now')), /4,50 € la plaque/);
    await plywood.getByTestId('price-history-toggle').click();
    const versions = page.getByTestId('price-version');
    await versions.first().waitFor();
    assert.deepEqual(await versions.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), ['scheduled', 'current']);
    assert.match(await textOf(versions.first()), /Camille Martin/);
    await look(page, 'ledger-pricing-history-fr', { selector: '[data-testid=pricing-materials]' });

    const grid = await manager.ok<PricingGrid>('pricing.grid', {});
    assert.equal(grid.scheduled.length, 1);
    assert.equal(grid.scheduled[0]!.priceCents, 500);
    assert.equal(grid.scheduled[0]!.effectiveFrom.slice(0, 10), '2026-12-31', 'midnight in Paris is 23:00 UTC the day before');
    // The discounts by profile: job seekers and pupils have half price on machine time.
    assert.equal(await page.locator('[data-testid=discount-row][data-category=job_seeker] [data-testid=discount-cell][data-scope=machine_time]').getAttribute('data-value'), '50');
  });

  test('an invoice is previewed, issued, listed and downloaded', { timeout: 40_000 }, async () => {
    const { page } = k;
    await page.getByTestId('manage-tab-invoices').click();
    await page.getByTestId('invoice-new').waitFor();
    await page.getByTestId('billing-demo').waitFor();
    await typeOnKeyboard(page, 'Lé');
    await page.locator('[data-testid=invoice-member-result][data-name="Léa Dubois"]').click();
    await page.getByTestId('invoice-period-thisMonth').click();
    await page.getByTestId('invoice-preview').waitFor();
    assert.equal(await page.getByTestId('invoice-preview-line').count(), 2, 'the sale and its correction; the payment is not invoiced');
    assert.equal(await page.getByTestId('invoice-preview-total').getAttribute('data-cents'), '450');
    await look(page, 'ledger-invoice-preview-fr', { selector: '[data-testid=invoice-preview]' });
    await page.getByTestId('invoice-issue').click();
    await page.getByTestId('invoice-confirm').waitFor();
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('invoice-issued').waitFor();
    const number = await page.getByTestId('invoice-issued').getAttribute('data-number');
    assert.match(number ?? '', /^FK-2026-000001$/);
    await page.locator(`[data-testid=invoice-row][data-number="${number}"]`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid=invoice-row][data-number="${number}"] [data-testid=invoice-pdf]`).click()]);
    assert.equal(download.suggestedFilename(), `facture-${number}.pdf`);
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    await look(page, 'ledger-invoice-issued-fr');

    // The seller's details: placeholders until edited; payment terms from 30 to 45 days.
    await page.getByTestId('billing-edit').click();
    await page.getByTestId('billing-terms-more').click();
    assert.equal(await textOf(page.getByTestId('billing-terms-value')), '45 jours');
    await look(page, 'ledger-billing-edit-fr', { selector: '[data-testid=billing-settings]' });
    await page.getByTestId('billing-save').click();
    await page.getByTestId('billing-edit').waitFor();
    assert.equal((await manager.ok<{ paymentTermsDays: number }>('billing.settings', {})).paymentTermsDays, 45);
  });

  test('a sale to a visitor at the counter, paid in cash', { timeout: 40_000 }, async () => {
    const { page } = k;
    await page.getByTestId('nav-shop').click();
    await page.getByTestId('screen-shop').waitFor();
    await page.getByTestId('buyer-visitor').click();
    const pla = page.locator('[data-testid=product][data-code=pla-175]');
    await pla.getByTestId('product-qty-more').click();
    await pla.getByTestId('product-qty-more').click();
    assert.equal(await textOf(pla.getByTestId('product-qty-value')), '500 g');
    assert.equal(await page.getByTestId('basket-total').getAttribute('data-cents'), '1250');
    assert.equal(await page.getByTestId('pay-account').isDisabled(), true, 'a visitor has no account');
    await page.getByTestId('pay-cash').click();
    await look(page, 'ledger-shop-counter-fr');
    await page.getByTestId('basket-confirm').click();
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('receipt').waitFor();
    assert.equal(await page.getByTestId('receipt-method').getAttribute('data-method'), 'cash');
    assert.equal(await page.getByTestId('receipt-balance').count(), 0);
    await look(page, 'ledger-shop-counter-receipt-fr');
    const visitors = await manager.ok<LedgerPage>('ledger.list', { visitorsOnly: true });
    assert.equal(visitors.total, 2, 'the sale line and the cash received');
    assert.equal(visitors.sumCents, 0);
  });

  test('the member finds the invoice in their space and downloads it', { timeout: 40_000 }, async () => {
    const { page, problems } = k;
    await signOut(page);
    await signIn(page, demo.member);
    await page.getByTestId('nav-account').click();
    const row = page.locator('[data-testid=invoice-row][data-number="FK-2026-000001"]');
    await row.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('invoice-pdf').click()]);
    assert.equal(readFileSync(await download.path()).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(await textOf(page.getByTestId('account-balance')), /4,50 €/);
    assert.equal(await page.getByTestId('balance-state').getAttribute('data-state'), 'advance');
    await look(page, 'ledger-account-invoices-fr', { selector: '[data-testid=invoice-list]' });
    assert.deepEqual(problems, []);
  });
});
