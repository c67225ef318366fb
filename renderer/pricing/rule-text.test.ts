import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanTermsView, PriceRuleView } from '../../electron/api/types';
import { createI18n } from '../i18n/index';
import { planValueText, ruleValueText, typedPriceCents } from './rule-text';

const i18n = createI18n({ react: false });
const fr = i18n.getFixedT('fr');
const en = i18n.getFixedT('en');
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const rule = (p: Partial<PriceRuleView>): PriceRuleView => ({
  id: 'r',
  key: 'k',
  kind: 'machine_time',
  effectiveFrom: '2000-01-01T00:00:00Z',
  active: true,
  inForce: true,
  machine: null,
  material: null,
  shopItem: null,
  profileCategory: null,
  scope: null,
  priceCents: 1200,
  perQuantity: 3600,
  unit: 's',
  discountPct: null,
  months: null,
  changedBy: null,
  reason: null,
  ...p,
});

test('rules read as people pay: per hour, per kilo, a percentage, free months, off', () => {
  assert.equal(plain(ruleValueText(rule({}), fr, 'fr', 'EUR')), '12 €/h');
  assert.equal(plain(ruleValueText(rule({ kind: 'material', priceCents: 2500, perQuantity: 1000, unit: 'g' }), en, 'en', 'EUR')), '€25/kg');
  assert.equal(plain(ruleValueText(rule({ kind: 'category_discount', discountPct: 50, priceCents: null, unit: null }), fr, 'fr', 'EUR')), '50 %');
  assert.equal(ruleValueText(rule({ kind: 'first_month_free', months: 2, priceCents: null, unit: null }), fr, 'fr', 'EUR'), '2 mois offerts');
  assert.equal(ruleValueText(rule({ active: false }), en, 'en', 'EUR'), 'Off');
});

test('the price typed for a rule is in the unit people pay in', () => {
  assert.equal(typedPriceCents(rule({})), 1200);
  assert.equal(typedPriceCents(rule({ priceCents: 25, perQuantity: 10, unit: 'g' })), 2500);
  assert.equal(typedPriceCents(rule({ priceCents: 450, perQuantity: 1, unit: 'sheet' })), 450);
});

test("a plan's terms in one line", () => {
  const plan: PlanTermsView = {
    id: 'p',
    planId: 'coworking-20-days',
    name: { fr: '20 jours', en: '20 days' },
    effectiveFrom: '2000-01-01T00:00:00Z',
    active: true,
    inForce: true,
    priceCents: 10000,
    period: 'quarter',
    includedDays: 20,
    coversCoworking: true,
    machineMinutesPerMonth: 120,
    changedBy: null,
    reason: null,
  };
  assert.equal(plain(planValueText(plan, fr, 'fr', 'EUR')), '100 € par trimestre · 20 jours de coworking · 2 h de machine par mois');
  assert.equal(plain(planValueText({ ...plan, includedDays: null, machineMinutesPerMonth: 0 }, en, 'en', 'EUR')), '€100 a quarter · Unlimited coworking');
});
