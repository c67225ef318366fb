import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LedgerEntryView } from '../../electron/api/types';
import { createI18n } from '../i18n/index';
import { amountText, balanceState, entryLabel, formatQuantity, formatUnitPrice, parseAmount, parseDecimal } from './amounts';

const i18n = createI18n({ react: false });
const fr = i18n.getFixedT('fr');
const en = i18n.getFixedT('en');
// Intl puts no-break spaces in French figures; compare with plain spaces.
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

test('a balance reads as owed, in advance or settled', () => {
  assert.equal(balanceState(-900), 'due');
  assert.equal(balanceState(150), 'advance');
  assert.equal(balanceState(0), 'settled');
});

test('quantities in the unit people count in', () => {
  assert.equal(plain(formatQuantity(5400, 's', 'fr', fr)), '1 h 30 min');
  assert.equal(plain(formatQuantity(250, 'g', 'fr', fr)), '250 g');
  assert.equal(plain(formatQuantity(1500, 'g', 'fr', fr)), '1,5 kg');
  assert.equal(plain(formatQuantity(2, 'sheet', 'fr', fr)), '2 plaques');
  assert.equal(plain(formatQuantity(1, 'sheet', 'fr', fr)), '1 plaque');
  assert.equal(plain(formatQuantity(1, 'sheet', 'en', en)), '1 sheet');
  assert.equal(plain(formatQuantity(2.5, 'm', 'fr', fr)), '2,5 m');
  assert.equal(plain(formatQuantity(1, 'day', 'en', en)), '1 day');
  assert.equal(plain(formatQuantity(3, 'item', 'fr', fr)), '3 pièces');
});

test('unit prices per hour, per kilo, per sheet', () => {
  assert.equal(plain(formatUnitPrice(300, 3600, 's', 'EUR', 'fr', fr)), '3 €/h');
  assert.equal(plain(formatUnitPrice(2500, 1000, 'g', 'EUR', 'fr', fr)), '25 €/kg');
  assert.equal(plain(formatUnitPrice(450, 1, 'sheet', 'EUR', 'fr', fr)), '4,50 € la plaque');
  assert.equal(plain(formatUnitPrice(450, 1, 'sheet', 'EUR', 'en', en)), '€4.50 per sheet');
  assert.equal(formatUnitPrice(null, null, 'sheet', 'EUR', 'fr', fr), null);
});

const entry = (p: Partial<LedgerEntryView>): LedgerEntryView => ({
  id: 'e1',
  occurredAt: '2026-12-07T10:00:00Z',
  day: '2026-12-07',
  createdAt: '2026-12-07T10:00:00Z',
  kind: 'shop_sale',
  source: 'shop',
  memberId: 'm1',
  memberName: 'Léa Dubois',
  visitorLabel: null,
  profileCategory: 'pupil_student',
  machine: null,
  material: null,
  shopItem: null,
  jobId: null,
  visitId: null,
  saleId: null,
  subscriptionId: null,
  correctsId: null,
  correctedBy: [],
  quantity: 1,
  unit: 'sheet',
  priceCents: 450,
  perQuantity: 1,
  priceRuleId: null,
  grossCents: 450,
  quotaQuantity: 0,
  quotaCents: 0,
  freeCents: 0,
  discountPct: 0,
  discountCents: 0,
  amountCents: -450,
  paymentMethod: 'account',
  periodStart: null,
  periodEnd: null,
  lines: [],
  reason: null,
  recordedBy: null,
  ...p,
});

test("an entry's label: its priced line in the screen's language, a payment and how, a correction and why", () => {
  const line = {
    kind: 'shop_sale' as const,
    labelKey: 'ledger.line.shop_material',
    labelParams: { code: 'plywood-3', nameFr: 'Contreplaqué 3 mm', nameEn: 'Plywood 3 mm' },
    quantity: 1,
    unit: 'sheet' as const,
    priceCents: 450,
    perQuantity: 1,
    priceRuleId: null,
    grossCents: 450,
    quotaQuantity: 0,
    quotaCents: 0,
    planTermsId: null,
    freeCents: 0,
    freeReason: null,
    discountPct: 0,
    discountCents: 0,
    discountRuleId: null,
    chargeCents: 450,
  };
  assert.equal(entryLabel(entry({ lines: [line] }), fr, 'fr'), 'Boutique : Contreplaqué 3 mm');
  assert.equal(entryLabel(entry({ lines: [line] }), en, 'en'), 'Shop: Plywood 3 mm');
  assert.equal(entryLabel(entry({ kind: 'payment', source: 'payment', paymentMethod: 'cheque', amountCents: 1000 }), fr, 'fr'), 'Règlement : Chèque');
  assert.equal(
    entryLabel(entry({ kind: 'machine_time', source: 'correction', correctsId: 'e0', reason: 'panne', machine: { id: 'x', code: 'laser', name: { fr: 'Laser', en: 'Laser' } } }), fr, 'fr'),
    'Correction : Temps machine : Laser (panne)',
  );
  // A label key the screen does not know falls back on the kind.
  assert.equal(entryLabel(entry({ lines: [{ ...line, labelKey: 'ledger.line.something_new' }] }), en, 'en'), 'Shop');
});

test('amounts typed on the keypad become cents; anything else is refused', () => {
  assert.equal(parseAmount('12'), 1200);
  assert.equal(parseAmount('12,5'), 1250);
  assert.equal(parseAmount('12.05'), 1205);
  assert.equal(parseAmount('0,'), 0);
  assert.equal(parseAmount(''), null);
  assert.equal(parseAmount('1,234'), null);
  assert.equal(parseAmount('100000'), 10_000_000);
  assert.equal(parseAmount('100001'), null);
  assert.equal(parseDecimal('2,5'), 2.5);
  assert.equal(parseDecimal('2,5', 0), null);
  assert.equal(amountText(1250, 'fr'), '12,50');
  assert.equal(amountText(1200, 'en'), '12');
  assert.equal(amountText(-905, 'en'), '9.05');
});
